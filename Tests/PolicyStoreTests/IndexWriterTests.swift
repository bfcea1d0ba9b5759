import Foundation
import GRDB
import PolicyCore
@testable import PolicyStore
import Testing
import TestSupport

/// A fresh index in a temporary directory.
func makeIndex(_ directory: TemporaryDirectory) throws -> (IndexDatabase, IndexWriter) {
    let database = try IndexDatabase.openForWriting(path: directory.file("test.db").path)
    return (database, IndexWriter(database: database))
}

func stamp(_ path: String, size: Int = 1, mtime: Double = 1) -> FileStamp {
    FileStamp(key: "/abs/" + path, source: path, size: size, mtime: mtime)
}

func count(_ table: String, in database: IndexDatabase) throws -> Int {
    try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
}

@Suite("index writer")
struct IndexWriterTests {
    @Test("a file's documents, clauses, records and full-text rows are written")
    func writesEverything() throws {
        let directory = try TemporaryDirectory()
        let (database, writer) = try makeIndex(directory)
        var total = WriteCounts()
        for file in PolicyFixtures.corpusFiles {
            let counts = try writer.replace(file, stamp: stamp(file.source.path))
            total.documents += counts.documents
            total.clauses += counts.clauses
            total.records += counts.records
        }
        #expect(total.documents == 4)
        #expect(try count("documents", in: database) == 4)
        #expect(try count("clauses", in: database) == total.clauses)
        #expect(try count("records", in: database) == total.records)
        // One full-text row per document and per clause.
        #expect(try count("search_index", in: database) == 4 + total.clauses)
        let province = try database.read { db in
            try String.fetchOne(db, sql: "SELECT province FROM documents WHERE region = '太原市' LIMIT 1")
        }
        #expect(province == "山西省")
        let amount = try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT r.value, r.qualifier, r.inclusive, r.per, d.id || c.key AS clause_id, d.id || r.key AS id
                FROM records r JOIN documents d ON d.pk = r.document_pk JOIN clauses c ON c.pk = r.clause_pk
                WHERE r.kind = 'amount' ORDER BY r.pk
                """)
        }
        #expect(amount?["value"] == 3000.0)
        #expect(amount?["qualifier"] == "max")
        #expect(amount?["inclusive"] == true)
        #expect(amount?["per"] == "辆")
        #expect(amount?["clause_id"] == "晋政办发〔2023〕65号#一/(一)")
        #expect((amount?["id"] as String?)?.hasPrefix("晋政办发〔2023〕65号@") == true)
    }

    @Test("a document's own full-text row holds the text outside its clauses")
    func textOutsideClauses() throws {
        let directory = try TemporaryDirectory()
        let (database, writer) = try makeIndex(directory)
        let file = PolicyFixtures.corpusFiles[0]
        try writer.replace(file, stamp: stamp("a.txt"))
        let body = try database.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM search_index WHERE rowid = (SELECT fts_rowid FROM documents)")
        }
        #expect(body == "山西省恢复和扩大消费若干政策措施\n为进一步恢复和扩大消费，制定以下措施。")
    }

    @Test("replacing a file removes its old rows, full-text rows included")
    func replaceRemovesOldRows() throws {
        let directory = try TemporaryDirectory()
        let (database, writer) = try makeIndex(directory)
        let original = PolicyFixtures.corpusFiles[0]
        try writer.replace(original, stamp: stamp("a.txt"))
        var shorter = PolicyFixtures.corpus[0].documents
        shorter[0].clauses = Array(shorter[0].clauses.prefix(1))
        try writer.replace(PolicyFixtures.parsedFile(path: "a.txt", shorter), stamp: stamp("a.txt", mtime: 2))
        #expect(try count("documents", in: database) == 1)
        #expect(try count("clauses", in: database) == 1)
        #expect(try count("records", in: database) == 0)
        #expect(try count("search_index", in: database) == 2)
        #expect(try count("files", in: database) == 1)
    }

    @Test("the same 文号 in two files: the later gets ~2, its clause and record ids follow, ids stay on rewrite")
    func collidingIDs() throws {
        let directory = try TemporaryDirectory()
        let (database, writer) = try makeIndex(directory)
        let documents = PolicyFixtures.corpus[0].documents
        try writer.replace(PolicyFixtures.parsedFile(path: "a.txt", documents), stamp: stamp("a.txt"))
        try writer.replace(PolicyFixtures.parsedFile(path: "b-gbk.txt", documents), stamp: stamp("b-gbk.txt"))
        func ids() throws -> [String] {
            try database.read { db in try String.fetchAll(db, sql: "SELECT id FROM documents ORDER BY id") }
        }
        #expect(try ids() == ["晋政办发〔2023〕65号", "晋政办发〔2023〕65号~2"])
        let clauseIDs = try database.read { db in
            try String.fetchAll(db, sql: """
                SELECT d.id || c.key FROM clauses c JOIN documents d ON d.pk = c.document_pk WHERE d.source = 'b-gbk.txt'
                ORDER BY c.position
                """)
        }
        #expect(clauseIDs.first == "晋政办发〔2023〕65号~2#一")
        let orphans = try database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE clause_pk IS NULL")
        }
        #expect(orphans == 0)
        let recordIDs = try database.read { db in
            try String.fetchAll(db, sql: """
                SELECT d.id || r.key FROM records r JOIN documents d ON d.pk = r.document_pk WHERE d.id = '晋政办发〔2023〕65号~2'
                """)
        }
        #expect(!recordIDs.isEmpty && recordIDs.allSatisfy { $0.hasPrefix("晋政办发〔2023〕65号~2@") })

        // Rewriting either file keeps the ids where they were.
        try writer.replace(PolicyFixtures.parsedFile(path: "a.txt", documents), stamp: stamp("a.txt", mtime: 5))
        try writer.replace(PolicyFixtures.parsedFile(path: "b-gbk.txt", documents), stamp: stamp("b-gbk.txt", mtime: 5))
        let sources = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, source FROM documents ORDER BY id").map { "\($0[0] as String) \($0[1] as String)" }
        }
        #expect(sources == ["晋政办发〔2023〕65号 a.txt", "晋政办发〔2023〕65号~2 b-gbk.txt"])
    }

    @Test("two documents of one file with the same id are told apart, as are repeated clause paths")
    func collisionsInsideAFile() throws {
        let directory = try TemporaryDirectory()
        let (database, writer) = try makeIndex(directory)
        let twice = FixtureDocument(title: "关于做好消费工作的通知", clauses: [
            FixtureClause("一", "一、总体要求"), FixtureClause("一", "一、总体要求(重复的幻灯片)"),
        ])
        try writer.replace(PolicyFixtures.parsedFile(path: "slides.txt", [twice, twice]), stamp: stamp("slides.txt"))
        let ids = try database.read { db in
            try String.fetchAll(db, sql: "SELECT d.id || c.key FROM clauses c JOIN documents d ON d.pk = c.document_pk ORDER BY c.pk")
        }
        #expect(ids == ["slides--关于做好消费工作的通知#一", "slides--关于做好消费工作的通知#一~2",
                        "slides--关于做好消费工作的通知~2#一", "slides--关于做好消费工作的通知~2#一~2"])
    }

    @Test("a write that fails part-way leaves the file's previous rows untouched")
    func atomicReplace() throws {
        let directory = try TemporaryDirectory()
        let (database, writer) = try makeIndex(directory)
        let file = PolicyFixtures.corpusFiles[0]
        try writer.replace(file, stamp: stamp("a.txt"))
        let before = try database.read { db in try Row.fetchAll(db, sql: "SELECT id, title FROM documents") }
        // Make the last insert of the next write fail.
        try database.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER fail_late BEFORE INSERT ON records WHEN NEW.kind = 'time'
                BEGIN SELECT RAISE(ABORT, 'simulated failure'); END
                """)
        }
        var changed = PolicyFixtures.corpus[0].documents
        changed[0].title = "改过的标题"
        #expect(throws: StoreError.self) {
            try writer.replace(PolicyFixtures.parsedFile(path: "a.txt", changed), stamp: stamp("a.txt", mtime: 9))
        }
        let after = try database.read { db in try Row.fetchAll(db, sql: "SELECT id, title FROM documents") }
        #expect(after == before)
        #expect(try count("search_index", in: database) == 1 + file.documents[0].clauses.count)
        let mtime = try database.read { db in try Double.fetchOne(db, sql: "SELECT mtime FROM files") }
        #expect(mtime == 1)
    }

    @Test("full-text queries of 1, 2 and 4 characters and ASCII words find the clause", arguments: [
            ("车", "鼓励汽车更新换代"),
            ("汽车", "鼓励汽车更新换代"),
            ("更新换代", "鼓励汽车更新换代"),
            ("最高补贴3000元", "每辆最高补贴3000元"),
            ("3000", "每辆最高补贴3000元"),
          ])
    func fullText(query: String, expected: String) throws {
        let directory = try TemporaryDirectory()
        let (database, writer) = try makeIndex(directory)
        try writer.replace(PolicyFixtures.corpusFiles[0], stamp: stamp("a.txt"))
        let bodies = try database.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM search_index WHERE search_index MATCH ?",
                                arguments: [FullTextPhrase.expression(for: query)])
        }
        #expect(bodies.contains { $0.contains(expected) }, "\(bodies)")
    }

    @Test("files.indexed_at is an ISO 8601 UTC time", arguments: [
        (0, "1970-01-01T00:00:00Z"), (1_709_803_800, "2024-03-07T09:30:00Z"), (4_102_444_799, "2099-12-31T23:59:59Z"),
    ])
    func timestamp(seconds: Int, expected: String) {
        #expect(IndexWriter.timestamp(time_t(seconds)) == expected)
    }
}
