import PolicyCore

/// Finds where attachments begin. An attachment (`附件1` + its title, after the signature) restarts
/// the numbering: its clauses go under an attachment clause (`附件1/一/(一)`).
struct Attachments {
    let view: NormalizedText

    /// `附件1` alone on a line, followed by a title or by top-level numbering. Not an attachment
    /// list: `附件:` followed by `1.…` lines, by file names (`….pdf`), or by the signature and date
    /// (the attachments themselves come after the signature).
    func starts(in paragraphs: [SegmentParagraph], skipped: [Bool]) -> Set<Int> {
        let closing = ClosingMatter(view: view)
        var result = Set<Int>()
        for (p, paragraph) in paragraphs.enumerated() where paragraph.label?.kind == .attachment && !skipped[p] {
            guard p + 1 < paragraphs.count else { continue }
            if let next = paragraphs[p + 1].label, next.kind.rank > ClauseKind.outline.rank { continue }
            if isFileName(paragraphs[p + 1].range) { continue }
            let following = paragraphs[(p + 1)..<min(paragraphs.count, p + 5)]
            let firstLabel = following.firstIndex { $0.label != nil } ?? following.endIndex
            if following[..<firstLabel].contains(where: { closing.endsWithDate($0.range) }) { continue }
            result.insert(p)
        }
        // `附件:` + title, then `附件` + the same title: the first is the list, the second the attachment.
        for p in result where p + 3 < paragraphs.count && paragraphs[p + 2].label?.kind == .attachment {
            if view.string(paragraphs[p + 1].range) == view.string(paragraphs[p + 3].range) { result.remove(p) }
        }
        return result
    }

    /// `《…》.pdf`, `1.服务情况调查表.xlsx`: a line naming an attached file.
    func isFileName(_ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound && view.scalars[end - 1].isInlineSpace { end -= 1 }
        for ext in ["pdf", "doc", "docx", "xls", "xlsx", "wps", "ofd", "zip", "rar", "et"] {
            let count = ext.unicodeScalars.count
            guard end - count - 1 >= range.lowerBound else { continue }
            let dot = view.scalars[end - count - 1]
            if (dot == "." || dot == "。") && view.hasPrefix(ext, at: end - count) { return true }
        }
        return false
    }
}
