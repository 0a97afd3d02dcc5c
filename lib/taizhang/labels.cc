#include "taizhang/labels.h"

#include <array>
#include <unordered_map>

namespace taizhang {
namespace {

struct Label {
  std::string_view key, zh, en;
};

constexpr std::array labels{
    Label{"id", "ID", "ID"},
    Label{"code", "编码", "Code"},
    Label{"name", "名称", "Name"},
    Label{"parent", "上级部门", "Parent"},
    Label{"people", "人数", "People"},
    Label{"person_code", "工号", "Staff no."},
    Label{"person_name", "姓名", "Name"},
    Label{"department", "部门", "Department"},
    Label{"title", "职务", "Title"},
    Label{"badge", "考勤号", "Badge"},
    Label{"joined", "入职日期", "Joined"},
    Label{"left", "离职日期", "Left"},
    Label{"active", "在职", "Active"},
    Label{"voided", "已作废", "Voided"},
    Label{"voided_at", "作废时间", "Voided at"},
    Label{"void_reason", "作废原因", "Void reason"},
    Label{"at", "时间", "When"},
    Label{"by", "操作人", "By"},
    Label{"action", "操作", "Action"},
    Label{"kind", "类别", "Kind"},
    Label{"record_id", "记录ID", "Record"},
    Label{"summary", "内容", "Summary"},
    Label{"command", "命令", "Command"},
    Label{"field", "字段", "Field"},
    Label{"value", "值", "Value"},
    // Leave (请假)
    Label{"leave_type", "类别", "Type"},
    Label{"start", "开始", "Start"},
    Label{"end", "结束", "End"},
    Label{"days", "天数", "Days"},
    Label{"status", "状态", "Status"},
    Label{"approver", "审批人", "Approver"},
    Label{"returned_at", "销假时间", "Returned"},
    Label{"reason", "事由", "Reason"},
    Label{"service_years", "工龄", "Years of service"},
    Label{"quota", "额度", "Quota"},
    Label{"taken", "已休", "Taken"},
    Label{"remaining", "剩余", "Left"},
    Label{"status_requested", "待审批", "requested"},
    Label{"status_approved", "已批准", "approved"},
    Label{"status_rejected", "已驳回", "rejected"},
    Label{"status_returned", "已销假", "returned"},
    Label{"status_cancelled", "已撤销", "cancelled"},
    Label{"yes", "是", "yes"},
    Label{"no", "否", "no"},
    Label{"explanation", "说明", "Explanation"},
    // Punches (打卡记录)
    Label{"punch_source", "来源", "Source"},
    // A punch's source as tables show it; machine formats write device, import, manual, makeup.
    Label{"punch_device", "考勤机", "time clock"},
    Label{"punch_import", "导入", "import"},
    Label{"punch_manual", "手工录入", "by hand"},
    Label{"punch_makeup", "补签", "make-up"},
    Label{"device", "设备", "Device"},
    Label{"makeup_reason", "补签原因", "Make-up reason"},
    Label{"makeup_approver", "审批人", "Approved by"},
    // Trips (出差) and outings (外出)
    Label{"destination", "地点", "Destination"},
    Label{"kind_trip", "出差", "trip"},
    Label{"kind_outing", "外出", "outing"},
    // Study (学习台账)
    Label{"study_category", "类别", "Category"},
    Label{"study_form", "形式", "Form"},
    Label{"study_title", "题目", "Title"},
    Label{"study_hours", "学时", "Hours"},
    Label{"study_credited", "认定学时", "Credited"},
    Label{"study_provider", "主办单位/主讲人", "Provider"},
    Label{"study_level", "层级", "Level"},
    Label{"study_evidence", "证明材料", "Evidence"},
    Label{"study_notes", "学习心得", "Notes"},
    Label{"presence_present", "出席", "Present"},
    Label{"presence_absent", "缺席", "Absent"},
    Label{"presence_on_leave", "请假", "On leave"},
    Label{"study_session", "集中学习场次", "Session"},
    Label{"study_make_up", "补学场次", "Make-up of"},
    // Collective study sessions (集中学习)
    Label{"session_topic", "主题", "Topic"},
    Label{"session_speaker", "主讲人", "Speaker"},
    Label{"session_department", "组织部门", "Organised by"},
    Label{"session_invited", "应到", "Invited"},
    Label{"session_made_up", "补学", "Made up"},
    Label{"session_attendees", "参加人员", "Attendees"},
    Label{"session_absent", "缺席人员", "Absentees"},
    Label{"session_presence", "出席情况", "Attendance"},
    Label{"session_reason", "原因", "Reason"},
    Label{"session_make_up", "补学", "Make-up"},
    Label{"session_make_up_cell", "补学记录 {} ({})", "study record {} ({})"},
    // Calendar (list days). The kinds are shared with the day status and the attendance
    // sheet, so a day is called the same everywhere.
    Label{"date", "日期", "Date"},
    Label{"weekday", "星期", "Weekday"},
    Label{"day_kind", "类型", "Kind"},
    Label{"source", "来源", "Source"},
    Label{"workday", "工作日", "workday"},
    Label{"makeup_workday", "补班", "make-up workday"},
    Label{"restday", "休息日", "rest day"},
    Label{"holiday", "节假日", "holiday"},
    Label{"source_office", "本单位", "office"},
    Label{"source_national", "国家", "national"},
    Label{"weekday_mon", "周一", "Mon"},
    Label{"weekday_tue", "周二", "Tue"},
    Label{"weekday_wed", "周三", "Wed"},
    Label{"weekday_thu", "周四", "Thu"},
    Label{"weekday_fri", "周五", "Fri"},
    Label{"weekday_sat", "周六", "Sat"},
    Label{"weekday_sun", "周日", "Sun"},
    // Day status (show day): the explanation of one day. The English keeps the Chinese term
    // in brackets where the office's rules are written in it.
    Label{"part_am", "上午", "the morning"},
    Label{"part_pm", "下午", "the afternoon"},
    Label{"part_full", "全天", "the whole day"},
    Label{"explain_before_joining", "不计：{} 入职", "not counted: joined on {}"},
    Label{"explain_after_leaving", "不计：{} 离职", "not counted: left on {}"},
    Label{"explain_leave", "请假 #{} {}（{}{} 至 {}{}，{}）覆盖{}", "leave #{} {} ({}{} – {}{}, {}) covers {}"},
    Label{"explain_holiday", "节假日：{}", "holiday: {}"},
    Label{"explain_makeup_workday", "补班（{}）", "make-up workday (补班) for {}"},
    Label{"explain_future", "未判定：尚未到来", "not judged: in the future"},
    Label{"explain_today", "未判定：今天，{} 之前", "not judged yet: today, before {}"},
    Label{"explain_trip", "出差 #{}（{} 至 {}{}）计为出勤", "business trip #{} ({} – {}{}) is attendance"},
    Label{"explain_outing", "外出 #{}（{} 至 {}）{}{}", "outing #{} ({} – {}){}{}"},
    Label{"explain_outing_excuses_in", "，免上班打卡", " excuses the sign-in"},
    Label{"explain_outing_excuses_out", "，免下班打卡", " excuses the sign-out"},
    Label{"explain_punch", "打卡 {}{}", "punch {}{}"},
    Label{"explain_punch_makeup", "（补签）", " (补签)"},
    Label{"explain_single_punch_in", "仅一次打卡，早于 {}，算作签到", "a single punch before {} is a sign-in"},
    Label{"explain_single_punch_out", "仅一次打卡，不早于 {}，算作签退", "a single punch at or after {} is a sign-out"},
    Label{"explain_absent", "无打卡，也无请假、出差或外出：旷工 {} 天", "no punch and nothing covering it: absent (旷工 {})"},
    Label{"explain_sign_in_missing", "上班缺卡", "sign-in missing (上班缺卡)"},
    Label{"explain_sign_out_missing", "下班缺卡", "sign-out missing (下班缺卡)"},
    // Numbered: the two languages name the deadline and the minutes in opposite order.
    Label{"explain_late_absent", "{0} 签到，比 {1} 晚 {2} 分钟，超过 {3} 分钟：上午按旷工 0.5 天计",
          "signed in at {0}, {2} minutes after {1}: more than {3} is half a day absent (旷工 0.5)"},
    Label{"explain_late", "{} 签到：迟到 {} 分钟（应于 {} 前，宽限 {} 分钟）{}",
          "signed in at {}: {} minutes late (deadline {}, grace {} minutes){}"},
    Label{"explain_seriously_late", "，严重迟到", ", seriously late (严重迟到)"},
    Label{"explain_on_time", "{} 签到：未迟到（应于 {} 前，宽限 {} 分钟）",
          "signed in at {}: on time (deadline {}, grace {} minutes)"},
    Label{"explain_early", "{} 签退：早退 {} 分钟（应于 {} 后）", "signed out at {}: {} minutes early (from {})"},
    Label{"explain_not_early", "{} 签退：未早退（应于 {} 后）", "signed out at {}: not early (from {})"},
    // Attendance sheet (list days --person, report attendance). A day's status is lower
    // case, a column heading capitalised, so the same word has two keys.
    Label{"not_employed", "未在职", "not employed"},
    Label{"not_judged", "未判定", "not judged"},
    Label{"leave_am", "(上午)", " (am)"},
    Label{"leave_pm", "(下午)", " (pm)"},
    Label{"day_trip", "出差", "trip"},
    Label{"day_outing", "外出", "outing"},
    Label{"day_absent", "旷工 {}", "absent {}"},
    Label{"day_seriously_late", "严重迟到", "seriously late"},
    Label{"day_late", "迟到", "late"},
    Label{"day_early", "早退", "early"},
    Label{"day_no_sign_in", "上班缺卡", "no sign-in"},
    Label{"day_no_sign_out", "下班缺卡", "no sign-out"},
    Label{"day_present", "正常", "present"},
    Label{"day_code", "代码", "Code"},
    Label{"sign_in", "签到", "Sign-in"},
    Label{"sign_out", "签退", "Sign-out"},
    Label{"late_minutes", "迟到分钟", "Late min"},
    Label{"early_minutes", "早退分钟", "Early min"},
    Label{"absent", "旷工", "Absent"},
    Label{"leave_days", "请假", "Leave"},
    Label{"makeups", "补签", "Make-ups"},
    Label{"due", "应出勤", "Due"},
    Label{"attended", "出勤", "Attended"},
    Label{"late", "迟到", "Late"},
    Label{"serious_late", "严重迟到", "Seriously late"},
    Label{"early", "早退", "Early"},
    Label{"missing_in", "上班缺卡", "No sign-in"},
    Label{"missing_out", "下班缺卡", "No sign-out"},
    Label{"trip", "出差", "Trip"},
    Label{"outing", "外出", "Outing"},
    Label{"department_subtotal", "{} 小计", "{} subtotal"},
    Label{"total", "合计", "Total"},
    Label{"row_kind", "行类型", "row"},
    Label{"attendance_title", "考勤月报", "attendance sheet"},
    Label{"heading_period", "{} 至 {}", "{} to {}"},
    Label{"heading_department", "部门：{}（{}）", "department: {} ({})"},
    // The study report (report study)
    Label{"study_report_title", "学习情况报表", "study report"},
    Label{"heading_as_of", "截至 {}", "as of {}"},
    Label{"requirement_month", "月度", "monthly"},
    Label{"requirement_quarter", "季度", "quarterly"},
    Label{"requirement_year", "年度", "yearly"},
    Label{"requirement_rolling", "{}年滚动", "rolling {} years"},
    Label{"study_group", "组别", "Group"},
    Label{"study_requirement", "要求", "Requirement"},
    Label{"study_period_from", "起", "From"},
    Label{"study_period_to", "止", "To"},
    Label{"study_claimed", "申报学时", "Claimed"},
    Label{"study_carried_in", "结转学时", "Carried in"},
    Label{"study_required", "应修学时", "Required"},
    Label{"study_balance", "差额", "Balance"},
    Label{"study_met", "达标", "Met"},
    Label{"study_short", "未达最低类别", "Short in"},
    Label{"study_projected", "预计全期", "Projected"},
    Label{"study_will_miss", "预计未达标", "Will miss"},
    Label{"study_people", "人数", "People"},
    Label{"study_with_requirement", "有要求", "With a requirement"},
    Label{"study_met_count", "达标人数", "Met"},
    Label{"study_compliance_rate", "达标率(%)", "Compliance (%)"},
    Label{"study_will_miss_count", "预计未达标人数", "Will miss"},
    Label{"session_attendance_rate", "出席率(%)", "Attendance (%)"},
    Label{"study_sessions_held", "共 {} 场", "{} held"},
    Label{"study_section_departments", "各部门达标情况", "Compliance by department"},
    Label{"study_section_sessions", "集中学习情况", "Collective sessions"},
    Label{"heading_person", "人员：{}（{}）", "person: {} ({})"},
    // The day codes (✓ 迟 早 …) are the sheet's own symbols, the same in both languages.
    Label{"attendance_legend",
          // Lines under 80 columns, as the sheet's blocks are in a terminal.
          "✓ 正常  迟 迟到  早 早退  缺 缺卡  旷 旷工  差 出差  外 外出\n"
          "休 休息日  节 节假日  - 未在职  空白 未判定\n"
          "请假:{}\n",
          "✓ present  迟 late  早 left early  缺 missing punch  旷 absent  差 trip  外 outing\n"
          "休 rest day  节 holiday  - not employed  blank not judged\nleave:{}\n"},
};

}  // namespace

std::string label(std::string_view key, Language language) {
  // A monthly sheet judges every person's every day, each with several labels: a scan of
  // the whole table per word would show in `report attendance`.
  static const std::unordered_map<std::string_view, const Label*> by_key = [] {
    std::unordered_map<std::string_view, const Label*> m;
    for (const Label& l : labels) m.emplace(l.key, &l);
    return m;
  }();
  const auto it = by_key.find(key);
  if (it == by_key.end()) return std::string(key);
  return std::string(language == Language::zh ? it->second->zh : it->second->en);
}

std::vector<std::string_view> label_keys() {
  std::vector<std::string_view> keys;
  keys.reserve(labels.size());
  for (const Label& l : labels) keys.push_back(l.key);
  return keys;
}

}  // namespace taizhang
