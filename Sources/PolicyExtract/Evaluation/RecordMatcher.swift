import PolicyCore

/// Precision, recall and F1 of one kind.
public struct KindScore: Sendable, Equatable {
    public var gold = 0
    public var predicted = 0
    public var correct = 0

    public init() {}

    public var precision: Double { predicted == 0 ? (gold == 0 ? 1 : 0) : Double(correct) / Double(predicted) }
    public var recall: Double { gold == 0 ? 1 : Double(correct) / Double(gold) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    public static func += (a: inout KindScore, b: KindScore) {
        a.gold += b.gold
        a.predicted += b.predicted
        a.correct += b.correct
    }
}

/// How predictions met the gold records of one text.
public struct MatchResult: Sendable {
    /// Gold records with an overlapping prediction of the same kind whose key fields agree.
    public var correct: [(gold: ScoredRecord, predicted: ScoredRecord)] = []
    /// Gold records whose overlapping prediction has other values.
    public var wrong: [(gold: ScoredRecord, predicted: ScoredRecord)] = []
    public var missed: [ScoredRecord] = []
    public var spurious: [ScoredRecord] = []

    public var scores: [RecordKind: KindScore] {
        var result: [RecordKind: KindScore] = [:]
        for (g, _) in correct {
            result[g.kind, default: KindScore()].gold += 1
            result[g.kind, default: KindScore()].predicted += 1
            result[g.kind, default: KindScore()].correct += 1
        }
        for (g, p) in wrong {
            result[g.kind, default: KindScore()].gold += 1
            result[p.kind, default: KindScore()].predicted += 1
        }
        for g in missed { result[g.kind, default: KindScore()].gold += 1 }
        for p in spurious { result[p.kind, default: KindScore()].predicted += 1 }
        return result
    }
}

/// Matches predicted records to gold records: same kind and overlapping spans; a match is correct
/// when the key fields agree (`ScoredRecord.keyFields`). Each prediction matches one gold record
/// at most, preferring one whose fields agree.
public enum RecordMatcher {
    /// Gives gold records without `start` their span: the n-th occurrence of their text in
    /// `source`, n counting earlier gold records with the same text, or given by the record's
    /// `occurrence` field (1 for the first).
    public static func place(_ gold: [ScoredRecord], in source: [Unicode.Scalar]) -> [ScoredRecord] {
        var seen: [String: Int] = [:]
        return gold.map { record in
            guard record.start == nil else { return record }
            var placed = record
            let needle = Array(record.text.unicodeScalars)
            var n = seen[record.text, default: 0]
            if case .number(let k)? = record.fields["occurrence"], k >= 1 { n = Int(k) - 1 }
            seen[record.text] = n + 1
            if let at = occurrence(n, of: needle, in: source) {
                placed.start = at
                placed.end = at + needle.count
            }
            return placed
        }
    }

    static func occurrence(_ n: Int, of needle: [Unicode.Scalar], in source: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, needle.count <= source.count else { return nil }
        var found = 0
        for i in 0...(source.count - needle.count) where source[i] == needle[0] {
            if source[i..<(i + needle.count)].elementsEqual(needle) {
                if found == n { return i }
                found += 1
            }
        }
        return nil
    }

    /// Matches `predicted` against `gold`, considering only records of `kinds`.
    public static func match(gold: [ScoredRecord], predicted: [ScoredRecord], kinds: Set<RecordKind>) -> MatchResult {
        let gold = gold.filter { kinds.contains($0.kind) }
        var free = predicted.filter { kinds.contains($0.kind) }
        var result = MatchResult()
        var unmatched: [ScoredRecord] = []
        // First the agreeing pairs, then what overlaps with other values.
        for g in gold {
            if let k = free.firstIndex(where: { $0.kind == g.kind && $0.overlaps(g) && $0.agrees(with: g) }) {
                result.correct.append((g, free.remove(at: k)))
            } else {
                unmatched.append(g)
            }
        }
        for g in unmatched {
            if let k = free.firstIndex(where: { $0.kind == g.kind && $0.overlaps(g) }) {
                result.wrong.append((g, free.remove(at: k)))
            } else {
                result.missed.append(g)
            }
        }
        result.spurious = free
        return result
    }
}
