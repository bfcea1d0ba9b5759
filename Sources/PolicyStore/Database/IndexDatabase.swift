import Foundation
import GRDB

/// An open policyq index: one SQLite file in WAL mode, so searches run while an ingest writes.
///
/// `openForWriting` (ingest) creates the file if needed, refuses files that are not policyq
/// indexes, and runs the migrations. `openForReading` (search, show, export, stats) never
/// creates or changes anything. Errors are `StoreError`s that name the file.
public final class IndexDatabase: Sendable {
    /// The path as given (`--db`, `POLICYQ_DB` or `./policyq.db`).
    public let path: String
    /// Every read goes through this (the pool when writing, a read-only queue otherwise).
    public let reader: any DatabaseReader
    let pool: DatabasePool?

    /// The file `--db` or `POLICYQ_DB` names, else `policyq.db` in the current directory.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["POLICYQ_DB"], !path.isEmpty { return path }
        return "policyq.db"
    }

    private init(path: String, reader: any DatabaseReader, pool: DatabasePool?) {
        self.path = path
        self.reader = reader
        self.pool = pool
    }

    /// Opens (creating if needed) the index for ingesting, and brings its schema up to date.
    public static func openForWriting(path: String) throws -> IndexDatabase {
        do {
            // Look before opening a pool: opening switches the file to WAL, and a file that is not
            // ours must be left exactly as it was.
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size > 0 {
                let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
                try queue.read { db in try check(db, path: path, writing: true) }
                try queue.close()
            }
            let pool = try DatabasePool(path: path, configuration: configuration(readonly: false))
            try IndexSchema.migrator.migrate(pool)
            return IndexDatabase(path: path, reader: pool, pool: pool)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Opens an existing index read-only.
    public static func openForReading(path: String) throws -> IndexDatabase {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError.noIndex(path: path)
        }
        if isDirectory.boolValue { throw StoreError.notADatabase(path: path) }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
            try queue.read { db in try check(db, path: path, writing: false) }
            return IndexDatabase(path: path, reader: queue, pool: nil)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Runs `body` in a read transaction; database errors become `StoreError`s.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try reader.read(body)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Runs `body` in one write transaction (all or nothing).
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try withPool { try $0.write(body) }
    }

    /// Runs `body` outside any transaction (it opens its own).
    func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try withPool { try $0.writeWithoutTransaction(body) }
    }

    /// Copies the write-ahead log into the database file and empties it (after an ingest, so the
    /// index is one file again).
    public func checkpoint() throws {
        try withPool { pool in
            try pool.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
    }

    private func withPool<T>(_ body: (DatabasePool) throws -> T) throws -> T {
        guard let pool else { throw StoreError.database(path: path, detail: "the index was opened read-only") }
        do {
            return try body(pool)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    // MARK: - Opening

    static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.busyMode = .timeout(15)
        configuration.foreignKeysEnabled = true
        configuration.label = "policyq"
        configuration.prepareDatabase { db in
            try requireFullText(db)
            db.add(tokenizer: PolicyFTS5Tokenizer.self)
        }
        return configuration
    }

    /// GRDB's `FTS5.api` stops the process when FTS5 is missing; ask SQLite first, the same way.
    static func requireFullText(_ db: Database) throws {
        do {
            _ = try db.makeStatement(sql: "SELECT fts5(?)")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            throw StoreError.fullTextUnavailable(detail: error.message ?? "no fts5() function")
        }
    }

    /// Refuses files that are not policyq indexes, and indexes this build cannot read.
    static func check(_ db: Database, path: String, writing: Bool) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        if applicationID != IndexSchema.applicationID {
            if applicationID != 0 {
                throw StoreError.foreignDatabase(
                    path: path, reason: "it belongs to another program: application_id \(applicationID)")
            }
            if !tables.isEmpty {
                let names = tables.prefix(3).joined(separator: ", ") + (tables.count > 3 ? ", …" : "")
                throw StoreError.foreignDatabase(path: path, reason: "an SQLite database with tables \(names)")
            }
            if !writing { throw StoreError.noIndex(path: path) }
            return
        }
        let migrator = IndexSchema.migrator
        if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
        if !writing, try !migrator.hasCompletedMigrations(db) { throw StoreError.olderSchema(path: path) }
    }
}
