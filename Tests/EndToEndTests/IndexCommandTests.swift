import Foundation
import PolicyCore
import Testing
import TestSupport

/// `Fixtures/store` ingested into a fresh index by the built binary.
struct IngestedFixtures {
    let directory: TemporaryDirectory
    let database: String
    let ingest: ProcessResult

    init() throws {
        directory = try TemporaryDirectory()
        database = directory.file("e2e.db").path
        ingest = try PolicyqBinary.run(["ingest", TestPaths.fixture("store").path, "--db", database])
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try PolicyqBinary.run(arguments + ["--db", database], environment: environment)
    }

    /// JSON Lines output as objects.
    func objects(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try run(arguments + ["--format", "jsonl"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try result.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// The id of the document whose title contains `text`, as the index reports it.
    func documentID(titled text: String) throws -> String {
        let documents = try objects(["export", "documents"])
        return try #require(documents.first { ($0["title"] as? String)?.contains(text) == true }?["id"] as? String)
    }
}

@Suite("policyq ingest, search, show, export, stats (built binary)")
struct IndexCommandTests {
    @Test("--help lists the index commands")
    func help() throws {
        let result = try PolicyqBinary.run(["--help"])
        for command in ["ingest", "search", "show", "export", "stats"] {
            #expect(result.stdout.contains(command))
        }
    }

    @Test("ingest reads the folder recursively and prints a summary; re-ingesting changes nothing")
    func ingestAndReingest() throws {
        let index = try IngestedFixtures()
        #expect(index.ingest.status == 0, "\(index.ingest.stderr)")
        #expect(index.ingest.stdout.contains("3 files: 3 indexed, 0 unchanged, 0 failed"))
        #expect(index.ingest.stdout.contains("added 3 documents"))
        #expect(index.ingest.stdout.contains("MB/s"))
        // Piped stderr: no progress bar.
        #expect(index.ingest.stderr.isEmpty)
        let again = try index.run(["ingest", TestPaths.fixture("store").path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("3 files: 0 indexed, 3 unchanged, 0 failed"))
        #expect(again.stdout.contains("added 0 documents, 0 clauses, 0 records"))
        let quiet = try index.run(["ingest", TestPaths.fixture("store").path, "--quiet"])
        #expect(quiet.stdout.isEmpty && quiet.status == 0)
    }

    @Test("search: Chinese of 1, 2 and 4 characters, ASCII words and numbers", arguments: [
        ("税", "national"), ("汽车", "shanxi"), ("以旧换新", "shanxi"), ("GDP", "national"), ("gdp", "national"),
        ("5G", "national"), ("3000", "shanxi"), ("夜间经济", "taiyuan"),
    ])
    func searchTerms(query: String, file: String) throws {
        let index = try IngestedFixtures()
        let hits = try index.objects(["search", query])
        #expect(!hits.isEmpty, "\(query)")
        #expect(hits.allSatisfy { $0["type"] as? String == "hit" })
        #expect((hits.first?["source"] as? String)?.contains(file) == true, "\(query): \(hits.first ?? [:])")
        let snippet = try #require(hits.first?["snippet"] as? String)
        #expect(snippet.contains("["), "\(query): \(snippet)")
    }

    @Test("search: the highlighted match is exactly the query")
    func highlight() throws {
        let index = try IngestedFixtures()
        let hits = try index.objects(["search", "以旧换新"])
        #expect((hits.first?["snippet"] as? String)?.contains("[以旧换新]") == true)
        let wide = try index.objects(["search", "5g"])
        #expect((wide.first?["snippet"] as? String)?.contains("[５Ｇ]") == true)
        // One character is marked alone, though the index holds it inside a bigram.
        let one = try index.objects(["search", "税"]).compactMap { $0["snippet"] as? String }
        #expect(!one.isEmpty && one.allSatisfy { snippet in
            snippet.contains("[") && snippet.components(separatedBy: "[").dropFirst().allSatisfy { $0.hasPrefix("税]") }
        }, "\(one)")
    }

    @Test("search: OR, exclusion, phrase, scanning for what the index cannot look up")
    func operators() throws {
        let index = try IngestedFixtures()
        let either = try index.objects(["search", "汽车 OR 夜市"]).compactMap { $0["source"] as? String }
        #expect(either.contains { $0.contains("shanxi") } && either.contains { $0.contains("taiyuan") })
        // 以旧换新 only occurs next to 家电: excluding 家电 leaves nothing, however the text is segmented.
        let excluded = try index.run(["search", "以旧换新", "-家电"])
        #expect(excluded.status == 1)
        #expect(excluded.stderr.contains("no hits"))
        let star = try index.run(["search", "★", "--format", "jsonl"])
        #expect(star.status == 0)
        #expect(star.stdout.contains("[★]"))
        #expect(star.stderr.contains("note: "))
    }

    @Test("search: filters; bad filter values are usage errors")
    func filters() throws {
        let index = try IngestedFixtures()
        let shanxiID = try index.documentID(titled: "汽车消费")
        let onlyShanxi = try index.objects(["search", "消费", "--doc", shanxiID])
        #expect(!onlyShanxi.isEmpty && onlyShanxi.allSatisfy { $0["doc_id"] as? String == shanxiID })
        let limited = try index.run(["search", "消费", "--limit", "1", "--format", "jsonl"])
        #expect(limited.stdout.split(separator: "\n").count == 1)
        for bad in [["--region", "火星"], ["--min-amount", "很多"], ["--since", "2023-13-01"], ["--level", "galactic"],
                    ["--has", "money"], ["--limit", "0"], ["--bogus"]] {
            let result = try index.run(["search", "消费"] + bad)
            #expect(result.status == 64, "\(bad): \(result.stderr)")
        }
        // A region filter keeps only that region's documents (none of the fixtures may say so yet).
        let shanxi = try index.run(["search", "消费", "--region", "山西", "--format", "jsonl"])
        #expect(shanxi.status == 0 || shanxi.status == 1)
        #expect(!shanxi.stdout.contains("\"region\":\"北京市\""))
    }

    @Test("search: every format; CSV read back by an RFC 4180 reader")
    func formats() throws {
        let index = try IngestedFixtures()
        let csv = try index.run(["search", "补贴", "--format", "csv"])
        #expect(csv.status == 0)
        let records = try CSVReader.records(csv.stdout)
        #expect(records.first == ["clause_id", "doc_id", "title", "doc_number", "date", "path", "heading", "score",
                                  "snippet", "source", "level", "region", "doc_type"])
        #expect(records.count >= 2 && records.dropFirst().allSatisfy { $0.count == 13 })
        #expect(records.dropFirst().allSatisfy { $0[8].contains("[补贴]") })

        let tsv = try index.run(["search", "补贴", "--format", "tsv"])
        #expect(tsv.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 13 })

        let json = try index.run(["search", "补贴", "--format", "json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == records.count - 1)
        #expect(array.allSatisfy { $0.keys.contains("clause_id") && ($0["score"] as? Double ?? 0) > 0 })

        let table = try index.run(["search", "补贴"])
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("文号") == true)
        let rule = try #require(lines.dropFirst().first)
        #expect(rule.allSatisfy { $0 == "-" || $0 == " " })
        #expect(lines.dropFirst(2).allSatisfy { $0.displayWidth <= rule.displayWidth })
        #expect(!table.stdout.contains("\u{1B}["))  // piped: no colour
    }

    @Test("show a document as text and JSON Lines; unknown ids exit 1")
    func show() throws {
        let index = try IngestedFixtures()
        let id = try index.documentID(titled: "数字消费")
        let text = try index.run(["show", id])
        #expect(text.status == 0)
        #expect(text.stdout.contains("国务院关于发展数字消费的意见"))
        let jsonl = try index.run(["show", id, "--format", "jsonl"])
        #expect(jsonl.stdout.hasPrefix("{\"type\":\"document\",\"id\":\"\(id)\""))
        let missing = try index.run(["show", "没有这个文件"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no document"))
    }

    @Test("export: CSV with the contract's columns, to a file with --excel; JSON Lines; stats")
    func exportAndStats() throws {
        let index = try IngestedFixtures()
        let csv = try index.run(["export", "documents"])
        let rows = try CSVReader.rows(csv.stdout)
        #expect(rows.count == 3)
        #expect(Set(rows.compactMap { $0["title"] }).contains("国务院关于发展数字消费的意见"))
        let file = index.directory.file("documents.csv")
        let toFile = try index.run(["export", "documents", "-o", file.path, "--excel"])
        #expect(toFile.status == 0 && toFile.stdout.isEmpty)
        let bytes = try Data(contentsOf: file)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("id,source,title".utf8)))
        let written = String(decoding: bytes, as: UTF8.self)
        #expect(try CSVReader.rows(written).count == 3)
        let clauses = try index.run(["export", "clauses", "--format", "jsonl"])
        #expect(clauses.status == 0)
        #expect(clauses.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("{\"type\":\"clause\"") })
        let badTable = try index.run(["export", "paragraphs"])
        #expect(badTable.status == 64)

        let stats = try index.objects(["stats"])
        let documents = stats.first { $0["dimension"] as? String == "total" && $0["value"] as? String == "documents" }
        #expect(documents?["count"] as? Int == 3)
        #expect(stats.contains { $0["dimension"] as? String == "level" })
    }

    @Test("exit codes: no index, a file that is not an index, an unreadable input; POLICYQ_DB")
    func errors() throws {
        let directory = try TemporaryDirectory()
        let missing = try PolicyqBinary.run(["search", "汽车", "--db", directory.file("none.db").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.db: no index here"))
        let text = try directory.write("notes.db", "不是数据库\n")
        for arguments in [["search", "汽车"], ["stats"], ["ingest", TestPaths.fixture("store").path]] {
            let result = try PolicyqBinary.run(arguments + ["--db", text.path])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("notes.db: not a policyq index"), "\(result.stderr)")
        }
        #expect(try String(contentsOf: text, encoding: .utf8) == "不是数据库\n")

        try directory.write("docs/ok.txt", "关于做好汽车消费工作的通知\n")
        try FileManager.default.createSymbolicLink(atPath: directory.file("docs/broken.txt").path,
                                                   withDestinationPath: directory.file("nowhere").path)
        let database = directory.file("env.db").path
        let partial = try PolicyqBinary.run(["ingest", directory.file("docs").path], environment: ["POLICYQ_DB": database])
        #expect(partial.status == 2)
        #expect(partial.stderr.contains("broken.txt: "))
        #expect(partial.stdout.contains("1 indexed"))
        let found = try PolicyqBinary.run(["search", "汽车"], environment: ["POLICYQ_DB": database])
        #expect(found.status == 0)
    }
}
