#pragma once
/// A second thread that runs the jobs handed to it, one after another, for as long as its
/// owner lives: the imports hand work over every few thousand rows or few hundred kilobytes
/// (a chunk to write, records to read ahead, a buffer to hash), and a thread started for
/// each job cost a study import of 246,350 rows 400 thread starts.
///
/// The thread starts with the first job and is joined when the Worker goes, after the jobs
/// handed to it have run: a Worker is declared after what its jobs use, so that it goes
/// first. A job's result, or what it threw, comes through the future run() gives. When no
/// thread can be started, run() runs the job at once on the calling thread.

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>

namespace taizhang {

class Worker {
 public:
  Worker() = default;
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  template <class Job>
  std::future<std::invoke_result_t<Job&>> run(Job job) {
    using Result = std::invoke_result_t<Job&>;
    // std::function holds only what it can copy: the task is shared with it.
    auto task = std::make_shared<std::packaged_task<Result()>>(std::move(job));
    std::future<Result> result = task->get_future();
    if (!post([task] { (*task)(); })) (*task)();
    return result;
  }

 private:
  /// Queues `job` for the thread, starting it if need be; false when it can not be started.
  bool post(std::function<void()> job);
  void loop();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace taizhang
