// Writes a sample monthly summary as HTML — Chinese text, every kind of chart, a warning, a
// wide table and an empty one — for render-check.sh to open in a real browser.
//
//   usage: html_sample FILE.html [zh|en]
#include "taizhang/html.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace taizhang;

namespace {

const std::vector<std::string> kDepartments = {
    "办公室", "综合科", "财务审计科", "人事教育科", "机关党委（纪检监察室）", "法规科", "信息中心", "后勤服务中心"};

Table department_table() {
  Table t;
  t.columns = {{"department", "部门"}, {"people", "人数"},       {"present", "出勤（天）"}, {"leave", "请假（天）"},
               {"trip", "出差（天）"}, {"absent", "缺勤（天）"}, {"rate", "出勤率(%)"},     {"kind", "kind", true}};
  for (std::size_t i = 0; i < kDepartments.size(); ++i) {
    const auto k = static_cast<std::int64_t>(i);
    std::vector<Cell> row;
    const std::string code = "D" + std::to_string(i);
    row.emplace_back(Term{code, kDepartments[i]});
    row.emplace_back(std::int64_t{6} + k);
    row.emplace_back(std::int64_t{120} + 9 * k);
    row.emplace_back(std::int64_t{4} + k % 3);
    row.emplace_back(std::int64_t{2} * (k % 2));
    row.emplace_back(i == 3 ? Cell(std::int64_t{2}) : Cell(std::monostate{}));
    row.emplace_back(95.5 + static_cast<double>(i % 4));
    row.emplace_back(std::string("department"));
    t.rows.push_back(row);
  }
  return t;
}

Document sample() {
  Document d;
  d.heading.office = "某某县审计局";
  d.heading.report = "monthly";
  d.heading.from = "2026-11-01";
  d.heading.to = "2026-11-30";
  d.heading.text = "某某县审计局  月度工作汇总  2026年11月";

  DocumentSection attendance;
  attendance.key = "attendance";
  attendance.title = "一、考勤";
  attendance.notes = {"本月应出勤 21 个工作日，全局 66 人。",
                      "注意：国家节假日日历只覆盖到 2026 年，之后的日期按每周工作日计算。"};
  Chart by_department;
  by_department.key = "attendance_by_department";
  by_department.title = "各部门出勤情况";
  by_department.kind = Chart::Kind::stacked;
  by_department.unit = "人天";
  by_department.series = {"出勤", "请假", "出差", "缺勤"};
  by_department.categories = kDepartments;
  for (std::size_t i = 0; i < kDepartments.size(); ++i) {
    const double k = static_cast<double>(i);
    by_department.values.push_back(
        {120 + 9 * k, 4 + static_cast<double>(i % 3), 2.0 * static_cast<double>(i % 2), i == 3 ? 2.0 : 0.0});
  }
  attendance.charts.push_back(by_department);
  Chart lateness;
  lateness.key = "lateness_by_day";
  lateness.title = "每日迟到人次";
  lateness.kind = Chart::Kind::stacked;
  lateness.unit = "次";
  lateness.series = {"迟到", "严重迟到"};
  for (int day = 1; day <= 30; ++day) {
    lateness.categories.push_back(std::to_string(day));
    const bool workday = (day + 6) % 7 < 5;
    lateness.values.push_back({workday ? static_cast<double>(day % 5) : 0.0, workday && day % 4 == 0 ? 1.0 : 0.0});
  }
  attendance.charts.push_back(lateness);
  attendance.tables.push_back({"departments", "各部门出勤汇总", department_table()});
  Table absent;
  absent.columns = {{"person", "姓名"}, {"department", "部门"}, {"days", "缺勤天数"}, {"dates", "日期"}};
  std::vector<Cell> row;
  row.emplace_back(std::string("张伟"));
  row.emplace_back(std::string("人事教育科"));
  row.emplace_back(std::int64_t{2});
  row.emplace_back(std::string("11月12日、11月13日"));
  absent.rows.push_back(row);
  attendance.tables.push_back({"absent", "缺勤人员", absent});
  Table unreturned;
  unreturned.columns = {{"person", "姓名"}, {"leave", "请假"}};
  attendance.tables.push_back({"unreturned", "请假未销假", unreturned});
  d.sections.push_back(attendance);

  // A sheet of a day per column: more than 12 columns, so its section prints landscape.
  DocumentSection sheet;
  sheet.key = "sheet";
  sheet.title = "附：考勤明细";
  Table days;
  days.columns.push_back({"person", "姓名"});
  for (int day = 1; day <= 30; ++day) days.columns.push_back({"d" + std::to_string(day), std::to_string(day)});
  days.columns.push_back({"absent", "缺勤"});
  const std::vector<std::string> names = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊"};
  for (std::size_t p = 0; p < names.size(); ++p) {
    row.clear();
    row.emplace_back(std::string(names[p]));
    for (int day = 1; day <= 30; ++day) {
      const bool workday = (day + 6) % 7 < 5;
      row.emplace_back(std::string(!workday ? "" : (day + static_cast<int>(p)) % 11 == 0 ? "假" : "√"));
    }
    row.emplace_back(p == 0 ? Cell(std::int64_t{2}) : Cell(std::monostate{}));
    days.rows.push_back(row);
  }
  sheet.tables.push_back({"days", "考勤明细表", days});
  d.sections.push_back(sheet);

  DocumentSection study;
  study.key = "study";
  study.title = "二、学习";
  Chart hours;
  hours.key = "study_by_department";
  hours.title = "各部门人均学时与应学学时";
  hours.kind = Chart::Kind::grouped;
  hours.unit = "学时";
  hours.series = {"已获学时", "按进度应学"};
  hours.categories = kDepartments;
  for (std::size_t i = 0; i < kDepartments.size(); ++i)
    hours.values.push_back({38.5 + 4.5 * static_cast<double>(i % 5), 45.8});
  study.charts.push_back(hours);
  Table behind;
  behind.columns = {{"person", "姓名"}, {"department", "部门"}, {"credited", "已获学时"}, {"required", "应学学时"}};
  row.clear();
  row.emplace_back(std::string("李娜"));
  row.emplace_back(std::string("信息中心"));
  row.emplace_back(12.5);
  row.emplace_back(45.8);
  behind.rows.push_back(row);
  study.tables.push_back({"behind", "学时落后人员", behind});
  d.sections.push_back(study);

  DocumentSection plans;
  plans.key = "plans";
  plans.title = "三、工作计划";
  Chart progress;
  progress.key = "plan_progress_by_department";
  progress.title = "各部门工作计划加权进度";
  progress.kind = Chart::Kind::grouped;
  progress.unit = "%";
  progress.series = {"加权进度"};
  progress.categories = kDepartments;
  for (std::size_t i = 0; i < kDepartments.size(); ++i) progress.values.push_back({55 + 5.0 * static_cast<double>(i)});
  plans.charts.push_back(progress);
  Chart none;
  none.key = "plans_overdue";
  none.title = "逾期事项";
  none.unit = "项";
  none.series = {"逾期"};
  plans.charts.push_back(none);
  plans.notes = {"本月无逾期事项。"};
  d.sections.push_back(plans);
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: html_sample FILE.html [zh|en]\n";
    return 64;
  }
  const std::filesystem::path path(argv[1]);
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  render_document_html(sample(), out, argc > 2 && std::string(argv[2]) == "en" ? Language::en : Language::zh);
  out.close();
  if (!out) {
    std::cerr << "html_sample: cannot write " << argv[1] << '\n';
    return 74;
  }
  return 0;
}
