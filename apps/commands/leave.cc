// Leave (请假): `add leave`, `update leave`, `import leave`, `void leave`, `list leave` and
// `list balances`, registered under the verbs the other command files create.
#include "cli.h"

#include "taizhang/calendar.h"
#include "taizhang/error.h"
#include "taizhang/import.h"
#include "taizhang/leave.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>

namespace cli {
using namespace taizhang;

namespace {

std::int64_t leave_id(const std::string& ref) {
  const bool digits = !ref.empty() && ref.size() < 19 &&
                      std::all_of(ref.begin(), ref.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) throw Error(Status::usage, fmt::format("'{}' is not a leave id (a number, as `list leave` shows)", ref));
  return std::stoll(ref);
}

Date today(const Config& config) { return local_date(clock().now(), config.time_zone); }

void add_command(CLI::App* verb, Globals& g) {
  auto* sub = verb->add_subcommand("leave", "Add a leave request: PERSON TYPE START [END] [--reason R]");
  struct Args {
    std::string person, type, start, end, reason;
  };
  auto a = std::make_shared<Args>();
  sub->add_option("person", a->person, "工号 (or person id)")->required();
  sub->add_option("type", a->type, "Leave type (类别), e.g. 年休假")->required();
  sub->add_option("start", a->start, "First day; 2026-10-09pm starts in the afternoon")->required();
  sub->add_option("end", a->end,
                  "Last day (default: the start day); 2026-10-10am ends at noon; 2026-10-09am alone is a morning");
  sub->add_option("--reason", a->reason, "事由");
  sub->callback([&g, a] {
    const Config config = load_config(g);
    SQLite::Database db = open_db(g, config, OpenMode::read_write);
    const Calendar calendar = Calendar::load(db, config);
    Fields f{{"person", trim(a->person)}, {"type", trim(a->type)}, {"start", trim(a->start)}};
    if (!trim(a->end).empty()) f["end"] = trim(a->end);
    if (!trim(a->reason).empty()) f["reason"] = trim(a->reason);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t id = add_leave(db, actor(g), config, calendar, f);
    tx.commit();
    const LeaveRecord leave = *find_leave(db, id);
    const LeaveType* type = config.leave_type(leave.type);
    std::cout << fmt::format("added leave {}: {} {}, {}\n", id, leave_days(leave, config, calendar),
                             type && !type->workdays ? "days" : "workdays", leave.status);
  });
}

void update_command(CLI::App* verb, Globals& g) {
  auto* sub = verb->add_subcommand(
      "leave", "Approve, reject, cancel, return from (销假) or extend (续假) a leave: ID and one action");
  struct Args {
    std::string id, approver, returned, extend_to;
    bool approve = false, reject = false, cancel = false;
  };
  auto a = std::make_shared<Args>();
  sub->add_option("id", a->id, "Leave id")->required();
  sub->add_flag("--approve", a->approve, "Approve a requested leave");
  sub->add_flag("--reject", a->reject, "Reject a requested leave");
  sub->add_option("--approver", a->approver, "Who approved or rejected it (default: --by, else the login name)");
  sub->add_flag("--cancel", a->cancel, "Cancel an approved leave");
  auto* ret = sub->add_option("--return", a->returned,
                              "Register the return (销假) at TIME, \"YYYY-MM-DD HH:MM\" (default: now)")
                  ->expected(0, 1);
  auto* extend = sub->add_option("--extend-to", a->extend_to, "Extend (续假) to a new end, e.g. 2026-10-20am");
  sub->callback([&g, a, ret, extend] {
    const int actions = int(a->approve) + int(a->reject) + int(a->cancel) + int(ret->count() > 0) +
                        int(extend->count() > 0);
    if (actions != 1) {
      throw Error(Status::usage, "give exactly one of --approve, --reject, --cancel, --return [TIME], --extend-to END");
    }
    if (!a->approver.empty() && !a->approve && !a->reject) {
      throw Error(Status::usage, "--approver goes with --approve or --reject");
    }
    const std::int64_t id = leave_id(a->id);
    const Config config = load_config(g);
    SQLite::Database db = open_db(g, config, OpenMode::read_write);
    const Calendar calendar = Calendar::load(db, config);
    const Actor who = actor(g);
    std::string done;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (a->approve) {
      approve_leave(db, who, id, trim(a->approver));
      done = "approved";
    } else if (a->reject) {
      reject_leave(db, who, id, trim(a->approver));
      done = "rejected";
    } else if (a->cancel) {
      cancel_leave(db, who, id);
      done = "cancelled";
    } else if (ret->count() > 0) {
      const std::string at = trim(a->returned).empty() ? format_local(who.at, config.time_zone) : trim(a->returned);
      return_from_leave(db, who, config, id, at);
      done = "returned at " + *find_leave(db, id)->returned_at;
    } else {
      extend_leave(db, who, config, calendar, id, trim(a->extend_to), today(config));
      done = "extended to " + trim(a->extend_to);
    }
    tx.commit();
    std::cout << fmt::format("leave {} {}\n", id, done);
  });
}

void void_command(CLI::App* verb, Globals& g) {
  auto* sub = verb->add_subcommand("leave", "Void a leave (kept, hidden from lists unless --all)");
  auto id = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  sub->add_option("id", *id, "Leave id")->required();
  sub->add_option("--reason", *reason, "Why the record is void")->required();
  sub->callback([&g, id, reason] {
    const std::int64_t n = leave_id(*id);
    const Config config = load_config(g);
    SQLite::Database db = open_db(g, config, OpenMode::read_write);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    void_leave(db, actor(g), n, trim(*reason));
    tx.commit();
    std::cout << fmt::format("voided leave {}\n", n);
  });
}

void import_command(CLI::App* verb, Globals& g) {
  auto* sub = verb->add_subcommand("leave", "Import leave: 工号, 类别, 开始, 结束, 事由, 审批人, 状态, 销假时间");
  struct Args {
    std::vector<std::string> files;
    bool dry_run = false, skip_invalid = false;
    std::string rejects, input_format;
  };
  auto a = std::make_shared<Args>();
  sub->add_option("files", a->files, "CSV or JSON Lines files; - reads standard input")->required();
  sub->add_flag("--dry-run", a->dry_run, "Validate and report; write nothing");
  sub->add_flag("--skip-invalid", a->skip_invalid, "Import the good rows and reject the bad ones");
  sub->add_option("--rejects", a->rejects, "With --skip-invalid: write rejected rows and reasons here");
  sub->add_option("--input-format", a->input_format, "csv or jsonl (default: from the file name)");
  sub->callback([&g, a] {
    ImportOptions options;
    options.dry_run = a->dry_run;
    options.skip_invalid = a->skip_invalid;
    if (!a->rejects.empty()) {
      if (!a->skip_invalid) throw Error(Status::usage, "--rejects goes with --skip-invalid");
      options.rejects = a->rejects;
    }
    if (a->input_format == "csv") options.format = InputFormat::csv;
    else if (a->input_format == "jsonl") options.format = InputFormat::jsonl;
    else if (!a->input_format.empty()) {
      throw Error(Status::usage, fmt::format("--input-format '{}': use csv or jsonl", a->input_format));
    }
    const Config config = load_config(g);
    if (!config.file.empty()) options.protected_paths.push_back(config.file);
    SQLite::Database db = open_db(g, config, OpenMode::read_write);
    const Calendar calendar = Calendar::load(db, config);
    ImportSpec spec;
    spec.kind = "leave";
    spec.fields = leave_fields();
    spec.ignored_columns = leave_derived_columns();
    spec.put = [&config, &calendar](SQLite::Database& d, const Fields& f, std::int64_t batch) {
      return put_leave(d, config, calendar, f, batch);
    };
    const ImportResult result = import_files(db, actor(g), spec, a->files, options);
    for (const std::string& e : result.errors) std::cerr << "rejected " << e << '\n';
    std::cout << fmt::format("{}{} added, {} unchanged, {} rejected\n", a->dry_run ? "dry run, nothing written: " : "",
                             result.total.added, result.total.unchanged, result.total.rejected);
  });
}

void list_commands(CLI::App* verb, Globals& g) {
  auto* leave = verb->add_subcommand("leave", "List leave by start date");
  struct Args {
    std::string status, on, person;
    bool overdue = false, all = false;
  };
  auto a = std::make_shared<Args>();
  leave->add_option("--status", a->status, "Only this status: requested, approved, rejected, returned, cancelled");
  leave->add_option("--on", a->on, "Only leave covering this date (YYYY-MM-DD)");
  leave->add_option("--person", a->person, "Only this person (工号)");
  leave->add_flag("--overdue", a->overdue, "Only approved leave that has ended with no return (销假) registered");
  leave->add_flag("--all", a->all, "Include voided leave");
  leave->callback([&g, a] {
    const Config config = load_config(g);
    LeaveFilter f;
    if (!a->status.empty()) f.status = a->status;
    if (!a->person.empty()) f.person = a->person;
    if (!a->on.empty()) {
      const auto d = normalize_date(a->on);
      if (!d) throw Error(Status::usage, fmt::format("--on '{}' is not a date (YYYY-MM-DD)", a->on));
      f.on = parse_date(*d);
    }
    f.overdue_return = a->overdue;
    f.include_voided = a->all;
    SQLite::Database db = open_db(g, config, OpenMode::read_only);
    const Calendar calendar = Calendar::load(db, config);
    print(list_leave(db, config, calendar, f, today(config)), g, config);
  });

  auto* balances = verb->add_subcommand("balances", "Leave quota, days taken and days left per person and type");
  balances->alias("balance");
  auto year = std::make_shared<int>(0);
  auto person = std::make_shared<std::string>();
  balances->add_option("--year", *year, "The year (default: this year)");
  balances->add_option("--person", *person, "Only this person (工号)");
  balances->callback([&g, year, person] {
    const Config config = load_config(g);
    int y = *year;
    if (y == 0) y = static_cast<int>(std::chrono::year_month_day{today(config)}.year());
    if (y < 1900 || y > 2999) throw Error(Status::usage, fmt::format("--year {} is not a year", y));
    SQLite::Database db = open_db(g, config, OpenMode::read_only);
    const Calendar calendar = Calendar::load(db, config);
    print(leave_balances(db, config, calendar, y, person->empty() ? std::nullopt : std::optional(*person)), g,
          config);
  });
}

}  // namespace

void add_leave_commands(CLI::App& app, Globals& g) {
  if (CLI::App* verb = verb_for(app, g, "add")) {
    add_command(verb, g);
  }
  if (CLI::App* verb = verb_for(app, g, "update")) {
    update_command(verb, g);
  }
  if (CLI::App* verb = verb_for(app, g, "void")) {
    void_command(verb, g);
  }
  if (CLI::App* verb = verb_for(app, g, "import")) {
    import_command(verb, g);
  }
  if (CLI::App* verb = verb_for(app, g, "list")) {
    list_commands(verb, g);
  }
}

}  // namespace cli
