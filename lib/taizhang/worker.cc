#include "taizhang/worker.h"

#include <system_error>

namespace taizhang {

Worker::~Worker() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_one();
  if (thread_.joinable()) thread_.join();
}

bool Worker::post(std::function<void()> job) {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!thread_.joinable()) {
      try {
        thread_ = std::thread([this] { loop(); });
      } catch (const std::system_error&) {
        return false;
      }
    }
    jobs_.push_back(std::move(job));
  }
  ready_.notify_one();
  return true;
}

void Worker::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    // The jobs queued before the Worker went still run: their owners wait for them.
    if (jobs_.empty()) return;
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    job();  // a packaged task: what it throws goes to its future
    lock.lock();
  }
}

}  // namespace taizhang
