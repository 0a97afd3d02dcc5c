// Fuzz target `import`: the one import layer (lib/taizhang/import.h import_files) over CSV,
// JSON Lines and attlog, for every kind of record that imports, on a ledger made once in a
// temporary folder (two departments, four people of whom one is voided, a leave, a punch,
// a trip and a calendar day, so that lookups, duplicates and overlaps have something to find).
//
// Each file's encoding is detected (encoding.h), so bytes that are not UTF-8 but read as
// GB18030 go through the conversion. The first byte of the input chooses how the rest is
// imported:
//
//   bits 0-2  the kind: 0 person, 1 department, 2 punch (chunks of 3 rows, so that the writer
//             thread runs often), 3 leave, 4 day, 5 trip, 6 outing, 7 punch (the registry's
//             own spec)
//   bits 3-4  the format: 0 csv, 1 jsonl, 2 attlog, 3 tsv
//   bit 5     --skip-invalid
//   bit 6     --rejects FILE (with --skip-invalid)
//   bit 7     several files: the rest is split at each 0x1E byte
//
// Every run is a dry run (the transaction is rolled back), so the ledger is the same for
// every input. Checked: nothing escapes but taizhang::Error (and not Status::software);
// the ledger is unchanged afterwards and no transaction is left open; the counts agree
// with the errors listed.

#include "fuzz_support.h"

#include "taizhang/changelog.h"
#include "taizhang/clock.h"
#include "taizhang/config.h"
#include "taizhang/import.h"
#include "taizhang/punches.h"
#include "taizhang/record_kind.h"
#include "taizhang/store.h"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace taizhang;

const RecordKind& kind(const std::string& name) {
  const RecordKind* k = find_kind(name);
  FUZZ_CHECK(k != nullptr);
  return *k;
}

struct Office {
  fs::path dir;
  Config config;
  std::optional<SQLite::Database> db;
  std::optional<Context> context;
  std::int64_t changes = 0;

  Office() {
    std::string pattern = (fs::temp_directory_path() / "taizhang-fuzz-XXXXXX").string();
    FUZZ_CHECK(::mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
    db.emplace(create_store(dir / "ledger.db"));
    context.emplace(*db, config, Actor{"fuzz", "fuzz", *parse_utc("2026-10-15T01:02:03Z")});
    Context& c = *context;
    kind("department").add(c, {{"code", "D01"}, {"name", "办公室"}});
    kind("department").add(c, {{"code", "D02"}, {"name", "财务科"}, {"parent", "D01"}});
    kind("person").add(c, {{"code", "P0001"}, {"name", "张三"}, {"department", "D01"}, {"badge", "1001"},
                           {"joined", "2008-07-01"}});
    kind("person").add(c, {{"code", "P0002"}, {"name", "李四"}, {"department", "D02"}, {"badge", "12"}});
    kind("person").add(c, {{"code", "P0003"}, {"name", "王五"}, {"department", "D01"}});
    kind("person").add(c, {{"code", "P0004"}, {"name", "赵六"}, {"department", "D01"}, {"badge", "77"}});
    kind("person").void_record(c, "P0004", "重复录入");
    kind("leave").add(c, {{"person", "P0001"}, {"type", "事假"}, {"start", "2026-10-12"}, {"reason", "家中有事"}});
    kind("punch").add(c, {{"person", "P0001"}, {"time", "2026-10-09 08:21:30"}, {"device", "前门"}});
    kind("trip").add(c, {{"person", "P0002"}, {"start", "2026-10-20"}, {"end", "2026-10-21"}, {"destination", "北京"}});
    kind("day").add(c, {{"date", "2026-10-24"}, {"kind", "holiday"}, {"name", "运动会"}});
    changes = state();
  }
  ~Office() {
    context.reset();
    db.reset();
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  Office(const Office&) = delete;
  Office& operator=(const Office&) = delete;

  /// A fingerprint of what the ledger holds: rows of every table an import writes.
  std::int64_t state() {
    return db->execAndGet("SELECT (SELECT count(*) FROM changes) + (SELECT count(*) FROM import_batches) * 1000 + "
                          "(SELECT count(*) FROM people) * 100000 + (SELECT count(*) FROM departments) * 1000000 + "
                          "(SELECT count(*) FROM punches) * 10000000 + (SELECT count(*) FROM leave) * 100000000 + "
                          "(SELECT count(*) FROM trips) * 1000000000 + "
                          "(SELECT count(*) FROM calendar_days) * 10000000000")
        .getInt64();
  }
};

/// TAIZHANG_FUZZ_VERBOSE=1 prints each run's outcome (to see what a seed reaches).
bool verbose() {
  static const bool on = std::getenv("TAIZHANG_FUZZ_VERBOSE") != nullptr;
  return on;
}

Office& office() {
  static Office o;
  return o;
}

ImportSpec spec_for(unsigned choice, Context& c) {
  static const char* const kinds[] = {"person", "department", "punch", "leave", "day", "trip", "outing", "punch"};
  if (choice == 2) return punch_import_spec(PunchWindow{19900101000000, 99991231235959}, Instant{}, 3);
  return kind(kinds[choice]).import(c);
}

void write(const fs::path& file, std::string_view bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  FUZZ_CHECK(static_cast<bool>(out));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  Office& o = office();
  const unsigned selector = data[0];
  const std::string_view rest = fuzz::text_of(data + 1, size - 1);

  ImportOptions options;
  options.dry_run = true;
  const unsigned format = (selector >> 3) & 3;
  options.format = format == 1   ? InputFormat::jsonl
                   : format == 2 ? InputFormat::attlog
                   : format == 3 ? InputFormat::tsv
                                 : InputFormat::csv;
  options.skip_invalid = (selector & 0x20) != 0;
  if (options.skip_invalid && (selector & 0x40) != 0) options.rejects = o.dir / "rejects.csv";

  std::vector<std::string_view> parts;
  if ((selector & 0x80) != 0) {
    for (std::size_t start = 0;;) {
      const std::size_t sep = rest.find('\x1e', start);
      parts.push_back(rest.substr(start, sep == std::string_view::npos ? std::string_view::npos : sep - start));
      if (sep == std::string_view::npos || parts.size() == 4) break;
      start = sep + 1;
    }
  } else {
    parts.push_back(rest);
  }
  std::vector<std::string> files;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const fs::path file = o.dir / ("input-" + std::to_string(i));
    write(file, parts[i]);
    files.push_back(file.string());
  }

  const ImportSpec spec = spec_for(selector & 7, *o.context);
  try {
    const ImportResult result = import_files(*o.db, o.context->actor, spec, files, options);
    FUZZ_CHECK(static_cast<std::size_t>(result.total.rejected) == result.errors.size());
    FUZZ_CHECK(result.total.added >= 0 && result.total.unchanged >= 0);
    FUZZ_CHECK(options.skip_invalid || result.total.rejected == 0);
    if (verbose()) {
      std::fprintf(stderr, "%s: %lld added, %lld unchanged, %lld rejected\n", spec.kind.c_str(),
                   static_cast<long long>(result.total.added), static_cast<long long>(result.total.unchanged),
                   static_cast<long long>(result.total.rejected));
      for (const std::string& e : result.errors) std::fprintf(stderr, "  %s\n", e.c_str());
    }
  } catch (const Error& e) {
    if (verbose()) std::fprintf(stderr, "%s: refused (%d): %s\n", spec.kind.c_str(), static_cast<int>(e.status), e.what());
    fuzz::expected(e);
  }
  FUZZ_CHECK(sqlite3_get_autocommit(o.db->getHandle()) != 0);  // no transaction left open
  FUZZ_CHECK(o.state() == o.changes);
  return 0;
}
