#pragma once
/// The national holiday calendar as shipped (data/cn-calendar.csv), compiled in.

#include <vector>

namespace taizhang {

struct NationalDay {
  const char* date;  ///< YYYY-MM-DD
  const char* kind;  ///< "holiday" or "workday" (a make-up workday on a weekend)
  const char* name;  ///< the festival
};

const std::vector<NationalDay>& national_calendar_rows();

}  // namespace taizhang
