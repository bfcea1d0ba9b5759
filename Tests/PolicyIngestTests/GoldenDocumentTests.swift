import Foundation
import PolicyCore
import PolicyIngest
import Testing
import TestSupport

/// The document objects (contract JSON, one per line) of real files, against hand-checked golden
/// files in `Fixtures/golden/ingest/`. Clauses and records are not part of them (other stages).
/// `UPDATE_GOLDEN=1 swift test --filter GoldenDocumentTests` rewrites the files; check the diff.
@Suite("Golden documents of real files")
struct GoldenDocumentTests {
    static let cases: [(path: String, golden: String)] = [
        ("seeds/004_05cf267d81c50b92.txt", "seed-004-compilation"),
        ("seeds/003_8e1a330c50ec683c.txt", "seed-003-shanxi"),
        ("seeds/002_e51ee7e99adcee91.txt", "seed-002-news"),
        ("seeds/001_9b70f7b95cfe6732.txt", "seed-001-slides"),
        ("seeds/000_374253d85c90b5c1.txt", "seed-000-newspaper"),
        ("corpora/govcn-html/009_content_5357723.html", "govcn-009"),
        ("corpora/gbk/国办发〔2018〕129号_消费扶贫指导意见.gb2312-declared.html", "gbk-html"),
        ("corpora/pkulaw-txt/安徽省人民政府办公厅关于印发支持工业互联网...(FBM-CLI.12.4638041).txt", "pkulaw-anhui"),
        ("corpora/pkulaw-txt/中国(上海)自由贸易试验区临港新片区管理办法(FBM-CLI.11.1535062).txt", "pkulaw-shanghai"),
        ("corpora/laws-md/行政法规/优化营商环境条例(2019-10-22).md", "laws-md-business-environment"),
        ("corpora/laws-md/DLC/山东地方法规/地方性法规/山东/聊城市城镇容貌和环境卫生管理条例(2020-01-16).md", "laws-md-liaocheng"),
        ("corpora/docx/altchunk/中华人民共和国仲裁法/中华人民共和国仲裁法.docx", "docx-altchunk-arbitration"),
        ("corpora/docx/npc/中华人民共和国学位法_20240426.docx", "docx-npc-degrees"),
    ]

    @Test("document objects", arguments: cases)
    func documents(path: String, golden: String) throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let data = try Data(contentsOf: TestPaths.shared.appendingPathComponent(path))
        // The path as given is the `source` field: relative, so the golden files do not depend on the checkout.
        let file = try FileIngestor().ingest(data: data, path: path)
        let actual = file.documents.map { $0.document.json.compact + "\n" }.joined()
        let url = TestPaths.fixture("golden/ingest/\(golden).jsonl")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let actualLines = actual.split(separator: "\n"), expectedLines = expected.split(separator: "\n")
        #expect(actualLines.count == expectedLines.count, "\(golden): document count")
        for (a, e) in zip(actualLines, expectedLines) where a != e {
            Issue.record("\(golden):\n  expected \(e)\n  actual   \(a)")
        }
    }

    @Test("every document span indexes the source text and starts with visible text")
    func spans() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        for (path, _) in Self.cases {
            let file = try FileIngestor().ingest(path: TestPaths.shared.appendingPathComponent(path).path)
            var previousEnd = 0
            for draft in file.documents {
                let span = draft.document.span
                #expect(span.start >= previousEnd && span.end <= file.source.count && span.start < span.end, "\(path)")
                #expect(file.source.scalars[span.start].isInlineSpace == false, "\(path) \(span)")
                #expect(draft.range.contains(draft.bodyStart) || draft.bodyStart == draft.range.upperBound)
                previousEnd = span.end
            }
        }
    }
}
