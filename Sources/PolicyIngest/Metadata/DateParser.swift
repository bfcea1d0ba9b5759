import PolicyCore

/// Dates as policy documents write them, read from normalized text: `2024年11月6日`,
/// `2024年05月06日`, `二〇二四年十一月六日`, `二○二三年`, `2024-11-06`, `2024.11.6`, `2024/11/6`.
enum DateParser {
    /// A date beginning at `i`, with the index just after it.
    static func date(in s: [Unicode.Scalar], at i: Int) -> (date: CivilDate, end: Int)? {
        guard i < s.count else { return nil }
        if s[i].isASCIIDigit { return arabicDate(s, at: i) }
        if ChineseNumeral.digitValue(s[i]) != nil { return chineseDate(s, at: i) }
        return nil
    }

    /// The text is one date and nothing else (brackets around it allowed): a date line.
    static func wholeDate(_ s: ArraySlice<Unicode.Scalar>) -> CivilDate? {
        let inner = Array(strippingEnclosingBrackets(s))
        guard let (date, end) = date(in: inner, at: 0), end == inner.count else { return nil }
        return date
    }

    /// Every date in a text, left to right.
    static func dates(in s: [Unicode.Scalar]) -> [(date: CivilDate, range: Range<Int>)] {
        var result: [(CivilDate, Range<Int>)] = []
        var i = 0
        while i < s.count {
            // A date starts at a digit that does not continue a number.
            let startsNumber = i == 0 || !(s[i - 1].isASCIIDigit || ChineseNumeral.digitValue(s[i - 1]) != nil)
            if startsNumber, let (date, end) = date(in: s, at: i) {
                result.append((date, i..<end))
                i = end
            } else {
                i += 1
            }
        }
        return result
    }

    static let plausibleYears = 1900...2100

    private static func arabicDate(_ s: [Unicode.Scalar], at start: Int) -> (CivilDate, Int)? {
        var i = start
        guard let year = digits(s, &i, count: 4...4), plausibleYears.contains(year), i < s.count else { return nil }
        let separator = s[i]
        if separator == "年" { return monthAndDay(s, after: i, year: year) }
        guard separator == "-" || separator == "." || separator == "/" else { return nil }
        i += 1
        guard let month = digits(s, &i, count: 1...2), i < s.count, s[i] == separator else { return nil }
        i += 1
        guard let day = digits(s, &i, count: 1...2) else { return nil }
        if i < s.count && (s[i].isASCIIDigit || s[i] == separator) { return nil }
        if i < s.count && s[i] == "日" { i += 1 }
        guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
        return (date, i)
    }

    /// `二〇二四年十一月六日`: the year digit by digit, month and day as numerals.
    private static func chineseDate(_ s: [Unicode.Scalar], at start: Int) -> (CivilDate, Int)? {
        var i = start
        var year = 0
        while i < s.count, i - start < 4, let d = ChineseNumeral.digitValue(s[i]) {
            year = year * 10 + d
            i += 1
        }
        guard i - start == 4, plausibleYears.contains(year), i < s.count, s[i] == "年" else { return nil }
        return monthAndDay(s, after: i, year: year)
    }

    /// `11月6日` after the `年` at `yearMark`.
    private static func monthAndDay(_ s: [Unicode.Scalar], after yearMark: Int, year: Int) -> (CivilDate, Int)? {
        var i = yearMark + 1
        guard let month = number(s, &i), i < s.count, s[i] == "月" else { return nil }
        i += 1
        guard let day = number(s, &i), i < s.count, s[i] == "日" || s[i] == "号" else { return nil }
        guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
        return (date, i + 1)
    }

    /// ASCII digits, `count` of them.
    private static func digits(_ s: [Unicode.Scalar], _ i: inout Int, count: ClosedRange<Int>) -> Int? {
        let start = i
        var value = 0
        while i < s.count, s[i].isASCIIDigit, i - start < count.upperBound {
            value = value * 10 + Int(s[i].value - 0x30)
            i += 1
        }
        if i < s.count && s[i].isASCIIDigit { i = start; return nil }
        guard count.contains(i - start) else { i = start; return nil }
        return value
    }

    /// A month or day: 1–2 ASCII digits, or a Chinese numeral up to 三十一 (`十一`, `廿三`).
    private static func number(_ s: [Unicode.Scalar], _ i: inout Int) -> Int? {
        guard i < s.count else { return nil }
        if s[i].isASCIIDigit { return digits(s, &i, count: 1...2) }
        let start = i
        while i < s.count, i - start < 3,
              ChineseNumeral.digitValue(s[i]) != nil || s[i] == "十" || s[i] == "廿" || s[i] == "卅" {
            i += 1
        }
        guard i > start else { return nil }
        var text = Array(s[start..<i])
        if text.first == "廿" { text[0] = "二"; text.insert("十", at: 1) }
        if text.first == "卅" { text[0] = "三"; text.insert("十", at: 1) }
        guard let value = ChineseNumeral.integerValue(of: text[...]), (1...31).contains(value) else {
            i = start
            return nil
        }
        return value
    }
}
