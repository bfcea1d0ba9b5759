import PolicyCore

/// Finds tables of contents, whose lines repeat the headings of the body and must not become clauses.
///
/// Two forms: a `目录` line followed by short heading lines, which may be list items (`- (一) …`); it
/// ends where a heading it listed comes again, at a label of a higher level than any it listed (the
/// `三、` above the `(一)…(六)` a slide listed), or at the first line of running text. And, without a
/// `目录` line, a run of heading-only 编/章/节 lines with two of a level, whose headings come again
/// later (`第一章 总则 第二章 … 第一章 总则`).
struct TableOfContents {
    /// A line longer than this is running text, not a table-of-contents entry.
    static let maxEntryLength = 40

    let view: NormalizedText

    /// For each paragraph, whether it belongs to a table of contents.
    func entries(in paragraphs: [SegmentParagraph]) -> [Bool] {
        var inTable = [Bool](repeating: false, count: paragraphs.count)
        var p = 0
        while p < paragraphs.count {
            if isContentsTitle(paragraphs[p].range) {
                inTable[p] = true
                p = markListedEntries(after: p, in: paragraphs, marking: &inTable)
            } else {
                p += 1
            }
        }
        markUntitledTables(in: paragraphs, marking: &inTable)
        return inTable
    }

    /// `目录` (spaces and `#` markers aside).
    private func isContentsTitle(_ range: Range<Int>) -> Bool {
        var letters: [Unicode.Scalar] = []
        for i in range where !view.scalars[i].isInlineSpace && view.scalars[i] != "#" {
            letters.append(view.scalars[i])
            if letters.count > 2 { return false }
        }
        return letters == ["目", "录"]
    }

    /// Marks the entries after a `目录` line; returns the paragraph where the body resumes.
    private func markListedEntries(after title: Int, in paragraphs: [SegmentParagraph], marking inTable: inout [Bool]) -> Int {
        var listed = Set<EntryKey>()
        var highestListed = Int.max
        var p = title + 1
        while p < paragraphs.count {
            let paragraph = paragraphs[p]
            guard isShortLine(paragraph) else { break }
            if let entry = paragraph.label != nil ? paragraph : listItem(paragraph), let key = EntryKey(entry, view: view) {
                if listed.contains(key) { break }
                // A label above every listed level belongs to the body (listed items of one section).
                if paragraph.label != nil && key.label.kind.rank < highestListed && !listed.isEmpty { break }
                listed.insert(key)
                highestListed = min(highestListed, key.label.kind.rank)
            }
            inTable[p] = true
            p += 1
        }
        return p
    }

    /// A table-of-contents line written as a list item: `- 一、精准把握…`, `• (一) 在推动…`.
    private func listItem(_ paragraph: SegmentParagraph) -> SegmentParagraph? {
        let range = paragraph.range
        guard range.count > 2, ["-", "*", "•", "·"].contains(view.scalars[range.lowerBound]) else { return nil }
        var start = range.lowerBound + 1
        while start < range.upperBound && view.scalars[start].isInlineSpace { start += 1 }
        let inner = start..<range.upperBound
        guard let label = LabelReader(view).label(in: inner) else { return nil }
        return SegmentParagraph(range: inner, label: label, view: view)
    }

    /// A run of heading-only 编/章/节 lines with two of the same level (`第一章 总则 第二章 …`: chapters
    /// without articles between them), some of which come again after the run.
    private func markUntitledTables(in paragraphs: [SegmentParagraph], marking inTable: inout [Bool]) {
        let keys: [EntryKey?] = paragraphs.map { paragraph in
            guard let label = paragraph.label, isTitleLevel(label.kind), isShortLine(paragraph) else { return nil }
            return EntryKey(paragraph, view: view)
        }
        var lastSeen: [EntryKey: Int] = [:]
        for (p, key) in keys.enumerated() { if let key { lastSeen[key] = p } }
        var p = 0
        while p < paragraphs.count {
            guard !inTable[p], keys[p] != nil else { p += 1; continue }
            // The run ends where a heading of the run comes again: the body starts there.
            var run = Set<EntryKey>()
            var kinds = Set<ClauseKind>()
            var twoOfAKind = false
            var q = p
            while q < paragraphs.count, !inTable[q], let key = keys[q], !run.contains(key) {
                run.insert(key)
                twoOfAKind = twoOfAKind || !kinds.insert(key.label.kind).inserted
                q += 1
            }
            if twoOfAKind && run.contains(where: { (lastSeen[$0] ?? 0) >= q }) {
                for k in p..<q { inTable[k] = true }
            }
            p = q
        }
    }

    private func isTitleLevel(_ kind: ClauseKind) -> Bool {
        kind == .part || kind == .chapter || kind == .section
    }

    /// A line that could be a table-of-contents entry: short, no full stop.
    private func isShortLine(_ paragraph: SegmentParagraph) -> Bool {
        let range = paragraph.range
        guard range.count <= Self.maxEntryLength else { return false }
        return !view.scalars[range].contains("。")
    }
}

/// A heading line's identity for spotting repetitions: its label and heading text.
struct EntryKey: Hashable {
    var label: LabelKey
    var text: String

    init?(_ paragraph: SegmentParagraph, view: NormalizedText) {
        guard let label = paragraph.label else { return nil }
        self.label = LabelKey(label)
        text = paragraph.headingKey(in: view)
    }
}

/// A label's identity: level and number, wherever it stands.
struct LabelKey: Hashable {
    var kind: ClauseKind
    var ordinal: Int
    var subordinal: Int

    init(_ label: ClauseLabel) {
        kind = label.kind
        ordinal = label.ordinal
        subordinal = label.subordinal
    }
}
