import Foundation
import PolicyCore
@testable import PolicyPipeline
import PolicyIngest
import PolicySegment
import Testing
import TestSupport

/// Documents with absurd numbers of clauses: a warning and a stop at `InputLimits.maxClauses`, and
/// a 10,000-article document parsed with its records in the right clauses (record assignment is
/// O((clauses + records) log clauses), see `InnermostClause`).
@Suite("Clause limits and large documents")
struct ClauseLimitTests {
    /// `关于…的条例` with articles 第一条 … 第N条, each with an amount.
    static func articles(_ count: Int) -> String {
        var text = "关于测试的条例\n\n"
        for n in 1...count { text += "第\(ChineseNumeral.chinese(n))条 本条规定补贴\(n)元。\n" }
        return text
    }

    @Test("above 20,000 clauses: a warning, segmenting stops, no crash")
    func clauseLimit() throws {
        let parsed = try PolicyParser().parse(data: Data(Self.articles(20_050).utf8), path: "many.txt")
        let document = try #require(parsed.documents.first)
        #expect(document.clauses.count == InputLimits.standard.maxClauses)
        #expect(parsed.diagnostics.contains { $0.message.hasPrefix("more than 20000 clauses in document") })
        // The last clause holds the rest of the text.
        #expect(document.clauses.last?.text.contains("第二万零五十条") == true)
    }

    @Test("a smaller limit, as a segmenter option")
    func segmenterOption() throws {
        let file = try FileIngestor().ingest(data: Data(Self.articles(30).utf8), path: "few.txt")
        let draft = try #require(file.documents.first)
        let segmentation = ClauseSegmenter(limits: InputLimits(maxClauses: 10))
            .segment(file.normalized, range: draft.bodyStart..<draft.range.upperBound, documentID: "d", source: file.source)
        #expect(segmentation.clauses.count == 10)
        #expect(segmentation.diagnostics.contains { $0.message.hasPrefix("more than 10 clauses in document d") })
    }

    @Test("10,000 articles: every article a clause, every record in its article")
    func tenThousandArticles() throws {
        let parsed = try PolicyParser().parse(data: Data(Self.articles(10_000).utf8), path: "big.txt")
        let document = try #require(parsed.documents.first)
        #expect(document.clauses.count == 10_000)
        let amounts = document.records.filter { $0.value.kind == .amount }
        #expect(amounts.count == 10_000)
        let byID = Dictionary(uniqueKeysWithValues: document.clauses.map { ($0.id, $0) })
        for record in amounts {
            let clause = try #require(record.clauseId.flatMap { byID[$0] }, "\(record.id)")
            #expect(clause.span.contains(record.span))
            #expect(clause.text.contains(record.text))
        }
    }

    @Test("InnermostClause finds what the linear scan finds", arguments: 0..<6)
    func innermostMatchesLinearScan(seed: Int) {
        var state = UInt64(seed + 1) &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // Nested clause spans in document order (a parent before its children), and some odd ones.
        var clauses: [Clause] = []
        func add(_ start: Int, _ end: Int, depth: Int) {
            clauses.append(Clause(id: "c\(clauses.count)", docId: "d", path: "", label: "", ordinal: 0, depth: depth,
                                  heading: nil, text: "", span: Span(start: start, end: end), kind: .item, parentPath: nil, line: 1))
            guard depth < 4, end - start > 4 else { return }
            var position = start + next(3)
            while position < end - 2, next(4) > 0 {
                let childEnd = min(end, position + 1 + next(max(1, (end - start) / 2)))
                add(position, childEnd, depth: depth + 1)
                position = childEnd + next(2)
            }
        }
        var position = 0
        for _ in 0..<(5 + next(20)) {
            let end = position + 1 + next(200)
            add(position, end, depth: 1)
            position = end + next(3)
        }
        for _ in 0..<next(5) { let s = next(position + 1); add(s, s + next(50), depth: 1) }  // out of order, overlapping
        let spans = (0..<300).map { _ -> Span in
            let start = next(position + 10)
            return Span(start: start, end: start + next(12))
        }
        let fast = InnermostClause.indices(of: spans, in: clauses)
        for (i, span) in spans.enumerated() {
            #expect(fast[i] == clauses.lastIndex { $0.span.contains(span) }, "\(span)")
        }
    }
}
