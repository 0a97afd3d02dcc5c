#pragma once
/// The one error type of the library: every failure a user can cause or meet is an
/// Error carrying the exit status the command line reports for it.

#include <stdexcept>
#include <string>

namespace taizhang {

/// Exit statuses, after sysexits.h so that scripts can tell causes apart.
enum class Status : int {
  ok = 0,
  findings = 1,    ///< `check` (later `audit`): the checks ran and found something
  usage = 64,      ///< the command line was wrong
  data = 65,       ///< input data was wrong (bad row, bad value, unknown reference)
  no_input = 66,   ///< an input file or record does not exist
  software = 70,   ///< a bug: an error nobody anticipated
  io = 74,         ///< reading or writing a file or the database failed
  config = 78,     ///< the configuration is missing or wrong
};

struct Error : std::runtime_error {
  Status status;
  Error(Status s, const std::string& message) : std::runtime_error(message), status(s) {}
};

}  // namespace taizhang
