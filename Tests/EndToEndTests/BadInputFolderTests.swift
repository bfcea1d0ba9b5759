import Foundation
import Testing
import TestSupport

/// `policyq ingest` on a folder that mixes every kind of bad input with good files: the good files
/// are all indexed, every bad file is named on stderr with a reason, the exit code is 2, nothing crashes.
@Suite("Bad input in an ingested folder", .serialized)
struct BadInputFolderTests {
    /// The JSON objects of a JSON Lines output.
    static func objects(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// `total` counts of `policyq stats --format json`.
    static func totals(db: String) throws -> [String: Int] {
        let stats = try PolicyqBinary.run(["stats", "--format", "jsonl", "--db", db])
        #expect(stats.status == 0, "\(stats.stderr)")
        var totals: [String: Int] = [:]
        for object in try objects(stats.stdout) where object["dimension"] as? String == "total" {
            if let value = object["value"] as? String, let count = object["count"] as? Int { totals[value] = count }
        }
        return totals
    }

    @Test("good files indexed, bad files named with a reason, exit 2, no crash")
    func mixedFolder() throws {
        let directory = try TemporaryDirectory()
        let folder = try HostileFolder(directory: directory)
        #expect(folder.bad.count >= 8 && folder.good.count >= 8)
        let db = directory.file("index.db").path
        let result = try PolicyqBinary.run(["ingest", folder.folder.path, "--db", db])
        // A crash would end the process by a signal (SIGSEGV, SIGILL, SIGABRT …), never with exit status 2.
        #expect(result.status == 2, "stderr: \(result.stderr.prefix(2000))")
        for entry in folder.bad {
            let path = folder.folder.appendingPathComponent(entry.name).path
            let line = result.stderr.components(separatedBy: "\n").first { $0.hasPrefix(path + ": ") }
            let reason = try #require(line, "\(entry.name) not named on stderr:\n\(result.stderr)").dropFirst(path.count + 2)
            #expect(reason.localizedCaseInsensitiveContains(entry.refusal ?? ""), "\(entry.name): \(reason)")
        }
        for entry in folder.good {
            let path = folder.folder.appendingPathComponent(entry.name).path
            #expect(!result.stderr.contains(path + ": "), "good file \(entry.name) refused: \(result.stderr)")
        }
        #expect(result.stdout.contains("\(folder.good.count) indexed, 0 unchanged, \(folder.bad.count) failed"), "\(result.stdout)")

        // Every good file is in the index, and only they.
        #expect(try Self.totals(db: db)["files"] == folder.good.count)
        let export = try PolicyqBinary.run(["export", "documents", "--format", "jsonl", "--db", db])
        #expect(export.status == 0)
        let sources = Set(try Self.objects(export.stdout).compactMap { $0["source"] as? String })
        #expect(sources == Set(folder.good.map { folder.folder.appendingPathComponent($0.name).path }))

        // Nothing of the external entity's target nor of the scripts reached the index.
        let clauses = try PolicyqBinary.run(["export", "clauses", "--format", "jsonl", "--db", db])
        #expect(clauses.status == 0)
        #expect(clauses.stdout.contains("正文"))
        #expect(!clauses.stdout.contains(folder.secret) && !export.stdout.contains(folder.secret))
        #expect(!clauses.stdout.contains(folder.scriptWord))
        for word in [folder.secret, folder.scriptWord] {
            let search = try PolicyqBinary.run(["search", word, "--db", db])
            #expect(search.status == 1, "\(word): \(search.stdout) \(search.stderr)")
        }
        #expect(try PolicyqBinary.run(["search", "脚本", "--db", db]).status == 0)

        // A second run reads the bad files again and fails them again, the good ones are unchanged.
        let again = try PolicyqBinary.run(["ingest", folder.folder.path, "--db", db])
        #expect(again.status == 2)
        #expect(again.stdout.contains("0 indexed, \(folder.good.count) unchanged, \(folder.bad.count) failed"), "\(again.stdout)")
    }

    @Test("parse names a bad file and goes on with the next")
    func parseGoesOn() throws {
        let directory = try TemporaryDirectory()
        let empty = try directory.write("empty.txt", "")
        let good = try directory.write("good.txt", "关于做好测试工作的通知\n\n一、总体要求\n请各单位认真落实。\n")
        let result = try PolicyqBinary.run(["parse", empty.path, good.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(empty.path): empty file"))
        #expect(result.stdout.contains("\"type\":\"clause\""))
    }
}
