#include "taizhang/day_status.h"

#include "taizhang/labels.h"
#include "taizhang/text.h"

#include <fmt/format.h>

#include <algorithm>

namespace taizhang {
namespace {

/// Every started minute.
int minutes_up(int seconds) { return (seconds + 59) / 60; }

std::string part_name(DayPart p, Language language) {
  switch (p) {
    case DayPart::am: return label("part_am", language);
    case DayPart::pm: return label("part_pm", language);
    case DayPart::full: return label("part_full", language);
    case DayPart::none: break;
  }
  return "";
}

DayPart combine(DayPart a, DayPart b) {
  if (a == DayPart::none) return b;
  if (b == DayPart::none || a == b) return a;
  return DayPart::full;  // a morning and an afternoon, or anything with a whole day
}

}  // namespace

DayStatus judge_day(const DayFacts& facts, const AttendanceRules& rules, const Config& config) {
  DayStatus s;
  s.date = facts.date;
  const std::string day = format_date(facts.date);
  auto note = [&](std::string line) { s.explanation.push_back(std::move(line)); };
  // The explanation is for a person: in the office's language.
  auto say = [&](std::string_view key) { return label(key, config.language); };

  for (const PunchTime& p : facts.punches) {
    if (p.source == "makeup") ++s.makeups;
  }
  if (facts.joined && facts.date < *facts.joined) {
    s.kind = DayKindStatus::not_employed;
    note(fmt::format(fmt::runtime(say("explain_before_joining")), format_date(*facts.joined)));
    return s;
  }
  if (facts.left && facts.date > *facts.left) {
    s.kind = DayKindStatus::not_employed;
    note(fmt::format(fmt::runtime(say("explain_after_leaving")), format_date(*facts.left)));
    return s;
  }

  // Leave, half by half.
  DayPart part = DayPart::none;
  for (const LeaveRecord& l : facts.leave) {
    const DayPart p = leave_part(l, facts.date, rules);
    if (p == DayPart::none) continue;
    part = combine(part, p);
    if (!s.leave_type) s.leave_type = l.type;
    note(fmt::format(fmt::runtime(say("explain_leave")), l.id, l.type, format_date(l.start), l.start_pm ? " pm" : "",
                     format_date(l.end), l.end_am ? " am" : "",
                     leave_status_label(l.status, config.language), part_name(p, config.language)));
  }
  s.leave_part = part;
  const double leave_share = part == DayPart::full ? 1.0 : part == DayPart::none ? 0.0 : 0.5;

  if (facts.calendar.kind != DayKind::workday) {
    s.kind = facts.calendar.kind == DayKind::holiday ? DayKindStatus::holiday : DayKindStatus::rest_day;
    note(facts.calendar.kind == DayKind::holiday ? fmt::format(fmt::runtime(say("explain_holiday")), facts.calendar.name)
                                                 : say("restday"));
    const LeaveType* type = s.leave_type ? config.leave_type(*s.leave_type) : nullptr;
    if (type && !type->workdays) s.leave_days = leave_share;  // calendar-day leave counts rest days too
    return s;
  }
  s.due = 1;
  s.leave_days = leave_share;
  note(facts.calendar.makeup ? fmt::format(fmt::runtime(say("explain_makeup_workday")), facts.calendar.name)
                             : say("workday"));

  s.deadline_in = part == DayPart::am ? rules.afternoon_start : rules.sign_in_by;
  s.deadline_out = part == DayPart::pm ? rules.morning_end : rules.sign_out_from;

  if (facts.now < pack_office_day(facts.date)) {
    s.kind = DayKindStatus::not_judged;
    note(say("explain_future"));
    return s;
  }
  if (facts.now < pack_office_time(facts.date, s.deadline_out)) {
    s.kind = DayKindStatus::not_judged;
    note(fmt::format(fmt::runtime(say("explain_today")), s.deadline_out.hhmm()));
    return s;
  }
  if (part == DayPart::full) {
    return s;
  }

  // Trips and outings.
  const std::string in_at = day + " " + s.deadline_in.hhmmss();
  const std::string out_at = day + " " + s.deadline_out.hhmmss();
  bool in_excused = false, out_excused = false;
  for (const TripRecord& t : facts.trips) {
    if (t.start_at > day + " 23:59:59" || t.end_at < day + " 00:00:00") continue;
    if (t.kind == "trip") {
      s.trip = true;
      note(fmt::format(fmt::runtime(say("explain_trip")), t.id, t.start_at, t.end_at,
                       t.destination.empty() ? "" : ", " + t.destination));
    } else {
      s.outing = true;
      const bool covers_in = t.start_at <= in_at && t.end_at >= in_at;
      const bool covers_out = t.start_at <= out_at && t.end_at >= out_at;
      in_excused = in_excused || covers_in;
      out_excused = out_excused || covers_out;
      note(fmt::format(fmt::runtime(say("explain_outing")), t.id, t.start_at, t.end_at,
                       covers_in ? say("explain_outing_excuses_in") : "",
                       covers_out ? say("explain_outing_excuses_out") : ""));
    }
  }
  if (s.trip) {
    s.attended = 1 - leave_share;
    return s;
  }

  // Punches.
  for (const PunchTime& p : facts.punches) {
    note(fmt::format(fmt::runtime(say("explain_punch")), clock_time_of(p.at).hhmmss(),
                     p.source == "makeup" ? say("explain_punch_makeup") : ""));
  }
  std::optional<ClockTime> in, out;
  if (facts.punches.size() >= 2) {
    in = clock_time_of(facts.punches.front().at);
    out = clock_time_of(facts.punches.back().at);
  } else if (facts.punches.size() == 1) {
    const ClockTime t = clock_time_of(facts.punches.front().at);
    if (t < rules.midday) {
      in = t;
      note(fmt::format(fmt::runtime(say("explain_single_punch_in")), rules.midday.hhmm()));
    } else {
      out = t;
      note(fmt::format(fmt::runtime(say("explain_single_punch_out")), rules.midday.hhmm()));
    }
  }
  if (in) s.sign_in = in->hhmmss();
  if (out) s.sign_out = out->hhmmss();

  if (!s.sign_in && !s.sign_out && !in_excused && !out_excused) {
    s.absent = 1 - leave_share;
    note(fmt::format(fmt::runtime(say("explain_absent")), s.absent));
    return s;
  }
  if (!s.sign_in && !in_excused) {
    s.sign_in_missing = true;
    note(say("explain_sign_in_missing"));
  }
  if (!s.sign_out && !out_excused) {
    s.sign_out_missing = true;
    note(say("explain_sign_out_missing"));
  }
  if (s.sign_in && !in_excused) {
    const int late = in->seconds - s.deadline_in.seconds;
    if (late > rules.grace_minutes * 60) {
      const int minutes = minutes_up(late);
      if (minutes > rules.absent_late_minutes) {
        s.absent += 0.5;
        note(fmt::format(fmt::runtime(say("explain_late_absent")), *s.sign_in, s.deadline_in.hhmm(), minutes,
                         rules.absent_late_minutes));
      } else {
        s.late_minutes = minutes;
        s.serious_late = minutes > rules.serious_late_minutes;
        note(fmt::format(fmt::runtime(say("explain_late")), *s.sign_in, minutes, s.deadline_in.hhmm(), rules.grace_minutes,
                         s.serious_late ? say("explain_seriously_late") : ""));
      }
    } else {
      note(fmt::format(fmt::runtime(say("explain_on_time")), *s.sign_in, s.deadline_in.hhmm(), rules.grace_minutes));
    }
  }
  if (s.sign_out && !out_excused) {
    const int early = s.deadline_out.seconds - out->seconds;
    if (early > 0) {
      s.early_minutes = minutes_up(early);
      note(fmt::format(fmt::runtime(say("explain_early")), *s.sign_out, s.early_minutes, s.deadline_out.hhmm()));
    } else {
      note(fmt::format(fmt::runtime(say("explain_not_early")), *s.sign_out, s.deadline_out.hhmm()));
    }
  }
  s.attended = std::max(0.0, 1 - leave_share - s.absent);
  return s;
}

std::string day_code(const DayStatus& s) {
  switch (s.kind) {
    case DayKindStatus::not_employed: return "-";
    case DayKindStatus::not_judged: return s.leave_part == DayPart::full && s.leave_type ? first_character(*s.leave_type) : "";
    case DayKindStatus::rest_day:
    case DayKindStatus::holiday:
      if (s.leave_days > 0 && s.leave_type) return first_character(*s.leave_type);
      return s.kind == DayKindStatus::holiday ? "节" : "休";
    case DayKindStatus::workday: break;
  }
  if (s.leave_part == DayPart::full && s.leave_type) return first_character(*s.leave_type);
  if (s.trip) return "差";
  if (s.absent > 0) return "旷";
  if (s.sign_in_missing || s.sign_out_missing) return "缺";
  if (s.late_minutes > 0) return "迟";
  if (s.early_minutes > 0) return "早";
  if (s.leave_type) return first_character(*s.leave_type);
  if (s.outing) return "外";
  return "✓";
}

}  // namespace taizhang
