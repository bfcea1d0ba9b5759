/// The normalized view of a source text that segmentation and extraction read.
///
/// It is NFKC-normalized, punctuation and whitespace are unified, and line breaks inside
/// paragraphs are removed: every paragraph is one line ending in `\n`. Each scalar remembers the
/// range of source scalars it came from, so any range of the view maps back to an exact span of
/// the original text (`sourceSpan(of:)`).
public struct NormalizedText: Sendable {
    public internal(set) var scalars: [Unicode.Scalar] = []
    /// Source offset where the text of each normalized scalar begins.
    public internal(set) var sourceStarts: [Int32] = []
    /// Source offset just after the text of each normalized scalar.
    public internal(set) var sourceEnds: [Int32] = []

    public init() {}

    public var count: Int { scalars.count }
    public var isEmpty: Bool { scalars.isEmpty }

    /// Appends one scalar that stands for the source range `[start, end)`.
    public mutating func append(_ scalar: Unicode.Scalar, from start: Int, to end: Int) {
        scalars.append(scalar)
        sourceStarts.append(Int32(truncatingIfNeeded: start))
        sourceEnds.append(Int32(truncatingIfNeeded: end))
    }

    /// The exact source span of a range of the view. An empty range maps to an empty span at the
    /// source position of the scalar it precedes.
    public func sourceSpan(of range: Range<Int>) -> Span {
        if range.isEmpty {
            if range.lowerBound < count { let p = Int(sourceStarts[range.lowerBound]); return Span(start: p, end: p) }
            let p = count > 0 ? Int(sourceEnds[count - 1]) : 0
            return Span(start: p, end: p)
        }
        return Span(start: Int(sourceStarts[range.lowerBound]), end: Int(sourceEnds[range.upperBound - 1]))
    }

    /// The normalized string of a range.
    public func string(_ range: Range<Int>) -> String {
        String(scalars: scalars[range.clamped(to: 0..<count)])
    }

    public var string: String { string(0..<count) }

    /// Paragraph ranges (without their `\n`), in order.
    public var paragraphs: [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for i in 0..<count where scalars[i] == "\n" {
            if i > start { result.append(start..<i) }
            start = i + 1
        }
        if start < count { result.append(start..<count) }
        return result
    }

    /// Index of the first occurrence of `needle` at or after `from`, or nil.
    public func firstIndex(of needle: String, from: Int = 0, before limit: Int? = nil) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard let first = pattern.first else { return from }
        let end = min(limit ?? count, count) - pattern.count
        var i = max(0, from)
        while i <= end {
            if scalars[i] == first {
                var j = 1
                while j < pattern.count && scalars[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Whether the view has `prefix` at `index`.
    public func hasPrefix(_ prefix: String, at index: Int) -> Bool {
        var i = index
        for s in prefix.unicodeScalars {
            guard i < count, scalars[i] == s else { return false }
            i += 1
        }
        return true
    }
}

extension NormalizedText {
    /// A normalized view of a plain string, for tests and for text pasted on the command line.
    public init(normalizing text: String, lineMode: TextNormalizer.LineMode = .paragraphs) {
        self = TextNormalizer(lineMode: lineMode).normalize(SourceText(path: "-", text: text))
    }
}
