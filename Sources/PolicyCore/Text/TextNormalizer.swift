/// Builds the `NormalizedText` view of a source text.
///
/// What it does, in order:
/// 1. Characters: NFKC (full-width digits, letters and punctuation become ASCII: `２０２３（一）` →
///    `2023(一)`), `«»` → `《》`, dashes unified to `-` (en dash, minus, hyphens) or `—`, a `.` used as
///    a full stop after Chinese text → `。`. Circled numbers (①…⑳) are kept: they are list labels.
///    Zero-width characters and byte-order marks vanish.
/// 2. Whitespace: a run of spaces next to Chinese text (or at either end of a line) is removed;
///    elsewhere it becomes one ASCII space (`2024 年 11 月` → `2024年11月`, `GDP growth` stays).
/// 3. Lines: every paragraph becomes one line. In `.paragraphs` mode each source line is a
///    paragraph; in `.hardWrapped` mode (text copied out of PDFs and newspapers) a line break is
///    removed when the line before it is full-width and does not end a sentence, and blank lines are
///    ignored in double-spaced text; `.automatic` decides per file from the line-length profile.
///
/// Source ranges listed in `dropping` (page numbers, running headers, markup) are left out; a line
/// that consists only of dropped text disappears entirely, so a sentence broken by a page break is
/// joined across it.
public struct TextNormalizer: Sendable {
    public enum LineMode: String, Sendable, CaseIterable {
        /// Every source line is a paragraph (Markdown, HTML, DOCX, database exports).
        case paragraphs
        /// Lines are wrapped at a fixed width (PDF text, newspaper columns): join soft breaks.
        case hardWrapped
        /// Decide from the text: hard-wrapped if many full-width lines end mid-sentence.
        case automatic
    }

    public var lineMode: LineMode

    public init(lineMode: LineMode = .automatic) {
        self.lineMode = lineMode
    }

    /// Normalizes `range` of `source` (the whole text by default), leaving out `dropping`.
    public func normalize(_ source: SourceText, range: Range<Int>? = nil, dropping: [Range<Int>] = []) -> NormalizedText {
        let lines = Self.normalizedLines(source, range: range ?? 0..<source.count, dropping: dropping)
        let layout = LineLayout(lines)
        let wrapped: Bool
        switch lineMode {
        case .paragraphs: wrapped = false
        case .hardWrapped: wrapped = true
        case .automatic: wrapped = layout.looksHardWrapped
        }
        return Self.join(lines, layout: layout, hardWrapped: wrapped)
    }

    /// Whether `source` looks like hard-wrapped text (what `.automatic` would decide).
    public static func looksHardWrapped(_ source: SourceText, dropping: [Range<Int>] = []) -> Bool {
        LineLayout(normalizedLines(source, range: 0..<source.count, dropping: dropping)).looksHardWrapped
    }

    // MARK: - Lines

    /// One source line after character and whitespace normalization.
    struct Line {
        var text = NormalizedText()
        /// Source range of the line terminator that follows it (empty at end of text).
        var terminator: Range<Int>
        /// Columns of whitespace the source line starts with (an indented first line of a paragraph).
        var indent: Int
        /// The line was blank in the source (not merely emptied by `dropping`).
        var isBlank: Bool
        var width: Int
    }

    static func normalizedLines(_ source: SourceText, range: Range<Int>, dropping: [Range<Int>]) -> [Line] {
        let scalars = source.scalars
        let drops = dropping.sorted { $0.lowerBound < $1.lowerBound }
        var dropIndex = 0
        var cache: [UInt32: [Unicode.Scalar]] = [:]
        var lines: [Line] = []
        var i = range.lowerBound
        let end = min(range.upperBound, scalars.count)
        while i < end {
            // Find the line's end and its terminator.
            var j = i
            while j < end && !scalars[j].isLineTerminator { j += 1 }
            var next = j
            if next < end {
                next += (scalars[next].value == 0x0D && next + 1 < end && scalars[next + 1].value == 0x0A) ? 2 : 1
            }
            var line = Line(terminator: j..<next, indent: 0, isBlank: true, width: 0)
            var pendingSpace: Range<Int>? = nil
            var sawDropped = false
            var leading = true
            var k = i
            while k < j {
                while dropIndex < drops.count && drops[dropIndex].upperBound <= k { dropIndex += 1 }
                if dropIndex < drops.count && drops[dropIndex].contains(k) {
                    sawDropped = true
                    k = min(drops[dropIndex].upperBound, j)
                    continue
                }
                let c = scalars[k]
                if c.isInlineSpace || c.value < 0x20 || c.value == 0x7F {
                    if isIgnorable(c) { k += 1; continue }
                    if leading { line.indent += c.value == 0x3000 ? 2 : 1 }
                    pendingSpace = pendingSpace.map { $0.lowerBound..<(k + 1) } ?? (k..<(k + 1))
                    k += 1
                    continue
                }
                leading = false
                line.isBlank = false
                // A cluster: the scalar plus any combining marks after it.
                var clusterEnd = k + 1
                while clusterEnd < j && isCombining(scalars[clusterEnd]) { clusterEnd += 1 }
                let mapped: [Unicode.Scalar]
                if clusterEnd == k + 1 {
                    mapped = mapScalar(c, cache: &cache)
                } else {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: scalars[k..<clusterEnd])
                    mapped = Array(ICU.nfkc(String(view)).unicodeScalars)
                }
                if let space = pendingSpace, let first = mapped.first, let last = line.text.scalars.last {
                    if !last.isWide && !first.isWide { line.text.append(" ", from: space.lowerBound, to: space.upperBound) }
                }
                pendingSpace = nil
                for m in mapped {
                    line.text.append(m, from: k, to: clusterEnd)
                    line.width += m.displayWidth
                }
                k = clusterEnd
            }
            if sawDropped && line.isBlank {
                // Only page furniture on this line: it vanishes, terminator and all.
                i = next
                continue
            }
            fixFullStops(&line.text)
            lines.append(line)
            i = next
        }
        return lines
    }

    @inline(__always)
    static func isIgnorable(_ c: Unicode.Scalar) -> Bool {
        c.value == 0xFEFF || c.value == 0x200B || (0x200C...0x200F).contains(c.value)
    }

    @inline(__always)
    static func isCombining(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (0x0300...0x036F).contains(v) || (0x3099...0x309A).contains(v) || (0xFE20...0xFE2F).contains(v)
    }

    /// The normalized form of one scalar. Hot: ASCII and Hanzi return at once; full-width ASCII is
    /// shifted arithmetically; everything else goes through ICU once per distinct scalar.
    @inline(__always)
    static func mapScalar(_ c: Unicode.Scalar, cache: inout [UInt32: [Unicode.Scalar]]) -> [Unicode.Scalar] {
        let v = c.value
        if v < 0x80 || c.isHan { return [c] }
        if v >= 0xFF01 && v <= 0xFF5E { return [Unicode.Scalar(v - 0xFEE0)!] }
        switch v {
        case 0x00AB: return ["《"]
        case 0x00BB: return ["》"]
        case 0x2039: return ["〈"]
        case 0x203A: return ["〉"]
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63: return ["-"]
        case 0x2015: return ["—"]
        case 0x301C: return ["~"]
        case 0x3001...0x301F, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7, 0x2460...0x2473:
            return [c]
        default:
            if let known = cache[v] { return known }
            let mapped = Array(ICU.nfkc(String(Character(c))).unicodeScalars)
            let result = mapped.isEmpty ? [c] : mapped
            cache[v] = result
            return result
        }
    }

    /// A `.` written as a full stop after Chinese text (common in PDF text) becomes `。`, so that
    /// sentence ends look alike everywhere. Decimal points and list labels (`一.`, `1.`) are kept.
    static func fixFullStops(_ text: inout NormalizedText) {
        let s = text.scalars
        guard s.contains(".") else { return }
        for i in 1..<max(1, s.count) where s[i] == "." {
            let before = s[i - 1]
            // After Chinese text a `.` cannot be a decimal point.
            guard before.isHan || before == ")" || before == "”" || before == "》" || before == "」" else { continue }
            // `通知.pdf`, `清单.xls`: a file name's extension, not a sentence end.
            if i + 1 < s.count && s[i + 1].isASCIILetter { continue }
            // `一.`/`十二.` at the start of a line is a label, not a sentence end.
            if s[0..<i].allSatisfy({ ChineseNumeral.digitValue($0) != nil || ChineseNumeral.unitValue($0) != nil }) {
                continue
            }
            text.scalars[i] = "。"
        }
    }

    // MARK: - Line layout and joining

    /// The line-length profile of a text, for telling hard-wrapped from paragraph text.
    struct LineLayout {
        /// Width (in columns) of a full line of the text's wrapping.
        var fullWidth: Int
        var looksHardWrapped: Bool
        /// Blank lines separate every line (double-spaced PDF text), so they mean nothing.
        var doubleSpaced: Bool

        init(_ lines: [Line]) {
            let widths = lines.filter { !$0.isBlank }.map(\.width).sorted()
            guard let widest = widths.last else {
                fullWidth = Int.max
                looksHardWrapped = false
                doubleSpaced = false
                return
            }
            // With few lines there is no profile: measure against the widest line.
            let p80 = widths.count >= 4 ? widths[(widths.count * 8) / 10] : widest
            fullWidth = max(8, (p80 * 85) / 100)
            // Count lines that are full and stop mid-sentence: the signature of hard wrapping.
            var contentLines = 0, wrappedLines = 0
            var gaps = 0, blankGaps = 0
            var blanksBefore = 0
            var seenContent = false
            for line in lines {
                if line.isBlank { blanksBefore += 1; continue }
                if seenContent {
                    gaps += 1
                    if blanksBefore > 0 { blankGaps += 1 }
                }
                seenContent = true
                blanksBefore = 0
                guard line.width >= 16 else { continue }
                contentLines += 1
                if line.width >= fullWidth && !TextNormalizer.endsSentence(line.text.scalars) { wrappedLines += 1 }
            }
            looksHardWrapped = p80 <= 140 && contentLines >= 4 && wrappedLines * 10 >= contentLines * 3
            doubleSpaced = gaps > 0 && blankGaps * 10 >= gaps * 7
        }
    }

    /// Whether a line ends a sentence (or a heading that cannot continue on the next line).
    static func endsSentence(_ s: [Unicode.Scalar]) -> Bool {
        guard var last = s.last else { return true }
        var i = s.count - 1
        // Look through closing quotes and brackets: `…。”` ends a sentence, `(…)` does not.
        while i > 0 && (last == "”" || last == "’" || last == "」" || last == "』") {
            i -= 1
            last = s[i]
        }
        switch last {
        case "。", "!", "?", "…": return true
        case ";", ":":
            // `(责任单位:` at the end of a line opens a list that continues on the next one.
            var depth = 0
            for c in s[..<i].reversed() {
                if c == ")" { depth += 1 } else if c == "(" {
                    if depth == 0 { return false }
                    depth -= 1
                }
            }
            return true
        default: return false
        }
    }

    /// A date line (`2024年3月28日`) or a 发文字号 line (`国办发〔2024〕15号`): it never continues the
    /// line before it (a title wrapped to full width) nor runs on into the next.
    static func standsAlone(_ s: [Unicode.Scalar]) -> Bool {
        guard let first = s.first, let last = s.last, s.count <= 32 else { return false }
        if last == "日" && s.count <= 16 && (first.isASCIIDigit || ChineseNumeral.digitValue(first) != nil) {
            return s.contains("年") && s.contains("月")
        }
        if last == "号" {
            return s.contains { $0 == "〔" || $0 == "[" } && s.contains { $0 == "〕" || $0 == "]" }
        }
        return false
    }

    /// A line ending in a web address (`…/P020241216533893185529.doc`): Chinese text on the next
    /// line does not continue it.
    static func endsWithURL(_ s: [Unicode.Scalar]) -> Bool {
        let space = s.lastIndex(where: { $0 == " " || $0.isWide }) ?? -1
        let tail = s[(space + 1)...]
        return tail.count > 8 && (tail.starts(with: "http://".unicodeScalars) || tail.starts(with: "https://".unicodeScalars))
    }

    /// Words a document's title ends with.
    static let titleEndings: [String] = ["通知", "意见", "方案", "措施", "办法", "条例", "规定", "细则", "决定", "计划",
                                         "规划", "纲要", "批复", "公告", "通告", "指南", "规则"]

    /// A full-width line without any sentence punctuation that ends like a title
    /// (`关于完善现代商贸流通体系推动批发零售业高质量发展的行动计划`): the body starts on the next line.
    static func isTitleLine(_ s: [Unicode.Scalar]) -> Bool {
        if s.contains(where: { $0 == "," || $0 == "。" || $0 == ";" || $0 == ":" || $0 == "!" || $0 == "?" }) { return false }
        var end = s.count
        if end > 0 && s[end - 1] == ")", let open = s.lastIndex(of: "(") { end = open }
        if end > 0 && s[end - 1] == "》" { end -= 1 }
        let body = s[0..<end]
        return titleEndings.contains { ending in
            let e = Array(ending.unicodeScalars)
            return body.count > e.count && Array(body.suffix(e.count)) == e
        }
    }

    /// `…各市人民政府)` / `…》` / `…”`: a line that may end a paragraph if a label follows.
    static func endsWithCloser(_ s: [Unicode.Scalar]) -> Bool {
        guard let last = s.last else { return false }
        return last == ")" || last == "》" || last == "”" || last == "」" || last == "]" || last == "】"
    }

    /// Whether a line starts with a clause label: `(二)`, `二、`, `第三条`, `第二章`, `3.`, `3、`, `①`.
    /// A light check for line joining; the segmenter has the full grammar.
    public static func startsWithLabel(_ s: [Unicode.Scalar]) -> Bool {
        guard let first = s.first else { return false }
        func isNumeral(_ c: Unicode.Scalar) -> Bool {
            c.isASCIIDigit || ChineseNumeral.digitValue(c) != nil || ChineseNumeral.unitValue(c) != nil
        }
        if (0x2460...0x2473).contains(first.value) { return true }
        var i = 0
        if first == "(" || first == "第" { i = 1 }
        let numeralStart = i
        while i < s.count && i < numeralStart + 6 && isNumeral(s[i]) { i += 1 }
        guard i > numeralStart, i < s.count else { return false }
        switch (first, s[i]) {
        case ("(", ")"): return true
        case ("第", "条"), ("第", "章"), ("第", "节"), ("第", "编"): return true
        case (_, "、") where first != "(" && first != "第": return true
        case (_, ".") where first.isASCIIDigit: return i + 1 < s.count && !s[i + 1].isASCIIDigit
        default: return false
        }
    }

    static func join(_ lines: [Line], layout: LineLayout, hardWrapped: Bool) -> NormalizedText {
        var out = NormalizedText()
        out.scalars.reserveCapacity(lines.reduce(0) { $0 + $1.text.count + 1 })
        out.sourceStarts.reserveCapacity(out.scalars.capacity)
        out.sourceEnds.reserveCapacity(out.scalars.capacity)
        var previous: Line? = nil
        var blankRun = 0
        var pendingBreak: Range<Int>? = nil
        for line in lines {
            if line.isBlank {
                blankRun += 1
                continue
            }
            if let prev = previous, let brk = pendingBreak {
                let soft = hardWrapped
                    && (blankRun == 0 || layout.doubleSpaced)
                    && prev.width >= layout.fullWidth
                    && !endsSentence(prev.text.scalars)
                    && line.indent < 2
                    && !(endsWithCloser(prev.text.scalars) && startsWithLabel(line.text.scalars))
                    && !standsAlone(line.text.scalars) && !standsAlone(prev.text.scalars)
                    && !isTitleLine(prev.text.scalars)
                    && !(endsWithURL(prev.text.scalars) && line.text.scalars.first?.isHan == true)
                if soft {
                    if let a = prev.text.scalars.last, let b = line.text.scalars.first, a.isASCIILetter, b.isASCIILetter {
                        out.append(" ", from: brk.lowerBound, to: brk.upperBound)
                    }
                } else {
                    out.append("\n", from: brk.lowerBound, to: brk.upperBound)
                }
            }
            appendLine(line.text, to: &out)
            previous = line
            pendingBreak = line.terminator
            blankRun = 0
        }
        if let brk = pendingBreak {
            out.append("\n", from: brk.lowerBound, to: brk.upperBound)
        }
        return out
    }

    private static func appendLine(_ text: NormalizedText, to out: inout NormalizedText) {
        out.scalars.append(contentsOf: text.scalars)
        out.sourceStarts.append(contentsOf: text.sourceStarts)
        out.sourceEnds.append(contentsOf: text.sourceEnds)
    }
}
