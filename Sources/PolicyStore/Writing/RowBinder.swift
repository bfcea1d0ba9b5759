import GRDB
import GRDBSQLite

/// Runs a prepared INSERT with its parameters bound through SQLite's C interface — the writer's
/// hot path: one call per full-text row, clause and record (about 770,000 on laws-md).
///
/// GRDB's `execute(arguments:)` boxes each argument as an existential, converts it to a
/// `DatabaseValue` and binds through nested closures; on a bulk ingest that was a large share of
/// the one writer thread, which is what bounds ingest speed. Here values are bound in order with
/// no intermediate array, and text is copied once, by SQLite.
struct RowBinder {
    private let statement: SQLiteStatement
    private let connection: SQLiteConnection

    init(_ statement: Statement, in db: Database) {
        self.statement = statement.sqliteStatement
        self.connection = db.sqliteConnection!
    }

    /// Binds the parameters with `bind` (in the statement's order, from 1), then steps the
    /// statement once and resets it. Throws SQLite's error, as GRDB would.
    func insert(_ bind: (inout Parameters) -> Void) throws {
        var parameters = Parameters(statement: statement)
        bind(&parameters)
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        if code != SQLITE_DONE {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    /// The parameters of one row, bound in order.
    struct Parameters {
        fileprivate let statement: SQLiteStatement
        private var index: Int32 = 1

        fileprivate init(statement: SQLiteStatement) { self.statement = statement }

        mutating func add(_ value: Int64?) {
            if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
            index += 1
        }

        mutating func add(_ value: Int?) { add(value.map(Int64.init)) }

        mutating func add(_ value: Bool?) { add(value.map { $0 ? Int64(1) : 0 }) }

        mutating func add(_ value: Double?) {
            if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
            index += 1
        }

        mutating func add(_ value: String?) {
            if var value {
                // SQLITE_TRANSIENT: SQLite copies the bytes before this returns. The length is
                // given, so text holding a NUL is stored whole.
                _ = value.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { text in
                        if let start = text.baseAddress {
                            sqlite3_bind_text(statement, index, start, Int32(text.count), Self.transient)
                        } else {
                            sqlite3_bind_text(statement, index, "", 0, Self.transient)
                        }
                    }
                }
            } else {
                sqlite3_bind_null(statement, index)
            }
            index += 1
        }

        private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }
}
