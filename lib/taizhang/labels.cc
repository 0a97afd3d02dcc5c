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
