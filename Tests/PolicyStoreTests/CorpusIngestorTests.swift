import Foundation
import GRDB
import PolicyCore
import PolicyStore
import Testing
import TestSupport

@Suite("incremental ingest of real files")
struct CorpusIngestorTests {
    /// A folder with three policy texts, a hidden file and a file of another kind.
    func corpus() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("docs/a.txt", "关于促进消费的通知\n一、加大财政支持力度。\n")
        try directory.write("docs/sub/b.md", "# 山西省优化营商环境条例\n\n第一条 为了优化营商环境，制定本条例。\n")
        try directory.write("docs/c.txt", "关于做好汽车以旧换新工作的通知\n每辆最高补贴3000元。\n")
        try directory.write("docs/.hidden.txt", "不应被读取\n")
        try directory.write("docs/data.csv", "a,b\n1,2\n")
        return directory
    }

    func ingest(_ directory: TemporaryDirectory, prune: Bool = false, bulkBytes: Int = 4 << 20,
                progress: ((CorpusIngestor.Progress) -> Void)? = nil) throws -> CorpusIngestor.Summary {
        let database = try IndexDatabase.openForWriting(path: directory.file("index.db").path)
        var options = CorpusIngestor.Options()
        options.prune = prune
        options.bulkBytes = bulkBytes
        options.jobs = 2
        return try CorpusIngestor(database: database, options: options)
            .ingest([directory.file("docs").path], progress: progress ?? { _ in })
    }

    func titles(_ directory: TemporaryDirectory) throws -> [String] {
        let database = try IndexDatabase.openForReading(path: directory.file("index.db").path)
        return try database.read { db in try String.fetchAll(db, sql: "SELECT title FROM documents ORDER BY source") }
    }

    @Test("a folder is read recursively, in sorted order, without hidden files or other kinds")
    func firstIngest() throws {
        let directory = try corpus()
        var seen: [String] = []
        let summary = try ingest(directory, progress: { seen.append(URL(fileURLWithPath: $0.currentPath).lastPathComponent) })
        #expect(summary.files == 3)
        #expect(summary.indexed == 3)
        #expect(summary.added.documents == 3)
        #expect(summary.failed.isEmpty)
        #expect(seen == ["a.txt", "c.txt", "b.md"])  // docs/a.txt < docs/c.txt < docs/sub/b.md
        #expect(try titles(directory).count == 3)
    }

    @Test("re-ingesting an unchanged folder does nothing")
    func unchanged() throws {
        let directory = try corpus()
        _ = try ingest(directory)
        func rows() throws -> [String] {
            let database = try IndexDatabase.openForReading(path: directory.file("index.db").path)
            return try database.read { db in
                try String.fetchAll(db, sql: """
                    SELECT d.pk || ' ' || d.id || ' ' || f.pk || ' ' || f.mtime || ' ' || f.indexed_at
                    FROM documents d JOIN files f ON f.pk = d.file_pk ORDER BY d.pk
                    """)
            }
        }
        let before = try rows()
        let again = try ingest(directory)
        #expect(again.indexed == 0)
        #expect(again.unchanged == 3)
        #expect(again.added == WriteCounts())
        // Nothing was rewritten: new rows would have new keys.
        #expect(try rows() == before)
    }

    @Test("a touched file is hashed, not parsed; a changed file is replaced")
    func changedFiles() throws {
        let directory = try corpus()
        _ = try ingest(directory)
        let a = directory.file("docs/a.txt")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: a.path)
        let touched = try ingest(directory)
        #expect(touched.indexed == 0)
        #expect(touched.unchanged == 3)
        try directory.write("docs/c.txt", "关于做好家电以旧换新工作的通知\n每台最高补贴2000元。\n")
        let changed = try ingest(directory)
        #expect(changed.indexed == 1)
        #expect(changed.unchanged == 2)
        #expect(try titles(directory).contains("关于做好家电以旧换新工作的通知"))
        #expect(!(try titles(directory)).contains("关于做好汽车以旧换新工作的通知"))
    }

    @Test("a vanished file is kept and counted, or removed with --prune")
    func prune() throws {
        let directory = try corpus()
        _ = try ingest(directory)
        try FileManager.default.removeItem(at: directory.file("docs/a.txt"))
        let kept = try ingest(directory)
        #expect(kept.missing == 1)
        #expect(try titles(directory).count == 3)
        let pruned = try ingest(directory, prune: true)
        #expect(pruned.pruned == 1)
        #expect(try titles(directory).count == 2)
    }

    @Test("an unreadable file is reported as `path: reason` and skipped; the rest is indexed")
    func unreadable() throws {
        let directory = try corpus()
        try FileManager.default.createSymbolicLink(atPath: directory.file("docs/broken.txt").path,
                                                   withDestinationPath: directory.file("nowhere.txt").path)
        try directory.write("docs/binary.txt", bytes: [0xFF, 0xFE, 0xFD, 0x00, 0xC3])
        let summary = try ingest(directory)
        #expect(summary.indexed == 3)
        #expect(Set(summary.failed.map { URL(fileURLWithPath: $0.path).lastPathComponent }) == ["broken.txt", "binary.txt"])
        #expect(summary.failed.allSatisfy { $0.description.hasPrefix($0.path + ": ") })
        let missing = try CorpusIngestor(database: IndexDatabase.openForWriting(path: directory.file("index.db").path))
            .ingest([directory.file("no-such-folder").path])
        #expect(missing.failed.map(\.reason) == ["no such file or directory"])
    }

    @Test("a bulk load merges the full-text index at the end and restores the merge policy")
    func bulkLoad() throws {
        let directory = try corpus()
        let summary = try ingest(directory, bulkBytes: 1)
        #expect(summary.indexed == 3)
        let database = try IndexDatabase.openForReading(path: directory.file("index.db").path)
        let automerge = try database.read { db in
            try Int.fetchOne(db, sql: "SELECT v FROM search_index_config WHERE k = 'automerge'")
        }
        #expect(automerge == 4)
        let hashSize = try database.read { db in
            try Int.fetchOne(db, sql: "SELECT v FROM search_index_config WHERE k = 'hashsize'")
        }
        #expect(hashSize == 1 << 20)  // FTS5's default again after the load
        let found = try database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE search_index MATCH '\"以旧换新\"'")
        }
        #expect(found == 1)
    }
}
