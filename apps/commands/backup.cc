// taizhang backup FILE: a consistent copy of the ledger while others may be writing.
#include "cli.h"

#include "taizhang/backup.h"

#include <fmt/format.h>

namespace cli {
using namespace taizhang;

namespace {

std::string size_text(std::uintmax_t bytes) {
  if (bytes < (1U << 20)) return fmt::format("{} KiB", (bytes + 1023) / 1024);
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20));
}

}  // namespace

void build_backup(CLI::App* verb, Globals& g) {
  auto file = std::make_shared<std::string>();
  verb->add_option("file", *file, "The backup: a new file, or an earlier backup to replace (the ledger itself is "
                                  "refused)")
      ->required();
  verb->footer("The copy is one snapshot of the ledger, taken with SQLite's online backup while other commands "
               "go on writing, written beside FILE and renamed into place only when whole; it is created without "
               "permissions for others. Check it with `taizhang --db FILE check`.");
  verb->callback([&g, file] {
    with_context(g, OpenMode::read_only, [&](Context& c) {
      const BackupResult r = backup_store(c.db, *file);
      say(g, fmt::format("backed up the ledger to {} ({})", *file, size_text(r.bytes)));
    });
  });
}

}  // namespace cli
