// Fuzz target `config`: the config TOML (lib/taizhang/config.h parse_config) on any bytes.
//
// A config is either refused with Error(Status::config) naming the file, or accepted with
// every value within what the KeySpec table allows; nothing else may come out.

#include "fuzz_support.h"

#include "taizhang/config.h"

#include <string>

namespace {

void check_rules(const taizhang::AttendanceRules& r) {
  for (const taizhang::ClockTime t : {r.midday, r.sign_in_by, r.sign_out_from, r.morning_end, r.afternoon_start}) {
    FUZZ_CHECK(t.seconds >= 0 && t.seconds < 24 * 3600);
  }
  FUZZ_CHECK(r.grace_minutes >= 0 && r.grace_minutes <= 120);
  FUZZ_CHECK(r.serious_late_minutes >= 0 && r.serious_late_minutes <= 720);
  FUZZ_CHECK(r.absent_late_minutes >= 0 && r.absent_late_minutes <= 720);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(fuzz::text_of(data, size));
  try {
    const taizhang::Config c = taizhang::parse_config(text, "fuzz.toml");
    FUZZ_CHECK(c.language == taizhang::Language::zh || c.language == taizhang::Language::en);
    FUZZ_CHECK(!c.database.empty());
    check_rules(c.attendance);
    for (const auto& [code, rules] : c.department_rules) check_rules(rules);
    for (const int d : c.weekdays) FUZZ_CHECK(d >= 1 && d <= 7);
    for (std::size_t i = 0; i < c.annual_leave_by_service.size(); ++i) {
      FUZZ_CHECK(c.annual_leave_by_service[i].second >= 0);
      if (i > 0) FUZZ_CHECK(c.annual_leave_by_service[i - 1].first < c.annual_leave_by_service[i].first);
    }
    for (const taizhang::LeaveType& t : c.leave_types) {
      FUZZ_CHECK(!t.name.empty());
      FUZZ_CHECK(!t.quota || *t.quota >= 0);
      FUZZ_CHECK(!t.max_days || *t.max_days > 0);
      FUZZ_CHECK(c.leave_type(t.name) != nullptr);
    }
  } catch (const taizhang::Error& e) {
    FUZZ_CHECK(e.status == taizhang::Status::config);
    FUZZ_CHECK(std::string_view(e.what()).starts_with("fuzz.toml"));
  }
  return 0;
}
