// taizhang add KIND …: one record from arguments.
#include "cli.h"

#include "taizhang/departments.h"
#include "taizhang/people.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <iostream>

namespace cli {
using namespace taizhang;

namespace {

/// Registers `add KIND CODE NAME [--field …]` with the positional code and name.
template <typename AddFn>
void add_kind(CLI::App* verb, Globals& g, const std::string& kind, const std::vector<std::string>& aliases,
              const std::string& help, const std::vector<FieldSpec>& specs, AddFn add) {
  auto* sub = verb->add_subcommand(kind, help);
  for (const auto& a : aliases) sub->alias(a);
  auto code = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  auto fields = std::make_shared<FieldOptions>();
  sub->add_option("code", *code, "Code (编码/工号)")->required();
  sub->add_option("name", *name, "Name (名称/姓名)")->required();
  add_field_options(sub, *fields, specs, {"code", "name"});
  sub->callback([&g, kind, code, name, fields, add] {
    const Config config = load_config(g);
    SQLite::Database db = open_db(g, config, OpenMode::read_write);
    Fields f = fields->given();
    f["code"] = trim(*code);
    f["name"] = trim(*name);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t id = add(db, actor(g), f);
    tx.commit();
    std::cout << fmt::format("added {} {} (id {})\n", kind, f["code"], id);
  });
}

}  // namespace

void add_add(CLI::App& app, Globals& g) {
  auto* verb = app.add_subcommand("add", "Add one record from arguments");
  verb->require_subcommand(1);
  if (!g.wants("add")) return;
  add_kind(verb, g, "department", {"dept"}, "Add a department: CODE NAME [--parent P]", department_fields(),
           add_department);
  add_kind(verb, g, "person", {"people"}, "Add a person: CODE NAME --dept D [--title --badge --joined --left]",
           person_fields(), add_person);
}

}  // namespace cli
