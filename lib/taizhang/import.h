#pragma once
/// The one import layer every importer uses: CSV (header row mapped by name, Chinese
/// aliases accepted) and JSON Lines, read as a stream, written in one transaction.
///
/// A run is all or nothing: any bad row rolls the whole run back and every bad row is
/// reported, unless `skip_invalid` is set, in which case the good rows are imported and the
/// bad ones written to the rejects file with their reason. Rows whose natural key already
/// exists with the same values are counted unchanged, so importing a file twice adds nothing.

#include "taizhang/changelog.h"
#include "taizhang/fields.h"
#include "taizhang/records.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace taizhang {

enum class InputFormat { csv, jsonl };

/// The format a file name implies: .jsonl, .ndjson and .json are JSON Lines, else CSV.
InputFormat format_of(const std::string& file_name);

/// What an importer of one kind of record provides.
struct ImportSpec {
  std::string kind;                          ///< as logged: "person", "department"
  std::vector<FieldSpec> fields;             ///< accepted fields and their header aliases
  std::vector<std::string> ignored_columns;  ///< header names accepted and ignored (derived columns)
  std::optional<std::string> unique_field;   ///< a field no two rows of one run may share
  /// Puts one row. Must validate before it writes, so that a throw leaves nothing behind.
  std::function<Outcome(SQLite::Database&, const Fields&, std::int64_t batch_id)> put;
};

struct ImportProgress {
  std::string file;
  std::uint64_t rows = 0;
  std::uint64_t bytes = 0;
  std::uint64_t size = 0;  ///< 0 when unknown (a pipe)
};

struct ImportOptions {
  bool dry_run = false;        ///< validate and count, write nothing
  bool skip_invalid = false;   ///< import the good rows, reject the bad ones
  std::optional<std::filesystem::path> rejects;  ///< where rejected rows go, with their reason
  std::optional<InputFormat> format;             ///< else from each file's name
  std::function<void(const ImportProgress&)> progress;  ///< called now and then
  std::size_t errors_shown = 20;  ///< how many row errors an abort message lists
};

struct ImportCounts {
  std::int64_t added = 0, unchanged = 0, rejected = 0;
};

struct ImportResult {
  ImportCounts total;
  std::vector<std::string> errors;  ///< "file:line: message" for each rejected row
};

/// Imports `files` ("-" is standard input) in one transaction. Raises Error(Status::data)
/// with every row error when a row is bad and `skip_invalid` is off, or when a file
/// itself is bad (empty, unknown column, broken CSV); nothing is then written.
ImportResult import_files(SQLite::Database& db, const Actor& actor, const ImportSpec& spec,
                          const std::vector<std::string>& files, const ImportOptions& options);

}  // namespace taizhang
