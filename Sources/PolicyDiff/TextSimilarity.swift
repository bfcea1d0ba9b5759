import Foundation
import PolicyCore

/// Character-bigram TF-IDF vectors with numbers masked, compared by cosine similarity.
///
/// Numbers are masked (`2000元` and `3000元` look alike; so do `第十条` and `第十二条`) because a
/// provincial measure usually restates the national one with different figures — the figures are
/// compared separately, as typed values. IDF is taken over the units of both documents, so the
/// boilerplate every measure shares (加强, 推动, 支持) weighs little.
public struct TextSimilarity: Sendable {
    /// A sparse vector: sorted bigram keys with their weights, unit length.
    public struct Vector: Sendable {
        public var keys: [UInt64]
        public var weights: [Double]
        public var isEmpty: Bool { keys.isEmpty }
    }

    public private(set) var vectors: [Vector] = []

    /// Builds vectors for `texts` with IDF computed over all of them.
    public init(texts: [String]) {
        let counts = texts.map(Self.bigramCounts)
        var documentFrequency: [UInt64: Int] = [:]
        for c in counts { for key in c.keys { documentFrequency[key, default: 0] += 1 } }
        let n = Double(texts.count)
        vectors = counts.map { c in
            var pairs = c.map { key, count -> (UInt64, Double) in
                let idf = log((n + 1) / (Double(documentFrequency[key] ?? 0) + 1)) + 1
                return (key, (1 + log(Double(count))) * idf)
            }
            pairs.sort { $0.0 < $1.0 }
            let norm = sqrt(pairs.reduce(0) { $0 + $1.1 * $1.1 })
            return Vector(keys: pairs.map(\.0), weights: norm > 0 ? pairs.map { $0.1 / norm } : pairs.map(\.1))
        }
    }

    /// Cosine similarity of two unit vectors (merge of sorted keys).
    public static func cosine(_ a: Vector, _ b: Vector) -> Double {
        var i = 0, j = 0
        var sum = 0.0
        while i < a.keys.count && j < b.keys.count {
            if a.keys[i] == b.keys[j] {
                sum += a.weights[i] * b.weights[j]
                i += 1
                j += 1
            } else if a.keys[i] < b.keys[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// Masked character bigrams: Hanzi and letters kept, any run of digits or Chinese numerals
    /// becomes one `#`, punctuation and spaces break the sequence.
    static func bigramCounts(_ text: String) -> [UInt64: Int] {
        var counts: [UInt64: Int] = [:]
        var previous: UInt32? = nil
        var lastWasNumber = false
        for c in text.unicodeScalars {
            var symbol: UInt32
            if c.isASCIIDigit || ChineseNumeral.digitValue(c) != nil || ChineseNumeral.unitValue(c) != nil
                || (lastWasNumber && (c == "." || c == ",")) {
                if lastWasNumber { continue }
                symbol = 0x23  // '#'
                lastWasNumber = true
            } else if c.isHan || c.isASCIILetter {
                symbol = c.isASCIILetter ? (c.value | 0x20) : c.value
                lastWasNumber = false
            } else {
                previous = nil
                lastWasNumber = false
                continue
            }
            if let p = previous { counts[UInt64(p) << 32 | UInt64(symbol), default: 0] += 1 }
            previous = symbol
        }
        return counts
    }
}
