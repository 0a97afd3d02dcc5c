// taizhang check: one line per check of the ledger; exit status 1 when any fails.
#include "cli.h"

#include "taizhang/check.h"
#include "taizhang/error.h"

#include <fmt/format.h>

namespace cli {
using namespace taizhang;

void build_check(CLI::App* verb, Globals& g) {
  verb->footer("Checks: integrity (PRAGMA integrity_check), foreign keys (PRAGMA foreign_key_check), schema "
               "(its version against this taizhang's), change log (its hash chain: the first entry edited, "
               "inserted or deleted behind taizhang's back; ends with the head seal to write down) and records "
               "(each record against the log's last values of it, each import against its digest). With "
               "--quiet only the failed checks are printed. Exit status 1 when any check fails.");
  verb->callback([&g] {
    std::size_t failed = 0, total = 0;
    with_context(g, OpenMode::read_only, [&](Context& c) {
      const CheckReport report = check_ledger(c.db);
      for (const CheckLine& line : report.lines) {
        if (!g.quiet || !line.ok) out(g) << format_line(line) << '\n';
      }
      failed = report.failed();
      total = report.lines.size();
    });
    if (failed > 0) {
      finish_output(g);
      throw Error(Status::findings, fmt::format("{} of {} checks failed", failed, total));
    }
  });
}

}  // namespace cli
