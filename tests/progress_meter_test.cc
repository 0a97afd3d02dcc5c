// The progress line (apps/progress_meter.h): what it says, when it is drawn, and that it is
// gone when the work ends, all with the clock given by the test.
#include <doctest/doctest.h>

#include "progress_meter.h"

#include <sstream>

using namespace cli;
using taizhang::Language;
using taizhang::ProgressCount;

TEST_CASE("group_digits puts a comma every three digits") {
  CHECK(group_digits(0) == "0");
  CHECK(group_digits(999) == "999");
  CHECK(group_digits(1000) == "1,000");
  CHECK(group_digits(2352792) == "2,352,792");
}

TEST_CASE("progress_duration: seconds, minutes, hours, rounded up, never 0") {
  CHECK(progress_duration(0, Language::en) == "1 s");
  CHECK(progress_duration(0.2, Language::en) == "1 s");
  CHECK(progress_duration(2.1, Language::en) == "3 s");
  CHECK(progress_duration(59, Language::en) == "59 s");
  CHECK(progress_duration(60, Language::en) == "1 min 0 s");
  CHECK(progress_duration(125, Language::zh) == "2 分 5 秒");
  CHECK(progress_duration(3600, Language::en) == "1 h 0 min");
  CHECK(progress_duration(3725, Language::zh) == "1 小时 2 分");
}

TEST_CASE("progress_due: nothing before the delay, then at most one line an interval") {
  CHECK_FALSE(progress_due(0, -1));
  CHECK_FALSE(progress_due(0.999, -1));
  CHECK(progress_due(1.0, -1));
  CHECK_FALSE(progress_due(1.1, 1.0));
  CHECK_FALSE(progress_due(1.249, 1.0));
  CHECK(progress_due(1.25, 1.0));
  // The delay the end-to-end test shortens.
  CHECK(progress_due(0, -1, 0));
  CHECK_FALSE(progress_due(0.1, 0, 0));
}

TEST_CASE("an import's line: rows, the part of its bytes read, the rate and the time left") {
  ProgressCount c;
  c.done = 1200000;
  c.bytes = 25;
  c.size = 100;
  c.what = "punches.csv";
  CHECK(progress_line(c, 2, "progress_rows", Language::en) ==
        "punches.csv: 1,200,000 rows (25%), 600,000 rows/s, ETA 6 s");
  CHECK(progress_line(c, 2, "progress_rows", Language::zh) ==
        "punches.csv：1,200,000 行（25%），每秒 600,000 行，预计还需 6 秒");
}

TEST_CASE("total unknown (standard input): rows and rate, no percentage and no time left") {
  ProgressCount c;
  c.done = 40960;
  c.bytes = 1 << 20;
  c.what = "(stdin)";
  CHECK(progress_line(c, 4, "progress_rows", Language::en) == "(stdin): 40,960 rows, 10,240 rows/s");
}

TEST_CASE("a known total of units: done of total; at done = total 100% and no time left") {
  ProgressCount c;
  c.done = 250;
  c.total = 1000;
  CHECK(progress_line(c, 10, "progress_people", Language::en) == "250 of 1,000 people (25%), 25 people/s, ETA 30 s");
  CHECK(progress_line(c, 10, "progress_people", Language::zh) == "250/1,000 人（25%），每秒 25 人，预计还需 30 秒");
  c.done = 1000;
  CHECK(progress_line(c, 40, "progress_people", Language::en) == "1,000 of 1,000 people (100%), 25 people/s");
  c.done = 999;  // never rounded up to 100%
  CHECK(progress_line(c, 40, "progress_people", Language::en).find("(99%)") != std::string::npos);
}

TEST_CASE("rate 0: nothing done yet, or no time gone, gives no rate and no time left") {
  ProgressCount c;
  c.total = 1000;
  CHECK(progress_line(c, 3, "progress_people", Language::en) == "0 of 1,000 people (0%)");
  c.done = 10;
  CHECK(progress_line(c, 0, "progress_people", Language::en) == "10 of 1,000 people (1%)");
  // A slow unit still shows it moves.
  c.done = 16;
  c.total = 1024;
  CHECK(progress_line(c, 8, "progress_people", Language::en) ==
        "16 of 1,024 people (1%), 2.0 people/s, ETA 8 min 24 s");
}

TEST_CASE("progress_line from a start other than zero") {
  CHECK(progress_line({640, 1024}, 10, "progress_people", Language::en, {128, 1024}) ==
        "640 of 1,024 people (62%), 51 people/s, ETA 8 s");
  // No unit since the start: no rate, no time left.
  CHECK(progress_line({128, 1024}, 10, "progress_people", Language::en, {128, 1024}) == "128 of 1,024 people (12%)");
}

TEST_CASE("a file name with control characters can not move the cursor") {
  ProgressCount c;
  c.done = 1;
  c.what = "a\rb\033[2J.csv";
  CHECK(progress_line(c, 0, "progress_rows", Language::en).find_first_of("\r\033") == std::string::npos);
}

namespace {

/// A meter on a string with a clock the test moves.
struct Fixture {
  double now = 100;
  std::ostringstream out;
  ProgressMeter::Options options;
  Fixture() {
    options.enabled = true;
    options.language = Language::en;
    options.width = 80;
  }
};

}  // namespace

TEST_CASE("the meter draws nothing for work shorter than the delay, and leaves nothing behind") {
  Fixture f;
  {
    ProgressMeter m(f.options, f.out, [&] { return f.now; });
    for (int i = 0; i < 9; ++i) {
      f.now += 0.1;
      m.update({static_cast<std::uint64_t>(i) * 100, 1000});
    }
  }
  CHECK(f.out.str().empty());
}

TEST_CASE("the meter redraws in place a few times a second and erases its line when it ends") {
  Fixture f;
  {
    ProgressMeter m(f.options, f.out, [&] { return f.now; });
    const taizhang::ProgressHook hook = m.hook();
    REQUIRE(hook);
    hook({0, 1000});  // counting starts at once; too soon to draw
    f.now += 1.0;
    hook({250, 1000});  // due: drawn
    f.now += 0.1;
    hook({260, 1000});  // too soon after
    f.now += 0.2;
    hook({10000, 100000});  // drawn, longer
    f.now += 0.3;
    hook({100000, 100000});  // drawn, shorter: spaces over the rest of the longer one
  }
  const std::string a = "250 of 1,000 rows (25%), 250 rows/s, ETA 3 s";
  const std::string b = "10,000 of 100,000 rows (10%), 7,692 rows/s, ETA 12 s";
  const std::string c = "100,000 of 100,000 rows (100%), 62,500 rows/s";
  CHECK(f.out.str() == "\r" + a + "\r" + b + "\r" + c + std::string(b.size() - c.size(), ' ') + "\r" +
                           std::string(b.size(), ' ') + "\r");
}

TEST_CASE("the line is cut to the terminal's width, one column short") {
  Fixture f;
  f.options.width = 20;
  f.options.delay = 0;
  ProgressMeter m(f.options, f.out, [&] { return f.now; });
  m.update({5, 10, 0, 0, "a-long-file-name-of-an-office.csv"});
  const std::string drawn = f.out.str();
  CHECK(drawn.substr(0, 1) == "\r");
  CHECK(drawn.size() - 1 <= 19 + 2);  // "…" is three bytes, one column
  m.finish();
  CHECK(f.out.str() == drawn + "\r" + std::string(19, ' ') + "\r");
  m.finish();  // once erased, nothing more
  CHECK(f.out.str() == drawn + "\r" + std::string(19, ' ') + "\r");
}

TEST_CASE("a disabled meter hands out no hook and draws nothing") {
  Fixture f;
  f.options.enabled = false;
  ProgressMeter m(f.options, f.out, [&] { return f.now; });
  CHECK_FALSE(m.hook());
  f.now += 10;
  m.update({1, 2});
  m.finish();
  CHECK(f.out.str().empty());
}

TEST_CASE("a report's meter names its work when the count does not") {
  Fixture f;
  f.options.delay = 0;
  f.options.unit = "progress_people";
  f.options.what = "progress_judging";
  f.options.language = Language::zh;
  ProgressMeter m(f.options, f.out, [&] { return f.now; });
  m.update({0, 1000});
  f.now += 2;
  m.update({500, 1000});
  CHECK(f.out.str() == "\r考勤判定：0/1,000 人（0%）\r考勤判定：500/1,000 人（50%），每秒 250 人，预计还需 2 秒");
}

TEST_CASE("the rate and the time left run from the first count, not from the meter's start") {
  // A report that reads its punches for 3 s before it judges anyone.
  Fixture f;
  ProgressMeter m(f.options, f.out, [&] { return f.now; });
  f.now += 3;
  m.update({128, 1024});  // drawn: no rate yet
  f.now += 10;
  m.update({640, 1024});
  CHECK(f.out.str() == "\r128 of 1,024 rows (12%)\r640 of 1,024 rows (62%), 51 rows/s, ETA 8 s");
}
