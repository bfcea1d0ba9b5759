import PolicyCore

/// Recognizes where a document's closing matter begins after its last clause, so that the last
/// clause does not swallow it: the 结束语 (`各地区各部门要…`, `本文件自印发之日起执行`), the
/// signature and date, 抄送 lines, `(此件公开发布)`, an attachment list, and a news report that
/// follows in the same file (`新华社记者…`).
struct ClosingMatter {
    /// Signature and date lines are at most this long.
    static let maxSignatureLength = 40

    let view: NormalizedText

    /// Finds the closing matter after the last label of each scope, marks it skipped, and returns
    /// where each scope's clauses must end (view index).
    func cut(_ paragraphs: [SegmentParagraph], scopes: [Int], scopeCount: Int, attachments: Set<Int>, end bodyEnd: Int,
             skipped: inout [Bool]) -> [Int] {
        var limits = [Int](repeating: bodyEnd, count: scopeCount)
        var p = 0
        while p < paragraphs.count {
            let scope = scopes[p]
            var end = p
            while end < paragraphs.count && scopes[end] == scope { end += 1 }
            if end < paragraphs.count { limits[scope] = paragraphs[end].range.lowerBound }
            // An attachment list (`附件:1.…` and the lines after it) is closing matter, labels and all.
            let listStart = (p..<end).first { q in
                let start = paragraphs[q].range.lowerBound
                return q > p && view.scalars[start] == "附" && start + 1 < view.count && view.scalars[start + 1] == "件"
                    && !attachments.contains(q)
            } ?? end
            let labelled = (p..<listStart).filter { paragraphs[$0].label != nil && !skipped[$0] }
            if let last = labelled.last {
                let lawLike = labelled.contains { paragraphs[$0].label?.kind == .article }
                // After a heading line (`四、工作要求`) the next paragraph is its body, even when it
                // reads like a 结束语 (`各地区各部门要加强组织领导…`).
                let headingLine = isHeadingLine(paragraphs[last])
                for q in (last + 1)..<max(last + 1, end) {
                    let next = q + 1 < end ? paragraphs[q + 1].range : nil
                    let strictly = lawLike || (headingLine && q == last + 1)
                    if startsClosingMatter(paragraphs[q].range, next: next, lawLike: strictly) {
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

    /// A label with a short title and nothing else on its line.
    private func isHeadingLine(_ paragraph: SegmentParagraph) -> Bool {
        guard let label = paragraph.label else { return false }
        let rest = view.scalars[label.bodyStart..<paragraph.range.upperBound]
        return rest.count <= HeadingReader.maxLineHeading && !rest.contains("。")
    }

    /// Whether `paragraph` starts the closing matter. `next` is the paragraph after it; with
    /// `lawLike` (a document of articles, where an article's last 款 can read like a 结束语) only
    /// unmistakable closing lines count.
    func startsClosingMatter(_ paragraph: Range<Int>, next: Range<Int>?, lawLike: Bool) -> Bool {
        if isEndMark(paragraph) || endsWithDate(paragraph) { return true }
        if let next, isShortName(paragraph), endsWithDate(next) { return true }
        if lawLike { return false }
        return isClosingRemark(paragraph)
    }

    /// 抄送, `(此件公开发布)`, an attachment list, a news byline or dateline, a new Markdown title.
    private func isEndMark(_ p: Range<Int>) -> Bool {
        let marks = ["抄送", "抄报", "(此件", "此页无正文", "主题词", "(本文有删减)", "附件", "附:", "新华社记者", "(新华社",
                     "新华社北京", "本报记者", "(完)"]
        for mark in marks where view.hasPrefix(mark, at: p.lowerBound) { return true }
        // `# 标题`: the next document of a Markdown file (`##` and deeper are sections).
        return view.hasPrefix("#", at: p.lowerBound) && !view.hasPrefix("##", at: p.lowerBound)
    }

    /// `2023年11月4日`, `山西省人民政府办公厅 2023年11月6日印发`, `二〇二三年十一月四日`: a short line that ends in
    /// a date, optionally followed by 印发 or 发布.
    func endsWithDate(_ p: Range<Int>) -> Bool {
        let s = view.scalars
        guard p.count <= Self.maxSignatureLength else { return false }
        var end = p.upperBound
        while end > p.lowerBound && s[end - 1].isInlineSpace { end -= 1 }
        for suffix in ["印发", "发布", "公布"] where hasSuffix(suffix, end: end, start: p.lowerBound) {
            end -= suffix.unicodeScalars.count
        }
        guard end > p.lowerBound, s[end - 1] == "日" else { return false }
        var i = end - 1
        for unit in ["月", "年"] as [Unicode.Scalar] {
            let numeralEnd = i
            while i > p.lowerBound && isDateNumeral(s[i - 1]) { i -= 1 }
            guard numeralEnd - i >= 1, numeralEnd - i <= 4, i > p.lowerBound, s[i - 1] == unit else { return false }
            i -= 1
        }
        let yearEnd = i
        while i > p.lowerBound && isDateNumeral(s[i - 1]) { i -= 1 }
        guard yearEnd - i == 4 || yearEnd - i == 2 else { return false }
        return !s[p].contains { $0 == "。" || $0 == "," || $0 == ";" }
    }

    /// A signature name: short, no punctuation (`山西省人民政府办公厅`).
    private func isShortName(_ p: Range<Int>) -> Bool {
        guard !p.isEmpty, p.count <= Self.maxSignatureLength else { return false }
        return view.scalars[p].allSatisfy { $0.isHan || $0.isInlineSpace || $0 == "、" || $0 == "(" || $0 == ")" }
    }

    /// The 结束语 of a 公文: `各地区各部门要…`, `省各有关部门要…`, `本文件自印发之日起执行…`, `本方案由…负责解释`.
    private func isClosingRemark(_ p: Range<Int>) -> Bool {
        let s = view.scalars
        let head = s[p.lowerBound..<min(p.upperBound, p.lowerBound + 6)]
        if head.contains("各") {
            let window = s[p.lowerBound..<min(p.upperBound, p.lowerBound + 24)]
            if window.contains("要") { return true }
        }
        if s[p.lowerBound] == "本" {
            let window = Array(s[p.lowerBound..<min(p.upperBound, p.lowerBound + 40)])
            if let from = window.firstIndex(of: "自") {
                let rest = String(String.UnicodeScalarView(window[from...]))
                if rest.contains("施行") || rest.contains("执行") || rest.contains("实施") { return true }
            }
            if String(String.UnicodeScalarView(window)).contains("负责解释") { return true }
        }
        return false
    }

    private func isDateNumeral(_ c: Unicode.Scalar) -> Bool {
        c.isASCIIDigit || LabelReader.isLabelNumeral(c) || c == "○"
    }

    private func hasSuffix(_ suffix: String, end: Int, start: Int) -> Bool {
        let count = suffix.unicodeScalars.count
        guard end - count >= start else { return false }
        return view.hasPrefix(suffix, at: end - count)
    }
}
