import PolicyCore

/// The clause tree of one document and what was wrong with its numbering.
public struct Segmentation: Sendable {
    /// Clauses in document order (a parent before its children).
    public var clauses: [Clause]
    /// Numbering anomalies (gaps, duplicates, items starting at (三) …) as `path:line: warning:`.
    public var diagnostics: [Diagnostic]

    public init(clauses: [Clause] = [], diagnostics: [Diagnostic] = []) {
        self.clauses = clauses
        self.diagnostics = diagnostics
    }
}

/// Finds the numbered clause tree of a document: 第N编/章/节/条 (+ 款), 一、/（一）/1./（1）/①, 一是….
///
/// The steps, each in its own type:
/// 1. `LabelReader`: the label at the start of each paragraph (never inside running text, nor in
///    paragraphs inside a quotation, see `Quotations`).
/// 2. `TableOfContents`: heading lines of a 目录 are not clauses.
/// 3. `Attachments` (`附件1` + title) open a new numbering scope; `ClosingMatter` ends the last
///    clause of each scope before the 结束语, signature, 抄送 or a following news report.
/// 4. `ClauseTreeBuilder`: nesting by level, 款 inside articles, repeated slide headings skipped.
/// 5. `EnumerationFinder`: `一是…二是…` inside each clause's own text.
/// 6. `ClauseAssembler`: spans (label to the next clause's label, trailing blanks trimmed), paths,
///    depths, and the anomalies `NumberingChecker` reports.
///
/// At most `limits.maxClauses` clauses are made per document: past that, segmenting stops (the last
/// clause runs to the end of its scope) and a warning says so.
public struct ClauseSegmenter: Sendable {
    public var limits: InputLimits

    public init(limits: InputLimits = .standard) {
        self.limits = limits
    }

    /// Segments `range` of `text` (a document's body in the normalized view of `source`).
    public func segment(_ text: NormalizedText, range: Range<Int>, documentID: String, source: SourceText) -> Segmentation {
        let range = range.clamped(to: 0..<text.count)
        let paragraphs = Self.paragraphs(of: text, in: range)
        var skipped = TableOfContents(view: text).entries(in: paragraphs)
        let attachments = Attachments(view: text).starts(in: paragraphs, skipped: skipped)
        var scopes = [Int](repeating: 0, count: paragraphs.count)
        var scope = 0
        for p in paragraphs.indices {
            if attachments.contains(p) { scope += 1 }
            scopes[p] = scope
        }
        let scopeEnds = ClosingMatter(view: text).cut(paragraphs, scopes: scopes, scopeCount: scope + 1,
                                                   attachments: attachments, end: range.upperBound, skipped: &skipped)
        var builder = ClauseTreeBuilder(view: text)
        builder.add(paragraphs, skipped: skipped, scopes: scopes, attachments: attachments)
        var drafts = builder.drafts
        var capped = cap(&drafts)
        EnumerationFinder(view: text).addMembers(to: &drafts, limits: scopeEnds)
        capped = cap(&drafts) || capped
        var segmentation = ClauseAssembler(view: text, source: source, documentID: documentID).clauses(of: drafts, limits: scopeEnds)
        if capped {
            let line = range.isEmpty ? nil : source.lineNumber(at: Int(text.sourceStarts[range.lowerBound]))
            segmentation.diagnostics.append(.warning(
                "more than \(limits.maxClauses) clauses in document \(documentID); segmenting stopped there (the rest is in the last clause)",
                path: source.path, line: line))
        }
        return segmentation
    }

    /// Keeps the first `maxClauses` drafts (parents come before their children, so the tree stays whole).
    private func cap(_ drafts: inout [ClauseDraft]) -> Bool {
        guard drafts.count > limits.maxClauses else { return false }
        drafts.removeSubrange(max(0, limits.maxClauses)...)
        return true
    }

    // MARK: - Steps

    /// The paragraphs of `range` with their labels. A heading line that runs on into the next
    /// label (`第一章　总则　　第一条　为规范…`) counts as two paragraphs; paragraphs inside a
    /// quotation have no label.
    static func paragraphs(of text: NormalizedText, in range: Range<Int>) -> [SegmentParagraph] {
        let reader = LabelReader(text)
        let ranges = paragraphRanges(of: text, in: range)
        let quoted = Quotations(view: text).quoted(ranges)
        var result: [SegmentParagraph] = []
        var joined = Set<Int>()
        for (index, var paragraph) in ranges.enumerated() where !joined.contains(index) {
            if quoted[index] {
                result.append(SegmentParagraph(range: paragraph, label: nil, view: text))
                continue
            }
            var label = reader.label(in: paragraph)
            // `第十七条` / `之一` on two lines (a superscript lost in conversion): one label.
            if let article = label, index + 1 < ranges.count,
               let inserted = reader.insertedArticle(article, in: paragraph, suffix: ranges[index + 1]) {
                label = inserted
                paragraph = paragraph.lowerBound..<ranges[index + 1].upperBound
                joined.insert(index + 1)
            }
            while let current = label, let split = reader.runOnLabel(after: current, in: paragraph) {
                result.append(SegmentParagraph(range: paragraph.lowerBound..<split, label: current, view: text))
                paragraph = split..<paragraph.upperBound
                label = reader.label(in: paragraph)
            }
            result.append(SegmentParagraph(range: paragraph, label: label, view: text))
        }
        return result
    }

    static func paragraphRanges(of text: NormalizedText, in range: Range<Int>) -> [Range<Int>] {
        let s = text.scalars
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where s[i] == "\n" {
            if i > start { result.append(start..<i) }
            start = i + 1
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
        return result
    }

}
