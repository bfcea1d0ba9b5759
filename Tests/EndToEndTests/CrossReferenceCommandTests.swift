import Foundation
import Testing
import TestSupport

/// `Fixtures/crossref` ingested by the built binary.
struct IngestedCrossReferences {
    let directory: TemporaryDirectory
    let database: String

    init() throws {
        directory = try TemporaryDirectory()
        database = directory.file("crossref.db").path
        let ingest = try PolicyqBinary.run(["ingest", TestPaths.fixture("crossref").path, "--db", database])
        #expect(ingest.status == 0, "\(ingest.stderr)")
    }

    func run(_ arguments: [String]) throws -> ProcessResult {
        try PolicyqBinary.run(arguments + ["--db", database])
    }
}

let shanxiPlan = TestPaths.fixture("crossref/shanxi-car-trade-in-measures.txt").path
let nationalPlan = TestPaths.fixture("crossref/national-car-trade-in-plan.txt").path

@Suite("policyq diff, refs, cited-by (built binary)")
struct CrossReferenceCommandTests {
    @Test("diff of two files: reordered measures pair up, values side by side, exit 1")
    func diffFiles() throws {
        let result = try PolicyqBinary.run(["diff", shanxiPlan, nationalPlan])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("1 matched, 2 changed, 1 only in A, 1 only in B"))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let car = try #require(lines.firstIndex { $0.hasPrefix("≠") && $0.contains("一/(二) 鼓励汽车更新换代") })
        #expect(lines[car].contains("│ 一/(一) 鼓励汽车更新换代"))
        #expect(lines[car + 1].contains("amount") && lines[car + 1].contains("≤3000元/辆") && lines[car + 1].contains("│ 2000元/辆"))
        #expect(lines[car + 2].contains("by 2024-12-31") && lines[car + 2].contains("by 2025-12-31"))
        #expect(lines.contains { $0.hasPrefix("+A") && $0.contains("落实住房消费补贴") })
        #expect(lines.contains { $0.hasPrefix("+B") && $0.contains("丰富文旅消费供给") })
        #expect(result.stderr.isEmpty)
    }

    @Test("diff CSV: stable columns, one row per pair and per differing value, read back by a CSV reader")
    func diffCSV() throws {
        let result = try PolicyqBinary.run(["diff", shanxiPlan, nationalPlan, "--format", "csv"])
        #expect(result.status == 1)
        let records = try CSVReader.records(result.stdout)
        #expect(records.first == ["type", "status", "a_clause", "b_clause", "score", "field", "value_a", "value_b",
                                  "a_path", "b_path", "a_doc", "b_doc"])
        let rows = try CSVReader.rows(result.stdout)
        #expect(rows.filter { $0["type"] == "pair" }.map { $0["status"] ?? "" }.sorted()
                == ["changed", "changed", "matched", "only_in_A", "only_in_B"])
        let amount = try #require(rows.first { $0["field"] == "amount" })
        #expect(amount["a_clause"] == "晋政办发〔2024〕30号#一/(二)" && amount["b_clause"] == "国办发〔2024〕12号#一/(一)")
        #expect(amount["value_a"] == "≤3000元/辆" && amount["value_b"] == "2000元/辆")
        #expect(rows.allSatisfy { $0["a_doc"] == "晋政办发〔2024〕30号" && $0["b_doc"] == "国办发〔2024〕12号" })
    }

    @Test("diff JSON Lines and Markdown carry the same pairs")
    func diffJSONAndMarkdown() throws {
        let jsonl = try PolicyqBinary.run(["diff", shanxiPlan, nationalPlan, "--format", "jsonl"])
        let objects = try jsonl.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let matched = try #require(objects.first { $0["status"] as? String == "matched" })
        #expect((matched["score"] as? Double).map { $0 > 0.3 && $0 <= 1 } == true)
        #expect(matched["a_clause"] as? String == "晋政办发〔2024〕30号#二/(四)")
        let markdown = try PolicyqBinary.run(["diff", shanxiPlan, nationalPlan, "--format", "markdown"])
        #expect(markdown.status == 1)
        #expect(markdown.stdout.contains("| status | score | A | B | differing values (A → B) |"))
        #expect(markdown.stdout.contains("amount: ≤3000元/辆 → 2000元/辆"))
    }

    @Test("diff exit codes: 0 for a document against itself, 2 for an unreadable or unknown side, 64 for bad usage")
    func diffExitCodes() throws {
        #expect(try PolicyqBinary.run(["diff", nationalPlan, nationalPlan]).status == 0)
        let directory = try TemporaryDirectory()
        let empty = try directory.write("empty.txt", "")
        let unreadable = try PolicyqBinary.run(["diff", empty.path, nationalPlan])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("empty.txt:"))
        let unknown = try PolicyqBinary.run(["diff", "没有这个文件", nationalPlan, "--db", directory.file("none.db").path])
        #expect(unknown.status == 2)
        #expect(!unknown.stderr.isEmpty)
        #expect(try PolicyqBinary.run(["diff", nationalPlan]).status == 64)
        #expect(try PolicyqBinary.run(["diff", "--region", "山西"]).status == 64)
        #expect(try PolicyqBinary.run(["diff", shanxiPlan, nationalPlan, "--threshold", "2"]).status == 64)
    }

    @Test("diff of indexed documents by 文号, and --region R --against national")
    func diffIndexed() throws {
        let index = try IngestedCrossReferences()
        let byNumber = try index.run(["diff", "晋政办发〔2024〕30号", "国办发〔2024〕12号", "--format", "csv"])
        #expect(byNumber.status == 1, "\(byNumber.stderr)")
        #expect(try CSVReader.rows(byNumber.stdout).contains { $0["field"] == "amount" })
        let region = try index.run(["diff", "--region", "山西", "--against", "national", "--format", "jsonl"])
        #expect(region.status == 1, "\(region.stderr)")
        #expect(region.stdout.contains("\"a_doc\":\"晋政办发〔2024〕30号\",\"b_doc\":\"国办发〔2024〕12号\""))
        let text = try index.run(["diff", "--region", "晋", "--against", "national", "--changes-only"])
        #expect(text.stdout.contains("(cited in the text)") || text.stdout.contains("(subject"))
        #expect(!text.stdout.contains("\n= "), "--changes-only leaves matched pairs out")
    }

    @Test("refs, cited-by and refs --unresolved")
    func references() throws {
        let index = try IngestedCrossReferences()
        let refs = try index.run(["refs", "晋政办发〔2024〕30号", "--format", "csv"])
        #expect(refs.status == 0, "\(refs.stderr)")
        let rows = try CSVReader.rows(refs.stdout)
        #expect(rows.map { $0["target"] ?? "" } == ["国办发〔2024〕12号", ""])
        #expect(rows.first?["method"] == "doc_number")
        let citedBy = try index.run(["cited-by", "国办发〔2024〕12号", "--format", "jsonl"])
        #expect(citedBy.status == 0)
        #expect(citedBy.stdout.contains("\"doc_id\":\"晋政办发〔2024〕30号\""))
        #expect(try index.run(["cited-by", "并商发〔2024〕5号"]).status == 1)
        let missing = try index.run(["refs", "--unresolved", "--format", "csv"])
        #expect(missing.status == 0)
        #expect(try CSVReader.rows(missing.stdout).map { $0["title"] ?? "" }.sorted()
                == ["关于加强汽车以旧换新资金管理的通知", "报废机动车回收管理办法"])
        #expect(try index.run(["refs", "没有这个文件"]).status == 1)
        #expect(try index.run(["refs"]).status == 64)
    }

    @Test("show and export records give a citation's target from the whole index")
    func targetsInShowAndExport() throws {
        let index = try IngestedCrossReferences()
        let show = try index.run(["show", "晋政办发〔2024〕30号", "--format", "jsonl"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("\"target\":\"国办发〔2024〕12号\""))
        let export = try index.run(["export", "records", "--format", "csv"])
        let citations = try CSVReader.rows(export.stdout).filter { $0["kind"] == "citation" }
        #expect(citations.count == 4)
        #expect(citations.map { $0["target"] ?? "" }.sorted() == ["", "", "国办发〔2024〕12号", "晋政办发〔2024〕30号"])
    }

    @Test("parse resolves citations among the files of one run")
    func parseLinks() throws {
        let result = try PolicyqBinary.run(["parse", shanxiPlan, nationalPlan])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"target\":\"国办发〔2024〕12号\""))
        let alone = try PolicyqBinary.run(["parse", shanxiPlan])
        #expect(!alone.stdout.contains("\"target\":\"国"))
    }
}
