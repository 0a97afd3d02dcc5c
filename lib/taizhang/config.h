#pragma once
/// The configuration: one TOML file, found the same way by every command and validated
/// strictly, so that a misspelt key is an error instead of a silently ignored setting.

#include "taizhang/clock.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace taizhang {

enum class Language { zh, en };

/// Attendance rules (the defaults are the usual 机关 working day).
struct AttendanceRules {
  ClockTime midday{12 * 3600};
  ClockTime sign_in_by{8 * 3600 + 30 * 60};
  ClockTime sign_out_from{17 * 3600 + 30 * 60};
  int grace_minutes = 5;
  int serious_late_minutes = 30;
  int absent_late_minutes = 120;
  ClockTime morning_end{12 * 3600};
  ClockTime afternoon_start{14 * 3600};
};

/// A kind of leave (请假类别) and how it is counted.
struct LeaveType {
  std::string name;                 ///< "年休假"
  bool workdays = true;             ///< counts workdays (else calendar days)
  bool approval = true;             ///< must be approved before it covers a day
  std::optional<double> quota;      ///< days a year; nullopt: no quota
  bool quota_by_service = false;    ///< quota from years of service (年休假)
  std::optional<double> max_days;   ///< longest single leave, in the days it counts
};

/// The leave types an office has unless its config lists its own.
std::vector<LeaveType> default_leave_types();

enum class OverQuota { warn, refuse };

/// The periods a study cap counts over: calendar months, quarters, years.
enum class StudyPeriod { month, quarter, year };

/// A cap on the 学时 a form of study is credited per person and period (网络学习: at most
/// 50 a year). Hours are kept in tenths of a 学时 (study.h), so that sums are exact.
struct StudyCap {
  std::string form;
  std::int64_t tenths = 0;  ///< the cap, in tenths of a 学时 (500 = 50 学时)
  StudyPeriod per = StudyPeriod::year;
};

/// A group of people that study requirements name (领导干部, 一般干部). A person is in the
/// first group of study.groups that lists their title (people.title, exactly) or their
/// department (its code or its name); a group listing neither is everyone (the catch-all).
struct StudyGroup {
  std::string name;
  std::vector<std::string> titles, departments;
};

/// The periods a study requirement is counted over: calendar months, quarters, years, or
/// a rolling window of whole calendar years (the last 5 years, this one included).
enum class RequirementPer { month, quarter, year, rolling };

/// 学时 a group must study per period (一般干部: 90 a year), with optional minimums per
/// category (requirements.h has the arithmetic).
struct StudyRequirement {
  std::string group;  ///< one of study.groups; empty: everyone
  RequirementPer per = RequirementPer::year;
  int years = 1;  ///< the window of a rolling requirement, in calendar years (2..10)
  std::int64_t tenths = 0;  ///< 学时 required, in tenths
  /// Category → its minimum in tenths, within `tenths` (政治理论 at least 30 of the 90).
  std::vector<std::pair<std::string, std::int64_t>> minimums;
  /// 学时 beyond the requirement in the period before count toward this one's total.
  bool carry_over = false;
};

/// The study ledger's vocabulary and credit rules ([study]; the defaults are the ones
/// 机关 training rules commonly use).
struct StudyRules {
  std::vector<std::string> categories = {"政治理论", "业务知识", "国情省情", "法律法规", "综合素养"};
  std::vector<std::string> forms = {"集中学习", "专题讲座", "培训班", "网络学习", "自学", "研讨交流"};
  std::vector<std::string> levels = {"中央", "省级", "市级", "机关内部"};
  /// 学时 a day of study is worth, for a record given in days (a 5-day 培训班), in tenths.
  std::int64_t day_tenths = 60;
  std::vector<StudyCap> caps = {{"网络学习", 500, StudyPeriod::year}};
  std::vector<StudyGroup> groups = {{"领导干部", {"局长", "副局长", "处长", "副处长", "主任", "副主任"}, {}},
                                    {"一般干部", {}, {}}};
  /// The cadre-training regulation as offices apply it: 90 学时 a year for 一般干部; for
  /// 领导干部 550 in five years and 110 a year.
  std::vector<StudyRequirement> requirements = {{"一般干部", RequirementPer::year, 1, 900, {}, false},
                                                {"领导干部", RequirementPer::rolling, 5, 5500, {}, false},
                                                {"领导干部", RequirementPer::year, 1, 1100, {}, false}};
};

/// The work-plan ledger's vocabulary and year-end scoring rules ([plans]; plan_rules.h
/// says how a score is made of them).
struct PlanRules {
  std::vector<std::string> categories = {"业务", "党建"};
  std::int64_t on_time_bonus = 0;  ///< points an item done by its due date earns beyond 100
  std::int64_t late_penalty = 20;  ///< points an item done after its due date loses from 100
  /// Each category's share of a score: 党建 a third, 业务 the rest. Empty: equal shares.
  std::map<std::string, std::int64_t> shares = {{"业务", 2}, {"党建", 1}};
};

/// One check as [[audit.checks]] configures it (audit_catalogue.h lists the shipped ones).
struct AuditCheckConfig {
  std::string check;                  ///< a shipped check's name, or "sql"
  std::string name;                   ///< what its findings carry: the check, or a custom check's own name
  std::optional<std::string> rule;    ///< the code of the rule it enforces (制度编号)
  std::vector<std::pair<std::string, std::int64_t>> parameters;  ///< every parameter, defaults filled in
  std::string query;                  ///< a custom check's SQL
  std::string description;            ///< a custom check's one line for `audit --list`
  bool state = false;                 ///< a custom check that describes a state (verify = true)
  std::string where;                  ///< "taizhang.toml:12:1", for messages about it
  /// The parameter's value (every shipped parameter is filled in).
  std::int64_t parameter(std::string_view key) const;
};

/// The audit: the checks it runs ([[audit.checks]]; without any, every shipped check with
/// its defaults, bound to no rule) and the time a filed finding is given to be rectified.
struct AuditRules {
  std::vector<AuditCheckConfig> checks;
  int due_days = 30;  ///< 整改时限: a finding filed on D is due on D + due_days
};

/// Every shipped check with its defaults, bound to no rule: the audit of a config without
/// [[audit.checks]].
AuditRules default_audit();


struct Config {
  std::filesystem::path file;  ///< where it was read from; empty when running on defaults
  std::string office_name = "办公室";
  std::string time_zone = "Asia/Shanghai";
  Language language = Language::zh;
  std::filesystem::path database = "taizhang.db";  ///< absolute once loaded from a file
  AttendanceRules attendance;
  /// Rules of departments that keep other hours (a duty office), by department code;
  /// each starts from `attendance` and overrides what its table gives.
  std::map<std::string, AttendanceRules> department_rules;
  /// ISO weekdays that are workdays unless the calendar says otherwise (Monday = 1).
  std::vector<int> weekdays = {1, 2, 3, 4, 5};
  std::vector<LeaveType> leave_types = default_leave_types();
  /// 年休假 days by completed years of service: {years, days}, ascending.
  std::vector<std::pair<int, double>> annual_leave_by_service = {{1, 5}, {10, 10}, {20, 15}};
  /// What leave beyond its type's yearly quota gets.
  OverQuota leave_over_quota = OverQuota::warn;
  StudyRules study;
  PlanRules plans;
  AuditRules audit = default_audit();

  /// The rules for a department (its own, else the office's).
  const AttendanceRules& rules_for(const std::string& department_code) const;
  /// The leave type called `name`, or nullptr.
  const LeaveType* leave_type(const std::string& name) const;
};

/// Where to look for the config, in order: an explicit --config, $TAIZHANG_CONFIG,
/// ./taizhang.toml, then $XDG_CONFIG_HOME (or ~/.config)/taizhang/config.toml.
struct ConfigSearch {
  std::optional<std::filesystem::path> flag;
  std::optional<std::string> env;
  std::filesystem::path cwd;
  std::optional<std::filesystem::path> xdg_config_home;
  std::optional<std::filesystem::path> home;
};

/// The config file to use, or nullopt when none exists. A file named by --config or
/// $TAIZHANG_CONFIG must exist (Error, Status::config).
std::optional<std::filesystem::path> find_config(const ConfigSearch& search);

/// Reads and validates a config file. Any syntax error, unknown key, wrong type or bad
/// value is an Error (Status::config) naming file, line, column and key.
Config load_config(const std::filesystem::path& file);

/// Parses TOML text as if it were the file `name` (for tests and for load_config).
Config parse_config(const std::string& text, const std::filesystem::path& name);

/// A commented config documenting every key with its default, as `init` writes it.
std::string config_template();

/// Every key, dotted ("attendance.sign_in_by"), for documentation and suggestions.
std::vector<std::string> config_keys();

/// A key as the manual documents it (taizhang.toml(5)), made from the tables the validator
/// reads, so that no key is accepted without its documentation.
struct KeyDoc {
  std::string table;         ///< "attendance"; "leave.types" or "audit.checks" for an entry's keys
  std::string key;           ///< "sign_in_by"
  std::string type;          ///< what it takes, as a validation message words it
  std::string default_toml;  ///< the default, as TOML; empty when there is none
  std::string doc;           ///< what it means, in lines of one paragraph
};

/// Every key of config_keys(), in its order.
std::vector<KeyDoc> config_key_docs();

/// The keys a [[leave.types]] entry takes.
const std::vector<KeyDoc>& leave_type_keys();

/// The keys every [[audit.checks]] entry takes (check, rule); a shipped check also takes its
/// parameters (audit_catalogue.h), a custom one custom_check_keys().
const std::vector<KeyDoc>& audit_check_keys();

/// The keys of a custom check (check = "sql") beside audit_check_keys().
const std::vector<KeyDoc>& custom_check_keys();

}  // namespace taizhang
