import GRDB

/// Why an index cannot be used. Every case names the file and says what to do; none exposes
/// SQL.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    /// No index at this path (reading commands never create one).
    case noIndex(path: String)
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// An SQLite database of some other program.
    case foreignDatabase(path: String, reason: String)
    /// Written by a newer policyq whose schema this build does not know.
    case newerSchema(path: String)
    /// The index was written by an older policyq and has to be upgraded by `ingest`.
    case olderSchema(path: String)
    /// SQLite reports damage.
    case corrupt(path: String, detail: String)
    /// The SQLite library lacks FTS5.
    case fullTextUnavailable(detail: String)
    /// Another process holds the index for too long.
    case busy(path: String)
    /// Anything else SQLite reported, with its message.
    case database(path: String, detail: String)

    public var description: String {
        switch self {
        case .noIndex(let path):
            return "\(path): no index here — run `policyq ingest PATH…` first, or give --db (or POLICYQ_DB)"
        case .notADatabase(let path):
            return "\(path): not a policyq index (the file is not an SQLite database)"
        case .foreignDatabase(let path, let reason):
            return "\(path): not a policyq index (\(reason)); choose another file with --db"
        case .newerSchema(let path):
            return "\(path): written by a newer policyq (schema newer than v\(IndexSchema.version)); upgrade policyq"
        case .olderSchema(let path):
            return "\(path): written by an older policyq; run `policyq ingest` once to upgrade it"
        case .corrupt(let path, let detail):
            return "\(path): the index is damaged (\(detail)); delete it and ingest again"
        case .fullTextUnavailable(let detail):
            return "the SQLite library has no FTS5 full-text search (\(detail)); install an SQLite built with FTS5"
        case .busy(let path):
            return "\(path): the index is locked by another process; try again when it has finished"
        case .database(let path, let detail):
            return "\(path): \(detail)"
        }
    }

    /// Translates a GRDB error raised while using the index at `path`; other errors (the
    /// caller's own) pass through unchanged.
    static func from(_ error: any Error, path: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        let detail = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_NOTADB: return StoreError.notADatabase(path: path)
        case .SQLITE_CORRUPT: return StoreError.corrupt(path: path, detail: detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path)
        default: return StoreError.database(path: path, detail: detail)
        }
    }
}
