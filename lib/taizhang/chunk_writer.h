#pragma once
/// An import's rows checked on the calling thread and written by a second one, a chunk at
/// a time, so that checking the rows of one chunk and writing those of the one before
/// overlap on two cores. For the large imports (study records, plan items) whose rows can
/// be checked against what the run read into memory when it began.
///
/// One connection serves both threads, one at a time: while a chunk is being written the
/// caller must not use the connection. wait() gives it back; flush() also writes what is
/// held, so that a query sees every row pushed so far.

#include "taizhang/error.h"
#include "taizhang/worker.h"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <string>
#include <utility>
#include <vector>

namespace taizhang {

template <class Row>
class ChunkWriter {
 public:
  /// Writes a chunk's rows into the ledger, in their order, on the second thread; returns
  /// how many of them it found there already and did not write. It may use the connection
  /// and nothing the calling thread changes while it runs.
  using Write = std::function<std::int64_t(const std::vector<Row>&)>;

  /// `what` names the rows in the message of a failed write ("study records").
  ChunkWriter(std::size_t rows_per_chunk, std::string what, Write write)
      : rows_per_chunk_(rows_per_chunk == 0 ? 1 : rows_per_chunk), what_(std::move(what)), write_(std::move(write)) {
    filling_.reserve(rows_per_chunk_);
  }
  ~ChunkWriter() {
    if (pending_.valid()) pending_.wait();  // a failure is the run's, which is ending anyway
  }
  ChunkWriter(const ChunkWriter&) = delete;
  ChunkWriter& operator=(const ChunkWriter&) = delete;

  void push(Row row) {
    filling_.push_back(std::move(row));
    if (filling_.size() >= rows_per_chunk_) hand_off();
  }
  /// Waits for the chunk being written, if one is; the connection is the caller's again
  /// until the next push. A failed write is raised here.
  void wait() {
    if (pending_.valid()) already_ += pending_.get();
  }
  /// Writes every row pushed and waits.
  void flush() {
    hand_off();
    wait();
  }
  /// How many rows the writes so far found already in the ledger; counted once.
  std::int64_t take_already() { return std::exchange(already_, 0); }

 private:
  void hand_off() {
    wait();
    if (filling_.empty()) return;
    writing_.swap(filling_);
    filling_.clear();
    // An SQLite built without threads (SQLITE_THREADSAFE=0) is for one thread only.
    if (sqlite3_threadsafe() == 0) {
      already_ += guarded();
    } else {
      pending_ = worker_.run([this] { return guarded(); });
    }
  }
  std::int64_t guarded() {
    try {
      return write_(writing_);
    } catch (const SQLite::Exception& e) {
      // Not a row's fault (the rows were checked): the disk, or the database file. Not a
      // data error either, which the import would pin on whichever row it was reading.
      throw Error(Status::io, fmt::format("writing the {} to the ledger failed: {}", what_, e.what()));
    }
  }

  std::size_t rows_per_chunk_;
  std::string what_;
  Write write_;
  std::vector<Row> filling_, writing_;
  std::future<std::int64_t> pending_;
  std::int64_t already_ = 0;
  Worker worker_;  ///< last: it goes first, after the write it runs
};

}  // namespace taizhang
