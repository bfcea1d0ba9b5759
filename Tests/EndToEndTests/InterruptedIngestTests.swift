import Foundation
import GRDB
import PolicyStore
import Testing
import TestSupport

/// The index is never half-written: an ingest killed with SIGKILL leaves whole files or nothing of
/// them, a re-run completes it to what a clean ingest gives; searches run while an ingest writes; a
/// corrupt, foreign or older database is handled with a clear message.
@Suite("Interrupted ingest and unusable databases (built binary)", .serialized)
struct InterruptedIngestTests {
    /// ~300 laws-md files copied flat into a temporary folder (names made unique).
    static func lawsFolder(in directory: TemporaryDirectory, count: Int = 300) throws -> URL {
        let root = TestPaths.corpora.appendingPathComponent("laws-md")
        let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
        let files = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") && !$0.hasSuffix("README.md") }.sorted()
        let folder = directory.file("laws")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (i, relative) in files.prefix(count).enumerated() {
            let name = String(format: "%04d-", i) + (relative.split(separator: "/").last.map(String.init) ?? relative)
            try FileManager.default.copyItem(at: root.appendingPathComponent(relative), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// Per indexed file: documents, clauses and records the index holds for it, and what its `files` row says.
    struct FileCounts: Equatable {
        var documents = 0, clauses = 0, records = 0
        var stated = [0, 0, 0]
    }

    static func perFile(_ path: String) throws -> [String: FileCounts] {
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { db in
            var result: [String: FileCounts] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT f.path, f.documents AS sd, f.clauses AS sc, f.records AS sr,
                  (SELECT count(*) FROM documents d WHERE d.file_pk = f.pk) AS d,
                  (SELECT count(*) FROM clauses c JOIN documents d ON c.document_pk = d.pk WHERE d.file_pk = f.pk) AS c,
                  (SELECT count(*) FROM records r JOIN documents d ON r.document_pk = d.pk WHERE d.file_pk = f.pk) AS r
                FROM files f
                """)
            for row in rows {
                result[row["path"]] = FileCounts(documents: row["d"], clauses: row["c"], records: row["r"],
                                                 stated: [row["sd"], row["sc"], row["sr"]])
            }
            // Nothing that belongs to no file.
            let orphans = try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM documents WHERE file_pk NOT IN (SELECT pk FROM files))
                     + (SELECT count(*) FROM clauses WHERE document_pk NOT IN (SELECT pk FROM documents))
                     + (SELECT count(*) FROM records WHERE document_pk NOT IN (SELECT pk FROM documents))
                """)
            #expect(orphans == 0)
            return result
        }
    }

    static func integrity(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// Number of files committed so far, nil while the index cannot be read yet.
    static func committedFiles(_ path: String) -> Int? {
        guard FileManager.default.fileExists(atPath: path),
              let queue = try? DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        else { return nil }
        defer { try? queue.close() }
        return try? queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM files") }
    }

    /// Every record of the index as sorted JSON lines (ids, spans, values): two indexes hold the same
    /// when these are equal.
    static func exported(_ db: String) throws -> [String] {
        var lines: [String] = []
        for kind in ["documents", "clauses", "records"] {
            let export = try PolicyqBinary.run(["export", kind, "--format", "jsonl", "--db", db])
            #expect(export.status == 0, "\(export.stderr)")
            lines += export.stdout.split(separator: "\n").map(String.init)
        }
        return lines.sorted()
    }

    @Test("SIGKILL mid-ingest leaves whole files; a search runs meanwhile; a re-run equals a clean ingest",
          .enabled(if: TestPaths.hasShared))
    func killedIngest() throws {
        let directory = try TemporaryDirectory()
        let folder = try Self.lawsFolder(in: directory)
        let clean = directory.file("clean.db").path
        let cleanRun = try PolicyqBinary.run(["ingest", folder.path, "--db", clean, "--quiet"])
        #expect(cleanRun.status == 0, "\(cleanRun.stderr)")
        let cleanCounts = try Self.perFile(clean)
        #expect(cleanCounts.count == 300)

        let db = directory.file("killed.db").path
        let process = Process()
        process.executableURL = PolicyqBinary.url
        process.arguments = ["ingest", folder.path, "--db", db, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the first commit, search while the ingest goes on writing, then kill it.
        var committed = 0
        while process.isRunning, committed == 0 {
            committed = Self.committedFiles(db) ?? 0
            if committed == 0 { usleep(20_000) }
        }
        var searchedDuringIngest = false
        if process.isRunning {
            let search = try PolicyqBinary.run(["search", "法律", "--limit", "3", "--db", db])
            #expect(search.status == 0, "search during ingest: \(search.stderr)")
            searchedDuringIngest = process.isRunning
        }
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        if killed {
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        }
        // The machine may be fast enough to finish first; then there was nothing to interrupt.
        withKnownIssue("the ingest finished before it could be killed", isIntermittent: true) {
            #expect(killed && searchedDuringIngest)
        }

        // The killed index: sound, and every file in it whole (as a clean ingest makes it).
        #expect(try Self.integrity(db) == ["ok"])
        let partial = try Self.perFile(db)
        #expect(!partial.isEmpty)
        if killed { #expect(partial.count < 300, "the kill came after the last commit") }
        for (path, counts) in partial {
            #expect(counts == cleanCounts[path], "\(path)")
            #expect(counts.stated == [counts.documents, counts.clauses, counts.records], "\(path)")
        }

        // A re-run completes it: the same index as the clean ingest.
        let rerun = try PolicyqBinary.run(["ingest", folder.path, "--db", db])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("300 files: \(300 - partial.count) indexed, \(partial.count) unchanged, 0 failed"), "\(rerun.stdout)")
        #expect(try Self.integrity(db) == ["ok"])
        #expect(try Self.perFile(db) == cleanCounts)
        #expect(try Self.exported(db) == Self.exported(clean))
    }

    @Test("a corrupt database file and a foreign SQLite database: `path: …`, exit 2, file untouched")
    func unusableDatabases() throws {
        let directory = try TemporaryDirectory()
        var random = SystemRandomNumberGenerator()
        let corrupt = try directory.write("corrupt.db", bytes: (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &random) })
        let header = try directory.write("header-only.db", bytes: Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0xAB, count: 8_176))
        let foreign = directory.file("foreign.db")
        let queue = try DatabaseQueue(path: foreign.path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE customers (name TEXT); INSERT INTO customers VALUES ('x')") }
        try queue.close()
        let sample = TestPaths.corpusFile("shanxi-restore-expand-consumption-measures-2023.txt").path
        for file in [corrupt, header, foreign] {
            let before = try Data(contentsOf: file)
            for arguments in [["ingest", sample], ["search", "消费"], ["stats"], ["export", "documents"], ["show", "山西"]] {
                let result = try PolicyqBinary.run(arguments + ["--db", file.path])
                #expect(result.status == 2, "\(file.lastPathComponent) \(arguments): \(result.status) \(result.stderr)")
                #expect(result.stderr.hasPrefix(file.path + ": "), "\(file.lastPathComponent) \(arguments): \(result.stderr)")
                #expect(!result.stderr.contains("SQLite error"), "\(result.stderr)")
            }
            #expect(try Data(contentsOf: file) == before, "\(file.lastPathComponent) was changed")
        }
    }

    @Test("a database of an older schema (migrations not all applied) is migrated by ingest")
    func olderSchema() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("old.db").path
        // What an older policyq left: its application id, and the migrator stopped before the latest
        // migration (there is only v1 so far: none applied).
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "PRAGMA application_id = \(IndexSchema.applicationID)")
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        try queue.close()
        let search = try PolicyqBinary.run(["search", "消费", "--db", path])
        #expect(search.status == 2)
        #expect(search.stderr.hasPrefix(path + ": written by an older policyq"), "\(search.stderr)")
        let sample = TestPaths.corpusFile("shanxi-restore-expand-consumption-measures-2023.txt").path
        let ingest = try PolicyqBinary.run(["ingest", sample, "--db", path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let migrated = try DatabaseQueue(path: path)
        let applied = try migrated.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        try migrated.close()
        #expect(applied.count == IndexSchema.version)
        #expect(try PolicyqBinary.run(["search", "消费", "--db", path]).status == 0)
    }
}
