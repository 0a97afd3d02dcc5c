// taizhang show KIND REF: one record, field by field, with its change history.
#include "cli.h"

#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/people.h"

#include <fmt/format.h>

#include <iostream>

namespace cli {
using namespace taizhang;

namespace {

void print_history(SQLite::Database& db, const std::string& kind, std::int64_t id, const Globals& g,
                   const Config& config) {
  if (format(g) != Format::table) return;
  Table history = list_changes(db, {kind, std::nullopt, id}, config.language, config.time_zone);
  std::cout << '\n';
  print(history, g, config);
}

}  // namespace

void add_show(CLI::App& app, Globals& g) {
  auto* verb = app.add_subcommand("show", "Show one record and its change history");
  verb->require_subcommand(1);
  if (!g.wants("show")) return;

  auto* department = verb->add_subcommand("department", "Show a department (code, name or id)");
  department->alias("dept");
  department->alias("departments");
  auto dept_ref = std::make_shared<std::string>();
  department->add_option("ref", *dept_ref, "Code, name or id")->required();
  department->callback([&g, dept_ref] {
    const Config config = load_config(g);
    SQLite::Database db = open_db(g, config, OpenMode::read_only);
    const auto id = find_department(db, *dept_ref);
    if (!id) throw Error(Status::no_input, fmt::format("no department '{}'", *dept_ref));
    print_record(list_departments(db, {true, id}, config.language), g, config);
    print_history(db, "department", *id, g, config);
  });

  auto* person = verb->add_subcommand("person", "Show a person (工号 or id)");
  person->alias("people");
  auto person_ref = std::make_shared<std::string>();
  person->add_option("ref", *person_ref, "工号 or id")->required();
  person->callback([&g, person_ref] {
    const Config config = load_config(g);
    SQLite::Database db = open_db(g, config, OpenMode::read_only);
    const auto id = find_person(db, *person_ref);
    if (!id) throw Error(Status::no_input, fmt::format("no person '{}'", *person_ref));
    PeopleFilter f;
    f.id = id;
    f.include_voided = true;
    print_record(list_people(db, f, config.language, local_date(clock().now(), config.time_zone)), g, config);
    print_history(db, "person", *id, g, config);
  });
}

}  // namespace cli
