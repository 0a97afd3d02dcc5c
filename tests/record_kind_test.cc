#include <doctest/doctest.h>

#include "taizhang/error.h"
#include "taizhang/record_kind.h"

#include "test_support.h"

#include <map>
#include <set>

using namespace taizhang;
using namespace test_support;

namespace {

/// One record of each kind, as `add KIND` gets it, and how to name it afterwards. A kind
/// added to the registry without a line here fails the walk below.
struct Sample {
  Fields fields;
  std::string ref;
};

const std::map<std::string, Sample>& samples() {
  static const std::map<std::string, Sample> s = {
      {"department", {{{"code", "D09"}, {"name", "档案室"}}, "D09"}},
      {"person", {{{"code", "P0009"}, {"name", "赵九"}, {"department", "D01"}}, "P0009"}},
      {"leave", {{{"person", "P0001"}, {"type", "事假"}, {"start", "2026-10-12"}}, "1"}},
      {"punch", {{{"person", "P0001"}, {"time", "2026-10-09 08:21"}, {"device", "前门"}}, "1"}},
      {"day", {{{"date", "2026-10-12"}, {"kind", "holiday"}, {"name", "运动会"}}, "2026-10-12"}},
      {"calendar", {{{"date", "2026-10-10"}, {"kind", "workday"}, {"name", "国庆节"}}, "2026-10-10"}},
      {"trip", {{{"person", "P0001"}, {"start", "2026-10-20"}, {"end", "2026-10-21"}}, "1"}},
      {"outing", {{{"person", "P0001"}, {"start", "2026-10-22 14:00"}, {"end", "2026-10-22 16:00"}}, "2"}},
      {"session",
       {{{"date", "2026-10-09"}, {"hours", "2"}, {"topic", "学习党章"}, {"category", "政治理论"}, {"attendees", "P0001"}},
        "1"}},
      {"study",
       {{{"person", "P0001"}, {"date", "2026-10-09"}, {"hours", "3"}, {"category", "政治理论"}, {"form", "自学"},
         {"title", "学习党章"}},
        "1"}},
      {"plan", {{{"year", "2026"}, {"title", "文秘工作计划"}, {"department", "D01"}}, "2"}},
      {"task", {{{"title", "规范公文处理"}, {"plan", "1"}}, "2026-2"}},
      {"progress", {{{"task", "2026-1"}, {"percent", "50"}}, "1"}},
      {"rule", {{{"code", "ZD-09"}, {"title", "档案管理办法"}, {"department", "D01"}, {"review_months", "12"}}, "ZD-09"}},
      {"rule-version", {{{"rule", "ZD-01"}, {"change", "new"}, {"issued", "2026-01-01"}}, "1"}},
      {"finding", {{{"problem", "会议记录不全"}, {"person", "P0001"}, {"rule", "ZD-01"}}, "2"}},
      {"finding-entry", {{{"finding", "1"}, {"action", "note"}, {"note", "已约谈"}}, "1"}},
  };
  return s;
}

struct Office : Ledger {
  Config config;
  Context context{db, config, test_actor()};
  Office() {
    in_transaction(db, [&] {
      find_kind("department")->add(context, {{"code", "D01"}, {"name", "办公室"}});
      find_kind("person")->add(context, {{"code", "P0001"}, {"name", "张三"}, {"department", "D01"}});
      // What the samples of tasks and progress are made under.
      find_kind("plan")->add(context, {{"year", "2026"}, {"title", "年度工作要点"}, {"department", "D01"}});
      find_kind("task")->add(context, {{"title", "加强机关党建"}, {"plan", "1"}});
      // What the sample of rule versions is made under.
      find_kind("rule")->add(context, {{"code", "ZD-01"}, {"title", "公文处理办法"}});
      // What the sample of a finding's steps is made under.
      find_kind("finding")->add(context, {{"problem", "未按时销假"}, {"person", "P0001"}});
    });
  }
  std::size_t rows(const RecordKind& kind, bool all = false) {
    ListQuery q;
    q.include_voided = all;
    if (kind.list_period) q.period = PeriodArgs{"2026-10", "", "", ""};
    return kind.list(context, q).rows.size();
  }
};

}  // namespace

TEST_CASE("every kind answers add, import, list, show and void, under names no other kind takes") {
  std::set<std::string> words;
  for (const RecordKind* kind : record_kinds()) {
    CAPTURE(kind->name);
    CHECK(bool(kind->add));
    CHECK(bool(kind->import));
    CHECK(bool(kind->list));
    CHECK(bool(kind->show));
    CHECK(bool(kind->void_record));
    CHECK_FALSE(kind->help.empty());
    CHECK_FALSE(kind->ref_help.empty());
    CHECK_FALSE(kind->fields.empty());
    CHECK(kind->update_args.empty() == !kind->update);
    std::vector<std::string> names = kind->aliases;
    names.push_back(kind->name);
    if (kind->plural != kind->name) names.push_back(kind->plural);
    for (const std::string& w : names) {
      CHECK_MESSAGE(words.insert(w).second, w, " names two kinds");
      CHECK(find_kind(w) == kind);
    }
    // What add takes positionally is a field an import can carry too, so the two agree.
    for (const Argument& a : kind->add_args) {
      if (a.names.starts_with("-")) continue;
      CHECK_MESSAGE(find_field(kind->fields, a.key) != nullptr, kind->name, " add takes ", a.key);
    }
  }
  CHECK(find_kind("nothing") == nullptr);
}

TEST_CASE("walking the registry: each kind is added, listed, shown, voided and kept") {
  Office o;
  for (const RecordKind* kind : record_kinds()) {
    CAPTURE(kind->name);
    const auto sample = samples().find(kind->name);
    REQUIRE_MESSAGE(sample != samples().end(), "no sample record for the kind ", kind->name);
    const std::size_t before = o.rows(*kind);
    const std::string said = in_transaction(o.db, [&] { return kind->add(o.context, sample->second.fields); });
    CHECK(said.starts_with("added "));
    const Shown shown = kind->show(o.context, sample->second.ref);
    CHECK(shown.record.rows.size() == 1);
    if (kind->name != "day") CHECK(o.rows(*kind) == before + 1);
    in_transaction(o.db, [&] { kind->void_record(o.context, sample->second.ref, "录错"); });
    CHECK_ERROR(kind->void_record(o.context, sample->second.ref, "again"), Status::data, "already voided");
    if (kind->list_voided) {
      CHECK(o.rows(*kind) == before);
      CHECK(o.rows(*kind, true) == before + 1);
    }
    const auto missing = error_of([&] { kind->show(o.context, "987654"); });
    REQUIRE(missing);
    // Nothing by that name is 66; a day is named by its date, and a malformed date is 65.
    const bool dated = kind->name == "day" || kind->name == "calendar";
    CHECK(missing->status == (dated ? Status::data : Status::no_input));
  }
}

TEST_CASE("every kind's import spec names the kind and accepts the kind's fields") {
  Office o;
  for (const RecordKind* kind : record_kinds()) {
    CAPTURE(kind->name);
    const ImportSpec spec = kind->import(o.context);
    CHECK(spec.kind == kind->name);
    CHECK(bool(spec.put));
    for (const FieldSpec& f : kind->fields) CHECK(find_field(spec.fields, f.key) != nullptr);
  }
}

TEST_CASE("find_kind's words are each kind's name, plural and aliases, in the registry's order") {
  const auto words = kind_words();
  REQUIRE(words.size() == record_kinds().size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    const RecordKind& k = *record_kinds()[i];
    CAPTURE(k.name);
    std::vector<std::string> expected{k.name};
    if (k.plural != k.name) expected.push_back(k.plural);
    expected.insert(expected.end(), k.aliases.begin(), k.aliases.end());
    CHECK(words[i] == expected);
    for (const std::string& w : words[i]) CHECK(find_kind(w) == &k);
  }
  CHECK(find_kind("nothing") == nullptr);
}
