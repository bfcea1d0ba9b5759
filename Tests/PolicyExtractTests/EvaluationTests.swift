import Foundation
import PolicyCore
import Testing
import TestSupport
@testable import PolicyExtract

@Suite("Evaluation: matching, gold files, peer suites")
struct EvaluationTests {
    static func record(_ kind: RecordKind, _ text: String, _ start: Int, _ fields: [String: JSONValue]) -> ScoredRecord {
        ScoredRecord(kind: kind, text: text, start: start, end: start + text.unicodeScalars.count, fields: fields)
    }

    @Test("a prediction is correct when it overlaps and its key fields agree")
    func matching() {
        let gold = [
            Self.record(.amount, "每辆最高2000元", 10, ["value": .number(2000), "qualifier": .string("max"), "currency": .string("CNY"), "per": .string("辆")]),
            Self.record(.percent, "50%", 40, ["value": .number(50), "qualifier": .string("exact"), "points": .bool(false)]),
            Self.record(.time, "2023年", 60, ["relation": .string("during"), "date_start": .string("2023-01-01"), "date_end": .string("2023-12-31")]),
        ]
        let predicted = [
            // right values, shorter span: correct
            Self.record(.amount, "2000元", 14, ["value": .number(2000), "qualifier": .string("max"), "currency": .string("CNY"), "per": .string("辆"), "inclusive": .bool(true)]),
            // wrong qualifier: wrong
            Self.record(.percent, "50%", 40, ["value": .number(50), "qualifier": .string("max"), "points": .bool(false)]),
            // nowhere near gold: spurious
            Self.record(.quantity, "3个", 90, ["value": .number(3), "unit": .string("个"), "qualifier": .string("exact")]),
        ]
        let match = RecordMatcher.match(gold: gold, predicted: predicted, kinds: [.amount, .percent, .time, .quantity])
        #expect(match.correct.count == 1)
        #expect(match.wrong.count == 1)
        #expect(match.missed.map(\.text) == ["2023年"])
        #expect(match.spurious.map(\.text) == ["3个"])
        let scores = match.scores
        #expect(scores[.amount]?.f1 == 1)
        #expect(scores[.percent]?.precision == 0)
        #expect(scores[.time]?.recall == 0)
        #expect(scores[.quantity]?.predicted == 1)
    }

    @Test("kinds a gold file does not cover are not scored")
    func coverage() {
        let predicted = [Self.record(.agency, "省商务厅", 0, ["normalized": .string("山西省商务厅"), "role": .string("responsible")])]
        #expect(RecordMatcher.match(gold: [], predicted: predicted, kinds: [.amount]).scores.isEmpty)
    }

    @Test("gold records without start are placed at successive occurrences of their text")
    func placement() {
        let gold = [ScoredRecord(kind: .percent, text: "50%", start: nil, end: nil, fields: [:]),
                    ScoredRecord(kind: .percent, text: "50%", start: nil, end: nil, fields: [:])]
        let placed = RecordMatcher.place(gold, in: Array("按50%补贴，再按50%奖励".unicodeScalars))
        #expect(placed.map(\.start) == [1, 9])
    }

    @Test("a gold file needs its header and well-formed records")
    func goldFormat() throws {
        let file = try GoldFile.parse("""
            {"type":"gold","source":"corpus/x.txt","covers":["amount","time"],"date":"2023-11-04","region":"山西省"}
            {"kind":"amount","text":"2亿元","start":5,"value":200000000,"currency":"CNY","qualifier":"exact"}

            """, path: "x.numbers.jsonl")
        #expect(file.covers == [.amount, .time])
        #expect(file.date == CivilDate(year: 2023, month: 11, day: 4))
        #expect(file.records.first?.fields["value"] == .number(200_000_000))
        #expect(throws: GoldFile.FormatError.self) { try GoldFile.parse("{\"kind\":\"amount\",\"text\":\"1元\"}", path: "bad") }
        #expect(throws: GoldFile.FormatError.self) {
            try GoldFile.parse("{\"type\":\"gold\",\"source\":\"x\"}\n{\"kind\":\"money\",\"text\":\"1元\"}", path: "bad")
        }
    }

    @Test("every gold record with a start names the exact source text there")
    func goldTextsMatchSources() throws {
        let directory = TestPaths.fixture("extract/gold")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }
        #expect(!names.isEmpty)
        for name in names {
            let gold = try GoldFile.load(path: directory.appendingPathComponent(name).path)
            let sourceURL = TestPaths.repository.appendingPathComponent(gold.source).standardizedFileURL
            guard gold.source.hasSuffix(".txt"), FileManager.default.fileExists(atPath: sourceURL.path) else { continue }
            let source = SourceText(path: gold.source, text: try TestPaths.text(sourceURL))
            for record in gold.records {
                guard let start = record.start, let end = record.end else { continue }
                #expect(source[Span(start: start, end: end)] == record.text, "\(name): \(record.text) at \(start)")
            }
        }
    }

    @Test("numerals read whole, as the number suites test them", arguments: [
        ("负三点八", -3.8), ("1.2万", 12000.0), ("壹佰万零伍拾肆", 1_000_054), ("四分之一", 0.25), ("壹拾壹元整", 11),
        ("玖仟陆佰陆拾伍圆壹角捌分", 9665.18), ("5万4千6百", 54600), ("3万4000", 34000), ("100万三千", 1_003_000),
        ("500余万", 5_000_000),
    ])
    func wholeNumerals(text: String, value: Double) {
        #expect(NumeralReading.wholeValue(text) == value)
    }

    @Test("not whole numerals", arguments: ["10.1万零100", "10..1万", "元整", "负", "零点", "零点零大", "陆地"])
    func notWholeNumerals(text: String) {
        #expect(NumeralReading.wholeValue(text) == nil)
    }

    @Test("every peer case that fits the contract passes or is listed with its reason")
    func peerSuite() throws {
        try #require(TestPaths.hasShared)
        let data = try Data(contentsOf: TestPaths.peerSuites.appendingPathComponent("in-our-contract/peer_cases.json"))
        let cases = try PeerSuite.load(data)
        #expect(cases.count == 621)
        let known = try PeerSuite.knownFailures(Data(contentsOf: TestPaths.fixture("extract/peer-known-failures.json")))
        let extractor = RecordExtractor()
        for peerCase in cases {
            let result = PeerSuite.run(peerCase, extractor: extractor)
            if known[peerCase.id] != nil {
                #expect(!result.passed, "\(peerCase.id) passes now: take it off peer-known-failures.json")
            } else {
                #expect(result.passed, "\(peerCase.id) fails: \(peerCase.input)")
            }
        }
    }
}
