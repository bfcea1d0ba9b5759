import PolicyCore

/// The paragraphs (lines) of a normalized view, each with its kind, computed on demand.
final class Paragraphs {
    let view: NormalizedText
    let source: SourceText
    /// Paragraph ranges in the view, without their `\n`.
    let ranges: [Range<Int>]
    private var kinds: [LineKind?]

    init(view: NormalizedText, source: SourceText, within limit: Range<Int>? = nil) {
        self.view = view
        self.source = source
        var ranges: [Range<Int>] = []
        let bounds = limit ?? 0..<view.count
        var start = bounds.lowerBound
        let scalars = view.scalars
        var i = bounds.lowerBound
        while i < bounds.upperBound {
            if scalars[i] == "\n" {
                if i > start { ranges.append(start..<i) }
                start = i + 1
            }
            i += 1
        }
        if start < bounds.upperBound { ranges.append(start..<bounds.upperBound) }
        self.ranges = ranges
        self.kinds = Array(repeating: nil, count: ranges.count)
    }

    var count: Int { ranges.count }
    var indices: Range<Int> { 0..<ranges.count }

    /// The normalized text of paragraph `i`.
    func text(_ i: Int) -> [Unicode.Scalar] { Array(view.scalars[ranges[i]]) }

    func string(_ i: Int) -> String { view.string(ranges[i]) }

    func length(_ i: Int) -> Int { ranges[i].count }

    /// The paragraph's text in the source (spaces between names of bodies are still there).
    func sourceText(_ i: Int) -> String { source[view.sourceSpan(of: ranges[i])] }

    /// Range in the view from the start of paragraph `a` to the end of paragraph `b - 1`, its
    /// line break included.
    func viewRange(_ paragraphs: Range<Int>) -> Range<Int> {
        guard !paragraphs.isEmpty else {
            let p = paragraphs.lowerBound < count ? ranges[paragraphs.lowerBound].lowerBound : view.count
            return p..<p
        }
        let lower = ranges[paragraphs.lowerBound].lowerBound
        var upper = ranges[paragraphs.upperBound - 1].upperBound
        if upper < view.count && view.scalars[upper] == "\n" { upper += 1 }
        return lower..<upper
    }

    /// 1-based source line of paragraph `i`.
    func line(_ i: Int) -> Int { source.lineNumber(at: Int(view.sourceStarts[ranges[i].lowerBound])) }

    /// Source offset where paragraph `i` begins.
    func sourceStart(_ i: Int) -> Int { Int(view.sourceStarts[ranges[i].lowerBound]) }

    /// Index of the first paragraph starting at or after source offset `offset`.
    func firstParagraph(atOrAfterSource offset: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if sourceStart(mid) < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    func kind(_ i: Int) -> LineKind {
        if let known = kinds[i] { return known }
        let kind = LineTagger.kind(of: text(i), sourceLine: { self.sourceText(i) })
        kinds[i] = kind
        return kind
    }
}
