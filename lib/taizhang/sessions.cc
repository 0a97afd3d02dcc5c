#include "taizhang/sessions.h"

#include "taizhang/error.h"
#include "taizhang/fields.h"
#include "taizhang/labels.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

namespace taizhang {

namespace {

/// The length of the separator `text` starts with at `i` (；; ，, 、 or white space), or 0.
std::size_t separator_at(std::string_view text, std::size_t i) {
  static constexpr std::array<std::string_view, 9> separators{"；", ";", "，", ",", "、", " ", "\t", "　", "\n"};
  for (const std::string_view s : separators) {
    if (text.substr(i, s.size()) == s) return s.size();
  }
  if (text[i] == '\r') return 1;
  return 0;
}

/// The length of one of `marks` at `i`, or 0.
std::size_t mark_at(std::string_view text, std::size_t i, std::string_view ascii, std::string_view wide) {
  if (text.substr(i, ascii.size()) == ascii) return ascii.size();
  if (text.substr(i, wide.size()) == wide) return wide.size();
  return 0;
}

}  // namespace

std::string presence_word(Presence p) {
  switch (p) {
    case Presence::present: return "present";
    case Presence::absent: return "absent";
    case Presence::on_leave: break;
  }
  return "on_leave";
}

std::optional<Presence> parse_presence(std::string_view word) {
  for (const Presence p : {Presence::present, Presence::absent, Presence::on_leave}) {
    if (presence_word(p) == word) return p;
  }
  return std::nullopt;
}

std::string presence_label(Presence p, Language language) {
  return label("presence_" + presence_word(p), language);
}

std::vector<std::string> parse_attendees(std::string_view text) {
  std::vector<std::string> codes;
  std::set<std::string> seen;
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t n = separator_at(text, i)) {
      i += n;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && separator_at(text, i) == 0) ++i;
    std::string code(text.substr(start, i - start));
    if (!seen.insert(code).second) {
      throw Error(Status::data, fmt::format("参加人员 (attendees) '{}': {} is listed twice", text, code));
    }
    codes.push_back(std::move(code));
  }
  return codes;
}

std::vector<Absence> parse_absences(std::string_view text) {
  std::vector<Absence> absences;
  std::set<std::string> seen;
  auto fail = [&](const std::string& why) {
    return Error(Status::data,
                 fmt::format("缺席 (absent) '{}': {} (write each as 工号(原因), separated by ；: P004（出差）；P005(病假))",
                             text, why));
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t n = separator_at(text, i)) {
      i += n;
      continue;
    }
    const std::size_t start = i;
    std::size_t open = 0;
    while (i < text.size() && separator_at(text, i) == 0 && (open = mark_at(text, i, "(", "（")) == 0) ++i;
    std::string code(text.substr(start, i - start));
    // "P004 （出差）": spaces may stand between a 工号 and its reason.
    for (std::size_t j = i; open == 0 && j < text.size();) {
      if ((open = mark_at(text, j, "(", "（")) != 0) {
        i = j;
      } else if (const std::size_t n = mark_at(text, j, " ", "　")) {
        j += n;
      } else {
        break;
      }
    }
    if (open == 0) throw fail(fmt::format("{} has no reason in parentheses", code));
    if (code.empty()) throw fail("a reason without a 工号");
    i += open;
    const std::size_t reason_start = i;
    std::size_t close = 0;
    while (i < text.size() && (close = mark_at(text, i, ")", "）")) == 0) {
      if (mark_at(text, i, "(", "（")) throw fail(fmt::format("the reason of {} holds a parenthesis", code));
      ++i;
    }
    if (close == 0) throw fail(fmt::format("the reason of {} is not closed", code));
    const std::string reason = trim(text.substr(reason_start, i - reason_start));
    i += close;
    if (reason.empty()) throw fail(fmt::format("{} has an empty reason", code));
    if (i < text.size() && separator_at(text, i) == 0) {
      throw fail(fmt::format("no separator after {}'s reason", code));
    }
    if (!seen.insert(code).second) throw fail(fmt::format("{} is listed twice", code));
    absences.push_back({std::move(code), reason});
  }
  return absences;
}

std::optional<std::string> listed_twice(const std::vector<std::string>& present, const std::vector<Absence>& absent) {
  for (const std::string& code : present) {
    if (std::any_of(absent.begin(), absent.end(), [&](const Absence& a) { return a.person == code; })) return code;
  }
  return std::nullopt;
}

std::optional<std::string> covering_leave(const std::vector<LeaveRecord>& leaves, std::int64_t person_id, Date d,
                                          const Config& config) {
  for (const LeaveRecord& l : leaves) {
    if (l.person_id != person_id || !leave_counts(l, config)) continue;
    if (leave_part(l, d, config.attendance) != DayPart::none) return l.type;
  }
  return std::nullopt;
}

Presence absent_presence(bool leave_covers) { return leave_covers ? Presence::on_leave : Presence::absent; }

Tenths session_credit(Presence p, Tenths session_hours, bool session_voided) {
  return p == Presence::present && !session_voided ? session_hours : 0;
}

std::optional<MakeUpRefusal> make_up_refusal(std::optional<Presence> presence, bool made_up, bool session_voided) {
  if (session_voided) return MakeUpRefusal::session_voided;
  if (!presence) return MakeUpRefusal::not_invited;
  if (*presence == Presence::present) return MakeUpRefusal::was_present;
  if (made_up) return MakeUpRefusal::already_made_up;
  return std::nullopt;
}

Tenths make_up_credit(std::optional<Presence> presence, bool made_up, bool session_voided, Tenths session_hours) {
  return make_up_refusal(presence, made_up, session_voided) ? 0 : session_hours;
}

}  // namespace taizhang
