#include <doctest/doctest.h>

#include "taizhang/audit_catalogue.h"
#include "taizhang/config.h"
#include "taizhang/error.h"

#include "test_support.h"

#include <algorithm>

using namespace taizhang;
using namespace test_support;
namespace fs = std::filesystem;

namespace {

/// The message of the Error parse_config raises for `text` (read as "t.toml"); checks the status.
std::string config_error(const std::string& text) {
  const auto e = error_of([&] { parse_config(text, "t.toml"); });
  REQUIRE_MESSAGE(e.has_value(), "parse_config accepted: " << text);
  CHECK(e->status == Status::config);
  return e->what();
}

void check_defaults(const Config& c) {
  CHECK(c.office_name == "办公室");
  CHECK(c.time_zone == "Asia/Shanghai");
  CHECK(c.language == Language::zh);
  CHECK(c.database == fs::path("taizhang.db"));
  CHECK(c.attendance.midday.hhmm() == "12:00");
  CHECK(c.attendance.sign_in_by.hhmm() == "08:30");
  CHECK(c.attendance.sign_out_from.hhmm() == "17:30");
  CHECK(c.attendance.grace_minutes == 5);
  CHECK(c.attendance.serious_late_minutes == 30);
  CHECK(c.attendance.absent_late_minutes == 120);
  CHECK(c.attendance.morning_end.hhmm() == "12:00");
  CHECK(c.attendance.afternoon_start.hhmm() == "14:00");
}

}  // namespace

TEST_CASE("an empty config gives the defaults") {
  const Config c = parse_config("", "t.toml");
  CHECK(c.file == fs::path("t.toml"));
  check_defaults(c);
  check_defaults(Config{});
  CHECK(Config{}.file.empty());
  // Comments and empty tables change nothing.
  check_defaults(parse_config("# nothing\n[office]\n[attendance]\n", "t.toml"));
}

TEST_CASE("every key is read") {
  const Config c = parse_config(R"(
[office]
name = "市局办公室"
timezone = "Asia/Urumqi"
language = "en"

[database]
path = "ledger/main.db"

[attendance]
midday = "12:30"
sign_in_by = "09:00"
sign_out_from = "18:00"
grace_minutes = 10
serious_late_minutes = 45
absent_late_minutes = 180
morning_end = "11:30"
afternoon_start = "13:30"
)",
                                "t.toml");
  CHECK(c.office_name == "市局办公室");
  CHECK(c.time_zone == "Asia/Urumqi");
  CHECK(c.language == Language::en);
  CHECK(c.database == fs::path("ledger/main.db"));  // parse_config leaves it as written
  CHECK(c.attendance.midday.hhmm() == "12:30");
  CHECK(c.attendance.sign_in_by.hhmm() == "09:00");
  CHECK(c.attendance.sign_out_from.hhmm() == "18:00");
  CHECK(c.attendance.grace_minutes == 10);
  CHECK(c.attendance.serious_late_minutes == 45);
  CHECK(c.attendance.absent_late_minutes == 180);
  CHECK(c.attendance.morning_end.hhmm() == "11:30");
  CHECK(c.attendance.afternoon_start.hhmm() == "13:30");

  // Keys left out keep their defaults; language "zh" is read too.
  const Config d = parse_config("[office]\nlanguage = \"zh\"\n[attendance]\ngrace_minutes = 0\n", "t.toml");
  CHECK(d.language == Language::zh);
  CHECK(d.attendance.grace_minutes == 0);
  CHECK(d.attendance.sign_in_by.hhmm() == "08:30");
  CHECK(d.office_name == "办公室");
  // The bounds themselves are allowed.
  CHECK(parse_config("[attendance]\ngrace_minutes = 120\n", "t.toml").attendance.grace_minutes == 120);
  CHECK(parse_config("[attendance]\nsign_in_by = \"23:59\"\n", "t.toml").attendance.sign_in_by.hhmm() == "23:59");
  CHECK(parse_config("[attendance]\nsign_in_by = \"00:00\"\n", "t.toml").attendance.sign_in_by.hhmm() == "00:00");
  // Dotted keys at the top level are the same keys.
  CHECK(parse_config("office.name = \"某局\"\n", "t.toml").office_name == "某局");
}

TEST_CASE("a syntax error names file, line and column") {
  const std::string m = config_error("[office]\nname = \"办公室\"\nlanguage = \n");
  CHECK(m.starts_with("t.toml:3:"));
  CHECK(m.find("syntax error") != std::string::npos);

  const std::string unclosed = config_error("# header\n\n[office\nname = \"x\"\n");
  CHECK(unclosed.starts_with("t.toml:3:"));
  CHECK(unclosed.find("syntax error") != std::string::npos);

  // A duplicate key is a TOML error too.
  const std::string twice = config_error("[office]\nname = \"a\"\nname = \"b\"\n");
  CHECK(twice.starts_with("t.toml:3:"));
}

TEST_CASE("an unknown key is an error naming line, column and the likely key") {
  const std::string m = config_error("[attendance]\ngrace_minutes = 5\n  sign_in_bY = \"08:00\"\n");
  CHECK(m == "t.toml:3:3: unknown key 'attendance.sign_in_bY' (did you mean 'sign_in_by'?)");

  CHECK(config_error("[office]\ntimezon = \"Asia/Shanghai\"\n") ==
        "t.toml:2:1: unknown key 'office.timezon' (did you mean 'timezone'?)");
  // Nothing near enough: no suggestion.
  CHECK(config_error("[office]\ncolour = \"red\"\n") == "t.toml:2:1: unknown key 'office.colour'");
  // A key of one table written in another is still unknown there.
  CHECK(config_error("[office]\ngrace_minutes = 5\n") == "t.toml:2:1: unknown key 'office.grace_minutes'");
}

TEST_CASE("an unknown table is an error") {
  CHECK(config_error("[ofice]\nname = \"x\"\n") == "t.toml:1:2: unknown key 'ofice' (did you mean 'office'?)");
  CHECK(config_error("\n[payroll]\n") == "t.toml:2:2: unknown key 'payroll'");
  // A known table name used as a plain key.
  CHECK(config_error("office = \"x\"\n") == "t.toml:1:10: 'office' must be a table ([office])");
}

TEST_CASE("a value of the wrong type is an error") {
  CHECK(config_error("[office]\nlanguage = 3\n") ==
        "t.toml:2:12: office.language must be \"zh\" or \"en\", not 3");
  CHECK(config_error("[office]\nname = 1.5\n") == "t.toml:2:8: office.name must be a string, not 1.5");
  CHECK(config_error("[attendance]\ngrace_minutes = \"5\"\n") ==
        "t.toml:2:17: attendance.grace_minutes must be an integer, not \"5\"");
  CHECK(config_error("[attendance]\nsign_in_by = 830\n").find(
            "attendance.sign_in_by must be a time of day \"HH:MM\"") != std::string::npos);
  CHECK(config_error("[database]\npath = true\n") == "t.toml:2:8: database.path must be a string, not true");
  CHECK(config_error("[office]\ntimezone = [\"Asia/Shanghai\"]\n").find(
            "office.timezone must be a time zone name such as \"Asia/Shanghai\", not an array") !=
        std::string::npos);
}

TEST_CASE("a bad value is an error") {
  CHECK(config_error("[office]\nlanguage = \"fr\"\n") ==
        "t.toml:2:12: office.language must be \"zh\" or \"en\", not \"fr\"");
  CHECK(config_error("[office]\nlanguage = \"ZH\"\n").find("not \"ZH\"") != std::string::npos);
  CHECK(config_error("[office]\ntimezone = \"Mars/Olympus\"\n") ==
        "t.toml:2:12: office.timezone must be a time zone name such as \"Asia/Shanghai\", not "
        "\"Mars/Olympus\" (not a known time zone)");
  CHECK(config_error("[office]\ntimezone = \"\"\n").find("(not a known time zone)") != std::string::npos);
  CHECK(config_error("[attendance]\nsign_in_by = \"25:61\"\n") ==
        "t.toml:2:14: attendance.sign_in_by must be a time of day \"HH:MM\", not \"25:61\"");
  for (const char* bad : {"24:00", "8:30", "08:60", "08-30", "08:3a", "", " 08:30"}) {
    const std::string shown = bad;
    CAPTURE(shown);
    CHECK(config_error(std::string("[attendance]\nsign_out_from = \"") + bad + "\"\n")
              .find("attendance.sign_out_from must be a time of day") != std::string::npos);
  }
  CHECK(config_error("[attendance]\ngrace_minutes = -1\n") ==
        "t.toml:2:17: attendance.grace_minutes must be between 0 and 120, not -1");
  CHECK(config_error("[attendance]\ngrace_minutes = 121\n") ==
        "t.toml:2:17: attendance.grace_minutes must be between 0 and 120, not 121");
  CHECK(config_error("[attendance]\nabsent_late_minutes = 721\n").find("between 0 and 720, not 721") !=
        std::string::npos);
  // Larger than an int: still refused, not wrapped around.
  CHECK(config_error("[attendance]\nserious_late_minutes = 4294967326\n")
            .find("between 0 and 720, not 4294967326") != std::string::npos);
  CHECK(config_error("[database]\npath = \"\"\n") == "t.toml:2:8: database.path must be a string, not an empty string");
}

TEST_CASE("find_config looks at --config, TAIZHANG_CONFIG, ./taizhang.toml, then XDG") {
  TempDir dir;
  const fs::path cwd = dir / "work";
  const fs::path xdg = dir / "xdg";
  const fs::path home = dir / "home";
  fs::create_directories(cwd);
  fs::create_directories(xdg / "taizhang");
  fs::create_directories(home / ".config" / "taizhang");
  const fs::path flag_file = dir / "flag.toml";
  const fs::path env_file = dir / "env.toml";
  for (const fs::path& f : {flag_file, env_file, cwd / "taizhang.toml", xdg / "taizhang" / "config.toml",
                            home / ".config" / "taizhang" / "config.toml"}) {
    write_file(f, "");
  }

  ConfigSearch s{flag_file, env_file.string(), cwd, xdg, home};
  CHECK(find_config(s) == flag_file);
  s.flag.reset();
  CHECK(find_config(s) == env_file);
  s.env = "";  // an empty TAIZHANG_CONFIG is as good as none
  CHECK(find_config(s) == cwd / "taizhang.toml");
  s.env.reset();
  CHECK(find_config(s) == cwd / "taizhang.toml");
  fs::remove(cwd / "taizhang.toml");
  CHECK(find_config(s) == xdg / "taizhang" / "config.toml");
  // Without XDG_CONFIG_HOME (or with an empty one), ~/.config.
  s.xdg_config_home.reset();
  CHECK(find_config(s) == home / ".config" / "taizhang" / "config.toml");
  s.xdg_config_home = fs::path();
  CHECK(find_config(s) == home / ".config" / "taizhang" / "config.toml");
  // XDG_CONFIG_HOME set but holding no config: ~/.config is not consulted.
  s.xdg_config_home = dir / "empty-xdg";
  CHECK(find_config(s) == std::nullopt);
  s.xdg_config_home.reset();
  s.home.reset();
  CHECK(find_config(s) == std::nullopt);
  // A folder called taizhang.toml is not a config file.
  fs::create_directories(cwd / "taizhang.toml");
  CHECK(find_config(s) == std::nullopt);
}

TEST_CASE("a config named by --config or TAIZHANG_CONFIG must exist") {
  TempDir dir;
  write_file(dir / "taizhang.toml", "");
  ConfigSearch s;
  s.cwd = dir.path;
  s.flag = dir / "missing.toml";
  const auto e = error_of([&] { find_config(s); });
  REQUIRE(e);
  CHECK(e->status == Status::config);
  CHECK(std::string(e->what()) == "config file " + (dir / "missing.toml").string() + " (from --config) does not exist");

  s.flag.reset();
  s.env = (dir / "gone.toml").string();
  const auto f = error_of([&] { find_config(s); });
  REQUIRE(f);
  CHECK(f->status == Status::config);
  CHECK(std::string(f->what()).find("(from TAIZHANG_CONFIG) does not exist") != std::string::npos);

  // --config wins even over a TAIZHANG_CONFIG that exists... and is still checked.
  s.env = (dir / "taizhang.toml").string();
  s.flag = dir / "missing.toml";
  CHECK(error_of([&] { find_config(s); }).has_value());
  // A folder is not a config file.
  s.flag = dir.path;
  CHECK(error_of([&] { find_config(s); }).has_value());
}

TEST_CASE("load_config makes the database path relative to the config's folder") {
  TempDir dir;
  fs::create_directories(dir / "etc");
  const fs::path file = dir / "etc" / "taizhang.toml";

  write_file(file, "[office]\nname = \"某局\"\n");
  Config c = load_config(file);
  CHECK(c.file == file);
  CHECK(c.office_name == "某局");
  CHECK(c.database == dir / "etc" / "taizhang.db");

  write_file(file, "[database]\npath = \"../data/./ledger.db\"\n");
  CHECK(load_config(file).database == dir / "data" / "ledger.db");

  write_file(file, "[database]\npath = \"/srv/taizhang/ledger.db\"\n");
  CHECK(load_config(file).database == fs::path("/srv/taizhang/ledger.db"));

  // A relative config path is made absolute too.
  const fs::path old_cwd = fs::current_path();
  fs::current_path(dir.path);
  write_file(file, "");
  const Config rel = load_config("etc/taizhang.toml");
  fs::current_path(old_cwd);
  CHECK(rel.database.is_absolute());
  CHECK(rel.database == fs::weakly_canonical(dir.path) / "etc" / "taizhang.db");
}

TEST_CASE("load_config accepts a UTF-8 BOM and reports errors with the file's name") {
  TempDir dir;
  const fs::path file = dir / "taizhang.toml";
  write_file(file, "\xEF\xBB\xBF[office]\nname = \"某局\"\n");
  CHECK(load_config(file).office_name == "某局");

  write_file(file, "\xEF\xBB\xBF[office]\nlanguage = \"fr\"\n");
  const auto e = error_of([&] { load_config(file); });
  REQUIRE(e);
  CHECK(e->status == Status::config);
  CHECK(std::string(e->what()) == file.string() + ":2:12: office.language must be \"zh\" or \"en\", not \"fr\"");

  const auto missing = error_of([&] { load_config(dir / "none.toml"); });
  REQUIRE(missing);
  CHECK(missing->status == Status::config);
  CHECK(std::string(missing->what()) == "cannot read config file " + (dir / "none.toml").string());
}

TEST_CASE("config_template parses back to the defaults and documents every key") {
  const std::string t = config_template();
  const Config c = parse_config(t, "template.toml");
  check_defaults(c);

  const std::vector<std::string> keys = config_keys();
  for (const char* key : {"office.name", "office.timezone", "office.language", "database.path", "attendance.midday",
                          "attendance.sign_in_by", "attendance.sign_out_from", "attendance.grace_minutes",
                          "attendance.serious_late_minutes", "attendance.absent_late_minutes",
                          "attendance.morning_end", "attendance.afternoon_start"}) {
    CAPTURE(std::string(key));
    CHECK(std::find(keys.begin(), keys.end(), key) != keys.end());
  }
  for (const std::string& key : keys) {
    CAPTURE(key);
    const std::string table = key.substr(0, key.find('.'));
    const std::string name = key.substr(key.find('.') + 1);
    const std::size_t table_at = t.find("\n[" + table + "]\n");
    REQUIRE(table_at != std::string::npos);
    const std::size_t key_at = t.find("\n" + name + " = ", table_at);
    REQUIRE(key_at != std::string::npos);
    // The key sits in its own table, before the next one begins.
    const std::size_t next_table = t.find("\n[", table_at + 1);
    CHECK(key_at < next_table);
    // …with a comment line above it.
    const std::size_t line_before = t.rfind('\n', key_at - 1);
    CHECK(t.substr(line_before + 1, 2) == "# ");
  }
}

TEST_CASE("numbers of days must be finite: nan and inf are refused") {
  CHECK(config_error("[leave]\nannual_by_service = [[1, nan]]\n").find("leave.annual_by_service") != std::string::npos);
  CHECK(config_error("[leave]\nannual_by_service = [[1, inf]]\n").find("leave.annual_by_service") != std::string::npos);
  CHECK(config_error("[[leave.types]]\nname = \"事假\"\nmax_days = nan\n").find("max_days") != std::string::npos);
  CHECK(config_error("[[leave.types]]\nname = \"事假\"\nquota = inf\n").find("quota") != std::string::npos);
}

TEST_CASE("a character beyond ASCII outside quotes is a syntax error naming where; inside strings and comments it is text") {
  CHECK(config_error("[attendance]\ngrace_minutes = 5。\n") ==
        "t.toml:2:18: syntax error: a character beyond ASCII outside quotes (TOML allows it only in a \"string\" or a "
        "# comment)");
  CHECK(config_error("\xEF\xBB\xBB[") .find("t.toml:1:1: syntax error: a character beyond ASCII") == 0);
  const Config c = parse_config("\xEF\xBB\xBF# 办公室的配置\n[office]\nname = \"县委办公室\" # 名称\n"
                                "[[leave.types]]\nname = '探亲假'\n",
                                "t.toml");
  CHECK(c.office_name == "县委办公室");
  CHECK(c.leave_types.back().name == "探亲假");
}

TEST_CASE("[study]: the Chinese defaults, an office's own words and caps, and each mistake named where it is") {
  const Config d = parse_config("", "t.toml");
  CHECK(d.study.categories == std::vector<std::string>{"政治理论", "业务知识", "国情省情", "法律法规", "综合素养"});
  CHECK(d.study.forms == std::vector<std::string>{"集中学习", "专题讲座", "培训班", "网络学习", "自学", "研讨交流"});
  CHECK(d.study.levels == std::vector<std::string>{"中央", "省级", "市级", "机关内部"});
  CHECK(d.study.day_tenths == 60);
  REQUIRE(d.study.caps.size() == 1);
  CHECK(d.study.caps[0].form == "网络学习");
  CHECK(d.study.caps[0].tenths == 500);
  CHECK(d.study.caps[0].per == StudyPeriod::year);

  const Config c = parse_config("[study]\ncaps = [{ form = \"在线学习\", hours = 12.5, per = \"quarter\" },\n"
                                "        { form = \"在线学习\", hours = 40 }]\nforms = [\"自学\", \"在线学习\"]\n"
                                "hours_per_day = 6.5\n",
                                "t.toml");
  CHECK(c.study.forms == std::vector<std::string>{"自学", "在线学习"});
  CHECK(c.study.day_tenths == 65);
  REQUIRE(c.study.caps.size() == 2);
  CHECK(c.study.caps[0].tenths == 125);
  CHECK(c.study.caps[0].per == StudyPeriod::quarter);
  CHECK(c.study.caps[1].per == StudyPeriod::year);
  // Forms of its own without 网络学习, and no caps of its own: the default cap goes.
  CHECK(parse_config("[study]\nforms = [\"自学\"]\n", "t.toml").study.caps.empty());
  CHECK(parse_config("[study]\ncaps = []\n", "t.toml").study.caps.empty());

  CHECK(config_error("[study]\nforms = [\"自学\"]\ncaps = [{ form = \"网络学习\", hours = 50 }]\n") ==
        "t.toml:3:18: study.caps: no form \"网络学习\" in study.forms; known: 自学");
  CHECK(config_error("[study]\ncaps = [{ form = \"网络学习\", hours = 50, per = \"week\" }]\n")
            .find("study.caps.per must be \"month\", \"quarter\" or \"year\", not \"week\"") != std::string::npos);
  CHECK(config_error("[study]\ncaps = [{ form = \"网络学习\", hours = -5 }]\n").find("study.caps.hours must be") !=
        std::string::npos);
  CHECK(config_error("[study]\ncaps = [{ form = \"网络学习\", hours = 1.25 }]\n").find("study.caps.hours must be") !=
        std::string::npos);
  CHECK(config_error("[study]\ncaps = [{ form = \"网络学习\", hour = 5 }]\n") ==
        "t.toml:2:26: unknown key 'study.caps.hour' (did you mean 'hours'?)");
  CHECK(config_error("[study]\ncaps = [{ hours = 5 }]\n") == "t.toml:2:9: a study.caps entry needs form");
  CHECK(config_error("[study]\ncategories = [\"政治理论\", \"政治理论\"]\n")
            .starts_with("t.toml:2:14: study.categories must be a list of distinct, non-empty words"));
  CHECK(config_error("[study]\nlevels = []\n").find("study.levels must be a list") != std::string::npos);
  CHECK(config_error("[study]\nhours_per_day = 25\n").find("study.hours_per_day must be a number of 学时 above 0") !=
        std::string::npos);
  CHECK(config_error("[study]\ncategries = [\"x\"]\n") ==
        "t.toml:2:1: unknown key 'study.categries' (did you mean 'categories'?)");
}

TEST_CASE("[study] groups and requirements: the regulation's defaults, an office's own, and each mistake") {
  const Config d = parse_config("", "t.toml");
  REQUIRE(d.study.groups.size() == 2);
  CHECK(d.study.groups[0].name == "领导干部");
  CHECK(d.study.groups[0].titles ==
        std::vector<std::string>{"局长", "副局长", "处长", "副处长", "主任", "副主任"});
  CHECK(d.study.groups[1].name == "一般干部");
  CHECK(d.study.groups[1].titles.empty());
  CHECK(d.study.groups[1].departments.empty());
  REQUIRE(d.study.requirements.size() == 3);
  CHECK(d.study.requirements[0].group == "一般干部");
  CHECK(d.study.requirements[0].per == RequirementPer::year);
  CHECK(d.study.requirements[0].tenths == 900);
  CHECK(d.study.requirements[1].group == "领导干部");
  CHECK(d.study.requirements[1].per == RequirementPer::rolling);
  CHECK(d.study.requirements[1].years == 5);
  CHECK(d.study.requirements[1].tenths == 5500);
  CHECK(d.study.requirements[2].tenths == 1100);
  CHECK_FALSE(d.study.requirements[2].carry_over);

  // Requirements may come before the groups and categories they name.
  const Config c = parse_config(
      "[study]\n"
      "requirements = [{ group = \"驻外\", per = \"quarter\", hours = 22.5, minimums = { \"党史\" = 5, \"政治理论\" = 10 }, "
      "carry_over = true },\n"
      "                { per = \"rolling\", years = 3, hours = 300 }]\n"
      "groups = [{ name = \"驻外\", departments = [\"D09\", \"驻外处\"] }, { name = \"其他\", titles = [] }]\n"
      "categories = [\"政治理论\", \"党史\"]\n",
      "t.toml");
  REQUIRE(c.study.groups.size() == 2);
  CHECK(c.study.groups[0].departments == std::vector<std::string>{"D09", "驻外处"});
  REQUIRE(c.study.requirements.size() == 2);
  const StudyRequirement& q = c.study.requirements[0];
  CHECK(q.group == "驻外");
  CHECK(q.per == RequirementPer::quarter);
  CHECK(q.tenths == 225);
  CHECK(q.carry_over);
  CHECK(q.minimums.size() == 2);
  CHECK(std::find(q.minimums.begin(), q.minimums.end(), std::pair<std::string, std::int64_t>{"党史", 50}) !=
        q.minimums.end());
  CHECK(c.study.requirements[1].group.empty());
  CHECK(c.study.requirements[1].years == 3);

  // Groups of its own without 领导干部, and no requirements of its own: only 一般干部's stays.
  const Config own = parse_config("[study]\ngroups = [{ name = \"一般干部\" }]\n", "t.toml");
  REQUIRE(own.study.requirements.size() == 1);
  CHECK(own.study.requirements[0].group == "一般干部");
  CHECK(parse_config("[study]\nrequirements = []\n", "t.toml").study.requirements.empty());

  CHECK(config_error("[study]\nrequirements = [{ group = \"一般千部\", per = \"year\", hours = 90 }]\n") ==
        "t.toml:2:27: study.requirements: no group \"一般千部\" in study.groups (did you mean '一般干部'?); "
        "known: 领导干部, 一般干部");
  CHECK(config_error("[study]\nrequirements = [{ per = \"year\", hours = 90, minimums = { \"政治理伦\" = 30 } }]\n") ==
        "t.toml:2:58: study.requirements.minimums: no category \"政治理伦\" in study.categories (did you mean "
        "'政治理论'?); known: 政治理论, 业务知识, 国情省情, 法律法规, 综合素养");
  CHECK(config_error("[study]\nrequirements = [{ per = \"rolling\", hours = 550 }]\n") ==
        "t.toml:2:17: a study.requirements entry with per = \"rolling\" needs years (2 to 10)");
  CHECK(config_error("[study]\nrequirements = [{ per = \"rolling\", years = 5, hours = 550, carry_over = true }]\n") ==
        "t.toml:2:73: study.requirements.carry_over can not be used with per = \"rolling\"");
  CHECK(config_error("[study]\nrequirements = [{ per = \"year\", years = 5, hours = 90 }]\n") ==
        "t.toml:2:41: study.requirements.years is only for per = \"rolling\"");
  CHECK(config_error("[study]\nrequirements = [{ per = \"rolling\", years = 1, hours = 90 }]\n") ==
        "t.toml:2:44: study.requirements.years must be a whole number of years from 2 to 10, not 1");
  CHECK(config_error("[study]\nrequirements = [{ per = \"year\", hour = 90 }]\n") ==
        "t.toml:2:33: unknown key 'study.requirements.hour' (did you mean 'hours'?)");
  CHECK(config_error("[study]\nrequirements = [{ per = \"week\", hours = 90 }]\n") ==
        "t.toml:2:25: study.requirements.per must be \"month\", \"quarter\", \"year\" or \"rolling\", not \"week\"");
  CHECK(config_error("[study]\nrequirements = [{ per = \"year\", hours = 0.25 }]\n") ==
        "t.toml:2:41: study.requirements.hours must be a number of 学时 above 0 with at most one decimal, not 0.25");
  CHECK(config_error("[study]\nrequirements = [{ per = \"year\" }]\n") ==
        "t.toml:2:17: a study.requirements entry needs hours");
  CHECK(config_error("[study]\nrequirements = [{ hours = 90 }]\n") ==
        "t.toml:2:17: a study.requirements entry needs per");
  CHECK(config_error("[study]\nrequirements = [{ per = \"year\", hours = 90, carry_over = \"yes\" }]\n") ==
        "t.toml:2:58: study.requirements.carry_over must be true or false, not \"yes\"");
  CHECK(config_error("[study]\nrequirements = [{ per = \"year\", hours = 90, minimums = { \"政治理论\" = -1 } }]\n")
            .starts_with("t.toml:2:"));
  CHECK(config_error("[study]\nrequirements = [{ per = \"year\", hours = 9, minimums = { \"政治理论\" = 5, \"业务知识\" = 5 } }]\n") ==
        "t.toml:2:55: study.requirements.minimums add up to more than its hours");
  CHECK(config_error("[study]\nrequirements = \"90\"\n").starts_with("t.toml:2:16: study.requirements must be a list"));

  CHECK(config_error("[study]\ngroups = [{ name = \"一般干部\" }, { name = \"一般干部\" }]\n") ==
        "t.toml:2:39: study.groups: \"一般干部\" twice");
  CHECK(config_error("[study]\ngroups = [{ titles = [\"局长\"] }]\n") ==
        "t.toml:2:11: a study.groups entry needs name");
  CHECK(config_error("[study]\ngroups = [{ name = \"领导\", title = [\"局长\"] }]\n") ==
        "t.toml:2:26: unknown key 'study.groups.title' (did you mean 'titles'?)");
  CHECK(config_error("[study]\ngroups = [{ name = \"领导\", titles = \"局长\" }]\n") ==
        "t.toml:2:35: study.groups.titles must be a list of non-empty names, not \"局长\"");
  CHECK(config_error("[study]\ngroups = [{ name = \"领导\", departments = [\"\"] }]\n") ==
        "t.toml:2:41: study.groups.departments must be a list of non-empty names, not \"\"");
}

TEST_CASE("[[audit.checks]]: shipped checks with their parameters and rules, custom SQL checks, each mistake named") {
  const Config none = parse_config("", "t.toml");
  CHECK(none.audit.checks.size() == check_catalogue().size());
  CHECK(none.audit.due_days == 30);
  CHECK(none.audit.checks.front().parameter("after_days") == 1);

  const Config c = parse_config(
      "[audit]\ndue_days = 15\n\n[[audit.checks]]\ncheck = \"leave.unreturned\"\nrule = \"ZD-12\"\nafter_days = 3\n\n"
      "[[audit.checks]]\ncheck = \"attendance.late\"\n\n[[audit.checks]]\ncheck = \"sql\"\nname = \"people.no_badge\"\n"
      "query = \"SELECT code AS subject, '无考勤号' AS message FROM people\"\nstate = true\n",
      "t.toml");
  CHECK(c.audit.due_days == 15);
  REQUIRE(c.audit.checks.size() == 3);
  CHECK(c.audit.checks[0].name == "leave.unreturned");
  CHECK(c.audit.checks[0].rule == std::optional<std::string>("ZD-12"));
  CHECK(c.audit.checks[0].parameter("after_days") == 3);
  CHECK(c.audit.checks[0].where == "t.toml:4:1");  // its [[audit.checks]] line
  CHECK(c.audit.checks[1].parameter("min_times") == 3);  // the default
  CHECK(c.audit.checks[2].name == "people.no_badge");
  CHECK(c.audit.checks[2].state);

  CHECK_MESSAGE(config_error("[[audit.checks]]\ncheck = \"leave.unreturn\"\n").find("t.toml:2:9: unknown check 'leave.unreturn' (did you mean 'leave.unreturned'?)") != std::string::npos, config_error("[[audit.checks]]\ncheck = \"leave.unreturn\"\n"));
  CHECK_MESSAGE(config_error("[[audit.checks]]\ncheck = \"leave.unreturned\"\nafter_day = 2\n").find("t.toml:3:1: unknown parameter 'after_day' of check leave.unreturned (did you mean 'after_days'?)") != std::string::npos, config_error("[[audit.checks]]\ncheck = \"leave.unreturned\"\nafter_day = 2\n"));
  CHECK_MESSAGE(config_error("[[audit.checks]]\ncheck = \"attendance.late\"\nmin_times = 0\n").find("t.toml:3:13: attendance.late.min_times must be an integer from 1 to 366, not 0") != std::string::npos, config_error("[[audit.checks]]\ncheck = \"attendance.late\"\nmin_times = 0\n"));
  CHECK_MESSAGE(config_error("[[audit.checks]]\ncheck = \"attendance.late\"\nmin_times = \"3\"\n").find("must be an integer from 1 to 366") != std::string::npos, config_error("[[audit.checks]]\ncheck = \"attendance.late\"\nmin_times = \"3\"\n"));
  CHECK_MESSAGE(config_error("[[audit.checks]]\nrule = \"ZD-01\"\n").find("t.toml:1:1: an [[audit.checks]] entry needs check") != std::string::npos, config_error("[[audit.checks]]\nrule = \"ZD-01\"\n"));
  CHECK_MESSAGE(config_error("[[audit.checks]]\ncheck = \"sql\"\nname = \"x\"\n").find("a custom check (check = \"sql\") needs query") != std::string::npos, config_error("[[audit.checks]]\ncheck = \"sql\"\nname = \"x\"\n"));
  CHECK_MESSAGE(config_error("[[audit.checks]]\ncheck = \"sql\"\nname = \"rules.no_owner\"\nquery = \"SELECT 1\"\n").find("is a shipped check's") != std::string::npos, config_error("[[audit.checks]]\ncheck = \"sql\"\nname = \"rules.no_owner\"\nquery = \"SELECT 1\"\n"));
  CHECK_MESSAGE(config_error("[[audit.checks]]\ncheck = \"sql\"\nname = \"x\"\nquery = \"SELECT 1\"\nqeury = \"\"\n").find("unknown key 'qeury' of a custom check (did you mean 'query'?)") != std::string::npos, config_error("[[audit.checks]]\ncheck = \"sql\"\nname = \"x\"\nquery = \"SELECT 1\"\nqeury = \"\"\n"));
  CHECK_MESSAGE(config_error("[[audit.checks]]\ncheck = \"plans.stale\"\n[[audit.checks]]\ncheck = \"plans.stale\"\n").find("t.toml:3:1: check plans.stale is configured twice (first at t.toml:1:1)") != std::string::npos, config_error("[[audit.checks]]\ncheck = \"plans.stale\"\n[[audit.checks]]\ncheck = \"plans.stale\"\n"));
  CHECK_MESSAGE(config_error("[audit]\ncheckz = 1\n").find("unknown key 'audit.checkz' (did you mean 'checks'?)") != std::string::npos, config_error("[audit]\ncheckz = 1\n"));
  CHECK_MESSAGE(config_error("[audit]\ndue_days = 0\n").find("audit.due_days") != std::string::npos, config_error("[audit]\ndue_days = 0\n"));
}

TEST_CASE("comments are read past, not parsed: the values, the lines of errors and the refusals are the file's") {
  const std::string text =
      "# 办公室的配置（注释行）\n"
      "[office]   # 本单位\n"
      "name = \"县委#办公室\"  # a # inside a string is text\n"
      "\n"
      "[attendance]\n"
      "# 上班时间\n"
      "sign_in_by = \"08:30\"   # 签到截止\n";
  const Config c = parse_config(text, "t.toml");
  CHECK(c.office_name == "县委#办公室");
  CHECK(c.attendance.sign_in_by.hhmm() == "08:30");
  // An error after comments names the line and column it has in the file.
  const std::string bad = config_error("# 注释\n# 注释\n[office]\nname = \"x\" # 名称\nname2 = \n");
  CHECK(bad.find("t.toml:5:") != std::string::npos);
  // A comment with a control character is still refused, as TOML refuses it.
  CHECK_THROWS_AS(parse_config("[office]\n# bell \a here\n", "t.toml"), Error);
  // A # line inside a multi-line string is the string's.
  const Config m = parse_config("[office]\nname = \"\"\"\n# 不是注释\"\"\"\n", "t.toml");
  CHECK(m.office_name == "# 不是注释");
}
