import Foundation
import PolicyCore

/// A case of the peer suites restated in our contract (`peer-suites/in-our-contract/peer_cases.json`):
/// a sentence, the records expected in it, and the kinds for which the list is exhaustive.
public struct PeerCase: Sendable {
    public var id: String
    public var suite: String
    public var input: String
    public var expect: [ScoredRecord]
    /// Kinds for which `expect` is complete: any other record of these kinds is a false positive.
    public var covers: Set<RecordKind>
    public var referenceDate: CivilDate?
    public var note: String
}

/// The outcome of one peer case.
public struct PeerCaseResult: Sendable {
    public var id: String
    public var suite: String
    public var passed: Bool
    public var match: MatchResult
    /// Expected time records whose dates agree, the relation left aside (how the peers are scored).
    public var timeDatesAgreeing: Int
}

/// Runs the extractor on the peer cases.
public enum PeerSuite {
    /// Reference date for cases that give none (they hold absolute dates only), as the peers were run.
    public static let defaultReferenceDate = CivilDate(year: 2024, month: 6, day: 1)

    public static func load(_ data: Data) throws -> [PeerCase] {
        guard case .array(let items) = try JSONValue.parse(data) else { return [] }
        return items.compactMap { item in
            guard case .string(let id)? = item["id"], case .string(let input)? = item["input"],
                  case .array(let expected)? = item["expect"] else { return nil }
            var covers: Set<RecordKind> = []
            if case .array(let kinds)? = item["covers"] {
                for case .string(let k) in kinds { if let kind = RecordKind(rawValue: k) { covers.insert(kind) } }
            }
            var reference: CivilDate? = nil
            if case .string(let iso)? = item["ref_date"] { reference = CivilDate(iso: iso) }
            var suite = "", note = ""
            if case .string(let s)? = item["suite"] { suite = s }
            if case .string(let n)? = item["note"] { note = n }
            return PeerCase(id: id, suite: suite, input: input, expect: expected.compactMap(ScoredRecord.init(json:)),
                            covers: covers, referenceDate: reference, note: note)
        }
    }

    /// `[{"id": "rt-028", "reason": "…"}]`: cases known to fail, with the reason.
    public static func knownFailures(_ data: Data) throws -> [String: String] {
        guard case .array(let items) = try JSONValue.parse(data) else { return [:] }
        var result: [String: String] = [:]
        for item in items {
            if case .string(let id)? = item["id"], case .string(let reason)? = item["reason"] { result[id] = reason }
        }
        return result
    }

    /// The records the extractor finds in `input`, with spans into it.
    public static func extract(_ input: String, referenceDate: CivilDate?,
                               extractor: RecordExtractor = RecordExtractor()) -> [ScoredRecord] {
        let source = SourceText(path: "-", text: input)
        let view = TextNormalizer(lineMode: .paragraphs).normalize(source)
        let context = ExtractionContext(documentDate: referenceDate)
        return extractor.extract(view, range: 0..<view.count, context: context).map { extraction in
            let span = view.sourceSpan(of: extraction.range)
            return ScoredRecord(value: extraction.value, text: source[span], span: span)
        }
    }

    public static func run(_ peerCase: PeerCase, extractor: RecordExtractor = RecordExtractor()) -> PeerCaseResult {
        let predicted = extract(peerCase.input, referenceDate: peerCase.referenceDate ?? defaultReferenceDate,
                                extractor: extractor)
        let kinds = peerCase.covers.union(peerCase.expect.map(\.kind))
        let match = RecordMatcher.match(gold: peerCase.expect, predicted: predicted, kinds: kinds)
        let falsePositives = match.spurious.filter { peerCase.covers.contains($0.kind) }
        let passed = match.wrong.isEmpty && match.missed.isEmpty && falsePositives.isEmpty
        let dates = peerCase.expect.filter { $0.kind == .time }.filter { g in
            predicted.contains { $0.kind == .time && $0.overlaps(g) && $0.agrees(with: g, fields: ["date_start", "date_end"]) }
        }.count
        return PeerCaseResult(id: peerCase.id, suite: peerCase.suite, passed: passed, match: match, timeDatesAgreeing: dates)
    }
}
