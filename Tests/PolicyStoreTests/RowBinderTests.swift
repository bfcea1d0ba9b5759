import GRDB
@testable import PolicyStore
import Testing

@Suite("row binder")
struct RowBinderTests {
    /// What each kind of value is stored as: the same as GRDB would store it, and text whole.
    @Test("values are stored with their SQLite types; nil is NULL, an empty string is ''")
    func storedValues() throws {
        let queue = try DatabaseQueue()
        let (rows, nulBytes) = try queue.write { db -> ([[DatabaseValue]], Int?) in
            try db.execute(sql: "CREATE TABLE t (a, b, c, d, e)")
            let binder = RowBinder(try db.cachedStatement(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?)"), in: db)
            try binder.insert { $0.add(Int64(7)); $0.add(true); $0.add(1.5); $0.add("财政部"); $0.add("") }
            try binder.insert { $0.add(nil as Int?); $0.add(nil as Bool?); $0.add(nil as Double?); $0.add(nil as String?)
                $0.add("a\u{0}b") }
            try binder.insert { $0.add(Int(-3)); $0.add(false); $0.add(-0.25); $0.add("x\"y'z"); $0.add("５Ｇ") }
            // Reading text back stops at a NUL (C strings); its stored length says it is whole.
            let rows = try Row.fetchAll(db, sql: "SELECT a, b, c, d, CASE WHEN instr(e, char(0)) THEN NULL ELSE e END FROM t ORDER BY rowid")
                .map { row in (0..<5).map { row[$0] as DatabaseValue } }
            return (rows, try Int.fetchOne(db, sql: "SELECT length(CAST(e AS BLOB)) FROM t WHERE a IS NULL"))
        }
        let expected: [[DatabaseValue]] = [
            [Int64(7).databaseValue, Int64(1).databaseValue, Double(1.5).databaseValue, "财政部".databaseValue,
             "".databaseValue],
            [.null, .null, .null, .null, .null],
            [Int64(-3).databaseValue, Int64(0).databaseValue, Double(-0.25).databaseValue, "x\"y'z".databaseValue,
             "５Ｇ".databaseValue],
        ]
        #expect(rows == expected)
        #expect(nulBytes == 3)
    }

    @Test("a failing insert throws SQLite's error and leaves the statement usable")
    func constraintError() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)")
            let binder = RowBinder(try db.cachedStatement(sql: "INSERT INTO t VALUES (?, ?)"), in: db)
            try binder.insert { $0.add(Int64(1)); $0.add("one") }
            #expect(throws: DatabaseError.self) { try binder.insert { $0.add(Int64(1)); $0.add("again") } }
            #expect(throws: DatabaseError.self) { try binder.insert { $0.add(Int64(2)); $0.add(nil as String?) } }
            try binder.insert { $0.add(Int64(2)); $0.add("two") }
            #expect(try String.fetchAll(db, sql: "SELECT v FROM t ORDER BY k") == ["one", "two"])
        }
    }
}
