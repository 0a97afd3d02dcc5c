// Lossless round trips, kind by kind through the registry: what `list KIND --all` prints
// as CSV or JSON Lines, `import KIND` reads back into an empty ledger, and the ledger then
// lists the same bytes — ids, voids, leave statuses and approvers, punch sources with a
// 补签's reason and approver, the office's calendar days. A kind added to the registry is
// walked too: without representative records here, or an import, its test fails.
#include <doctest/doctest.h>

#include "taizhang/chain.h"
#include "taizhang/import.h"
#include "taizhang/leave.h"
#include "taizhang/plans.h"
#include "taizhang/punches.h"
#include "taizhang/record_kind.h"

#include "test_support.h"

#include <functional>
#include <map>
#include <sstream>

using namespace taizhang;
using namespace test_support;

namespace {

/// Kinds that are listed but can not be imported, each with the reason. A kind not named
/// here must round-trip.
const std::map<std::string, std::string> not_importable = {};

/// The period every list of a kind with dates is asked for: the ledger's records are all in it.
const PeriodArgs period{"2026-10", "", "", ""};

/// What `taizhang list KIND --all --format F` prints for `kind` (--all where the kind has it).
std::string listed(Context& c, const RecordKind& kind, Format format) {
  ListQuery q;
  q.include_voided = kind.list_voided;
  if (kind.list_period) q.period = period;
  std::ostringstream out;
  render(kind.list(c, q), format, out);
  return out.str();
}

/// A ledger, its config (in `language`) and a context on it.
struct Office : Ledger {
  Config config;
  explicit Office(Language language = Language::zh) { config.language = language; }
  /// A context as a command gets one: a calendar loaded afresh, as each command loads it.
  Context context() { return Context{db, config, test_actor()}; }
  ImportResult import(const RecordKind& kind, const std::string& text, InputFormat format) {
    const std::string file = (dir / (kind.plural + (format == InputFormat::csv ? ".csv" : ".jsonl"))).string();
    write_file(file, text);
    Context c = context();
    return import_files(db, c.actor, kind.import(c), {file}, {});
  }
};

/// Adds a record of `kind` as `taizhang add KIND` does.
void add(Context& c, const std::string& kind, const Fields& fields) {
  in_transaction(c.db, [&] { find_kind(kind)->add(c, fields); });
}
void void_record(Context& c, const std::string& kind, const std::string& ref, const std::string& reason) {
  in_transaction(c.db, [&] { find_kind(kind)->void_record(c, ref, reason); });
}

/// The records of each kind, in every state its list shows, by kind: a kind of the registry
/// missing here fails the walk. Run in the registry's order, as the kinds refer to the
/// kinds before them.
const std::map<std::string, std::function<void(Context&)>>& representatives() {
  static const std::map<std::string, std::function<void(Context&)>> r = {
      {"department",
       [](Context& c) {
         add(c, "department", {{"code", "D02"}, {"name", "办公室"}});
         // Its code sorts before its parent's: the list shows it after the parent, so an
         // import meets the parent first.
         add(c, "department", {{"code", "D01"}, {"name", "文秘组"}, {"parent", "D02"}});
         add(c, "department", {{"code", "D04"}, {"name", "财务科"}});
         // Two departments of one name: the lists refer to them by code.
         add(c, "department", {{"code", "D05"}, {"name", "综合科"}, {"parent", "D02"}});
         add(c, "department", {{"code", "D06"}, {"name", "综合科"}, {"parent", "D04"}});
         // Voided, beneath a voided one, with a voided person in it (see person).
         add(c, "department", {{"code", "D03"}, {"name", "旧科室"}});
         add(c, "department", {{"code", "D07"}, {"name", "旧组"}, {"parent", "D03"}});
       }},
      {"person",
       [](Context& c) {
         add(c, "person",
             {{"code", "P0001"}, {"name", "张三"}, {"department", "D01"}, {"title", "科员"}, {"badge", "1001"},
              {"joined", "2015-07-01"}});
         add(c, "person", {{"code", "P0002"}, {"name", "李四"}, {"department", "D05"}, {"badge", "1002"}});
         add(c, "person", {{"code", "P0003"}, {"name", "王\"小,二\"\n多行"}, {"department", "D06"}});
         add(c, "person", {{"code", "P0009"}, {"name", "赵九"}, {"department", "D07"}, {"badge", "1009"}});
         void_record(c, "person", "P0009", "调离");
         void_record(c, "department", "D07", "撤销");
         void_record(c, "department", "D03", "撤销");
         // A code voided and used again: the voided one keeps its badge.
         add(c, "person", {{"code", "P0004"}, {"name", "重复的人"}, {"department", "D04"}, {"badge", "1004"}});
         void_record(c, "person", "P0004", "重复录入");
         add(c, "person", {{"code", "P0004"}, {"name", "孙七"}, {"department", "D04"}, {"badge", "1004"}});
       }},
      {"leave",
       [](Context& c) {
         const auto add_leave = [&](const Fields& f) { add(c, "leave", f); };
         add_leave({{"person", "P0001"}, {"type", "事假"}, {"start", "2026-10-08"}, {"reason", "家中有事"}});  // 1
         add_leave({{"person", "P0001"}, {"type", "年休假"}, {"start", "2026-10-12"}, {"end", "2026-10-13am"}});
         add_leave({{"person", "P0002"}, {"type", "病假"}, {"start", "2026-10-09pm"}});  // 3
         add_leave({{"person", "P0002"}, {"type", "事假"}, {"start", "2026-10-14"}});
         add_leave({{"person", "P0003"}, {"type", "调休"}, {"start", "2026-10-13"}});  // 5
         add_leave({{"person", "P0003"}, {"type", "事假"}, {"start", "2026-10-20"}});
         in_transaction(c.db, [&] {
           approve_leave(c.db, c.actor, 2, "周敏");
           approve_leave(c.db, c.actor, 3, "周敏");
           return_from_leave(c.db, c.actor, c.config, 3, "2026-10-09 17:00");
           reject_leave(c.db, c.actor, 4, "王局长");
           approve_leave(c.db, c.actor, 5, "");
           cancel_leave(c.db, c.actor, 5);
           approve_leave(c.db, c.actor, 6, "周敏");
         });
         void_record(c, "leave", "6", "录错");
       }},
      {"punch",
       [](Context& c) {
         // From a time clock (device), a spreadsheet (import), by hand (manual), a 补签.
         TempDir dir;
         write_file(dir / "attlog.dat", "1001\t2026-10-09 08:21:30\t1\t0\t1\t0\n1002\t2026-10-09 08:40:00\t2\t0\t1\t0\n");
         write_file(dir / "punches.csv", "工号,打卡时间,设备\nP0003,2026-10-09 08:01:00,前门\n");
         for (const char* f : {"attlog.dat", "punches.csv"}) {
           import_files(c.db, c.actor, find_kind("punch")->import(c), {(dir / f).string()}, {});
         }
         add(c, "punch", {{"person", "P0001"}, {"time", "2026-10-09 17:31"}, {"device", "前门"}});
         add(c, "punch",
             {{"person", "P0002"}, {"time", "2026-10-09 18:00"}, {"makeup", "1"}, {"reason", "忘带卡"},
              {"approver", "周敏"}});
         add(c, "punch", {{"person", "P0001"}, {"time", "2026-10-10 08:00"}, {"device", "后门"}});
         void_record(c, "punch", "6", "代打卡");
       }},
      {"calendar",
       [](Context& c) {
         // 2026 as imported replaces 2026 as shipped whole: October's 国庆节 as shipped, and a
         // day added and voided.
         TempDir dir;
         write_file(dir / "calendar.csv",
                    "date,kind,name\n2026-10-01,holiday,国庆节\n2026-10-02,holiday,国庆节\n2026-10-03,holiday,国庆节\n"
                    "2026-10-04,holiday,国庆节\n2026-10-05,holiday,国庆节\n2026-10-06,holiday,国庆节\n"
                    "2026-10-07,holiday,国庆节\n2026-10-10,workday,国庆节\n");
         import_files(c.db, c.actor, find_kind("calendar")->import(c), {(dir / "calendar.csv").string()}, {});
         add(c, "calendar", {{"date", "2026-10-08"}, {"kind", "holiday"}, {"name", "国庆节"}});
         void_record(c, "calendar", "2026-10-08", "录错");
       }},
      {"day",
       [](Context& c) {
         add(c, "day", {{"date", "2026-10-16"}, {"kind", "holiday"}, {"name", "运动会"}});
         void_record(c, "day", "2026-10-16", "改期");
         add(c, "day", {{"date", "2026-10-16"}, {"kind", "restday"}});
         add(c, "day", {{"date", "2026-10-24"}, {"kind", "workday"}, {"name", "值班"}});
       }},
      {"trip",
       [](Context& c) {
         add(c, "trip", {{"person", "P0001"}, {"start", "2026-10-20"}, {"end", "2026-10-21"}, {"destination", "北京"},
                         {"reason", "培训"}});
         add(c, "trip", {{"person", "P0002"}, {"start", "2026-10-22"}, {"end", "2026-10-23"}});
         void_record(c, "trip", "2", "取消");
       }},
      {"outing",
       [](Context& c) {
         add(c, "outing", {{"person", "P0003"}, {"start", "2026-10-22 14:00"}, {"end", "2026-10-22 16:00"},
                           {"destination", "市政府"}});
         add(c, "outing", {{"person", "P0001"}, {"start", "2026-10-23 09:00"}, {"end", "2026-10-23 10:00"}});
         void_record(c, "outing", "4", "未去");
       }},
      {"session",
       [](Context& c) {
         // A department's session: its people in post invited, P0001 on approved 年休假.
         add(c, "session", {{"date", "2026-10-12"}, {"hours", "2"}, {"topic", "学习贯彻全会精神"},
                            {"speaker", "王局长"}, {"category", "政治理论"}, {"department", "D02"}});
         // Named attendance: P0002 absent, covered by the afternoon of a 病假, so on leave.
         add(c, "session", {{"date", "2026-10-09"}, {"hours", "1.5"}, {"topic", "民法典, \"专题\""},
                            {"category", "法律法规"}, {"form", "专题讲座"}, {"attendees", "P0001；P0003"},
                            {"absent", "P0002（病假）"}});
         add(c, "session", {{"date", "2026-10-13"}, {"hours", "1"}, {"topic", "录错的"}, {"category", "综合素养"},
                            {"attendees", "P0003"}, {"absent", "P0002(开会)"}});
         void_record(c, "session", "3", "重复录入");
       }},
      {"study",
       [](Context& c) {
         const auto add_study = [&](const Fields& f) { add(c, "study", f); };
         add_study({{"person", "P0001"}, {"date", "2026-10-09"}, {"hours", "2.5"}, {"category", "政治理论"},
                    {"form", "专题讲座"}, {"title", "学习贯彻\"二十大\",精神"}, {"provider", "市委党校 王教授"},
                    {"level", "市级"}, {"evidence", "签到表 2026-10"}, {"notes", "第一点体会\n第二点体会"}});
         // Given in days; given both.
         add_study({{"person", "P0002"}, {"date", "2026-10-12"}, {"days", "2.5"}, {"category", "业务知识"},
                    {"form", "培训班"}, {"title", "公文写作培训"}});
         add_study({{"person", "P0003"}, {"date", "2026-10-12"}, {"hours", "20"}, {"days", "3"}, {"category", "综合素养"},
                    {"form", "培训班"}, {"title", "履职能力培训"}});
         // Online study over its cap of 50 a year: credited 48, then 2, then 0.
         add_study({{"person", "P0001"}, {"date", "2026-10-01"}, {"hours", "24"}, {"category", "法律法规"},
                    {"form", "网络学习"}, {"title", "民法典"}});
         add_study({{"person", "P0001"}, {"date", "2026-10-02"}, {"hours", "24"}, {"category", "法律法规"},
                    {"form", "网络学习"}, {"title", "行政法"}});
         add_study({{"person", "P0001"}, {"date", "2026-10-03"}, {"hours", "3"}, {"category", "国情省情"},
                    {"form", "网络学习"}, {"title", "省情概况"}});
         add_study({{"person", "P0001"}, {"date", "2026-10-04"}, {"hours", "3"}, {"category", "国情省情"},
                    {"form", "网络学习"}, {"title", "省情概况（续）"}});
         add_study({{"person", "P0002"}, {"date", "2026-10-05"}, {"hours", "1"}, {"category", "政治理论"},
                    {"form", "自学"}, {"title", "录错的"}});
         void_record(c, "study", "8", "重复录入");
         // A make-up (补学) of the session P0002 missed on leave.
         add_study({{"person", "P0002"}, {"date", "2026-10-14"}, {"make_up", "2"}, {"notes", "看了录像"}});
       }},
      {"plan",
       [](Context& c) {
         add(c, "plan", {{"year", "2026"}, {"title", "2026年度工作要点"}, {"department", "D02"}});
         add(c, "plan", {{"year", "2026"}, {"title", "录错的计划"}, {"department", "D04"}});
         void_record(c, "plan", "2", "重复录入");
       }},
      {"task",
       [](Context& c) {
         add(c, "task", {{"title", "加强机关党建"}, {"plan", "1"}, {"category", "党建"}, {"due", "2026-12-31"},
                         {"measure", "全年\"三会一课\"不少于12次"}, {"target", "12"}, {"priority", "high"}});
         add(c, "task", {{"title", "落实三会一课"}, {"parent", "2026-1"}, {"person", "P0001"}, {"co_owners", "P0003；P0002"},
                         {"start", "2026-01-01"}, {"due", "2026-10-10"}, {"weight", "2.5"}, {"actual", "9"}});
         add(c, "task", {{"title", "开展主题党日"}, {"parent", "2026-1"}, {"department", "D05"}, {"due", "2026-11-30"}});
         add(c, "task", {{"title", "提升办文质量"}, {"plan", "1"}, {"code", "2026-10"}, {"priority", "低"}});
         add(c, "task", {{"title", "录错的任务"}, {"parent", "2026-10"}});
         // Voided with its log: the entry (see progress) names a voided item.
         in_transaction(c.db, [&] {
           log_progress(c.db, c.actor, c.today(), {{"task", "2026-10.1"}, {"date", "2026-10-07"}, {"percent", "10"}});
         });
         void_record(c, "task", "2026-10.1", "重复录入");
       }},
      {"progress",
       [](Context& c) {
         add(c, "progress", {{"task", "2026-1.1"}, {"date", "2026-10-08"}, {"percent", "40"}, {"note", "已开两次"},
                             {"evidence", "会议记录"}});
         add(c, "progress", {{"task", "2026-1.2"}, {"date", "2026-10-09"}, {"percent", "100"}});
         add(c, "progress", {{"task", "2026-1.1"}, {"date", "2026-10-12"}, {"due_to", "2026-12-31"}, {"note", "推迟"}});
         add(c, "progress", {{"task", "2026-1.1"}, {"date", "2026-10-13"}, {"percent", "20"}, {"note", "返工"}});
         void_record(c, "progress", "5", "录错");
         add(c, "progress", {{"task", "2026-1"}, {"date", "2026-10-14"}, {"status", "done"}, {"forced", "1"}});
       }},
      {"rule",
       [](Context& c) {
         add(c, "rule", {{"code", "ZD-01"}, {"title", "公文处理办法"}, {"category", "综合"}, {"department", "D02"},
                         {"review_months", "12"}});
         // Nobody owns it; a draft; a category a CSV must quote.
         add(c, "rule", {{"code", "ZD-02"}, {"title", "接待管理办法"}, {"category", "接待, \"公务\""}, {"status", "草案"}});
         add(c, "rule", {{"code", "ZD-03"}, {"title", "车辆管理办法"}, {"department", "D04"}, {"review_months", "24"}});
         // A code voided and used again.
         add(c, "rule", {{"code", "ZD-04"}, {"title", "录错的制度"}});
         void_record(c, "rule", "ZD-04", "重复录入");
         add(c, "rule", {{"code", "ZD-04"}, {"title", "会议制度"}, {"department", "D05"}, {"review_months", "6"}});
       }},
      {"rule-version",
       [](Context& c) {
         add(c, "rule-version", {{"rule", "ZD-01"}, {"change", "new"}, {"doc_number", "办发〔2020〕1号"},
                                 {"issued", "2020-01-01"}, {"summary", "制定"}});
         add(c, "rule-version", {{"rule", "ZD-01"}, {"change", "revised"}, {"issued", "2025-02-20"},
                                 {"effective", "2025-03-01"}, {"file", "制度/ZD-01-v2.pdf"},
                                 {"sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}});
         add(c, "rule-version", {{"rule", "ZD-03"}, {"change", "new"}, {"issued", "2019-01-01"}});
         // ZD-03 merged into ZD-01: repealed.
         add(c, "rule-version", {{"rule", "ZD-01"}, {"change", "revised"}, {"issued", "2026-06-01"},
                                 {"supersedes", "ZD-03"}, {"summary", "并入车辆管理, \"第三章\""},
                                 {"file", "没有的文件.pdf"}});
         add(c, "rule-version", {{"rule", "ZD-02"}, {"change", "interpreted"}, {"issued", "2026-01-01"}});
         add(c, "rule-version", {{"rule", "ZD-04"}, {"change", "new"}, {"issued", "2026-03-01"}});
         void_record(c, "rule-version", "6", "录错");
         add(c, "rule-version", {{"rule", "ZD-04"}, {"change", "new"}, {"issued", "2026-03-05"}});
       }},
      {"finding",
       [](Context& c) {
         // A check's, with its fingerprint; found by people, with where from; one voided.
         add(c, "finding", {{"source", "leave.unreturned"}, {"subject", "P0001"}, {"period", "2026-10-08..2026-10-09"},
                            {"problem", "请假结束未销假"}, {"person", "P0001"}, {"rule", "ZD-01"},
                            {"evidence", "请假 #2"}, {"found", "2026-10-10"}});
         add(c, "finding", {{"problem", "接待超标准,\"陪餐\"超员"}, {"origin", "督查"}, {"department", "D02"},
                            {"found", "2026-10-09"}, {"measure", "退回超支"}, {"due", "2026-10-31"}});
         add(c, "finding", {{"problem", "录错的问题"}, {"subject", "D02"}, {"found", "2026-10-09"}});
         void_record(c, "finding", "3", "重复");
         add(c, "finding", {{"problem", "无需整改的问题"}, {"person", "P0002"}, {"found", "2026-10-11"}});
       }},
      {"finding-entry",
       [](Context& c) {
         add(c, "finding-entry", {{"finding", "1"}, {"action", "start"}, {"date", "2026-10-11"}});
         add(c, "finding-entry", {{"finding", "1"}, {"action", "rectify"}, {"date", "2026-10-12"},
                                  {"evidence", "销假单.pdf"}});
         add(c, "finding-entry", {{"finding", "1"}, {"action", "verify"}, {"date", "2026-10-13"}});
         add(c, "finding-entry", {{"finding", "1"}, {"action", "reopen"}, {"date", "2026-10-14"}, {"note", "复查未通过"}});
         add(c, "finding-entry", {{"finding", "2"}, {"action", "note"}, {"note", "录错"}});
         void_record(c, "finding-entry", "5", "录错");
         add(c, "finding-entry", {{"finding", "4"}, {"action", "waive"}, {"date", "2026-10-12"}, {"note", "已调离"}});
       }},
  };
  return r;
}

/// The office with the representative records of every kind.
struct Original : Office {
  explicit Original(Language language = Language::zh) : Office(language) {
    for (const RecordKind* kind : record_kinds()) {
      const auto it = representatives().find(kind->name);
      REQUIRE_MESSAGE(it != representatives().end(), "no representative records for the kind ", kind->name);
      Context c = context();
      it->second(c);
    }
  }
};

InputFormat input_format(Format f) { return f == Format::csv ? InputFormat::csv : InputFormat::jsonl; }

}  // namespace

TEST_CASE("every kind with a list has an import, unless it says why not") {
  for (const RecordKind* kind : record_kinds()) {
    CAPTURE(kind->name);
    if (!kind->list) continue;
    CHECK_MESSAGE((bool(kind->import) || not_importable.count(kind->name)), kind->name,
                  " is listed but has no import: give it one, or name it in not_importable with the reason");
  }
}

TEST_CASE("list --all as CSV and as JSON Lines, imported into an empty ledger, lists the same bytes") {
  Original original;
  for (const Format format : {Format::csv, Format::jsonl}) {
    CAPTURE(format == Format::csv ? "csv" : "jsonl");
    Office restored;
    // In the registry's order: a kind's records refer to those of the kinds before it.
    std::map<std::string, std::string> lists;
    for (const RecordKind* kind : record_kinds()) {
      if (!kind->list || !kind->import) continue;
      Context c = original.context();
      lists[kind->name] = listed(c, *kind, format);
      restored.import(*kind, lists[kind->name], input_format(format));
    }
    for (const RecordKind* kind : record_kinds()) {
      if (!lists.count(kind->name)) continue;
      CAPTURE(kind->name);
      Context o = original.context();
      const Table table = [&] {
        ListQuery q;
        q.include_voided = kind->list_voided;
        if (kind->list_period) q.period = period;
        return kind->list(o, q);
      }();
      CHECK(table.rows.size() >= 2);  // the representative records are listed
      Context r = restored.context();
      CHECK(listed(r, *kind, format) == lists[kind->name]);
      // And as people read them, in a table: nothing in a label was lost either.
      CHECK(listed(r, *kind, Format::table) == listed(o, *kind, Format::table));
    }
    // Imported records verify against the change log: each import's digest, each void.
    const Verdict records = verify_records(restored.db);
    CHECK_MESSAGE(records.ok(), (records.problems.empty() ? std::string() : records.problems.front()));
    CHECK(verify_chain(restored.db).ok());

    // A second import of the same lists adds nothing.
    for (const RecordKind* kind : record_kinds()) {
      if (!lists.count(kind->name)) continue;
      CAPTURE(kind->name);
      const ImportResult again = restored.import(*kind, lists[kind->name], input_format(format));
      CHECK(again.total.added == 0);
      CHECK(again.total.rejected == 0);
    }
  }
}

TEST_CASE("what a round trip restores: voids with when and why, statuses, approvers, 补签, ids") {
  Original original;
  Office restored;
  for (const RecordKind* kind : record_kinds()) {
    Context c = original.context();
    restored.import(*kind, listed(c, *kind, Format::csv), InputFormat::csv);
  }
  const auto row = [&](const std::string& sql) {
    SQLite::Statement q(restored.db, sql);
    REQUIRE(q.executeStep());
    std::string out;
    for (int i = 0; i < q.getColumnCount(); ++i) {
      out += (i ? "|" : "") + (q.getColumn(i).isNull() ? std::string("∅") : q.getColumn(i).getString());
    }
    return out;
  };
  const std::string voided_at = format_utc(test_actor().at);
  CHECK(row("SELECT status, voided_at, void_reason FROM leave WHERE id = 6") == "approved|" + voided_at + "|录错");
  CHECK(row("SELECT status, approver, returned_at FROM leave WHERE id = 3") == "returned|周敏|2026-10-09 17:00:00");
  CHECK(row("SELECT status, approver FROM leave WHERE id = 4") == "rejected|王局长");
  CHECK(row("SELECT status, approver FROM leave WHERE id = 5") == "cancelled|tester");
  CHECK(row("SELECT source, reason, approver FROM punches WHERE source = 'makeup'") == "makeup|忘带卡|周敏");
  CHECK(row("SELECT group_concat(source, ',') FROM (SELECT source FROM punches ORDER BY id)") ==
        "device,device,import,manual,makeup,manual");
  CHECK(row("SELECT voided_at, void_reason FROM punches WHERE id = 6") == voided_at + "|代打卡");
  // The voided person in a voided department beneath a voided one, and the voided holder
  // of a code used again.
  CHECK(row("SELECT p.voided_at IS NOT NULL, d.code, d.voided_at IS NOT NULL, x.code FROM people p JOIN departments d "
            "ON d.id = p.department_id JOIN departments x ON x.id = d.parent_id WHERE p.code = 'P0009'") ==
        "1|D07|1|D03");
  CHECK(row("SELECT group_concat(id || ':' || name || ':' || (voided_at IS NOT NULL), ',') FROM people WHERE code = "
            "'P0004'") == "5:重复的人:1,6:孙七:0");
  CHECK(row("SELECT kind, voided_at IS NOT NULL, void_reason FROM trips WHERE id = 4") == "outing|1|未去");
  CHECK(row("SELECT hours, days, provider, level, evidence, notes FROM study_records WHERE id = 1") ==
        "2.5|∅|市委党校 王教授|市级|签到表 2026-10|第一点体会\n第二点体会");
  CHECK(row("SELECT hours, days FROM study_records WHERE id = 2") == "15.0|2.5");
  CHECK(row("SELECT voided_at, void_reason FROM study_records WHERE id = 8") == voided_at + "|重复录入");
  CHECK(row("SELECT session_id, hours, title FROM study_records WHERE id = 9") == "2|1.5|民法典, \"专题\"");
  CHECK(row("SELECT group_concat(p.code || ':' || presence || ':' || coalesce(reason, ''), ',') FROM (SELECT * FROM "
            "session_attendance ORDER BY session_id, person_id) a JOIN people p ON p.id = a.person_id") ==
        "P0001:on_leave:年休假,P0002:present:,P0001:present:,P0002:on_leave:病假,P0003:present:,P0002:absent:开会,"
        "P0003:present:");
  CHECK(row("SELECT voided_at, void_reason FROM study_sessions WHERE id = 3") == voided_at + "|重复录入");
  CHECK(row("SELECT group_concat(kind || ':' || coalesce(name, '') || ':' || coalesce(void_reason, ''), ',') FROM "
            "calendar_days") == "holiday:运动会:改期,restday::,workday:值班:");
  CHECK(row("SELECT group_concat(code || ':' || status, ',') FROM rules WHERE voided_at IS NULL") ==
        "ZD-01:in_force,ZD-02:draft,ZD-03:repealed,ZD-04:in_force");
  CHECK(row("SELECT file_sha256, (SELECT code FROM rules WHERE id = 3) FROM rule_versions WHERE id = 2") ==
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08|ZD-03");
  CHECK(row("SELECT rule_id, version, void_reason FROM rule_versions WHERE id = 6") == "5|1|录错");
}

TEST_CASE("machine formats say the same in every language; tables and Markdown translate") {
  Original zh(Language::zh);
  Original en(Language::en);
  for (const RecordKind* kind : record_kinds()) {
    CAPTURE(kind->name);
    Context z = zh.context(), e = en.context();
    for (const Format f : {Format::csv, Format::json, Format::jsonl}) CHECK(listed(z, *kind, f) == listed(e, *kind, f));
    CHECK(listed(z, *kind, Format::table) != listed(e, *kind, Format::table));
    CHECK(listed(z, *kind, Format::md) != listed(e, *kind, Format::md));
  }
  // The leave statuses, punch sources, trip kinds and calendar words programs read.
  Context c = zh.context();
  const std::string leave = listed(c, *find_kind("leave"), Format::csv);
  for (const char* word : {",requested,", ",approved,", ",rejected,", ",returned,", ",cancelled,"}) {
    CHECK_MESSAGE(leave.find(word) != std::string::npos, word);
  }
  CHECK(leave.find("已批准") == std::string::npos);
  const std::string punches = listed(c, *find_kind("punch"), Format::csv);
  for (const char* word : {",device,", ",import,", ",manual,", ",makeup,"}) CHECK(punches.find(word) != std::string::npos);
  const std::string trips = listed(c, *find_kind("trip"), Format::jsonl);
  CHECK(trips.find("\"kind\":\"outing\"") != std::string::npos);
  const std::string days = listed(c, *find_kind("day"), Format::csv);
  CHECK(days.starts_with("date,weekday,kind,name,source,voided_at,void_reason\r\n"));
  CHECK(days.find("2026-10-24,sat,makeup_workday,值班,office,,") != std::string::npos);
  CHECK(days.find("2026-10-01,thu,holiday,国庆节,national,,") != std::string::npos);
}

TEST_CASE("ids: kept when above every id of the table, else the next; the natural key decides what is there") {
  Original original;
  Context o = original.context();
  const std::string people = listed(o, *find_kind("person"), Format::csv);

  // A ledger in use, whose own people hold the ids 1 and 2: the list's ids 1 and 2 are not
  // taken from them, its ids above 2 are kept.
  Office busy;
  Context b = busy.context();
  busy.import(*find_kind("department"), listed(o, *find_kind("department"), Format::csv), InputFormat::csv);
  add(b, "person", {{"code", "X0001"}, {"name", "甲"}, {"department", "D01"}});
  add(b, "person", {{"code", "X0002"}, {"name", "乙"}, {"department", "D01"}});
  CHECK(busy.import(*find_kind("person"), people, InputFormat::csv).total.added == 6);
  SQLite::Statement q(busy.db, "SELECT group_concat(code || '=' || id, ' ') FROM (SELECT code, id FROM people ORDER BY id)");
  REQUIRE(q.executeStep());
  // In the list's order (by department code): P0001 (was 1) takes the next id, 3, and
  // P0003, whose 3 is then taken, takes the next after P0002's.
  CHECK(q.getColumn(0).getString() == "X0001=1 X0002=2 P0001=3 P0009=4 P0004=5 P0004=6 P0002=7 P0003=8");
  CHECK(verify_records(busy.db).ok());
  // Again: every row is there by its code (or, voided, by all its values), whatever its id.
  CHECK(busy.import(*find_kind("person"), people, InputFormat::csv).total.unchanged == 6);
}
