import Foundation
import GRDB
import PolicyCore
import PolicyStore
import Testing
import TestSupport

@Suite("opening an index")
struct IndexDatabaseTests {
    func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    @Test("a missing file is no index for reading, and is created for writing")
    func missing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("new.db").path
        #expect(throws: StoreError.noIndex(path: path)) { try IndexDatabase.openForReading(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        _ = try IndexDatabase.openForWriting(path: path)
        _ = try IndexDatabase.openForReading(path: path)
    }

    @Test("a file that is not SQLite is refused and left as it was")
    func notSQLite() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("notes.db", "这不是数据库，只是一段文字。\n" + String(repeating: "x", count: 5000))
        let before = try bytes(file)
        #expect(throws: StoreError.notADatabase(path: file.path)) { try IndexDatabase.openForReading(path: file.path) }
        #expect(throws: StoreError.notADatabase(path: file.path)) { try IndexDatabase.openForWriting(path: file.path) }
        #expect(try bytes(file) == before)
        #expect(throws: StoreError.notADatabase(path: directory.url.path)) {
            try IndexDatabase.openForReading(path: directory.url.path)
        }
    }

    @Test("another program's SQLite database is refused, not switched to WAL, not changed")
    func foreign() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("other.sqlite")
        let other = try DatabaseQueue(path: file.path)
        try other.write { db in
            try db.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('王')")
        }
        try other.close()
        let before = try bytes(file)
        let expected = StoreError.foreignDatabase(path: file.path, reason: "an SQLite database with tables contacts")
        #expect(throws: expected) { try IndexDatabase.openForWriting(path: file.path) }
        #expect(throws: expected) { try IndexDatabase.openForReading(path: file.path) }
        #expect(try bytes(file) == before)
        #expect(!FileManager.default.fileExists(atPath: file.path + "-wal"))
        #expect(expected.description.contains("not a policyq index"))
    }

    @Test("a database with another application id is refused")
    func otherApplication() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("app.db")
        let other = try DatabaseQueue(path: file.path)
        try other.write { db in try db.execute(sql: "PRAGMA application_id = 42") }
        try other.close()
        #expect(throws: StoreError.foreignDatabase(path: file.path, reason: "it belongs to another program: application_id 42")) {
            try IndexDatabase.openForWriting(path: file.path)
        }
    }

    @Test("an index from a newer policyq is refused by reading and writing")
    func newerSchema() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("future.db").path
        _ = try IndexDatabase.openForWriting(path: path)
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')") }
        try raw.close()
        #expect(throws: StoreError.newerSchema(path: path)) { try IndexDatabase.openForReading(path: path) }
        #expect(throws: StoreError.newerSchema(path: path)) { try IndexDatabase.openForWriting(path: path) }
    }

    @Test("readers see the last commit while a write transaction is open (WAL)")
    func readersDuringWrites() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("wal.db").path
        let writable = try IndexDatabase.openForWriting(path: path)
        let writer = IndexWriter(database: writable)
        let files = PolicyFixtures.corpusFiles
        try writer.replace(files[0], stamp: FileStamp(key: "/a", source: "a", size: 1, mtime: 1))
        try writer.inTransaction { session in
            try session.replace(PreparedFile(files[1]), stamp: FileStamp(key: "/b", source: "b", size: 1, mtime: 1))
            let reader = try IndexDatabase.openForReading(path: path)
            let seen = try reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") }
            #expect(seen == 1)
        }
        let reader = try IndexDatabase.openForReading(path: path)
        #expect(try reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") } == 2)
    }
}
