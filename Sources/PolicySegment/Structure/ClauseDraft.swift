import PolicyCore

/// A paragraph of the document body (a line of the normalized view) and the label it starts with.
struct SegmentParagraph {
    /// The paragraph's range in the view, without its `\n`.
    var range: Range<Int>
    var label: ClauseLabel?
    /// The text after the label, without the dots and page numbers of a table of contents
    /// (`总则……1` → `总则`): tells a repeated heading from a new one (`sameHeading`).
    var headingKeyRange: Range<Int>

    init(range: Range<Int>, label: ClauseLabel?, view: NormalizedText) {
        self.range = range
        self.label = label
        guard let label else {
            headingKeyRange = range.upperBound..<range.upperBound
            return
        }
        let s = view.scalars
        var end = range.upperBound
        while end > label.bodyStart {
            let c = s[end - 1]
            guard c.isInlineSpace || c.isASCIIDigit || c == "." || c == "…" || c == "·" || c == "-" || c == "—" else { break }
            end -= 1
        }
        headingKeyRange = label.bodyStart..<end
    }

    /// The heading key as a string, spaces left out (for hashing in `TableOfContents`).
    func headingKey(in view: NormalizedText) -> String {
        String(scalars: ArraySlice(view.scalars[headingKeyRange].filter { !$0.isInlineSpace }))
    }

    /// Whether two heading keys read the same, spaces aside.
    static func sameHeading(_ a: Range<Int>, _ b: Range<Int>, in view: NormalizedText) -> Bool {
        let s = view.scalars
        return s[a].lazy.filter { !$0.isInlineSpace }.elementsEqual(s[b].lazy.filter { !$0.isInlineSpace })
    }
}

/// A clause while the tree is being built: positions are indexes into the normalized view.
struct ClauseDraft {
    /// Its label. A 款 gets one made up by the builder (`第二款`, starting at its paragraph), an
    /// enumeration member `一是`.
    var label: ClauseLabel
    /// Index of the parent in the builder's draft list.
    var parent: Int?
    var heading: String?
    /// 0 for the main body; each attachment opens a new numbering scope.
    var scope: Int
    /// See `SegmentParagraph.headingKeyRange` (empty for 款 and enumerations).
    var headingKeyRange: Range<Int>

    /// Articles: whether the article's first paragraph (its own text) has been seen, so the next
    /// unlabelled paragraph starts a 款.
    var hasOwnParagraph = false
    /// Articles: how many 款 so far (the first paragraph is 款 1).
    var paragraphCount = 1

    var kind: ClauseKind { label.kind }
    /// View index where the clause starts.
    var start: Int { label.start }
    /// View index where its text after the label begins.
    var bodyStart: Int { label.bodyStart }
}
