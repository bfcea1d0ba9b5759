import Foundation
import PolicyCore
import PolicyDiff
import PolicyPipeline
import Testing
import TestSupport

/// Diffs of real provincial/national pairs (`corpora/laws-md/national_provincial_pairs.tsv`, the
/// seeds). The expected pairs were checked by hand (DEVELOPERS.md, "Diff threshold").
@Suite("Diffs of real provincial and national documents")
struct RealPairTests {
    /// The largest document of a file as a diff side.
    func side(_ url: URL) throws -> DiffSide {
        let parsed = try PolicyParser().parse(path: url.path)
        let document = try #require(parsed.documents.max { $0.clauses.count < $1.clauses.count })
        return DiffSide(document: document.document, clauses: document.clauses, records: document.records)
    }

    func laws(_ path: String) -> URL { TestPaths.corpora.appendingPathComponent("laws-md/" + path) }

    /// (A path, B path) of every pair with a score.
    func pairs(_ diff: DocumentDiff) -> Set<String> {
        Set(diff.pairs.compactMap { pair in
            guard let a = pair.a, let b = pair.b else { return nil }
            return a.clause.label + "↔" + b.clause.label
        })
    }

    @Test("上海市优化营商环境条例 vs 优化营商环境条例: renumbered articles pair up")
    func businessEnvironment() throws {
        try #require(TestPaths.hasShared)
        let diff = DocumentDiff(try side(laws("DLC/上海地方法规/地方性法规/上海/上海市优化营商环境条例(2020-04-10).md")),
                                try side(laws("行政法规/优化营商环境条例(2019-10-22).md")))
        let found = pairs(diff)
        for expected in ["第八条↔第八条", "第十六条↔第十六条", "第二十条↔第三十一条", "第五十四条↔第五十五条", "第六十六条↔第六十六条",
                         "第五十七条↔第五十八条", "第二十三条↔第三十七条", "第四十一条↔第四十六条"] {
            #expect(found.contains(expected), "\(expected)")
        }
        #expect(found.count >= 40)
        #expect(diff.count(.onlyInA) >= 20, "the Shanghai regulation adds many articles of its own")
    }

    @Test("浙江省实施《消费者权益保护法》办法 vs the law: duties of the consumer association, effective dates differ")
    func consumerProtection() throws {
        try #require(TestPaths.hasShared)
        let diff = DocumentDiff(try side(laws("DLC/浙江地方法规/地方性法规/浙江/浙江省实施《消费者权益保护法》办法(2017-03-31).md")),
                                try side(laws("民法商法/消费者权益保护法(2013-10-25).md")))
        #expect(pairs(diff).contains("第五条↔第三十七条"))
        let effective = try #require(diff.pairs.first { $0.a?.clause.label == "第四十一条" })
        #expect(effective.b?.clause.label == "第六十三条")
        #expect(effective.status == .changed)
        let expected = ValueDifference(field: "time", valueA: "from 2017-05-01", valueB: "from 1994-01-01")
        #expect(effective.differences.contains(expected))
    }

    @Test("Shanxi's 2023 measures vs the national 2025 action plan: the reworded measures that correspond")
    func shanxiSeed() throws {
        let diff = DocumentDiff(try side(TestPaths.corpusFile("shanxi-restore-expand-consumption-measures-2023.txt")),
                                try side(TestPaths.corpusFile("national-consumption-action-plan-2025-from-page-2.txt")))
        #expect(pairs(diff) == ["(十五)↔(十一)", "(三十一)↔(二十九)", "(十)↔(十六)"])
    }
}
