#pragma once
/// Collective study sessions (集中学习 / 中心组学习): a session's date, 学时, topic, speaker,
/// category, form and organising department, and everyone invited with how they stood —
/// present, absent with a reason, or on leave. `add session`, `import sessions`,
/// `list sessions`, `show session` (with its attendance), `void session`.
///
/// A present attendee is credited the session's 学时 among their study records (`list
/// study` shows the credit with the session's id); the credit is derived from the
/// attendance each time, not stored, so that it follows the session when it is voided. A
/// make-up (补学) is a study record naming the session it makes up (study.h, make_up).
///
/// An import row names its attendance in two cells:
///  - 参加人员 (attendees): the 工号 of those present, separated by ；or ; or ，or , or 、
///    or spaces: "P001；P002 P003".
///  - 缺席 (absent): each absent person as 工号(原因), with ( ) or （ ）, separated the same
///    way: "P004（出差）；P005(病假)". Every absence has its reason; a reason may hold spaces
///    but no parenthesis.
/// A person in both cells, or twice in one, is an error, as is an empty 工号 or reason.
///
/// Without 参加人员, everyone of the organising department (and the departments beneath it)
/// who is in post on the session's date is invited, and present unless listed absent or
/// covered by leave (then on leave, the leave's type as the reason).
///
/// The rules:
///  - An absent person whom approved leave covers on the session's date (leave.h:
///    leave_counts and leave_part) is on leave (请假), whatever reason the row gives;
///    otherwise absent (缺席) with the reason given.
///  - A present attendee is credited the session's hours; absent or on leave, nothing; a
///    voided session credits nobody (session_credits reads only those credits).
///  - A make-up (补学) is for a person who was invited and not present (absent or on
///    leave): a study record linked to the session, of its hours unless it gives its own. A make-up for a
///    person who was present, or who was not invited, is an error; so is a second make-up
///    for the same person and session, and one for a voided session.

#include "taizhang/leave.h"
#include "taizhang/records.h"
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

/// Why a make-up can not be recorded, or nullopt when it can. `presence`: the person's at
/// the session (nullopt when not invited); `made_up`: a make-up for them exists already.
enum class MakeUpRefusal { not_invited, was_present, already_made_up, session_voided };
std::optional<MakeUpRefusal> make_up_refusal(std::optional<Presence> presence, bool made_up, bool session_voided);

/// Fields: date (日期), hours (学时), topic (主题), speaker (主讲人), category (类别), form
/// (形式; 集中学习 when not given and a form of [study]), department (组织部门), attendees
/// (参加人员), absent (缺席).
const std::vector<FieldSpec>& session_fields();

/// Snapshot expression for the change log: the session's values and its attendance as the
/// 参加人员 and 缺席 cells (present in 工号 order; absent and on leave as 工号(原因)).
const std::string& session_json();
/// The two cells as SQL expressions on a row of study_sessions (for the change chain).
const std::string& session_attendees_sql();
const std::string& session_absent_sql();

/// Adds a session with its attendance. Refused, naming the field and value: a date that is
/// not one, in the future or before 1990; 学时 not a number of tenths above 0 or more than
/// 24; a category or form not in [study]; an attendee or absent person who is no person
/// (Status::no_input, with the nearest 工号 or the 工号 of the name typed) or is listed
/// twice; no attendees and no department; a department with nobody in post. A session with
/// all the same values and attendance, not voided, is unchanged.
Outcome put_session(SQLite::Database& db, const Config& config, Date today, const Fields& fields,
                    std::optional<std::int64_t> batch_id, std::int64_t* id = nullptr, const RecordState& state = {});
/// `add session`: as put_session, and the same session again is an error; logged.
std::int64_t add_session(SQLite::Database& db, const Actor& actor, const Config& config, Date today,
                         const Fields& fields);
/// `void session ID --reason`: it credits nobody from then on, its make-ups neither.
void void_session(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& reason);

/// A session as `list sessions` shows it.
struct SessionRow {
  std::int64_t id = 0;
  Date date;
  Tenths hours = 0;
  std::string topic, category, form;
  std::optional<std::string> speaker, department_code, department_name, voided_at, void_reason;
  int invited = 0, present = 0, absent = 0, on_leave = 0, made_up = 0;
  std::string attendees_cell, absent_cell;  ///< as an import row gives them
};

struct SessionFilter {
  std::optional<std::string> department;  ///< organised by it or a department beneath it
  std::optional<std::int64_t> id;
  std::optional<Date> from, to;
  bool include_voided = false;
};

/// The sessions `filter` selects, by date and id.
std::vector<SessionRow> find_sessions(SQLite::Database& db, const SessionFilter& filter);

/// `list sessions`.
Table list_sessions(SQLite::Database& db, const SessionFilter& filter, Language language);

/// One invited person at a session, and their make-up if any.
struct AttendanceRow {
  std::int64_t person_id = 0;
  std::string code, name;
  std::optional<std::string> department;
  Presence presence = Presence::present;
  std::optional<std::string> reason;
  std::optional<std::int64_t> make_up_id;  ///< the study record that makes the session up
  std::optional<Date> make_up_date;
};

/// Everyone invited to session `id`, by 工号.
std::vector<AttendanceRow> session_attendance(SQLite::Database& db, std::int64_t id);

/// What a make-up (补学) of a session takes from it.
struct MadeUpSession {
  Date date;
  Tenths hours = 0;
  std::string topic, category, form;
  std::optional<std::string> speaker;
};

/// The session that `person_id` may make up, or an error naming the field `key` of
/// `specs` and the value: no such session (Status::no_input), or make_up_refusal's reasons
/// (Status::data). `except`: a make-up record not to count as one already made (the record
/// being changed).
MadeUpSession check_make_up(SQLite::Database& db, const std::vector<FieldSpec>& specs, const std::string& key,
                            const std::string& ref, std::int64_t person_id, std::optional<std::int64_t> except);

/// The make-up (not voided) of session `session_id` by `person_id`, if any.
std::optional<std::int64_t> make_up_record(SQLite::Database& db, std::int64_t session_id, std::int64_t person_id);

/// The refusal of a second make-up, naming the field `key` of `specs` and the value.
Error made_up_already(const std::vector<FieldSpec>& specs, const std::string& key, const std::string& ref);

/// A present attendee's credit, as `list study` shows it among the person's records.
struct SessionCredit {
  std::int64_t session_id = 0;
  std::int64_t person_id = 0;
  std::string person_code, person_name;
  Date date;
  Tenths hours = 0;
  std::string category, form, topic;
  std::optional<std::string> speaker;
};

/// The credits of sessions not voided in [from, to] (either end open), of one person or
/// everyone.
std::vector<SessionCredit> session_credits(SQLite::Database& db, std::optional<std::int64_t> person_id,
                                           std::optional<Date> from, std::optional<Date> to);

/// Whether `person_id` was present at session `session_id`, which is not voided.
bool credited_by_session(SQLite::Database& db, std::int64_t session_id, std::int64_t person_id);

/// Collective sessions as a kind of record (record_kind.h).
const RecordKind& session_kind();

}  // namespace taizhang
