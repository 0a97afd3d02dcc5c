// taizhang void KIND REF --reason TEXT: mark a record void; it is kept, with the reason.
#include "cli.h"

#include "taizhang/departments.h"
#include "taizhang/people.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <iostream>

namespace cli {
using namespace taizhang;

namespace {

template <typename VoidFn>
void void_kind(CLI::App* verb, Globals& g, const std::string& kind, const std::vector<std::string>& aliases,
               VoidFn mark) {
  auto* sub = verb->add_subcommand(kind, "Void a " + kind + " (kept, hidden from lists unless --all)");
  for (const auto& a : aliases) sub->alias(a);
  auto ref = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  sub->add_option("ref", *ref, "Code or id")->required();
  sub->add_option("--reason", *reason, "Why the record is void")->required();
  sub->callback([&g, kind, ref, reason, mark] {
    const Config config = load_config(g);
    SQLite::Database db = open_db(g, config, OpenMode::read_write);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    mark(db, actor(g), *ref, trim(*reason));
    tx.commit();
    std::cout << fmt::format("voided {} {}\n", kind, *ref);
  });
}

}  // namespace

void add_void(CLI::App& app, Globals& g) {
  auto* verb = app.add_subcommand("void", "Mark a record void, with a reason (nothing is deleted)");
  verb->require_subcommand(1);
  if (!g.wants("void")) return;
  void_kind(verb, g, "department", {"dept"}, void_department);
  void_kind(verb, g, "person", {"people"}, void_person);
}

}  // namespace cli
