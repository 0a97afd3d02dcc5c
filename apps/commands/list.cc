// taizhang list KIND [filters]: records and the change log, in any output format.
#include "cli.h"

#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/people.h"

#include <fmt/format.h>

namespace cli {
using namespace taizhang;

void add_list(CLI::App& app, Globals& g) {
  auto* verb = app.add_subcommand("list", "List records (voided ones only with --all)");
  verb->require_subcommand(1);
  if (!g.wants("list")) return;

  auto* departments = verb->add_subcommand("departments", "List departments with their parent and head count");
  departments->alias("department");
  departments->alias("dept");
  auto all_departments = std::make_shared<bool>(false);
  departments->add_flag("--all", *all_departments, "Include voided departments");
  departments->callback([&g, all_departments] {
    const Config config = load_config(g);
    SQLite::Database db = open_db(g, config, OpenMode::read_only);
    print(list_departments(db, {*all_departments, std::nullopt}, config.language), g, config);
  });

  auto* people = verb->add_subcommand("people", "List people by department and 工号");
  people->alias("person");
  auto people_filter = std::make_shared<PeopleFilter>();
  auto dept = std::make_shared<std::string>();
  auto search = std::make_shared<std::string>();
  people->add_option("--dept,--department", *dept, "Only this department (code or name) and those under it");
  people->add_option("--search", *search, "Only names or codes containing this text");
  people->add_flag("--active", people_filter->active_only, "Only people employed today");
  people->add_flag("--all", people_filter->include_voided, "Include voided people");
  people->callback([&g, people_filter, dept, search] {
    const Config config = load_config(g);
    SQLite::Database db = open_db(g, config, OpenMode::read_only);
    PeopleFilter f = *people_filter;
    if (!dept->empty()) f.department = *dept;
    if (!search->empty()) f.search = *search;
    print(list_people(db, f, config.language, local_date(clock().now(), config.time_zone)), g, config);
  });

  auto* changes = verb->add_subcommand("changes", "List the change log: who changed what, when");
  changes->alias("change");
  auto kind = std::make_shared<std::string>();
  auto since = std::make_shared<std::string>();
  changes->add_option("--kind", *kind, "Only changes to this kind of record (person, department, …)");
  changes->add_option("--since", *since, "Only changes on or after this date (YYYY-MM-DD)");
  changes->callback([&g, kind, since] {
    const Config config = load_config(g);
    ChangeFilter f;
    if (!kind->empty()) f.kind = *kind == "people" ? "person" : *kind == "departments" ? "department" : *kind;
    if (!since->empty()) {
      const auto day = parse_date(*since);
      if (!day) throw Error(Status::usage, fmt::format("--since '{}' is not a date (YYYY-MM-DD)", *since));
      f.since = start_of_day(*day, config.time_zone);
    }
    SQLite::Database db = open_db(g, config, OpenMode::read_only);
    print(list_changes(db, f, config.language, config.time_zone), g, config);
  });
}

}  // namespace cli
