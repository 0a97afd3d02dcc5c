#pragma once
/// The change log made tamper-evident, and the records checked against it.
///
/// **The chain.** Every entry of `changes` is sealed when log_change writes it: `hash` is
/// the SHA-256 (hasher.h's typed encoding) of the entry's fields — id, time, user, command,
/// action, kind, record id, before and after JSON, batch id, digest — the fields of its
/// import batch, if any (file name, size, SHA-256, counts), and `prev_hash`, the seal of
/// the entry before it. An entry edited afterwards no longer matches its seal; one deleted
/// breaks the link of the entry after it and leaves a gap in the ids (AUTOINCREMENT never
/// reuses one, and sqlite_sequence remembers the last, so deleting the newest shows too);
/// one inserted has no seal. verify_chain names the first such entry.
///
/// **The records.** Each record must hold what the log last said of it: the `after` of
/// its newest entry, compared key by key with the snapshot of its kind (the `*_json()` of
/// its module). An import is logged once per batch, not per row, so its entry carries a
/// `digest`: SHA-256 over the batch's rows (id, then each snapshot value, with the ids of
/// referenced records rather than their codes) as the import wrote them, taken with one SQL
/// pass right after the import. verify_records recomputes every batch's digest — a row
/// changed through taizhang since is taken as the `before` of its first later entry, which
/// is what it held until then — and checks that each record has an entry or a batch, that
/// no logged record is gone, and that consecutive entries of a record agree (the `before`
/// of one is the `after` of the one before, so an edit behind taizhang's back is found
/// even after taizhang changed the record again). A code in a snapshot (a person's
/// department, a punch's person) is compared as it was when the entry was written.
///
/// **What it does not protect against:** someone who rewrites the whole chain, recomputing
/// every seal after his edit, leaves a log that verifies. The head's seal, which `check`
/// prints, is the defence: written down or printed with the monthly report, an earlier
/// head that is no longer in the chain, or a head that differs when nothing was written,
/// shows the rewrite.
///
/// The fields a digest hashes are those of each kind's snapshot today: a field added to a
/// snapshot later must be left out of the digests of earlier imports (a digest version in
/// the entry, say), or their batches would no longer verify.
///
/// Entries written before the chain existed (schema 3 and older) are sealed by the first
/// write after the upgrade, which also takes the digests of their imports as their rows
/// are then; until that write they are verified as if sealed.

#include "taizhang/raw_statement.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace taizhang {

/// The seal before the first entry.
inline constexpr const char* genesis_hash = "0000000000000000000000000000000000000000000000000000000000000000";

/// Seals entry `id`, which log_change has just inserted in the current transaction: the
/// digest of its batch (an import), the seal of the entry before it and its own seal.
/// Entries from before the chain are sealed first, once.
void seal_change(SQLite::Database& db, std::int64_t id);

/// The digest of an import's rows taken while they are written, rather than in the pass
/// after the import that seal_change otherwise makes: a bulk import's writer thread hashes
/// each row from the values it has just bound, so neither the pass at the end nor a read
/// of the rows back costs the import anything. It hashes exactly what that pass would (the
/// same rows, columns and encoding), which verify_records recomputes; the tests hold each
/// writer to it.
///
/// The caller hashes each row right after writing it, and calls spoil() when anything else
/// writes the table during the batch (a row written the slow way may be one of the batch,
/// or change one): the pass after the import then decides, as before.
class RowsDigest {
 public:
  /// For the records of `kind` ("study") written with the columns `written` (by their
  /// names in the table), every other column of the table left NULL; prepares its
  /// statement on `db`.
  RowsDigest(SQLite::Database& db, const std::string& kind, const std::vector<std::string>& written);
  ~RowsDigest();
  RowsDigest(const RowsDigest&) = delete;
  RowsDigest& operator=(const RowsDigest&) = delete;

  /// Hashes row `id` of batch `batch`, just written with `values`, one for each of the
  /// written columns in their order and as the table keeps it (a REAL column's value as a
  /// double, an INTEGER's as an integer). Its id must follow the one hashed before, of the
  /// same batch, or the digest is spoilt.
  void add(std::int64_t batch, std::int64_t id, std::span<const RawCell> values);
  /// Until take(): something else wrote the table.
  void spoil();
  /// The digest of batch `batch`, if nothing spoilt it and the rows hashed are all of its
  /// `added` rows and the newest of the table; ends the batch (the next add starts one).
  std::optional<std::string> take(std::int64_t batch, std::int64_t added);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// What a verification found.
struct Verdict {
  std::vector<std::string> problems;  ///< the first few, in the order found
  std::size_t count = 0;              ///< all the problems found
  std::string summary;                ///< what was verified, when there is no problem
  bool ok() const { return count == 0; }
};

struct ChainVerdict : Verdict {
  std::int64_t entries = 0;
  std::optional<std::string> head;  ///< the newest entry's seal, as recomputed
};

/// Recomputes the chain, oldest entry first; stops at the first entry edited, inserted or
/// deleted, naming it.
ChainVerdict verify_chain(SQLite::Database& db);

/// Checks every record against the log, and every import batch against its digest.
Verdict verify_records(SQLite::Database& db);

/// A table whose records the log covers: the kinds of record it holds, as logged, and the
/// keys of their snapshot. For tests, which hold them to the registry and the modules.
struct SealedTable {
  std::string table;
  std::vector<std::string> kinds;
  std::vector<std::string> keys;
};
std::vector<SealedTable> sealed_tables();

}  // namespace taizhang
