#include "taizhang/labels.h"

#include <array>

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
};

}  // namespace

std::string label(std::string_view key, Language language) {
  for (const Label& l : labels) {
    if (l.key == key) return std::string(language == Language::zh ? l.zh : l.en);
  }
  return std::string(key);
}

}  // namespace taizhang
