import PolicyCore

/// Pairs the measures of document A (typically provincial) with those of document B (typically
/// national) by content, not by number: renumbered, moved, merged and split measures pair up.
public struct ClauseAligner: Sendable {
    /// Minimum score for two measures to be the same measure. Chosen from the score distribution on
    /// real pairs (see DEVELOPERS.md, "Diff threshold"): true pairs of renumbered or reworded
    /// measures score well above it, unrelated measures of the same topic below it.
    public var threshold: Double
    /// Between this and `threshold`, two measures pair only when each is the other's best match
    /// (competitive linking): the same measure reworded scores low on shared bigrams alone.
    public var mutualFloor: Double
    /// A second partner (a merged or split measure) needs a somewhat higher score than a first one.
    public var extraPartnerMargin: Double
    /// Weight of record overlap (same agencies, same kinds of values) next to text similarity.
    public var recordWeight: Double

    public static let defaultThreshold = 0.3
    public static let defaultMutualFloor = 0.15

    public init(threshold: Double = ClauseAligner.defaultThreshold, mutualFloor: Double = ClauseAligner.defaultMutualFloor,
                extraPartnerMargin: Double = 0.1, recordWeight: Double = 0.15) {
        self.threshold = threshold
        self.mutualFloor = min(mutualFloor, threshold)
        self.extraPartnerMargin = extraPartnerMargin
        self.recordWeight = recordWeight
    }

    /// A pairing of measures: both sides for a pair, one side for a measure with no counterpart.
    public struct Alignment: Sendable {
        public var a: MeasureUnit?
        public var b: MeasureUnit?
        public var score: Double?
    }

    /// Aligns the measures of A and B. The result lists A's measures in A's order, each followed
    /// by the B measures that have no counterpart and come after its partner in B.
    public func align(_ a: [MeasureUnit], _ b: [MeasureUnit]) -> [Alignment] {
        let similarity = TextSimilarity(texts: a.map(\.text) + b.map(\.text))
        let va = Array(similarity.vectors[0..<a.count])
        let vb = Array(similarity.vectors[a.count...])
        var candidates: [(i: Int, j: Int, score: Double)] = []
        var bestOfA = [Double](repeating: 0, count: a.count), bestOfB = [Double](repeating: 0, count: b.count)
        for i in a.indices {
            for j in b.indices {
                let text = TextSimilarity.cosine(va[i], vb[j])
                guard text > mutualFloor * 0.5 else { continue }
                let score = combine(text: text, recordOverlap: Self.recordOverlap(a[i].records, b[j].records))
                guard score >= mutualFloor else { continue }
                candidates.append((i, j, score))
                bestOfA[i] = max(bestOfA[i], score)
                bestOfB[j] = max(bestOfB[j], score)
            }
        }
        // Below the threshold, only a pair of measures that are each other's best counterpart.
        candidates.removeAll { $0.score < threshold && ($0.score < bestOfA[$0.i] || $0.score < bestOfB[$0.j]) }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : ($0.i, $0.j) < ($1.i, $1.j) }
        // Greedy one-to-one on the best scores first, then second partners (merge/split).
        var partnersOfA: [Int: [(Int, Double)]] = [:]
        var matchedB = Set<Int>()
        for c in candidates where partnersOfA[c.i] == nil && !matchedB.contains(c.j) {
            partnersOfA[c.i] = [(c.j, c.score)]
            matchedB.insert(c.j)
        }
        var extraA: [Int: (Int, Double)] = [:]  // unmatched A measure → already-matched B measure
        for c in candidates where c.score >= threshold + extraPartnerMargin {
            if partnersOfA[c.i] == nil && extraA[c.i] == nil && matchedB.contains(c.j) {
                extraA[c.i] = (c.j, c.score)
            } else if !matchedB.contains(c.j), partnersOfA[c.i] != nil {
                partnersOfA[c.i]!.append((c.j, c.score))
                matchedB.insert(c.j)
            }
        }
        // Lay the result out in A's order; B-only measures go after the partner of their predecessor.
        var partnerRow: [Int: Int] = [:]  // B index → row where it is paired
        var rows: [Alignment] = []
        for i in a.indices {
            if let partners = partnersOfA[i] {
                for (j, score) in partners.sorted(by: { $0.0 < $1.0 }) {
                    partnerRow[j] = rows.count
                    rows.append(Alignment(a: a[i], b: b[j], score: score))
                }
            } else if let (j, score) = extraA[i] {
                rows.append(Alignment(a: a[i], b: b[j], score: score))
            } else {
                rows.append(Alignment(a: a[i], b: nil, score: nil))
            }
        }
        var insertions: [(after: Int, alignment: Alignment)] = []
        var lastRow = -1
        for j in b.indices {
            if let row = partnerRow[j] { lastRow = row; continue }
            insertions.append((lastRow, Alignment(a: nil, b: b[j], score: nil)))
        }
        // Insert from the bottom up so earlier row numbers stay valid; among insertions after the
        // same row, the last in B's order goes in first, which leaves them in B's order.
        let ordered = insertions.enumerated().sorted { ($0.element.after, $0.offset) > ($1.element.after, $1.offset) }
        for (_, insertion) in ordered {
            rows.insert(insertion.alignment, at: insertion.after + 1)
        }
        return rows
    }

    func combine(text: Double, recordOverlap: Double?) -> Double {
        guard let overlap = recordOverlap else { return text }
        return (1 - recordWeight) * text + recordWeight * overlap
    }

    /// Jaccard overlap of what two measures' records are about: agencies by normalized name, values
    /// by kind and unit. Nil when neither has records.
    static func recordOverlap(_ a: [PolicyRecord], _ b: [PolicyRecord]) -> Double? {
        func features(_ records: [PolicyRecord]) -> Set<String> {
            Set(records.compactMap { record in
                switch record.value {
                case .agency(_, let normalized, _): return "agency:" + Self.agencyStem(normalized)
                case .amount(_, _, let per): return "amount:" + (per ?? "")
                case .percent(_, let points): return "percent:\(points)"
                case .quantity(_, let unit, _): return "quantity:" + unit
                case .time(let relation, _, _, _): return "time:" + relation.rawValue
                case .citation(let title, let number, _): return "cite:" + (number ?? title ?? "")
                }
            })
        }
        let fa = features(a), fb = features(b)
        guard !fa.isEmpty || !fb.isEmpty else { return nil }
        return Double(fa.intersection(fb).count) / Double(fa.union(fb).count)
    }

    /// An agency name without its region and level words, so `山西省商务厅` and `商务部` compare
    /// as the same line of government (`商务`).
    static func agencyStem(_ name: String) -> String {
        var scalars = Array(name.unicodeScalars)[...]
        if let match = Gazetteer.shared.match(in: scalars, at: scalars.startIndex) {
            scalars = scalars.dropFirst(match.length)
        }
        var stem = String(String.UnicodeScalarView(scalars))
        for prefix in ["国家", "国务院", "中华人民共和国", "省", "市", "县", "各"] where stem.hasPrefix(prefix) {
            stem = String(stem.dropFirst(prefix.count))
        }
        for suffix in ["部", "厅", "局", "委", "委员会", "办公室", "办"] where stem.hasSuffix(suffix) && stem.count > suffix.count + 1 {
            stem = String(stem.dropLast(suffix.count))
            break
        }
        return stem
    }
}
