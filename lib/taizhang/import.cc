#include "taizhang/import.h"

#include "taizhang/csv.h"
#include "taizhang/input_file.h"
#include "taizhang/output_file.h"
#include "taizhang/suggest.h"
#include "taizhang/text.h"
#include "taizhang/worker.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <future>
#include <map>
#include <sstream>
#include <system_error>
#include <unordered_map>

namespace taizhang {
namespace fs = std::filesystem;

namespace {

/// Often enough for a line redrawn a few times a second at the slowest importer's pace (the
/// plan items', about 11 µs a row: 45 ms), rarely enough that a hook costs nothing seen at
/// the fastest (the punches', about a microsecond a row).
constexpr std::uint64_t progress_every_rows = 4096;
/// How many CSV records are read ahead at a time (FileRun::run_csv).
constexpr std::size_t records_per_batch = 1024;

/// A name from the input (a header, a JSON key) as a message shows it: short, and with
/// its control characters visible.
std::string shown_name(std::string_view name) {
  const std::string_view head = first_characters(name, quoted_characters);
  return printable(head) + (head.size() < name.size() ? "…" : "");
}

std::string label(const FieldSpec& f) {
  return f.aliases.empty() ? f.key : fmt::format("{} ({})", f.aliases.front(), f.key);
}

/// How deep a JSON line may nest: no record needs more than 2, and printing a value nests
/// a call per level (a line of 60,000 brackets ran the stack out).
constexpr int max_json_depth = 64;

/// Whether the JSON text nests deeper than max_json_depth (brackets inside strings do not count).
bool too_deep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_json_depth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

/// Where rejected rows go: an OutputFile (owner only: it holds personal data), put in
/// place only after the run has committed, so a failed run leaves no half-written rejects
/// file and replaces nothing.
struct RejectsFile {
  OutputFile file;
  std::ostream& out;
  std::vector<std::string> header;

  explicit RejectsFile(const fs::path& path)
      : file(path, fs::perms::owner_read | fs::perms::owner_write), out(file.stream()) {}

  void csv_row(const std::vector<std::string>& file_header, std::vector<std::string> fields, std::size_t line,
               const std::string& reason) {
    if (file_header != header) {
      header = file_header;
      std::vector<std::string> h = header;
      h.push_back("_line");
      h.push_back("_reason");
      write_csv_row(out, h);
    }
    fields.resize(header.size());
    fields.push_back(std::to_string(line));
    fields.push_back(reason);
    write_csv_row(out, fields);
  }
  void json_row(const std::string& raw, std::size_t line, const std::string& reason) {
    nlohmann::ordered_json j =
        too_deep(raw) ? nlohmann::ordered_json() : nlohmann::ordered_json::parse(raw, nullptr, false);
    if (!j.is_object()) j = nlohmann::ordered_json{{"_raw", raw}};
    j["_line"] = line;
    j["_reason"] = reason;
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  /// Called after the run has committed (or, in a dry run, ended).
  void commit() { file.commit(); }
};

/// How far a run of several files is, for its progress hook: a run's rows and bytes count
/// on from one file to the next, so a rate and a time left hold across them.
struct RunProgress {
  std::uint64_t rows_before = 0, bytes_before = 0;
  std::uint64_t size = 0;  ///< of all the files; 0 when one's is not known (standard input, a pipe)

  explicit RunProgress(const std::vector<std::string>& files) {
    for (const std::string& f : files) {
      std::error_code ec;
      if (f == "-" || !fs::is_regular_file(f, ec)) {
        size = 0;
        return;
      }
      size += fs::file_size(f, ec);
      if (ec) {
        size = 0;
        return;
      }
    }
  }
};

/// One run over one file: counts, errors and the batch it writes.
struct FileRun {
  SQLite::Database& db;
  const ImportSpec& spec;
  const ImportOptions& options;
  InputFile& input;   // the file's bytes as on disk: their count, size and digest
  std::streambuf& text;  // the same as UTF-8
  RejectsFile* rejects;
  std::unordered_map<std::string, std::size_t>& seen;  // unique_field value → line, across the run
  std::int64_t batch_id;
  ImportCounts counts;
  std::vector<std::string> errors, warnings, file_warnings;
  std::uint64_t rows = 0;
  RunProgress& progress;
  /// While records are read ahead on another thread, the bytes read when the batch being
  /// put was: the file itself is that thread's.
  std::optional<std::uint64_t> bytes_read_ahead = {};

  void report_progress(bool force) {
    if (options.progress && (force || rows % progress_every_rows == 0)) {
      const std::uint64_t bytes = bytes_read_ahead ? *bytes_read_ahead : input.bytes_read();
      options.progress({progress.rows_before + rows, 0, progress.bytes_before + bytes, progress.size,
                        input.display_name()});
    }
  }

  /// Puts one row; on a data error returns the message instead of throwing.
  std::optional<std::string> put(const Fields& fields, std::size_t line) {
    ++rows;
    report_progress(false);
    try {
      // Here, before any kind's own checks, so that no importer can store what check_text refuses.
      check_text(fields, spec.fields);
      // A voided record (a row of `list --all` with its void) is history, beside the one that
      // holds its code now: not one of the rows that must differ.
      if (spec.unique_field && !get(fields, "voided_at") && !get(fields, "void_reason")) {
        if (auto key = get(fields, *spec.unique_field)) {
          const auto [it, fresh] = seen.emplace(*key, line);
          if (!fresh) {
            throw field_error(spec.fields, *spec.unique_field, *key,
                              fmt::format("appears twice in this import (first on line {})", it->second));
          }
        }
      }
      const Outcome outcome = spec.put(db, fields, batch_id);
      ++(outcome == Outcome::added ? counts.added : outcome == Outcome::updated ? counts.updated : counts.unchanged);
      if (spec.take_warnings) {
        for (const std::string& w : spec.take_warnings()) {
          warnings.push_back(fmt::format("{}:{}: {}", input.display_name(), line, w));
        }
      }
      return std::nullopt;
    } catch (const Error& e) {
      if (e.status != Status::data && e.status != Status::no_input) throw;
      return reject(line, e.what());
    } catch (const SQLite::Exception& e) {
      return reject(line, fmt::format("the database refused the row: {}", e.what()));
    }
  }

  std::string reject(std::size_t line, const std::string& why) {
    ++counts.rejected;
    errors.push_back(fmt::format("{}:{}: {}", input.display_name(), line, why));
    return why;
  }

  /// CSV, or TSV with `separator` '\t'.
  void run_csv(char separator) {
    std::istream in(&text);
    in.exceptions(std::ios::badbit);  // an error while reading reaches us, not just a flag
    CsvReader reader(in, input.display_name(), separator);
    std::vector<std::string> header;
    if (!reader.next(header)) {
      throw Error(Status::data, fmt::format("{}: the file is empty; expected a header row naming the columns",
                                            input.display_name()));
    }
    // A header of one column holding the other separator was saved the other way.
    const char other = separator == ',' ? '\t' : ',';
    if (header.size() == 1 && header[0].find(other) != std::string::npos) {
      throw Error(Status::data, fmt::format("{}:{}: the header row is separated by {}, not {}; read the file with "
                                            "--input-format {}",
                                            input.display_name(), reader.line(), other == ',' ? "commas" : "tabs",
                                            other == ',' ? "tabs" : "commas", other == ',' ? "csv" : "tsv"));
    }
    // Each column's field key, or "" for a column that is ignored.
    std::vector<std::string> keys;
    std::vector<std::string> unknown;  // the columns no field takes, as a warning names them
    for (std::size_t i = 0; i < header.size(); ++i) {
      const std::string name = trim(header[i]);
      if (const FieldSpec* f = find_field(spec.fields, name)) {
        if (std::find(keys.begin(), keys.end(), f->key) != keys.end()) {
          throw Error(Status::data, fmt::format("{}:{}: column {} '{}' repeats field '{}'", input.display_name(),
                                                reader.line(), i + 1, shown_name(name), f->key));
        }
        keys.push_back(f->key);
      } else if (name.starts_with("_") || std::find(spec.ignored_columns.begin(), spec.ignored_columns.end(),
                                                    name) != spec.ignored_columns.end()) {
        keys.emplace_back();
      } else if (options.strict) {
        throw Error(Status::data,
                    fmt::format("{}:{}: unknown column {} '{}'{}; the columns of a {} are: {}", input.display_name(),
                                reader.line(), i + 1, shown_name(name), did_you_mean(name, field_names(spec.fields)),
                                spec.kind, describe_fields()));
      } else {
        keys.emplace_back();
        unknown.push_back(fmt::format("{} '{}'{}", i + 1, shown_name(name),
                                      did_you_mean(name, field_names(spec.fields))));
      }
    }
    if (!unknown.empty()) {
      file_warnings.push_back(fmt::format(
          "{}:{}: {} {} {} of a {}; {} ignored (--strict refuses the file)", input.display_name(), reader.line(),
          unknown.size() == 1 ? "column" : "columns", fmt::join(unknown, ", "),
          unknown.size() == 1 ? "is not a field" : "are not fields", spec.kind,
          unknown.size() == 1 ? "it is" : "they are"));
    }
    for (const FieldSpec& f : spec.fields) {
      if (f.required && std::find(keys.begin(), keys.end(), f.key) == keys.end()) {
        throw Error(Status::data, fmt::format("{}:{}: no column for the required field {} ({})",
                                              input.display_name(), reader.line(),
                                              f.aliases.empty() ? f.key : f.aliases.front(), f.key));
      }
    }
    Fields fields;
    std::vector<std::string*> slots(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (!keys[i].empty()) slots[i] = &fields[keys[i]];
    }
    const auto put_record = [&](const std::vector<std::string>& record, std::size_t line) {
      std::optional<std::string> why;
      if (record.size() != header.size()) {
        ++rows;
        why = reject(line, fmt::format("has {} fields, the header has {}", record.size(), header.size()));
      } else {
        // Every row has the same fields: their values are overwritten in place, which spares
        // the allocations of a new map per row (millions of them in a time-clock import).
        for (std::size_t i = 0; i < keys.size(); ++i) {
          if (slots[i]) slots[i]->assign(trim_view(record[i]));
        }
        why = put(fields, line);
      }
      if (why && rejects) rejects->csv_row(header, record, line, *why);
    };
    // The records are read and decoded a batch ahead on a second thread while this one puts
    // the batch before: reading, decoding and splitting were a seventh of a large import.
    // Two batches take turns, so that their strings keep their room from one batch to the
    // next. The reader's failure (broken CSV, a byte not in the encoding) is raised here, after
    // the records before it.
    struct Batch {
      std::vector<std::vector<std::string>> records = std::vector<std::vector<std::string>>(records_per_batch);
      std::vector<std::size_t> lines = std::vector<std::size_t>(records_per_batch);
      std::size_t count = 0;
      std::uint64_t bytes = 0;
      bool last = false;
    };
    Batch batches[2];
    const auto fill = [&reader, this](Batch& b) {
      b.count = 0;
      while (b.count < records_per_batch && reader.next(b.records[b.count])) b.lines[b.count++] = reader.line();
      b.last = b.count < records_per_batch;
      b.bytes = input.bytes_read();
    };
    Worker reader_thread;  // after what its jobs use, so that it goes first
    const auto read_ahead = [&fill, &reader_thread](Batch& b) { return reader_thread.run([&fill, &b] { fill(b); }); };
    std::future<void> ahead = read_ahead(batches[0]);
    for (int turn = 0;; turn = 1 - turn) {
      ahead.get();
      Batch& b = batches[turn];
      if (!b.last) ahead = read_ahead(batches[1 - turn]);
      bytes_read_ahead = b.bytes;
      for (std::size_t k = 0; k < b.count; ++k) put_record(b.records[k], b.lines[k]);
      if (b.last) break;
    }
    bytes_read_ahead.reset();
  }

  void run_jsonl() {
    std::istream in(&text);
    in.exceptions(std::ios::badbit);
    std::string raw;
    std::size_t line = 0;
    Fields fields;
    while (std::getline(in, raw)) {
      ++line;
      std::string_view text = raw;
      if (line == 1) text = strip_bom(text);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (trim(text).empty()) continue;
      std::optional<std::string> why;
      if (auto bad = find_invalid_utf8(text)) {
        ++rows;
        why = reject(line, fmt::format("invalid UTF-8 at byte {} of the line", *bad + 1));
      } else {
        why = put_json(text, line, fields);
      }
      if (why && rejects) rejects->json_row(std::string(text), line, *why);
    }
  }

  std::optional<std::string> put_json(std::string_view text, std::size_t line, Fields& fields) {
    // The parser keeps the last of two equal keys; the callback sees both, so a value is
    // never dropped without a word.
    std::vector<std::string> keys;
    std::optional<std::string> repeated;
    const auto watch_keys = [&](int depth, nlohmann::ordered_json::parse_event_t event, nlohmann::ordered_json& parsed) {
      if (depth == 1 && event == nlohmann::ordered_json::parse_event_t::key && !repeated && parsed.is_string()) {
        const std::string& key = parsed.get_ref<const std::string&>();
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
          repeated = key;
        } else {
          keys.push_back(key);
        }
      }
      return true;
    };
    if (too_deep(text)) {
      ++rows;
      return reject(line, fmt::format("nested deeper than {} levels; a record's fields are text", max_json_depth));
    }
    const nlohmann::ordered_json j = nlohmann::ordered_json::parse(text, watch_keys, false);
    if (j.is_discarded() || !j.is_object()) {
      ++rows;
      return reject(line, "not a JSON object");
    }
    if (repeated) {
      ++rows;
      return reject(line, fmt::format("key '{}' appears twice in the object; give each field once",
                                      shown_name(*repeated)));
    }
    fields.clear();
    std::map<std::string, std::string> given_as;  // field key → the name the object used for it
    for (const auto& [name, value] : j.items()) {
      const FieldSpec* f = find_field(spec.fields, name);
      if (!f) {
        if (name.starts_with("_") ||
            std::find(spec.ignored_columns.begin(), spec.ignored_columns.end(), name) != spec.ignored_columns.end()) {
          continue;
        }
        ++rows;
        return reject(line, fmt::format("unknown field '{}'{}", shown_name(name),
                                        did_you_mean(name, field_names(spec.fields))));
      }
      if (const auto [it, fresh] = given_as.emplace(f->key, name); !fresh) {
        ++rows;
        return reject(line, fmt::format("keys '{}' and '{}' both give the field {}; give it once",
                                        shown_name(it->second), shown_name(name), label(*f)));
      }
      if (value.is_object() || value.is_array()) {
        ++rows;
        return reject(line, field_error(*f, value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                                        fmt::format("a JSON {} where text is expected",
                                                    value.is_object() ? "object" : "array"))
                                .what());
      }
      fields[f->key] = value.is_string() ? trim(value.get<std::string>())
                       : value.is_null() ? std::string()
                                         : value.dump();
    }
    return put(fields, line);
  }

  /// A time clock's attlog export: tab-separated, no header; see InputFormat::attlog.
  void run_attlog() {
    std::istream in(&text);
    in.exceptions(std::ios::badbit);
    static const std::vector<std::string> rejects_header = {"_raw"};
    std::string raw;
    std::size_t line = 0;
    std::optional<bool> with_device;  // decided on the first non-empty line
    Fields fields;
    std::vector<std::string_view> columns;
    while (std::getline(in, raw)) {
      ++line;
      std::string_view text = raw;
      if (line == 1) text = strip_bom(text);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
      columns.clear();
      for (std::size_t start = 0;;) {
        const std::size_t tab = text.find('\t', start);
        columns.push_back(text.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
      }
      if (!with_device) {
        const std::string third = columns.size() > 2 ? trim(columns[2]) : std::string();
        with_device = columns.size() >= 6 && !third.empty() &&
                      third.find_first_not_of("0123456789") == std::string::npos;
      }
      std::optional<std::string> why;
      if (auto bad = find_invalid_utf8(text)) {
        ++rows;
        why = reject(line, fmt::format("invalid UTF-8 at byte {} of the line", *bad + 1));
      } else if (columns.size() < 2) {
        ++rows;
        why = reject(line, fmt::format("has {} column; an attlog line has the badge PIN, the time{} and more, "
                                       "separated by tabs",
                                       columns.size(), *with_device ? ", the device" : ""));
      } else {
        fields["badge"].assign(trim_view(columns[0]));
        fields["time"].assign(trim_view(columns[1]));
        if (*with_device) fields["device"].assign(columns.size() > 2 ? trim_view(columns[2]) : std::string_view());
        why = put(fields, line);
      }
      if (why && rejects) rejects->csv_row(rejects_header, {std::string(text)}, line, *why);
    }
  }

  std::string describe_fields() const {
    std::vector<std::string> names;
    for (const FieldSpec& f : spec.fields) names.push_back(label(f));
    return fmt::format("{}", fmt::join(names, ", "));
  }
};

std::int64_t begin_batch(SQLite::Database& db, const Actor& actor, const ImportSpec& spec, const std::string& name) {
  SQLite::Statement insert(db,
                           "INSERT INTO import_batches (at, by_user, kind, file_name, file_size, sha256) "
                           "VALUES (?, ?, ?, ?, 0, '')");
  insert.bind(1, format_utc(actor.at));
  insert.bind(2, actor.user);
  insert.bind(3, spec.kind);
  insert.bind(4, name);
  insert.exec();
  return db.getLastInsertRowid();
}

}  // namespace

InputFormat format_of(const std::string& file_name) {
  const std::string ext = fs::path(file_name).extension().string();
  if (ext == ".dat" || ext == ".DAT") return InputFormat::attlog;
  if (ext == ".tsv" || ext == ".TSV") return InputFormat::tsv;
  return ext == ".jsonl" || ext == ".ndjson" || ext == ".json" ? InputFormat::jsonl : InputFormat::csv;
}

ImportResult import_files(SQLite::Database& db, const Actor& actor, const ImportSpec& spec,
                          const std::vector<std::string>& files, const ImportOptions& options) {
  if (files.empty()) throw Error(Status::usage, "name at least one file to import (- reads standard input)");
  std::optional<RejectsFile> rejects;
  if (options.rejects) {
    if (*options.rejects == "-") {
      throw Error(Status::usage, "--rejects -: the rejected rows are already listed on standard error; "
                                 "name a file for them");
    }
    std::vector<fs::path> keep = ledger_files(db.getFilename());
    keep.insert(keep.end(), options.protected_paths.begin(), options.protected_paths.end());
    for (const std::string& f : files) {
      if (f != "-") keep.emplace_back(f);
    }
    refuse_to_replace(*options.rejects, keep, "--rejects " + options.rejects->string(), "the rejects file");
    rejects.emplace(*options.rejects);
  }

  // The run's caches go when it ends, however it ends (before the transaction rolls back).
  struct EndRun {
    const ImportSpec& spec;
    ~EndRun() {
      if (spec.end_run) spec.end_run();
    }
  };

  // Enough cache for the index pages a run writes (SQLite's default is 2 MiB): with less,
  // dirty pages spill to the journal in mid-run and are written twice. Well under the
  // 64 MiB an import may use; restored when the run ends, with the temporary store.
  struct RunPragmas {
    SQLite::Database& db;
    std::int64_t cache_size = db.execAndGet("PRAGMA cache_size").getInt64();
    std::int64_t temp_store = db.execAndGet("PRAGMA temp_store").getInt64();
    explicit RunPragmas(SQLite::Database& d) : db(d) {
      db.exec("PRAGMA cache_size = -16384");
      // A statement that writes many rows (an INSERT of 64) keeps what it changes in a
      // statement journal until it ends, in a temporary file past 64 KiB: 46 MB of writes
      // to /var/tmp for 246,350 study records. In memory it is one statement's pages.
      db.exec("PRAGMA temp_store = MEMORY");
    }
    ~RunPragmas() {
      try {
        db.exec(fmt::format("PRAGMA temp_store = {}", temp_store));
        db.exec(fmt::format("PRAGMA cache_size = {}", cache_size));
      } catch (const SQLite::Exception&) {
        // Either, left as the run set it, is harmless.
      }
    }
    RunPragmas(const RunPragmas&) = delete;
    RunPragmas& operator=(const RunPragmas&) = delete;
  };

  ImportResult result;
  std::unordered_map<std::string, std::size_t> seen;
  const RunPragmas cache(db);
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  const EndRun end_run{spec};
  // Only a run that reports its progress asks the files' sizes up front.
  RunProgress progress = options.progress ? RunProgress(files) : RunProgress({});
  for (const std::string& name : files) {
    const InputFormat format = options.format ? *options.format : format_of(name);
    if (format == InputFormat::attlog && (!find_field(spec.fields, "badge") || !find_field(spec.fields, "time"))) {
      throw Error(Status::usage, fmt::format("{}: an attlog file holds time-clock punches; it can not be imported "
                                             "as {} records (--input-format csv or jsonl)",
                                             name == "-" ? "(stdin)" : name, spec.kind));
    }
    InputFile input(name);
    Utf8Input text(input, input.display_name(), options.encoding);
    const std::int64_t batch = begin_batch(db, actor, spec, input.display_name());
    FileRun run{db,      spec, options, input, text, rejects ? &*rejects : nullptr, seen, batch, {}, {}, {}, {}, 0,
                progress};
    if (spec.begin_file) spec.begin_file(format);
    if (format == InputFormat::jsonl) {
      run.run_jsonl();
    } else if (format == InputFormat::attlog) {
      run.run_attlog();
    } else {
      run.run_csv(format == InputFormat::tsv ? '\t' : ',');
    }
    if (spec.end_file) {
      const std::int64_t already = spec.end_file();
      run.counts.added -= already;
      run.counts.unchanged += already;
    }
    run.report_progress(true);
    progress.rows_before += run.rows;
    progress.bytes_before += input.bytes_read();

    SQLite::Statement finish(db,
                             "UPDATE import_batches SET file_size = ?, sha256 = ?, added = ?, unchanged = ?, "
                             "rejected = ? WHERE id = ?");
    finish.bind(1, static_cast<std::int64_t>(input.bytes_read()));
    finish.bind(2, input.sha256());
    finish.bind(3, run.counts.added);
    finish.bind(4, run.counts.unchanged);
    finish.bind(5, run.counts.rejected);
    finish.bind(6, batch);
    finish.exec();
    nlohmann::ordered_json logged = {{"file", input.display_name()}};
    if (text.encoding() != Encoding::utf8) logged["encoding"] = encoding_name(text.encoding());
    logged["added"] = run.counts.added;
    if (run.counts.updated > 0) logged["updated"] = run.counts.updated;
    logged["unchanged"] = run.counts.unchanged;
    logged["rejected"] = run.counts.rejected;
    log_change(db, actor, "import", spec.kind, std::nullopt, nullptr, logged, batch,
               spec.batch_digest ? spec.batch_digest(batch, run.counts.added) : std::nullopt);

    result.total.added += run.counts.added;
    result.total.updated += run.counts.updated;
    result.total.unchanged += run.counts.unchanged;
    result.total.rejected += run.counts.rejected;
    result.errors.insert(result.errors.end(), run.errors.begin(), run.errors.end());
    result.warnings.insert(result.warnings.end(), run.warnings.begin(), run.warnings.end());
    result.file_warnings.insert(result.file_warnings.end(), run.file_warnings.begin(), run.file_warnings.end());
    result.files.push_back({input.display_name(), text.encoding(), text.detected()});
  }

  if (result.total.rejected > 0 && !options.skip_invalid) {
    std::string message;
    const std::size_t shown = std::min(result.errors.size(), options.errors_shown);
    for (std::size_t i = 0; i < shown; ++i) message += result.errors[i] + "\n";
    if (result.errors.size() > shown) message += fmt::format("… and {} more\n", result.errors.size() - shown);
    message += fmt::format("{} of {} rows are bad; nothing was imported (--skip-invalid imports the good rows)",
                           result.total.rejected,
                           result.total.added + result.total.updated + result.total.unchanged + result.total.rejected);
    throw Error(Status::data, message);
  }
  if (!options.dry_run) {
    // Until the commit the rows may sit in SQLite's cache: a full disk is often met here.
    try {
      tx.commit();
    } catch (const SQLite::Exception& e) {
      throw Error(Status::io, fmt::format("{}: the import could not be written to the ledger ({}); nothing was "
                                          "imported",
                                          db.getFilename(), e.what()));
    }
  }
  // Only now: a run that failed or was rolled back must not have replaced anything.
  if (rejects) {
    try {
      rejects->commit();
    } catch (const Error& e) {
      throw Error(e.status, fmt::format("{} ({})", e.what(), options.dry_run ? "nothing was imported"
                                                                               : "the import itself was committed"));
    }
  }
  return result;
}

}  // namespace taizhang
