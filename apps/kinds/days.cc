// The calendar day beyond the generic verbs: `list days` also shows a person's days
// (--person) and, under the calendar, where its national days come from; `show day PERSON
// DATE` explains one; `show day DATE` is the calendar's.
#include "cli.h"

#include "taizhang/attendance.h"
#include "taizhang/calendar.h"
#include "taizhang/error.h"
#include "taizhang/labels.h"

#include <fmt/format.h>

#include <iostream>

namespace cli {
using namespace taizhang;

namespace {

void list_days(CLI::App* verb, Globals& g) {
  const RecordKind& kind = day_kind();
  auto* list = verb->add_subcommand(kind.plural, "The calendar: workdays, rest days, holidays, make-up workdays");
  name_subcommand(list, {kind.name});
  auto period = std::make_shared<PeriodArgs>();
  auto person = std::make_shared<std::string>();
  auto all = std::make_shared<bool>(false);
  add_period_options(list, *period);
  auto* person_option = list->add_option("--person", *person, "Each day's attendance status of this person (工号)");
  list->add_flag("--all", *all, "Include the office's voided days")->excludes(person_option);
  list->callback([&g, &kind, period, person, all] {
    with_context(g, OpenMode::read_only, [&](Context& c) {
      const auto [from, to] = resolve_period(*period, c.today());
      warn_coverage(c.calendar(), from, to);
      if (person->empty()) {
        ListQuery q;
        q.period = *period;
        q.include_voided = *all;
        print(kind.list(c, q), g, c.config);
        // Where the national days come from, under the table for people; the machine formats
        // are the rows alone (a day of the national calendar says so in its source).
        const Format f = format(g);
        if (f != Format::table && f != Format::md) return;
        const Language lang = c.config.language;
        std::ostream& o = out(g);
        o << '\n' << c.calendar().coverage_line(lang, c.config.time_zone) << '\n';
        if (auto warning = c.calendar().coverage_warning(from, to, lang)) {
          o << (f == Format::md ? "\n" : "") << label("note_warning", lang) << ": " << *warning << '\n';
        }
        return;
      }
      const auto people = judge_period(c.db, c.config, c.calendar(), {from, to, std::nullopt, *person}, c.actor.at);
      Table days = person_days_table(people.front(), c.config);
      // A list, so its CSV header is the keys as any list's (its statuses are still words
      // in the office's language: a view for people, not records to import).
      days.csv_header = CsvHeader::keys;
      print(days, g, c.config);
    });
  });
}

void show_day(CLI::App* verb, Globals& g) {
  const RecordKind& kind = day_kind();
  auto* show = verb->add_subcommand(kind.name, "A calendar day (DATE), or a person's day explained (PERSON DATE)");
  name_subcommand(show, {kind.plural});
  auto refs = std::make_shared<std::vector<std::string>>();
  show->add_option("ref", *refs, "DATE, or PERSON DATE")->required()->expected(1, 2);
  show->callback([&g, &kind, refs] {
    with_context(g, OpenMode::read_only, [&](Context& c) {
      if (refs->size() == 1) return show_record(g, c, kind, refs->front());
      const std::string& person = (*refs)[0];
      const std::string& day = (*refs)[1];
      const auto date = parse_date(day);
      if (!date) throw Error(Status::data, fmt::format("'{}' is not a date (YYYY-MM-DD)", day));
      warn_coverage(c.calendar(), *date, *date);
      const auto people = judge_period(c.db, c.config, c.calendar(), {*date, *date, std::nullopt, person}, c.actor.at);
      const PersonDays& p = people.front();
      Table t = person_days_table(p, c.config);
      t.csv_header = CsvHeader::keys;  // as `list days --person`
      if (format(g) != Format::table) {
        // Machine formats carry the explanation as a field: one line of it per line.
        t.columns.push_back({"explanation", label("explanation", c.config.language)});
        std::string lines;
        for (const std::string& line : p.days.front().explanation) lines += (lines.empty() ? "" : "\n") + line;
        t.rows.front().push_back(lines);
        return print_record(t, g, c.config);
      }
      print_record(t, g, c.config);
      std::ostream& o = out(g);
      o << '\n' << p.code << ' ' << p.name << ' ' << day << ":\n";
      for (const std::string& line : p.days.front().explanation) o << "  " << line << '\n';
    });
  });
}

}  // namespace

void day_commands(const std::string& verb, CLI::App* parent, Globals& g) {
  if (verb == "list") list_days(parent, g);
  if (verb == "show") show_day(parent, g);
}

}  // namespace cli
