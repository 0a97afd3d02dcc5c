#include "taizhang/worker.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace taizhang;

TEST_CASE("a worker runs every job on one thread of its own, in the order given") {
  Worker worker;
  std::vector<int> order;
  std::vector<std::future<std::thread::id>> ids;
  for (int i = 0; i < 50; ++i) {
    ids.push_back(worker.run([&order, i] {
      order.push_back(i);  // one job at a time: no lock needed
      return std::this_thread::get_id();
    }));
  }
  std::set<std::thread::id> threads;
  for (auto& f : ids) threads.insert(f.get());
  REQUIRE(threads.size() == 1);
  CHECK(*threads.begin() != std::this_thread::get_id());
  std::vector<int> expected;
  for (int i = 0; i < 50; ++i) expected.push_back(i);
  CHECK(order == expected);
}

TEST_CASE("a job's result and what it throws come through its future") {
  Worker worker;
  auto sum = worker.run([] { return std::string("学时") + "合计"; });
  auto failed = worker.run([]() -> int { throw std::runtime_error("写入失败"); });
  auto after = worker.run([] { return 7; });
  CHECK(sum.get() == "学时合计");
  CHECK_THROWS_WITH_AS(failed.get(), "写入失败", std::runtime_error);
  CHECK(after.get() == 7);  // the thread goes on after a job that threw
}

TEST_CASE("the jobs handed over before the worker goes still run") {
  std::atomic<int> done{0};
  {
    Worker worker;
    for (int i = 0; i < 20; ++i) {
      worker.run([&done] {
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        ++done;
      });
    }
  }
  CHECK(done.load() == 20);
}
