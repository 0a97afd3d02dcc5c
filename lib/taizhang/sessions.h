#pragma once
/// Collective study sessions (集中学习 / 中心组学习), issue 10 item 3: the rules, as plain
/// functions of plain facts, that the sessions kind (its table, `add session`,
/// `import sessions`, `list sessions`, `show session`) is to be built on.
///
/// An import row names its attendance in two cells:
///  - 参加人员 (attendees): the 工号 of those present, separated by ；or ; or ，or , or 、
///    or spaces: "P001；P002 P003".
///  - 缺席 (absent): each absent person as 工号(原因), with ( ) or （ ）, separated the same
///    way: "P004（出差）；P005(病假)". Every absence has its reason; a reason may hold spaces
///    but no parenthesis.
/// A person in both cells, or twice in one, is an error, as is an empty 工号 or reason.
///
/// The rules:
///  - An absent person whom approved leave covers on the session's date (leave.h:
///    leave_counts and leave_part) is on leave (请假), whatever reason the row gives;
///    otherwise absent (缺席) with the reason given.
///  - A present attendee is credited the session's hours; absent or on leave, nothing; a
///    voided session credits nobody.
///  - A make-up (补学) is for a person who was invited and not present (absent or on
///    leave): it credits the session's hours, linked to the session. A make-up for a
///    person who was present, or who was not invited, is an error; so is a second make-up
///    for the same person and session, and one for a voided session.

#include "taizhang/leave.h"
#include "taizhang/study.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace taizhang {

/// How an invited person stands at a session.
enum class Presence { present, absent, on_leave };

/// The word stored for a presence ("present", "absent", "on_leave") and back (nullopt for
/// any other word).
std::string presence_word(Presence p);
std::optional<Presence> parse_presence(std::string_view word);
/// A presence as a user reads it (labels.cc: 出席, 缺席, 请假).
std::string presence_label(Presence p, Language language);

/// One absence as the 缺席 cell gives it.
struct Absence {
  std::string person;  ///< 工号 as typed
  std::string reason;
};

/// The 工号 of a 参加人员 cell, in order. Empty text is none. A 工号 given twice is
/// Status::data naming it.
std::vector<std::string> parse_attendees(std::string_view text);

/// The absences of a 缺席 cell, in order. Status::data (naming the value) for a 工号 without
/// a reason in parentheses, an empty reason, an unclosed parenthesis, or a 工号 given twice.
std::vector<Absence> parse_absences(std::string_view text);

/// A person both present and absent: the first 工号 in both cells, or nullopt.
std::optional<std::string> listed_twice(const std::vector<std::string>& present, const std::vector<Absence>& absent);

/// The type of the leave (leave_between's records, any persons) that covers `person_id` on
/// `d`, or nullopt: a leave that counts (leave_counts: approved, returned, or requested of
/// a type needing no approval) and covers any part of the day (leave_part, with
/// config.attendance) — a session has no hour of the day, so half a day's leave excuses it.
std::optional<std::string> covering_leave(const std::vector<LeaveRecord>& leaves, std::int64_t person_id, Date d,
                                          const Config& config);

/// The presence of a person the row lists as absent, by whether approved leave covers the
/// session's date.
Presence absent_presence(bool leave_covers);

/// The tenths a session credits one attendee: its hours when present and the session is
/// not voided, else 0.
Tenths session_credit(Presence p, Tenths session_hours, bool session_voided);

/// Why a make-up can not be recorded, or nullopt when it can. `presence`: the person's at
/// the session (nullopt when not invited); `made_up`: a make-up for them exists already.
enum class MakeUpRefusal { not_invited, was_present, already_made_up, session_voided };
std::optional<MakeUpRefusal> make_up_refusal(std::optional<Presence> presence, bool made_up, bool session_voided);

/// The tenths a make-up credits: the session's hours, unless the make-up is refused.
Tenths make_up_credit(std::optional<Presence> presence, bool made_up, bool session_voided, Tenths session_hours);

}  // namespace taizhang
