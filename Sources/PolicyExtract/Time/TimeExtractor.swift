import PolicyCore

/// Dates, deadlines, periods, targets, effective dates and validity in one paragraph.
///
/// A time expression is an optional prefix (`自`, `从`, `截至`, `到`), a calendar period
/// (`CalendarParser`), then either a second period (`至2025年`: a range) or a suffix (`前`, `起`,
/// `以来`). Special forms: `自印发之日起` (from the document's date), `有效期5年` (validity),
/// `“十四五”期间` (five-year plans), and year ranges whose first year has no 年 (`1995-1997年`).
/// Relative durations (`售后1年内`, `连续3个月`) are not read: no calendar period starts them.
struct TimeExtractor: Sendable {
    func extract(_ s: [Unicode.Scalar], paragraph: Range<Int>, protected: ProtectedSpans,
                 context: ExtractionContext) -> [Extraction] {
        var reader = TimeExpressionReader(s: s, paragraph: paragraph, reference: context.documentDate)
        var sealed = RangeCursor(protected.sealedRanges)
        var result: [Extraction] = []
        // In an indicator's formula (计算方法：本年度收入/上一年度收入×100%) 本年度 and 上一年度
        // name no year; neither do year-less dates of a sentence that set a yearly schedule
        // (每年2月底前…，3月底前…).
        let formula = reader.isFormula()
        var recurringUntil = paragraph.lowerBound
        var i = paragraph.lowerBound
        let end = paragraph.upperBound
        while i < end {
            if let next = sealed.skip(at: i) {
                i = next
                continue
            }
            if reader.mayStart(at: i), let (range, value) = reader.expression(at: i),
               !protected.sealsAny(of: range) {
                if reader.isRecurring(before: range.lowerBound) {
                    recurringUntil = reader.sentenceEnd(after: range.upperBound)
                } else if !(value.hasNoWrittenYear && (formula || range.lowerBound < recurringUntil)) {
                    result.append(Extraction(value: value.record, range: range))
                }
                i = range.upperBound
                continue
            }
            i += 1
        }
        return result
    }
}

/// Reads time expressions one at a time, remembering what the paragraph said before (the last
/// written year for `当年`, the last start for `有效期`).
struct TimeExpressionReader {
    let s: [Unicode.Scalar]
    let paragraph: Range<Int>
    let reference: CivilDate?
    var parser: CalendarParser
    /// The start named last (`自2024年1月1日起施行，有效期5年`).
    var lastStart: CivilDate?
    /// Character classes, copied once per paragraph (a static is looked up on every use).
    let numerals = NumeralScanner.chineseNumeralCharacters
    let starters = TimeExpressionReader.starters
    let afterStarter = TimeExpressionReader.secondCharacters

    var end: Int { paragraph.upperBound }

    init(s: [Unicode.Scalar], paragraph: Range<Int>, reference: CivilDate?) {
        self.s = s
        self.paragraph = paragraph
        self.reference = reference
        self.parser = CalendarParser(s: s, paragraph: paragraph, reference: reference, lastWrittenYear: nil)
    }

    /// Characters a time expression may start with (besides digits and Chinese numerals).
    static let starters: ScalarSet = [
        "今", "明", "去", "前", "后", "後", "上", "下", "本", "当", "這", "这", "全", "大", "昨", "公", "自", "从", "由", "截",
        "到", "至", "直", "有", "年", "“", "首", "第", "Q", "来", "次", "延", "持", "执", "实",
    ]

    /// Characters that may follow a starter word's first character (`上半年`, `今天`, `年底`, `有效期`);
    /// a numeral or a digit may follow too (`到2027年`, `第三季度`).
    static let secondCharacters = ScalarSet(characters: "元半年个個月季一世度天日明旬效发布印公颁下签本施起从自至于底末内今去上后後前当这這全次来延长续至行到止"
        + "十四五三二“")

    /// Whether an expression may start at `i`.
    @inline(__always)
    func mayStart(at i: Int) -> Bool {
        let c = s[i]
        let previous: Unicode.Scalar = i > paragraph.lowerBound ? s[i - 1] : " "
        if c.isASCIIDigit { return !previous.isASCIIAlphanumeric && !previous.isASCIIDigit }
        if numerals.contains(c) { return !numerals.contains(previous) }
        guard starters.contains(c), i + 1 < end else { return false }
        let next = s[i + 1]
        return afterStarter.contains(next) || next.isASCIIDigit || numerals.contains(next) || next == "Q" || next == " "
            || c == "Q" || c == "“"
    }

    /// Whether the paragraph is a formula (`计算方法：`, `×`, `=`).
    func isFormula() -> Bool {
        parser.hasPrefix("计算方法", at: paragraph.lowerBound) || s[paragraph].contains { $0 == "×" || $0 == "=" || $0 == "÷" }
    }

    /// Where the sentence that goes on at `i` ends (`。`, `;`, or the paragraph's end).
    func sentenceEnd(after i: Int) -> Int {
        var j = i
        while j < end && s[j] != "。" && s[j] != ";" { j += 1 }
        return j
    }

    /// Whether `每年`, `每月` or `每季度` (and `的`/`于`) stand right before `i`.
    func isRecurring(before i: Int) -> Bool {
        var j = i
        if j > paragraph.lowerBound && (s[j - 1] == "的" || s[j - 1] == "于") { j -= 1 }
        guard j - 2 >= paragraph.lowerBound else { return false }
        return s[j - 2] == "每" && (s[j - 1] == "年" || s[j - 1] == "月" || s[j - 1] == "周")
            || j - 3 >= paragraph.lowerBound && s[j - 3] == "每" && s[j - 2] == "季" && s[j - 1] == "度"
    }

    // MARK: - Expressions

    /// The time expression at `i`: its range and value.
    mutating func expression(at i: Int) -> (Range<Int>, TimeValue)? {
        if let found = issueDateStart(at: i) ?? validity(at: i) ?? fiveYearPlan(at: i) { return found }
        var p = i
        var prefix: TimeWords.Prefix? = nil
        if let (length, word) = TimeWords.prefixes.longestMatch(in: s, at: p, limit: end) {
            let previous: Unicode.Scalar = i > paragraph.lowerBound ? s[i - 1] : " "
            if word != .target || !TimeWords.notBeforeTarget.contains(previous) {
                prefix = word
                p += length
            }
        }
        if let found = bareYearRange(at: p, prefix: prefix, start: i) { return found }
        guard let (aEnd, a) = parser.period(at: p) else { return nil }
        if a.hasWrittenYear { parser.lastWrittenYear = a.year }
        var found = range(from: a, ending: aEnd, start: prefix == nil ? p : i)
            ?? single(a, ending: aEnd, prefix: prefix, start: prefix == nil ? p : i)
        found?.1.hasNoWrittenYear = !a.hasWrittenYear
        return found
    }

    /// A period alone, with its suffix: `2025年前` (by), `2023年以来` (from), `到2027年` (target),
    /// `2023年11月4日` (on), `2023年下半年` (during), `年底` (by).
    mutating func single(_ a: CalendarPeriod, ending aEnd: Int, prefix: TimeWords.Prefix?,
                         start: Int) -> (Range<Int>, TimeValue)? {
        var k = aEnd
        var relation: TimeRelation
        switch prefix {
        case .from?: relation = .from
        case .by?: relation = .by
        case .target?: relation = .target
        case nil: relation = a.isEdge ? .by : a.isDay ? .on : .during
        }
        if a.isEdge && prefix == nil { relation = .by }
        if a.isRange && prefix == .from { relation = .during }  // 从10月到11月
        if let (length, _) = TimeWords.byAfter.longestMatch(in: s, at: k, limit: end), suffixCounts(at: k, length: length) {
            if relation != .target { relation = .by }
            k += length
        } else if let (length, _) = TimeWords.fromAfter.longestMatch(in: s, at: k, limit: end),
                  suffixCounts(at: k, length: length) {
            relation = .from
            k += length
        }
        let value: TimeValue
        switch relation {
        case .on: value = TimeValue(relation: .on, start: a.start, end: a.end)
        case .during, .validity: value = TimeValue(relation: .during, start: a.start, end: a.end)
        case .by, .target: value = TimeValue(relation: relation, start: nil, end: a.end)
        case .from:
            value = TimeValue(relation: .from, start: a.start, end: nil)
            lastStart = a.start
        }
        return (start..<k, value)
    }

    /// Whether a suffix word at `k` is one: `前` not in `前往`, `后` not in `后续`, `起` not in `起草`.
    func suffixCounts(at k: Int, length: Int) -> Bool {
        let after = k + length
        guard after < end else { return true }
        if length == 1 && (s[k] == "前") { return !"往进列沿景提期夕行身述款条项端三两".unicodeScalars.contains(s[after]) }
        if length == 1 && (s[k] == "后" || s[k] == "起") { return !TimeWords.notAfterFromWord.contains(s[after]) }
        return true
    }

    /// `2023年—2027年`, `2022年10月至2025年`, `8月至2月`, `一月十日到十二日`, `去年到现在`,
    /// `自2020-05-26起至2020-05-29止`: during, from the first start to the second end.
    mutating func range(from a: CalendarPeriod, ending aEnd: Int, start: Int) -> (Range<Int>, TimeValue)? {
        var j = aEnd
        while j < end && s[j] == " " { j += 1 }
        guard let (length, _) = TimeWords.rangeSeparators.longestMatch(in: s, at: j, limit: end) else { return nil }
        var q = j + length
        while q < end && s[q] == " " { q += 1 }
        let inherit = CalendarParser.Inherited(year: a.year, month: a.month, century: a.year / 100)
        var b: CalendarPeriod
        var bEnd: Int
        if let (close, period) = parser.period(at: q, inherit: inherit) {
            b = period
            bEnd = close
            if b.hasWrittenYear { parser.lastWrittenYear = b.year }
        } else if let close = now(at: q), let reference {
            b = CalendarPeriod.on(reference)
            bEnd = close
        } else {
            return nil
        }
        // 8月至2月: the second end, without a year, falls in the next year.
        if !b.hasWrittenYear && b.start < a.start,
           let (close, next) = parser.period(at: q, inherit: CalendarParser.Inherited(year: a.year + 1, month: nil, century: nil)) {
            b = next
            bEnd = close
        }
        guard a.start <= b.end else { return nil }
        if let (length, _) = TimeWords.rangeClosers.longestMatch(in: s, at: bEnd, limit: end) { bEnd += length }
        return (start..<bEnd, TimeValue(relation: .during, start: a.start, end: b.end))
    }

    /// `现在`, `今`, `目前`: the document's date, as the end of a range.
    func now(at q: Int) -> Int? {
        if parser.hasPrefix("现在", at: q) || parser.hasPrefix("目前", at: q) { return q + 2 }
        if q < end && s[q] == "今" { return q + 1 }
        return nil
    }

    /// `1995-1997年`, `2020至2025年前`, `1985到89年9月`, `从2016到2018`: the first year has no 年.
    mutating func bareYearRange(at p: Int, prefix: TimeWords.Prefix?, start: Int) -> (Range<Int>, TimeValue)? {
        guard p < end, s[p].isASCIIDigit else { return nil }
        var j = p
        while j < end && s[j].isASCIIDigit { j += 1 }
        guard j - p == 4, let first = Int(parser.string(p..<j)), (1000...2999).contains(first) else { return nil }
        var k = j
        while k < end && s[k] == " " { k += 1 }
        guard let (length, _) = TimeWords.rangeSeparators.longestMatch(in: s, at: k, limit: end) else { return nil }
        k += length
        while k < end && s[k] == " " { k += 1 }
        let inherit = CalendarParser.Inherited(year: first, month: nil, century: first / 100)
        guard let (bEnd0, b) = parser.period(at: k, inherit: inherit), b.year >= first else { return nil }
        // Two bare years need 从/自 before them (`从2016到2018`); otherwise the second has 年.
        guard b.hasWrittenYear, s[k..<bEnd0].contains("年") || prefix == .from else { return nil }
        guard let firstPeriod = CalendarPeriod.year(first) else { return nil }
        parser.lastWrittenYear = b.year
        var bEnd = bEnd0
        if let (l, _) = TimeWords.rangeClosers.longestMatch(in: s, at: bEnd, limit: end) { bEnd += l }
        return ((prefix == nil ? p : start)..<bEnd, TimeValue(relation: .during, start: firstPeriod.start, end: b.end))
    }

    // MARK: - Special forms

    /// `自印发之日起`, `从发布之日起`, `自本通知印发之日起`: from the document's date (not
    /// `自意见书发出之日起`, which names another event).
    mutating func issueDateStart(at i: Int) -> (Range<Int>, TimeValue)? {
        guard s[i] == "自" || s[i] == "从", let reference else { return nil }
        var j = i + 1
        let namesItself = j < end && s[j] == "本"
        while j < end && j - i <= (namesItself ? 7 : 1) {
            if let (length, _) = TimeWords.issueEvents.longestMatch(in: s, at: j, limit: end),
               parser.hasPrefix("之日起", at: j + length) {
                lastStart = reference
                return (i..<(j + length + 3), TimeValue(relation: .from, start: reference, end: nil))
            }
            guard s[j].isHan else { return nil }
            j += 1
        }
        return nil
    }

    /// `有效期5年`, `有效期为3年`, `有效期两年`, `有效期6个月`, `有效期至2025年12月31日`: validity from
    /// the start named before (or the document's date).
    mutating func validity(at i: Int) -> (Range<Int>, TimeValue)? {
        guard parser.hasPrefix("有效期", at: i) else { return nil }
        var j = i + 3
        for word in ["暂定为", "为", "是"] where parser.hasPrefix(word, at: j) {
            j += word.unicodeScalars.count
            break
        }
        let start = lastStart ?? reference
        if j < end && (s[j] == "至" || s[j] == "到") || parser.hasPrefix("截至", at: j) {
            j += s[j] == "截" ? 2 : 1
            guard let (close, period) = parser.period(at: j) else { return nil }
            return (i..<close, TimeValue(relation: .validity, start: start, end: period.end))
        }
        guard let (close, n) = parser.smallInteger(at: j), n > 0, n < 1000 else { return nil }
        var k = close
        let unit: String
        if k < end && s[k] == "年" {
            unit = "Y"
            k += 1
        } else if parser.hasPrefix("个月", at: k) || parser.hasPrefix("個月", at: k) {
            unit = "M"
            k += 2
        } else if k < end && (s[k] == "天" || s[k] == "日") {
            unit = "D"
            k += 1
        } else {
            return nil
        }
        var last: CivilDate? = nil
        if let start {
            switch unit {
            case "Y": last = start.adding(years: n).adding(days: -1)
            case "M": last = start.adding(months: n).adding(days: -1)
            default: last = start.adding(days: n - 1)
            }
        }
        return (i..<k, TimeValue(relation: .validity, start: start, end: last, duration: "P\(n)\(unit)"))
    }

    /// `“十四五”期间`, `十三五规划期间`, `“十四五”以来`, `“十四五”末`: the years of a five-year plan.
    func fiveYearPlan(at i: Int) -> (Range<Int>, TimeValue)? {
        var j = i
        let quoted = s[j] == "“"
        if quoted { j += 1 }
        guard j + 2 < end, s[j] == "十", let d = ChineseNumeral.digitValue(s[j + 1]), d >= 1, s[j + 2] == "五" else { return nil }
        let plan = 10 + d
        j += 3
        if quoted {
            guard j < end, s[j] == "”" else { return nil }
            j += 1
        }
        let first = 2006 + 5 * (plan - 11)
        guard let period = CalendarPeriod.years(first, through: first + 4) else { return nil }
        var k = j
        if parser.hasPrefix("规划", at: k) { k += 2 }
        for (word, relation) in [("期间", TimeRelation.during), ("时期", .during), ("期", .during), ("末", .by),
                                 ("以来", .from)] where parser.hasPrefix(word, at: k) {
            let close = k + word.unicodeScalars.count
            switch relation {
            case .by: return (i..<close, TimeValue(relation: .by, start: nil, end: period.end))
            case .from: return (i..<close, TimeValue(relation: .from, start: period.start, end: nil))
            default: return (i..<close, TimeValue(relation: .during, start: period.start, end: period.end))
            }
        }
        return nil
    }
}
