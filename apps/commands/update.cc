// taizhang update KIND REF --field value …: change fields, logged with before and after.
#include "cli.h"

#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/people.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <iostream>

namespace cli {
using namespace taizhang;

namespace {

template <typename UpdateFn>
void update_kind(CLI::App* verb, Globals& g, const std::string& kind, const std::vector<std::string>& aliases,
                 const std::vector<FieldSpec>& specs, UpdateFn update) {
  auto* sub = verb->add_subcommand(kind, "Change fields of a " + kind + " (an empty value clears an optional one)");
  for (const auto& a : aliases) sub->alias(a);
  auto ref = std::make_shared<std::string>();
  auto fields = std::make_shared<FieldOptions>();
  sub->add_option("ref", *ref, "Code or id")->required();
  add_field_options(sub, *fields, specs);
  sub->callback([&g, kind, ref, fields, update] {
    const Fields f = fields->given();
    if (f.empty()) throw Error(Status::usage, fmt::format("nothing to update: give at least one --field (see `taizhang update {} --help`)", kind));
    const Config config = load_config(g);
    SQLite::Database db = open_db(g, config, OpenMode::read_write);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    update(db, actor(g), *ref, f);
    tx.commit();
    std::cout << fmt::format("updated {} {}\n", kind, *ref);
  });
}

}  // namespace

void add_update(CLI::App& app, Globals& g) {
  auto* verb = app.add_subcommand("update", "Change a record's fields");
  verb->require_subcommand(1);
  if (!g.wants("update")) return;
  update_kind(verb, g, "department", {"dept"}, department_fields(), update_department);
  update_kind(verb, g, "person", {"people"}, person_fields(), update_person);
}

}  // namespace cli
