// Punches (考勤打卡记录) on the existing verbs: add punch, import punches, list punches,
// void punch.
#include "cli.h"

#include "taizhang/error.h"
#include "taizhang/import.h"
#include "taizhang/punches.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace cli {
using namespace taizhang;

namespace {

std::optional<Date> date_option(const std::string& value, const char* name) {
  if (value.empty()) return std::nullopt;
  const auto d = parse_date(trim(value));
  if (!d) throw Error(Status::usage, fmt::format("{} '{}' is not a date (YYYY-MM-DD)", name, value));
  return d;
}

}  // namespace

void add_punches(CLI::App& app, Globals& g) {
  // add punch PERSON [TIME] [--device D] [--makeup --reason R --approver A]
  {
    if (CLI::App* verb = verb_for(app, g, "add")) {
      auto* sub = verb->add_subcommand(
          "punch", "Add a punch: PERSON [TIME] (default now); --makeup --reason --approver for 补签");
      sub->alias("punches");
      auto punch = std::make_shared<NewPunch>();
      auto time = std::make_shared<std::string>();
      auto device = std::make_shared<std::string>();
      auto reason = std::make_shared<std::string>();
      auto approver = std::make_shared<std::string>();
      sub->add_option("person", punch->person, "工号 or id")->required();
      sub->add_option("time", *time, "YYYY-MM-DD HH:MM[:SS], office time (default: now)");
      auto* device_opt = sub->add_option("--device", *device, "Device (设备)");
      sub->add_flag("--makeup", punch->makeup, "A make-up punch (补签): needs --reason and --approver");
      auto* reason_opt = sub->add_option("--reason", *reason, "Why the make-up (补签原因)");
      auto* approver_opt = sub->add_option("--approver", *approver, "Who approved the make-up (审批人)");
      sub->callback([&g, punch, time, device, reason, approver, device_opt, reason_opt, approver_opt] {
        const Config config = load_config(g);
        NewPunch p = *punch;
        if (!time->empty()) p.time = *time;
        if (device_opt->count()) p.device = *device;
        if (reason_opt->count()) p.reason = *reason;
        if (approver_opt->count()) p.approver = *approver;
        SQLite::Database db = open_db(g, config, OpenMode::read_write);
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        const std::int64_t id = add_punch(db, actor(g), p, config.time_zone);
        const std::string at =
            punch_time_text(db.execAndGet(fmt::format("SELECT at FROM punches WHERE id = {}", id)).getInt64());
        tx.commit();
        std::cout << fmt::format("added {}punch {} {} (id {})\n", p.makeup ? "make-up " : "", trim(p.person), at, id);
      });
    }
  }

  if (CLI::App* verb = verb_for(app, g, "import")) {
    add_import_kind(verb, g, "punches", {"punch"},
                    "Import punches: attlog (.dat) from a time clock, or CSV/JSONL with 工号 or 考勤号, 打卡时间, 设备",
                    punch_import_spec());
  }

  // list punches [--person P] [--month M | --from D --to D] [--source S] [--all]
  {
    if (CLI::App* verb = verb_for(app, g, "list")) {
      auto* sub = verb->add_subcommand("punches", "List punches by time");
      sub->alias("punch");
      auto person = std::make_shared<std::string>();
      auto month = std::make_shared<std::string>();
      auto from = std::make_shared<std::string>();
      auto to = std::make_shared<std::string>();
      auto source = std::make_shared<std::string>();
      auto all = std::make_shared<bool>(false);
      sub->add_option("--person", *person, "Only this person (工号 or id)");
      auto* month_opt = sub->add_option("--month", *month, "Only this month: 2026-10, this or last");
      sub->add_option("--from", *from, "From this day (YYYY-MM-DD)")->excludes(month_opt);
      sub->add_option("--to", *to, "To this day, inclusive (YYYY-MM-DD)")->excludes(month_opt);
      sub->add_option("--source", *source, "Only this source: device, import, manual or makeup");
      sub->add_flag("--all", *all, "Include voided punches");
      sub->callback([&g, person, month, from, to, source, all] {
        const Config config = load_config(g);
        PunchFilter f;
        if (!person->empty()) f.person = *person;
        f.from = date_option(*from, "--from");
        f.to = date_option(*to, "--to");
        if (!month->empty()) std::tie(f.from, f.to) = resolve_period({*month, "", ""}, config);
        if (f.from && f.to && *f.to < *f.from) {
          throw Error(Status::usage, fmt::format("--to {} is before --from {}", *to, *from));
        }
        if (!source->empty()) f.source = *source;
        f.include_voided = *all;
        SQLite::Database db = open_db(g, config, OpenMode::read_only);
        print(list_punches(db, f, config.language), g, config);
      });
    }
  }

  // void punch ID --reason
  {
    if (CLI::App* verb = verb_for(app, g, "void")) {
      auto* sub = verb->add_subcommand(
          "punch", "Void a punch (kept, hidden from lists unless --all)");
      sub->alias("punches");
      auto ref = std::make_shared<std::string>();
      auto reason = std::make_shared<std::string>();
      sub->add_option("id", *ref, "The punch's id (see list punches)")->required();
      sub->add_option("--reason", *reason, "Why the punch is void")->required();
      sub->callback([&g, ref, reason] {
        const Config config = load_config(g);
        SQLite::Database db = open_db(g, config, OpenMode::read_write);
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        void_punch(db, actor(g), *ref, trim(*reason));
        tx.commit();
        std::cout << fmt::format("voided punch {}\n", *ref);
      });
    }
  }
}

}  // namespace cli
