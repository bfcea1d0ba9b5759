import PolicyCore

/// Reads the numbering label at the start of a paragraph of the normalized view.
///
/// Labels are recognized only where a paragraph begins, so `(一)` quoted inside running text and
/// `依照本法第二十条规定` never start a clause. At a paragraph start it still refuses what is
/// not a label: `1.5倍`, `2023年`, `20个县`, and article references that happen to begin a
/// paragraph (`第二十条规定的…`, `第十条第二款`, `(一)至(三)项`).
struct LabelReader {
    let view: NormalizedText

    init(_ view: NormalizedText) {
        self.view = view
    }

    /// The label at the start of `paragraph` (a line of the view without its `\n`), or nil.
    func label(in paragraph: Range<Int>) -> ClauseLabel? {
        let s = view.scalars
        let end = paragraph.upperBound
        var i = paragraph.lowerBound
        // Markdown heading markers (`## 第一章 总则`) are tolerated.
        if i < end && s[i] == "#" {
            while i < end && s[i] == "#" { i += 1 }
            while i < end && s[i].isInlineSpace { i += 1 }
        }
        guard i < end else { return nil }
        let c = s[i]
        if c == "第" { return structural(at: i, end: end) }
        if c == "(" { return bracketed(at: i, end: end) }
        if (0x2460...0x2473).contains(c.value) {
            let ordinal = Int(c.value) - 0x245F
            return ClauseLabel(kind: .circled, text: String(Character(c)), ordinal: ordinal, subordinal: 0,
                               start: i, bodyStart: skipSeparators(from: i + 1, end: end))
        }
        if c.isASCIIDigit { return arabic(at: i, end: end) }
        if c == "附" { return attachment(at: i, end: end) }
        if Self.isLabelNumeral(c) { return outline(at: i, end: end) }
        return nil
    }

    /// Where a deeper 章/节/条 label starts inside the heading line of `label` (a 编, 章 or 节), when
    /// the source runs them together with only spaces between: `第一章　总则　　第一条　为规范…`.
    func runOnLabel(after label: ClauseLabel, in paragraph: Range<Int>) -> Int? {
        guard label.kind.rank <= ClauseKind.section.rank else { return nil }
        let s = view.scalars
        let limit = min(paragraph.upperBound - 2, label.bodyStart + HeadingReader.maxLineHeading)
        var i = label.bodyStart + 1
        while i < limit {
            if s[i] == "第", view.sourceStarts[i] > view.sourceEnds[i - 1],
               let inner = structural(at: i, end: paragraph.upperBound), inner.kind.rank > label.kind.rank {
                return i
            }
            i += 1
        }
        return nil
    }

    /// `第十七条` alone on its line and `之一` alone on the next: the label `第十七条之一`, its text
    /// starting after the second line.
    func insertedArticle(_ label: ClauseLabel, in paragraph: Range<Int>, suffix next: Range<Int>) -> ClauseLabel? {
        let s = view.scalars
        guard label.kind == .article, label.subordinal == 0, label.bodyStart >= paragraph.upperBound,
              next.count >= 2, next.count <= 4, s[next.lowerBound] == "之",
              let sub = Self.ordinal(s[(next.lowerBound + 1)..<next.upperBound]) else { return nil }
        var inserted = label
        inserted.text += view.string(next)
        inserted.subordinal = sub
        inserted.bodyStart = next.upperBound
        return inserted
    }

    // MARK: - The label forms

    /// `第十条`, `第一百三十三条之一`, `第二章`, `第一节`, `第一编`.
    private func structural(at start: Int, end: Int) -> ClauseLabel? {
        let s = view.scalars
        let numeralStart = start + 1
        let numeralEnd = numeralRun(from: numeralStart, end: end, maxLength: 8, arabic: true)
        guard numeralEnd > numeralStart, numeralEnd < end,
              let ordinal = Self.ordinal(s[numeralStart..<numeralEnd]) else { return nil }
        let kind: ClauseKind
        switch s[numeralEnd] {
        case "条": kind = .article
        case "章": kind = .chapter
        case "节": kind = .section
        case "编": kind = .part
        default: return nil
        }
        guard ordinal <= (kind == .article ? 5000 : 200) else { return nil }
        var labelEnd = numeralEnd + 1
        var subordinal = 0
        // 第一百三十三条之一: an article inserted by an amendment.
        if kind == .article, labelEnd + 1 < end, s[labelEnd] == "之" {
            let subEnd = numeralRun(from: labelEnd + 1, end: end, maxLength: 4, arabic: false)
            if subEnd > labelEnd + 1, let sub = Self.ordinal(s[(labelEnd + 1)..<subEnd]) {
                subordinal = sub
                labelEnd = subEnd
            }
        }
        if !isSeparated(at: labelEnd, end: end) && continuesAsReference(at: labelEnd, end: end) { return nil }
        return ClauseLabel(kind: kind, text: view.string(start..<labelEnd), ordinal: ordinal, subordinal: subordinal,
                           start: start, bodyStart: skipSeparators(from: labelEnd, end: end))
    }

    /// `(一)` (item) and `(1)` (sub-subitem).
    private func bracketed(at start: Int, end: Int) -> ClauseLabel? {
        let s = view.scalars
        let numeralStart = start + 1
        guard numeralStart < end else { return nil }
        let arabic = s[numeralStart].isASCIIDigit
        let numeralEnd = arabic
            ? digitRun(from: numeralStart, end: end, maxLength: 3)
            : numeralRun(from: numeralStart, end: end, maxLength: 5, arabic: false)
        guard numeralEnd > numeralStart, numeralEnd < end, s[numeralEnd] == ")",
              let ordinal = Self.ordinal(s[numeralStart..<numeralEnd]) else { return nil }
        let labelEnd = numeralEnd + 1
        if continuesAsItemReference(at: labelEnd, end: end) { return nil }
        return ClauseLabel(kind: arabic ? .subsubitem : .item, text: view.string(start..<labelEnd), ordinal: ordinal,
                           subordinal: 0, start: start, bodyStart: skipSeparators(from: labelEnd, end: end))
    }

    /// `1.`, `1、` (subitem); not `1.5倍`, `2023.10`, `2023年`, `20个县`.
    private func arabic(at start: Int, end: Int) -> ClauseLabel? {
        let s = view.scalars
        let numeralEnd = digitRun(from: start, end: end, maxLength: 3)
        guard numeralEnd < end, s[numeralEnd] == "." || s[numeralEnd] == "、",
              let ordinal = Self.ordinal(s[start..<numeralEnd]) else { return nil }
        // A digit after the point: a decimal number or a date, not a label.
        if s[numeralEnd] == ".", numeralEnd + 1 < end, s[numeralEnd + 1].isASCIIDigit { return nil }
        return ClauseLabel(kind: .subitem, text: view.string(start..<numeralEnd), ordinal: ordinal, subordinal: 0,
                           start: start, bodyStart: skipSeparators(from: numeralEnd + 1, end: end))
    }

    /// `一、`, `十二.` (the 公文 top level).
    private func outline(at start: Int, end: Int) -> ClauseLabel? {
        let s = view.scalars
        let numeralEnd = numeralRun(from: start, end: end, maxLength: 4, arabic: false)
        guard numeralEnd < end, s[numeralEnd] == "、" || s[numeralEnd] == ".",
              let ordinal = Self.ordinal(s[start..<numeralEnd]), ordinal <= 100 else { return nil }
        return ClauseLabel(kind: .outline, text: view.string(start..<numeralEnd), ordinal: ordinal, subordinal: 0,
                           start: start, bodyStart: skipSeparators(from: numeralEnd + 1, end: end))
    }

    /// `附件`, `附件1`, `附件一`, `附件2:` alone on a line (an attachment list like `附件:1.…`
    /// or `附件:某某清单` is not an attachment).
    private func attachment(at start: Int, end: Int) -> ClauseLabel? {
        let s = view.scalars
        guard start + 1 < end, s[start + 1] == "件" else { return nil }
        let numeralStart = start + 2
        var numeralEnd = digitRun(from: numeralStart, end: end, maxLength: 2)
        if numeralEnd == numeralStart { numeralEnd = numeralRun(from: numeralStart, end: end, maxLength: 3, arabic: false) }
        var ordinal = 1
        if numeralEnd > numeralStart {
            guard let value = Self.ordinal(s[numeralStart..<numeralEnd]) else { return nil }
            ordinal = value
        }
        var i = numeralEnd
        while i < end && (s[i] == ":" || s[i].isInlineSpace) { i += 1 }
        guard i == end else { return nil }
        return ClauseLabel(kind: .attachment, text: view.string(start..<numeralEnd), ordinal: ordinal, subordinal: 0,
                           start: start, bodyStart: end)
    }

    // MARK: - Pieces

    /// Chinese numerals that occur in clause labels (not 万/亿, not the 洞/幺 of spoken numbers).
    static func isLabelNumeral(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "零", "〇", "两": return true
        default: return false
        }
    }

    /// The integer value of a label's numeral (at least 1), or nil.
    static func ordinal(_ numeral: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let first = numeral.first, first != "零", first != "〇" else { return nil }
        guard let value = ChineseNumeral.integerValue(of: numeral), value >= 1 else { return nil }
        return value
    }

    private func numeralRun(from start: Int, end: Int, maxLength: Int, arabic: Bool) -> Int {
        let s = view.scalars
        var i = start
        if arabic && i < end && s[i].isASCIIDigit { return digitRun(from: start, end: end, maxLength: 4) }
        while i < end && i - start < maxLength && Self.isLabelNumeral(s[i]) { i += 1 }
        return i
    }

    private func digitRun(from start: Int, end: Int, maxLength: Int) -> Int {
        let s = view.scalars
        var i = start
        while i < end && s[i].isASCIIDigit { i += 1 }
        return i - start <= maxLength ? i : start
    }

    /// Spaces, `、`, `.` and `:` between a label and its text.
    func skipSeparators(from start: Int, end: Int) -> Int {
        let s = view.scalars
        var i = start
        while i < end && (s[i].isInlineSpace || s[i] == "、" || s[i] == "." || s[i] == ":") { i += 1 }
        return i
    }

    /// Whether the source had whitespace right after the label (the view drops spaces next to
    /// Hanzi, so `第一条　为了` reads `第一条为了`; the offset map still shows the gap).
    private func isSeparated(at index: Int, end: Int) -> Bool {
        guard index < end else { return true }
        if view.scalars[index].isInlineSpace { return true }
        return view.sourceStarts[index] > view.sourceEnds[index - 1]
    }

    /// After `第N条` written without a space: text that makes it a reference, not a label
    /// (`第二十条规定的`, `第十条第二款`, `第三条、第四条`, `第五条的`, `第六条之规定`).
    private func continuesAsReference(at i: Int, end: Int) -> Bool {
        let s = view.scalars
        guard i < end else { return false }
        let next: Unicode.Scalar? = i + 1 < end ? s[i + 1] : nil
        switch s[i] {
        case "的", "、", ",", "。", ";", ":", ")", "”", "》", "〕", "等", "之": return true
        case "和", "及", "或", "与", "至", "到": return next == "第" || next == "(" || next == nil
        case "第": return next.map(Self.isLabelNumeral) ?? false
        case "规": return next == "定"
        case "所": return next == "称" || next == "规" || next == "列" || next == "述" || next == "指"
        case "中": return next == "的" || next == "规" || next == "所"
        case "以": return next == "下" || next == "上" || next == "外"
        default: return false
        }
    }

    /// After `(一)`: a list of item references (`(一)至(三)项`, `(一)、(二)项规定`), not a label.
    private func continuesAsItemReference(at i: Int, end: Int) -> Bool {
        let s = view.scalars
        guard i < end else { return false }
        switch s[i] {
        case "至", "到", "、", ",", "和", "或", "及": return i + 1 < end && s[i + 1] == "("
        case "项":
            guard i + 1 < end else { return true }
            return "规所的中情".unicodeScalars.contains(s[i + 1])
        default: return false
        }
    }
}
