// Business trips (出差) and outings (外出): add, list, import, void.
#include "cli.h"

#include "taizhang/error.h"
#include "taizhang/trips.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <iostream>

namespace cli {
using namespace taizhang;

namespace {

void add_kind(CLI::App& app, Globals& g, const std::string& kind, const std::string& help) {
  if (CLI::App* verb = verb_for(app, g, "add")) {
    auto* add = verb->add_subcommand(kind, help);
    auto fields = std::make_shared<std::array<std::string, 5>>();
    add->add_option("person", (*fields)[0], "工号")->required();
    add->add_option("start", (*fields)[1], "Start: YYYY-MM-DD or \"YYYY-MM-DD HH:MM\"")->required();
    add->add_option("end", (*fields)[2], "End: YYYY-MM-DD or \"YYYY-MM-DD HH:MM\"")->required();
    add->add_option("--to,--destination", (*fields)[3], "Where (地点)");
    add->add_option("--reason", (*fields)[4], "Why (事由)");
    add->callback([&g, kind, fields] {
      const Config config = load_config(g);
      SQLite::Database db = open_db(g, config, OpenMode::read_write);
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      const auto id = add_trip(db, actor(g), kind,
                               {{"person", (*fields)[0]}, {"start", (*fields)[1]}, {"end", (*fields)[2]},
                                {"destination", (*fields)[3]}, {"reason", (*fields)[4]}});
      tx.commit();
      std::cout << fmt::format("added {} {}\n", kind, id);
    });
  }
  if (CLI::App* verb = verb_for(app, g, "import")) {
    add_import_kind(verb, g, kind + "s", {kind},
                    "Import " + kind + "s: 工号, 开始, 结束, 地点, 事由",
                    {kind, trip_fields(), {"ID", "id", "姓名", "name", "类别", "kind"}, std::nullopt,
                     [kind](SQLite::Database& db, const Fields& f, std::int64_t batch) { return put_trip(db, kind, f, batch); }});
  }
}

}  // namespace

void add_trips(CLI::App& app, Globals& g) {
  add_kind(app, g, "trip", "A business trip (出差): PERSON START END [--to PLACE] [--reason]");
  add_kind(app, g, "outing", "An outing (外出/公出) within the day: PERSON START END [--to PLACE] [--reason]");

  if (CLI::App* verb = verb_for(app, g, "list")) {
    auto* list = verb->add_subcommand("trips", "Business trips and outings");
    list->alias("trip");
    list->alias("outings");
    auto filter = std::make_shared<TripFilter>();
    auto kind = std::make_shared<std::string>();
    auto person = std::make_shared<std::string>();
    auto period = std::make_shared<PeriodOptions>();
    list->add_option("--kind", *kind, "trip or outing");
    list->add_option("--person", *person, "Only this person (工号)");
    add_period_options(list, *period);
    list->add_flag("--all", filter->include_voided, "Include voided records");
    list->callback([&g, filter, kind, person, period] {
      const Config config = load_config(g);
      SQLite::Database db = open_db(g, config, OpenMode::read_only);
      TripFilter f = *filter;
      if (!kind->empty()) {
        if (*kind != "trip" && *kind != "outing") throw Error(Status::usage, "--kind is trip or outing");
        f.kind = *kind;
      }
      if (!person->empty()) f.person = *person;
      if (!period->month.empty() || !period->from.empty() || !period->to.empty()) {
        const auto [from, to] = resolve_period(*period, config);
        f.from = from;
        f.to = to;
      }
      print(list_trips(db, f, config.language), g, config);
    });
  }

  for (const char* kind_name : {"trip", "outing"}) {
    if (CLI::App* verb = verb_for(app, g, "void")) {
      auto* void_cmd = verb->add_subcommand(kind_name, std::string("Void a ") + kind_name);
      auto id = std::make_shared<std::int64_t>(0);
      auto reason = std::make_shared<std::string>();
      void_cmd->add_option("id", *id, "Its id")->required();
      void_cmd->add_option("--reason", *reason, "Why")->required();
      void_cmd->callback([&g, id, reason, kind_name] {
        const Config config = load_config(g);
        SQLite::Database db = open_db(g, config, OpenMode::read_write);
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        void_trip(db, actor(g), kind_name, *id, trim(*reason));
        tx.commit();
        std::cout << fmt::format("voided {} {}\n", kind_name, *id);
      });
    }
  }
}

}  // namespace cli
