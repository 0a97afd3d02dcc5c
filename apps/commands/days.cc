// The calendar: list days, and the office's own days (add/import/void day).
#include "cli.h"

#include "taizhang/attendance.h"
#include "taizhang/calendar.h"
#include "taizhang/error.h"
#include "taizhang/import.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <iostream>

namespace cli {
using namespace taizhang;

void add_days(CLI::App& app, Globals& g) {
  if (CLI::App* verb = verb_for(app, g, "list")) {
    auto* list = verb->add_subcommand("days", "The calendar: workdays, rest days, holidays, make-up workdays");
    list->alias("day");
    list->alias("calendar");
    auto period = std::make_shared<PeriodOptions>();
    auto person = std::make_shared<std::string>();
    add_period_options(list, *period);
    list->add_option("--person", *person, "Each day's attendance status of this person (工号)");
    list->callback([&g, period, person] {
      const Config config = load_config(g);
      SQLite::Database db = open_db(g, config, OpenMode::read_only);
      const auto [from, to] = resolve_period(*period, config);
      const Calendar calendar = Calendar::load(db, config);
      if (auto warning = calendar.coverage_warning(from, to)) std::cerr << "taizhang: warning: " << *warning << '\n';
      if (person->empty()) return print(list_calendar(calendar, from, to, config.language), g, config);
      const auto people = judge_period(db, config, calendar, {from, to, std::nullopt, *person}, clock().now());
      print(person_days_table(people.front(), config), g, config);
    });
  }

  if (CLI::App* verb = verb_for(app, g, "show")) {
    auto* show = verb->add_subcommand("day", "Explain a person's day: PERSON DATE");
    auto show_person = std::make_shared<std::string>();
    auto show_date = std::make_shared<std::string>();
    show->add_option("person", *show_person, "工号")->required();
    show->add_option("date", *show_date, "YYYY-MM-DD")->required();
    show->callback([&g, show_person, show_date] {
      const Config config = load_config(g);
      const auto date = parse_date(*show_date);
      if (!date) throw Error(Status::usage, fmt::format("'{}' is not a date (YYYY-MM-DD)", *show_date));
      SQLite::Database db = open_db(g, config, OpenMode::read_only);
      const Calendar calendar = Calendar::load(db, config);
      if (auto warning = calendar.coverage_warning(*date, *date)) std::cerr << "taizhang: warning: " << *warning << '\n';
      const auto people = judge_period(db, config, calendar, {*date, *date, std::nullopt, *show_person}, clock().now());
      const PersonDays& p = people.front();
      Table t = person_days_table(p, config);
      print_record(t, g, config);
      if (format(g) != Format::table) return;
      std::cout << '\n' << p.code << ' ' << p.name << ' ' << *show_date << ":\n";
      for (const std::string& line : p.days.front().explanation) std::cout << "  " << line << '\n';
    });
  }

  if (CLI::App* verb = verb_for(app, g, "add")) {
    auto* add = verb->add_subcommand("day", "An office calendar day: DATE KIND [NAME] (KIND: workday, restday, holiday)");
    auto fields = std::make_shared<std::array<std::string, 3>>();
    add->add_option("date", (*fields)[0], "YYYY-MM-DD")->required();
    add->add_option("kind", (*fields)[1], "workday (工作日), restday (休息日) or holiday (节假日)")->required();
    add->add_option("name", (*fields)[2], "What the day is (值班日, 单位运动会…)");
    add->callback([&g, fields] {
      const Config config = load_config(g);
      SQLite::Database db = open_db(g, config, OpenMode::read_write);
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      add_calendar_day(db, actor(g), {{"date", (*fields)[0]}, {"kind", (*fields)[1]}, {"name", (*fields)[2]}});
      tx.commit();
      std::cout << fmt::format("added day {}\n", (*fields)[0]);
    });
  }

  if (CLI::App* verb = verb_for(app, g, "void")) {
    auto* void_day = verb->add_subcommand("day", "Void an office calendar day (the national calendar applies again)");
    auto date = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    void_day->add_option("date", *date, "YYYY-MM-DD")->required();
    void_day->add_option("--reason", *reason, "Why")->required();
    void_day->callback([&g, date, reason] {
      const Config config = load_config(g);
      SQLite::Database db = open_db(g, config, OpenMode::read_write);
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      void_calendar_day(db, actor(g), *date, trim(*reason));
      tx.commit();
      std::cout << fmt::format("voided day {}\n", *date);
    });
  }

  if (CLI::App* verb = verb_for(app, g, "import")) {
    add_import_kind(verb, g, "days", {"day", "calendar"},
                    "Import office calendar days: 日期, 类型, 名称",
                    {"day", calendar_day_fields(), {"星期", "weekday", "来源", "source"}, "date",
                     [](SQLite::Database& db, const Fields& f, std::int64_t batch) {
                       return put_calendar_day(db, f, batch);
                     }});
  }
}

}  // namespace cli
