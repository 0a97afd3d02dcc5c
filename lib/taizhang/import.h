#pragma once
/// The one import layer every importer uses: CSV (header row mapped by name, Chinese
/// aliases accepted), JSON Lines and time-clock attlog files, read as a stream, written in
/// one transaction.
///
/// A run is all or nothing: any bad row rolls the whole run back and every bad row is
/// reported, unless `skip_invalid` is set, in which case the good rows are imported and the
/// bad ones written to the rejects file with their reason. Rows whose natural key already
/// exists with the same values are counted unchanged, so importing a file twice adds nothing.

#include "taizhang/changelog.h"
#include "taizhang/encoding.h"
#include "taizhang/fields.h"
#include "taizhang/progress.h"
#include "taizhang/records.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace taizhang {

/// attlog is the text export of a ZKTeco time clock (attlog.dat): one punch a line, no
/// header, columns separated by tabs, lines ending in CRLF or LF. Two variants exist:
///
///   the device's own export:  PIN, time, device number, state, verify mode, work code, …
///   the push protocol's:      PIN, time, state, verify mode, work code, …
///
/// Which one a file is, is decided once, from its first non-empty line: six or more
/// columns with a third column of digits is the device's export; anything else (five
/// columns or fewer, or a third column that is not a number) is the push variant. The two
/// can not be told apart from the data when a push file carries reserved columns (seven
/// or more) — it is then read as a device export, and its state lands in the device column.
/// Each line becomes the fields badge (the PIN, with its padding spaces trimmed), time and,
/// in the device variant, device; state, verify mode, work code and any further columns
/// are ignored. A line with fewer than two columns (a truncated last line) is a row error
/// naming its line; so is a line that is not UTF-8. Only kinds whose fields include badge
/// and time (punches) accept attlog.
///
/// tsv is CSV's rules with a tab between fields (see CsvReader): a header row mapped by
/// name, quoted fields where a field starts with a quote, and a quote elsewhere kept as text.
enum class InputFormat { csv, tsv, jsonl, attlog };

/// The format a file name implies: .jsonl, .ndjson and .json are JSON Lines, .dat is
/// attlog, .tsv is TSV, else CSV.
InputFormat format_of(const std::string& file_name);

/// What an importer of one kind of record provides.
struct ImportSpec {
  std::string kind;                          ///< as logged: "person", "department"
  std::vector<FieldSpec> fields;             ///< accepted fields and their header aliases
  std::vector<std::string> ignored_columns;  ///< header names accepted and ignored (derived columns)
  /// A field no two rows of one run may share, voided records (rows with voided_at or
  /// void_reason, records.h) aside.
  std::optional<std::string> unique_field;
  /// Puts one row. Must validate before it writes, so that a throw leaves nothing behind.
  std::function<Outcome(SQLite::Database&, const Fields&, std::int64_t batch_id)> put;
  /// Optional: called before each file's rows with the file's format (a put whose rows
  /// depend on it, such as the source of a punch, remembers it).
  std::function<void(InputFormat)> begin_file = {};
  /// Optional: called after each file's rows. A put that stages its rows and writes them
  /// here returns how many of those it counted added were already in the ledger (they are
  /// counted unchanged instead).
  std::function<std::int64_t()> end_file = {};
  /// Optional: after end_file, the digest of the batch's `added` rows if the put took it
  /// as it wrote them (chain.h's RowsDigest); else the log takes it in a pass of its own.
  std::function<std::optional<std::string>(std::int64_t batch_id, std::int64_t added)> batch_digest = {};
  /// Optional: called once when a run ends, however it ends, before import_files returns
  /// or throws; a put that caches statements, lookups or rows for the run drops them here.
  std::function<void()> end_run = {};
  /// Optional: called after each row put, for what the put noticed about the row but
  /// took anyway (a punch before its person joined); each becomes a "file:line: …" warning.
  std::function<std::vector<std::string>()> take_warnings = {};
};

struct ImportOptions {
  bool dry_run = false;        ///< validate and count, write nothing
  bool skip_invalid = false;   ///< import the good rows, reject the bad ones
  /// Where rejected rows go, with their reason: a new name or a regular file, put in place
  /// only after the run commits. The ledger, its WAL/SHM/journal, the run's inputs and
  /// `protected_paths` are refused (Status::usage), as are `-`, symlinks and devices.
  std::optional<std::filesystem::path> rejects;
  std::vector<std::filesystem::path> protected_paths;  ///< never a rejects file (the config)
  std::optional<InputFormat> format;             ///< else from each file's name
  /// The files' encoding; else each file's is detected from its bytes (encoding.h).
  std::optional<Encoding> encoding;
  /// A CSV or TSV column that is no field of the kind fails the file; else it is ignored,
  /// with a warning naming it (a spreadsheet adds such columns: 备注).
  bool strict = false;
  /// Called every few thousand rows and at the end of each file, with the run's rows so far
  /// (their total is not known before the end) and its bytes read of the files' sizes (size 0
  /// when one of them is standard input or a pipe); `what` names the file being read.
  ProgressHook progress;
  std::size_t errors_shown = 20;  ///< how many row errors an abort message lists
};

struct ImportCounts {
  /// updated: rows whose record was there (by its code) and took the row's other values.
  std::int64_t added = 0, updated = 0, unchanged = 0, rejected = 0;
};

/// How one file of a run was read.
struct ImportedFile {
  std::string name;   ///< as messages show it ("(stdin)" for -)
  Encoding encoding;  ///< what its bytes were read as
  bool detected;      ///< the encoding was found from the bytes, not given
};

struct ImportResult {
  ImportCounts total;
  std::vector<std::string> errors;  ///< "file:line: message" for each rejected row
  std::vector<std::string> warnings;  ///< "file:line: message" for each row taken with a warning
  /// "file:line: message" about a file as a whole, not a row: the columns it ignored.
  std::vector<std::string> file_warnings;
  std::vector<ImportedFile> files;  ///< in the order given
};

/// Imports `files` ("-" is standard input) in one transaction. Raises Error(Status::data)
/// with every row error when a row is bad and `skip_invalid` is off, or when a file
/// itself is bad (empty, an unknown column under `strict`, broken CSV, a byte its
/// encoding does not have); nothing is then written.
///
/// Each file is read as a stream, converted to UTF-8 as it passes when it is GB18030. Its
/// batch records the size and SHA-256 of its bytes as they are on disk (what `sha256sum`
/// prints), not of the converted text, and its change-log entry names the encoding when
/// it is not UTF-8.
ImportResult import_files(SQLite::Database& db, const Actor& actor, const ImportSpec& spec,
                          const std::vector<std::string>& files, const ImportOptions& options);

}  // namespace taizhang
