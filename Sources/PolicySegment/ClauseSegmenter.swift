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
/// 3. Attachments (`附件1` + title) open a new numbering scope; `ClosingMatter` ends the last
///    clause of each scope before the 结束语, signature, 抄送 or a following news report.
/// 4. `ClauseTreeBuilder`: nesting by level, 款 inside articles, repeated slide headings skipped.
/// 5. `EnumerationFinder`: `一是…二是…` inside each clause's own text.
/// 6. Spans (label to the next clause's label, trailing blanks trimmed), paths, depths, and the
///    anomalies `NumberingChecker` reports.
public struct ClauseSegmenter: Sendable {
    public init() {}

    /// Segments `range` of `text` (a document's body in the normalized view of `source`).
    public func segment(_ text: NormalizedText, range: Range<Int>, documentID: String, source: SourceText) -> Segmentation {
        let range = range.clamped(to: 0..<text.count)
        let paragraphs = Self.paragraphs(of: text, in: range)
        var skipped = TableOfContents(view: text).entries(in: paragraphs)
        let attachments = attachmentStarts(paragraphs, skipped: skipped, text: text)
        var scopes = [Int](repeating: 0, count: paragraphs.count)
        var scope = 0
        for p in paragraphs.indices {
            if attachments.contains(p) { scope += 1 }
            scopes[p] = scope
        }
        let limits = cutClosingMatter(paragraphs, scopes: scopes, scopeCount: scope + 1, attachments: attachments,
                                      range: range, text: text, skipped: &skipped)

        var builder = ClauseTreeBuilder(view: text)
        builder.add(paragraphs, skipped: skipped, scopes: scopes, attachments: attachments)
        var drafts = builder.drafts
        addEnumerations(to: &drafts, limits: limits, text: text)
        return finish(drafts, limits: limits, text: text, documentID: documentID, source: source)
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
        for (index, var paragraph) in ranges.enumerated() {
            if quoted[index] {
                result.append(SegmentParagraph(range: paragraph, label: nil, view: text))
                continue
            }
            var label = reader.label(in: paragraph)
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
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where text.scalars[i] == "\n" {
            if i > start { result.append(start..<i) }
            start = i + 1
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
        return result
    }

    /// `附件1` alone on a line, followed by a title or by top-level numbering. Not an attachment
    /// list: `附件:` followed by `1.…` lines, by file names (`….pdf`), or by the signature and date
    /// (the attachments themselves come after the signature).
    private func attachmentStarts(_ paragraphs: [SegmentParagraph], skipped: [Bool], text: NormalizedText) -> Set<Int> {
        let closing = ClosingMatter(view: text)
        var result = Set<Int>()
        for (p, paragraph) in paragraphs.enumerated() where paragraph.label?.kind == .attachment && !skipped[p] {
            guard p + 1 < paragraphs.count else { continue }
            if let next = paragraphs[p + 1].label, next.kind.rank > ClauseKind.outline.rank { continue }
            if Self.isFileName(paragraphs[p + 1].range, in: text) { continue }
            let following = paragraphs[(p + 1)..<min(paragraphs.count, p + 5)]
            let firstLabel = following.firstIndex { $0.label != nil } ?? following.endIndex
            if following[..<firstLabel].contains(where: { closing.endsWithDate($0.range) }) { continue }
            result.insert(p)
        }
        // `附件:` + title, then `附件` + the same title: the first is the list, the second the attachment.
        for p in result where p + 3 < paragraphs.count && paragraphs[p + 2].label?.kind == .attachment {
            if text.string(paragraphs[p + 1].range) == text.string(paragraphs[p + 3].range) { result.remove(p) }
        }
        return result
    }

    /// `《…》.pdf`, `1.服务情况调查表.xlsx`: a line naming an attached file.
    static func isFileName(_ range: Range<Int>, in text: NormalizedText) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound && text.scalars[end - 1].isInlineSpace { end -= 1 }
        for ext in ["pdf", "doc", "docx", "xls", "xlsx", "wps", "ofd", "zip", "rar", "et"] {
            let count = ext.unicodeScalars.count
            guard end - count - 1 >= range.lowerBound else { continue }
            let dot = text.scalars[end - count - 1]
            if (dot == "." || dot == "。") && text.hasPrefix(ext, at: end - count) { return true }
        }
        return false
    }

    /// Finds the closing matter after the last label of each scope, marks it skipped, and returns
    /// where each scope's clauses must end (view index).
    private func cutClosingMatter(_ paragraphs: [SegmentParagraph], scopes: [Int], scopeCount: Int,
                                  attachments: Set<Int>, range: Range<Int>, text: NormalizedText,
                                  skipped: inout [Bool]) -> [Int] {
        let closing = ClosingMatter(view: text)
        var limits = [Int](repeating: range.upperBound, count: scopeCount)
        var p = 0
        while p < paragraphs.count {
            let scope = scopes[p]
            var end = p
            while end < paragraphs.count && scopes[end] == scope { end += 1 }
            if end < paragraphs.count { limits[scope] = paragraphs[end].range.lowerBound }
            // An attachment list (`附件:1.…` and the lines after it) is closing matter, labels and all.
            let listStart = (p..<end).first { q in
                let start = paragraphs[q].range.lowerBound
                return q > p && text.scalars[start] == "附" && start + 1 < text.count && text.scalars[start + 1] == "件"
                    && !attachments.contains(q)
            } ?? end
            let labelled = (p..<listStart).filter { paragraphs[$0].label != nil && !skipped[$0] }
            if let last = labelled.last {
                let lawLike = labelled.contains { paragraphs[$0].label?.kind == .article }
                for q in (last + 1)..<max(last + 1, end) {
                    let next = q + 1 < end ? paragraphs[q + 1].range : nil
                    if closing.startsClosingMatter(paragraphs[q].range, next: next, lawLike: lawLike) {
                        limits[scope] = paragraphs[q].range.lowerBound
                        for k in q..<end { skipped[k] = true }
                        break
                    }
                }
            }
            p = end
        }
        return limits
    }

    /// Adds the 一是/二是 members found in each clause's own text as its children.
    private func addEnumerations(to drafts: inout [ClauseDraft], limits: [Int], text: NormalizedText) {
        let finder = EnumerationFinder(view: text)
        let headings = HeadingReader(view: text)
        let count = drafts.count
        for index in 0..<count {
            let draft = drafts[index]
            let ownEnd = index + 1 < count ? min(drafts[index + 1].start, limits[draft.scope]) : limits[draft.scope]
            guard draft.bodyStart < ownEnd else { continue }
            for member in finder.members(in: draft.bodyStart..<ownEnd) {
                let lineEnd = text.firstIndex(of: "\n", from: member.bodyStart, before: ownEnd) ?? ownEnd
                let heading = headings.heading(in: member.bodyStart..<lineEnd, style: .sentence).heading
                let label = ClauseLabel(kind: .enumeration, text: ChineseNumeral.chinese(member.ordinal) + "是",
                                        ordinal: member.ordinal, subordinal: 0, start: member.start,
                                        bodyStart: member.bodyStart)
                drafts.append(ClauseDraft(label: label, parent: index, heading: heading, scope: draft.scope,
                                          headingKeyRange: member.start..<member.start))
            }
        }
    }

    /// Spans, paths, depths and diagnostics.
    private func finish(_ drafts: [ClauseDraft], limits: [Int], text: NormalizedText, documentID: String,
                        source: SourceText) -> Segmentation {
        let order = drafts.indices.sorted { drafts[$0].start < drafts[$1].start }
        let orphanDepths = orphanDepths(drafts)
        var paths = [String](repeating: "", count: drafts.count)
        var depths = [Int](repeating: 1, count: drafts.count)
        // Paths already given, by parent and number: two siblings with the same label get `~2`.
        var taken: [PathSlot: [String]] = [:]
        var clauses: [Clause] = []
        var entries: [NumberingChecker.Entry] = []
        clauses.reserveCapacity(drafts.count)
        for (position, index) in order.enumerated() {
            let draft = drafts[index]
            let prefix = draft.parent.map { paths[$0] + "/" } ?? ""
            var path = prefix + draft.label.text
            let slot = PathSlot(parent: draft.parent ?? -1, label: LabelKey(draft.label))
            var siblings = taken[slot] ?? []
            var copy = 2
            while siblings.contains(path) {
                path = prefix + draft.label.text + "~\(copy)"
                copy += 1
            }
            siblings.append(path)
            taken[slot] = siblings
            paths[index] = path
            depths[index] = draft.parent.map { depths[$0] + 1 } ?? orphanDepths[draft.scope][draft.kind.rank]
            var end = limits[draft.scope]
            if position + 1 < order.count { end = min(end, drafts[order[position + 1]].start) }
            end = max(trimmedEnd(text, start: draft.start, end: end), draft.start + 1)
            let span = text.sourceSpan(of: draft.start..<end)
            let line = source.lineNumber(at: span.start)
            clauses.append(Clause(id: documentID + "#" + path, docId: documentID, path: path, label: draft.label.text,
                                  ordinal: draft.label.ordinal, depth: depths[index], heading: draft.heading,
                                  text: source[span], span: span, kind: draft.kind,
                                  parentPath: draft.parent.map { paths[$0] }, line: line))
            entries.append(NumberingChecker.Entry(label: draft.label, parent: draft.parent, scope: draft.scope,
                                                  path: path, line: line))
        }
        let diagnostics = NumberingChecker().anomalies(entries).map {
            Diagnostic.warning($0.message, path: source.path, line: entries[$0.index].line)
        }
        return Segmentation(clauses: clauses, diagnostics: diagnostics)
    }

    /// Where a path could repeat: the same number at the same level under the same parent. Keyed by
    /// numbers, since hashing the Chinese path strings themselves is slow.
    private struct PathSlot: Hashable {
        var parent: Int
        var label: LabelKey
    }

    /// Depth of a clause without a parent, per scope and level: 1 plus the number of higher levels
    /// used in that scope — `(三)` before the first `二、` (its `一、` lost with page 1) is at depth 2.
    private func orphanDepths(_ drafts: [ClauseDraft]) -> [[Int]] {
        let scopes = (drafts.map(\.scope).max() ?? 0) + 1
        var levels = [Set<Int>](repeating: [], count: scopes)
        for draft in drafts where draft.kind != .paragraph && draft.kind != .enumeration {
            levels[draft.scope].insert(draft.kind.rank)
        }
        let ranks = ClauseKind.allCases.map(\.rank).max() ?? 0
        return levels.map { used in (0...ranks).map { rank in 1 + used.filter { $0 < rank }.count } }
    }

    /// Moves `end` back over line breaks, spaces and Markdown `#` markers before the next label.
    private func trimmedEnd(_ text: NormalizedText, start: Int, end: Int) -> Int {
        var end = end
        while end > start + 1 {
            let c = text.scalars[end - 1]
            guard c == "\n" || c.isInlineSpace || c == "#" else { break }
            end -= 1
        }
        return end
    }
}
