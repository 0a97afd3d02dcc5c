#pragma once
/// The audit's checks as a catalogue: each shipped check's name, the ledger it reads,
/// whether it describes a state (which a later audit can find gone, and so verify a
/// finding's rectification) or past events (never verified by a check), and its
/// parameters with their defaults and bounds. The config validates [[audit.checks]]
/// against it and `audit --list` prints it; audit.h runs the checks.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace taizhang {

struct CheckParameter {
  std::string name;        ///< "after_days"
  std::int64_t value = 0;  ///< the default
  std::int64_t min = 0, max = 0;
};

struct CheckInfo {
  std::string name;    ///< "leave.unreturned"
  std::string ledger;  ///< the ledger it reads: leave, attendance, punches, rules, study, plans
  bool state = false;  ///< describes a state: a finding of it is verified when the state is gone
  std::vector<CheckParameter> parameters;
};

/// Every shipped check, in the order `audit --list` prints them. A check's description
/// and the message of its findings are labels: "check_<name>" and "check_<name>_message".
const std::vector<CheckInfo>& check_catalogue();

/// The shipped check called `name`, or nullptr.
const CheckInfo* find_check(std::string_view name);

/// The check name of a custom SQL check in config (check = "sql").
inline constexpr std::string_view sql_check = "sql";

}  // namespace taizhang
