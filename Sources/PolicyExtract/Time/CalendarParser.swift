import PolicyCore

/// Reads one calendar expression: `2024年12月31日`, `2023年下半年`, `07年第三季度`, `一季度`,
/// `6月上旬`, `2010/01/29`, `13.5.2015`, `上世纪80年代`, `去年本月十日`, `明天`, `19年底`.
///
/// Year-less and relative expressions resolve against `reference` (the document's date); without
/// one they are not read. Relations (by, from, ranges) are the `TimeExtractor`'s business.
struct CalendarParser {
    let s: [Unicode.Scalar]
    let paragraph: Range<Int>
    /// The document's date.
    let reference: CivilDate?
    /// The last year written in the paragraph before this point (`当年` refers to it).
    var lastWrittenYear: Int?

    var end: Int { paragraph.upperBound }

    /// What the second end of a range takes from the first: `2019年6月1日-6月30日`,
    /// `从一月十日到十二日`, `1985到89年`.
    struct Inherited: Sendable {
        var year: Int
        var month: Int?
        var century: Int?
    }

    // MARK: - Entry

    /// The calendar expression starting at `i`: where it ends and the period it names.
    func period(at i: Int, inherit: Inherited? = nil) -> (end: Int, period: CalendarPeriod)? {
        guard i < end else { return nil }
        let c = s[i]
        if c.isASCIIDigit {
            if let found = numericDate(at: i, inherit: inherit) { return found }
        }
        if let found = relativeDay(at: i) { return found }
        if let found = decade(at: i) { return found }
        if let (j, year, needsMore) = year(at: i, inherit: inherit) {
            let written = !isNamedYear(at: i)
            if let found = partOfYear(at: j, year: year) {
                var p = found.period
                p.hasWrittenYear = written
                return (found.end, p)
            }
            guard var p = CalendarPeriod.year(year) else { return nil }
            p.hasWrittenYear = written
            var k = j
            if needsMore && !(k < end && (s[k] == "底" || s[k] == "末")) { return nil }
            if k < end && (s[k] == "底" || s[k] == "末") {
                p.isEdge = true
                k += 1
            } else if k < end && s[k] == "内" {
                k += 1  // 2024年内: during the year
            } else if k + 1 < end && s[k] == "全" && s[k + 1] == "年" {
                k += 2
            }
            return (k, p)
        }
        // Without a written year: the inherited one, or the document's.
        let year = inherit?.year ?? reference?.year
        if let y = year, let found = partOfYear(at: i, year: y, standalone: true) { return found }
        if let month = inherit?.month, let y = year, let found = dayOnly(at: i, month: month, year: y) { return found }
        return nil
    }

    // MARK: - Years

    /// A year: `2023年`, `23年` (with a month after it), `二〇二三年`, `公元一六三年`, `今年`, `去年`,
    /// `当年`. Returns the position after `年` (or after the word), the year, and whether more
    /// (a month, quarter, 底 …) must follow for it to be a year rather than a duration (`30年`).
    func year(at i: Int, inherit: Inherited?) -> (Int, Int, Bool)? {
        var j = i
        var era = false
        if hasPrefix("公元", at: j) {
            era = true
            j += 2
        }
        if !era, let found = namedYear(at: j) { return found }
        let digitsStart = j
        if j < end && s[j].isASCIIDigit {
            if j > paragraph.lowerBound && (s[j - 1].isASCIIDigit || s[j - 1] == ".") { return nil }
            while j < end && s[j].isASCIIDigit { j += 1 }
            let count = j - digitsStart
            if j < end && s[j] == " " { j += 1 }
            // 2023上半年: a year without 年 before 上半年/下半年.
            if count == 4, j < end, s[j] != "年", TimeWords.halves.matches(s, at: j, limit: end),
               let value = Int(string(digitsStart..<j)), (1900...2099).contains(value) {
                return (j, value, false)
            }
            guard count >= 2, count <= 4, j < end, s[j] == "年", let value = Int(string(digitsStart..<(digitsStart + count)))
            else { return nil }
            j += 1
            switch count {
            case 4:
                guard (1000...2999).contains(value) else { return nil }
                return (j, value, !(1800...2199).contains(value) && !era)
            case 3:
                let written = era || (i > paragraph.lowerBound && s[i - 1] == "在")
                return (j, value, !written)
            default:
                let leadingZero = s[digitsStart] == "0"
                return (j, century(of: value, hint: inherit?.century), !leadingZero)
            }
        }
        // Chinese digits, one per position (二〇二三, 九七, 零八); 两 and units are no year digits.
        var digits: [Int] = []
        while j < end, digits.count < 5, s[j] != "两", s[j] != "兩", let d = ChineseNumeral.digitValue(s[j]), s[j] != "幺", s[j] != "洞" {
            digits.append(d)
            j += 1
        }
        if digits.count >= 2 && digits.count <= 4 && j < end && s[j] == "年" {
            let value = digits.reduce(0) { $0 * 10 + $1 }
            j += 1
            switch digits.count {
            case 4: return (j, value, false)
            case 3: return (j, value, !era)
            default:
                // 零八年 is a year; 三五年 and 七八年 are "three to five years".
                let hasZero = digits.contains(0)
                return (j, century(of: value, hint: inherit?.century), !hasZero)
            }
        }
        // Chinese numerals with units (两千零五年): a year only with a month after it.
        j = digitsStart
        while j < end && j - digitsStart < 8 && NumeralScanner.isChineseNumeralCharacter(s[j]) { j += 1 }
        if j > digitsStart, j < end, s[j] == "年", let value = ChineseNumeral.integerValue(of: s[digitsStart..<j]),
           (1000...2999).contains(value) {
            return (j + 1, value, !era)
        }
        return nil
    }

    /// Whether the year at `i` is a word (今年, 本年度, 当年) rather than digits.
    func isNamedYear(at i: Int) -> Bool {
        !(s[i].isASCIIDigit || ChineseNumeral.digitValue(s[i]) != nil || ChineseNumeral.unitValue(s[i]) != nil
          || hasPrefix("公元", at: i))
    }

    /// 今年, 明年, 去年, 上年, 前年 …, 当年 and 全年 (the last written year, else the document's).
    func namedYear(at i: Int) -> (Int, Int, Bool)? {
        if i > paragraph.lowerBound && TimeWords.notBeforeRelativeYear.contains(s[i - 1]) { return nil }
        var j: Int
        var year: Int
        if let (length, offset) = TimeWords.relativeYears.longestMatch(in: s, at: i, limit: end) {
            guard let reference else { return nil }
            j = i + length
            year = reference.year + offset
        } else if i + 1 < end, s[i] == "当" || s[i] == "全", s[i + 1] == "年",
                  !(s[i] == "当" && i > paragraph.lowerBound && s[i - 1] == "的") {  // 取得证书的当年: an event's year
            guard let y = lastWrittenYear ?? reference?.year else { return nil }
            j = i + 2
            year = y
        } else {
            return nil
        }
        if j < end && TimeWords.notAfterYear.contains(s[j]) { return nil }
        if j < end && s[j] == "度" { j += 1 }
        return (j, year, false)
    }

    /// The full year of a two-digit one: the century given, else the one nearest the document's
    /// date (`九零年` read in 1973 is 1990), else 19xx from 50 up.
    func century(of yy: Int, hint: Int?) -> Int {
        if let hint { return hint * 100 + yy }
        if let reference {
            let a = 1900 + yy, b = 2000 + yy
            return abs(a - reference.year) <= abs(b - reference.year) ? a : b
        }
        return yy >= 50 ? 1900 + yy : 2000 + yy
    }

    // MARK: - Parts of a year

    /// What follows a year (or stands alone, `standalone`): half, quarter, month, stretches of
    /// months, 全年. Nil when nothing does.
    func partOfYear(at i: Int, year y: Int, standalone: Bool = false) -> (end: Int, period: CalendarPeriod)? {
        guard i < end else { return nil }
        var k = i
        if !standalone && s[k] == "的" { k += 1 }
        if let (length, half) = TimeWords.halves.longestMatch(in: s, at: k, limit: end),
           let p = CalendarPeriod.months(half == 1 ? 1 : 7, through: half == 1 ? 6 : 12, of: y) {
            return (k + length, p)
        }
        if let found = quarter(at: k, year: y, standalone: standalone) { return found }
        if let found = monthRange(at: k, year: y) { return found }
        if !standalone, let found = monthStretch(at: k, year: y) { return found }
        if let found = month(at: k, year: y, standalone: standalone) { return found }
        guard standalone else { return nil }
        // 年底, 年末, 年内 without a year: the document's (not 3年内, a duration).
        if k + 1 < end, s[k] == "年", s[k + 1] == "底" || s[k + 1] == "末" || s[k + 1] == "内" {
            let previous: Unicode.Scalar = k > paragraph.lowerBound ? s[k - 1] : " "
            guard !previous.isASCIIDigit, !NumeralScanner.isChineseNumeralCharacter(previous),
                  !TimeWords.notBeforeRelativeYear.contains(previous) || previous == "年",
                  var p = CalendarPeriod.year(y) else { return nil }
            if s[k + 1] != "内" { p.isEdge = true }  // 年内 is during the year, 年底 by its end
            return (k + 2, p)
        }
        if k + 3 < end, s[k] == "今", s[k + 1] == "明", s[k + 2] == "两" || s[k + 2] == "兩", s[k + 3] == "年",
           let p = CalendarPeriod.years(y, through: y + 1) {
            return (k + 4, p)
        }
        return nil
    }

    /// `1-五月`, `1-9月份`, `2——4月`, `8月至11月`: months of one year.
    func monthRange(at k: Int, year y: Int) -> (end: Int, period: CalendarPeriod)? {
        guard let (first, m1) = smallInteger(at: k), (1...12).contains(m1) else { return nil }
        var j = first
        if j < end && s[j] == "月" { j += 1 }
        guard let (length, _) = TimeWords.rangeSeparators.longestMatch(in: s, at: j, limit: end) else { return nil }
        j += length
        guard let (second, m2) = smallInteger(at: j), second < end, s[second] == "月", m1 < m2,
              var p = CalendarPeriod.months(m1, through: m2, of: y) else { return nil }
        p.isRange = true
        j = second + 1
        if j < end && s[j] == "份" { j += 1 }
        return (j, p)
    }

    /// `一季度`, `第三季度`, `首季度`, `1季度`, `Q1`, `本季度`, `上个季度`, `前三季度`, `前两个季度`,
    /// with `末`/`底` for its end.
    func quarter(at i: Int, year y: Int, standalone: Bool) -> (end: Int, period: CalendarPeriod)? {
        var k = i
        var period: CalendarPeriod? = nil
        if standalone, let (length, offset) = TimeWords.relativeQuarters.longestMatch(in: s, at: k, limit: end) {
            guard let reference else { return nil }
            let current = (reference.month - 1) / 3 + 1 + offset
            let shiftedYear = reference.year + Int((Double(current - 1) / 4).rounded(.down))
            let q = ((current - 1) % 4 + 4) % 4 + 1
            period = CalendarPeriod.quarter(q, of: shiftedYear)
            k += length
        } else {
            var upTo = false
            if s[k] == "前" { upTo = true; k += 1 } else if s[k] == "第" { k += 1 }
            var q: Int? = nil
            if k < end && (s[k] == "首") {
                q = 1
                k += 1
            } else if k + 1 < end && (s[k] == "Q" || s[k] == "q") && ("1"..."4").contains(s[k + 1]) {
                q = Int(s[k + 1].value - 48)
                k += 2
                if hasPrefix("季度", at: k) { k += 2 }
                guard !upTo, let q, let p = CalendarPeriod.quarter(q, of: y) else { return nil }
                return edge(after: k, p)
            } else if let (close, value) = smallInteger(at: k) {
                q = value
                k = close
            }
            guard let quarterNumber = q, (1...4).contains(quarterNumber) else { return nil }
            if k < end && (s[k] == "个" || s[k] == "個") { k += 1 }
            guard hasPrefix("季度", at: k) else { return nil }
            k += 2
            period = upTo ? CalendarPeriod.months(1, through: 3 * quarterNumber, of: y) : CalendarPeriod.quarter(quarterNumber, of: y)
        }
        guard let p = period else { return nil }
        return edge(after: k, p)
    }

    /// `末`/`底` after a quarter or month: its end, a deadline.
    func edge(after k: Int, _ p: CalendarPeriod) -> (end: Int, period: CalendarPeriod) {
        var q = p
        if k < end && (s[k] == "末" || s[k] == "底") {
            q.isEdge = true
            return (k + 1, q)
        }
        return (k, q)
    }

    /// `前十一个月`, `后三月`, `最後4个月`, `第三个月`, `首月`, `前10天`.
    func monthStretch(at i: Int, year y: Int) -> (end: Int, period: CalendarPeriod)? {
        var k = i
        enum Kind { case first, last, nth }
        let kind: Kind
        if hasPrefix("最后", at: k) || hasPrefix("最後", at: k) {
            kind = .last
            k += 2
        } else if s[k] == "前" {
            kind = .first
            k += 1
        } else if s[k] == "后" || s[k] == "後" {
            kind = .last
            k += 1
        } else if s[k] == "第" {
            kind = .nth
            k += 1
        } else if hasPrefix("首月", at: k), let p = CalendarPeriod.month(1, of: y) {
            return (k + 2, p)
        } else {
            return nil
        }
        guard let (close, n) = smallInteger(at: k) else { return nil }
        k = close
        var counted = false
        if k < end && (s[k] == "个" || s[k] == "個") {
            counted = true
            k += 1
        }
        if kind == .first && !counted && k < end && s[k] == "天", n >= 1, n <= 31,
           let first = CivilDate.firstOf(year: y) {
            return (k + 1, CalendarPeriod(start: first, end: first.adding(days: n - 1), year: y, month: 1))
        }
        guard k < end, s[k] == "月", (1...12).contains(n) else { return nil }
        k += 1
        switch kind {
        case .first: return CalendarPeriod.months(1, through: n, of: y).map { (k, $0) }
        case .last: return CalendarPeriod.months(13 - n, through: 12, of: y).map { (k, $0) }
        case .nth: return counted ? CalendarPeriod.month(n, of: y).map { (k, $0) } : nil
        }
    }

    /// A month and what follows it: `12月`, `三月份`, `3月5日`, `6月上旬`, `10月底`, `1月3`,
    /// `本月十日`, `下个月9号`.
    func month(at i: Int, year y: Int, standalone: Bool) -> (end: Int, period: CalendarPeriod)? {
        var k = i
        var monthPeriod: CalendarPeriod
        if let (length, offset) = TimeWords.relativeMonths.longestMatch(in: s, at: k, limit: end) {
            guard let reference else { return nil }
            if standalone {
                guard let p = CalendarPeriod.month(offset: offset, from: reference) else { return nil }
                monthPeriod = p
            } else {
                // 去年本月: the document's month in the year written.
                guard let p = CalendarPeriod.month(reference.month, of: y) else { return nil }
                monthPeriod = p
            }
            k += length
        } else {
            if k > paragraph.lowerBound && standalone {
                let previous = s[k - 1]
                if Self.notBeforeMonth.contains(previous) { return nil }
                if !s[k].isASCIIDigit && Self.notBeforeChineseMonth.contains(previous) { return nil }
            }
            guard let (close, m) = smallInteger(at: k), (1...12).contains(m), close < end, s[close] == "月" else { return nil }
            if close + 1 < end && Self.notAfterMonth.contains(s[close + 1]) { return nil }
            k = close + 1
            guard let p = CalendarPeriod.month(m, of: y) else { return nil }
            monthPeriod = p
            if k < end && s[k] == "份" { k += 1 }
        }
        let m = monthPeriod.month ?? 1
        let my = monthPeriod.year
        if let (close, d) = smallInteger(at: k), close < end, s[close] == "日" || s[close] == "号" || s[close] == "號",
           let p = CalendarPeriod.day(d, month: m, year: my) {
            return (close + 1, p)
        }
        // 2019年4月12-19日: days of one month.
        if let (first, d1) = smallInteger(at: k), let (length, _) = TimeWords.rangeSeparators.longestMatch(in: s, at: first, limit: end),
           let (second, d2) = smallInteger(at: first + length), second < end, s[second] == "日" || s[second] == "号", d1 < d2,
           let a = CalendarPeriod.day(d1, month: m, year: my), let b = CalendarPeriod.day(d2, month: m, year: my) {
            return (second + 1, CalendarPeriod(start: a.start, end: b.end, year: my, month: m, isRange: true))
        }
        if k + 1 < end, s[k + 1] == "旬", let part = s[k] == "上" ? 0 : s[k] == "中" ? 1 : s[k] == "下" ? 2 : nil,
           let p = CalendarPeriod.xun(part, month: m, year: my) {
            return (k + 2, p)
        }
        if k < end && (s[k] == "底" || s[k] == "末") { return edge(after: k, monthPeriod) }
        if k + 1 < end && s[k] == "月" && (s[k + 1] == "底" || s[k + 1] == "末") { return edge(after: k + 1, monthPeriod) }
        // 1月3, 十月31: a day without 日, where nothing else follows.
        if let (close, d) = smallInteger(at: k), close >= end || !s[close].isHan || "至到起前止后和、".unicodeScalars.contains(s[close]),
           close >= end || !s[close].isASCIIDigit && s[close] != ".",
           let p = CalendarPeriod.day(d, month: m, year: my) {
            return (close, p)
        }
        return (k, monthPeriod)
    }

    /// Characters before a month numeral that make it no month (`第三月`, `每3月`, `3个月`).
    static let notBeforeMonth: ScalarSet = ["第", "每", "个", "個", "几", "数", "前", "后", "後", "上", "下", "本", "近", "逐", "按"]
    /// … and before a Chinese one (`统一月度`).
    static let notBeforeChineseMonth: ScalarSet = ["统", "唯", "单", "划", "整", "专", "合", "同", "万", "之"]
    /// Characters after 月 that make it another word (`月度`, `月报`).
    static let notAfterMonth: ScalarSet = ["度", "报", "票", "薪", "供", "均", "卡", "饼", "嫂", "子", "光", "球", "亮", "租", "息", "费"]

    /// `十二日`, `20日`, `15号` as the second end of a range within a month.
    func dayOnly(at i: Int, month m: Int, year y: Int) -> (end: Int, period: CalendarPeriod)? {
        guard let (close, d) = smallInteger(at: i) else { return nil }
        if close < end && (s[close] == "日" || s[close] == "号" || s[close] == "號") {
            return CalendarPeriod.day(d, month: m, year: y).map { (close + 1, $0) }
        }
        return nil
    }

    // MARK: - Other forms

    /// `2010-01-29`, `2010/01/29`, `2010.01.29`, `2010 01 29`, `20240307`, `13.5.2015`, `2019.9.6`,
    /// `1999.08`, `1994.01-19`, `09-01` (year-less), `2018` standing alone.
    func numericDate(at i: Int, inherit: Inherited?) -> (end: Int, period: CalendarPeriod)? {
        if i > paragraph.lowerBound {
            let p = s[i - 1]
            if p.isASCIIAlphanumeric || p == "." || p == "/" || p == ":" || (p == "-" && inherit == nil) { return nil }
        }
        var groups: [Range<Int>] = []
        var separator: Unicode.Scalar? = nil
        var j = i
        while true {
            let start = j
            while j < end && s[j].isASCIIDigit { j += 1 }
            groups.append(start..<j)
            guard groups.count < 3, j + 1 < end, s[j + 1].isASCIIDigit else { break }
            let sep = s[j]
            guard sep == "-" || sep == "/" || sep == "." || sep == " " else { break }
            if let existing = separator, existing != sep { break }
            separator = sep
            j += 1
        }
        // Nothing may run on: more digits, letters, another separated group (an IP address).
        if j < end && (s[j].isASCIILetter || ((s[j] == "." || s[j] == ":") && j + 1 < end && s[j + 1].isASCIIDigit)) {
            return nil
        }
        let lengths = groups.map(\.count)
        func value(_ g: Int) -> Int { Int(string(groups[g])) ?? -1 }
        switch (lengths.count, separator) {
        case (3, .some(let sep)):
            if lengths[0] == 4, lengths[1] <= 2, lengths[2] <= 2, sep != " " || (lengths[1] == 2 && lengths[2] == 2) {
                return written(CalendarPeriod.day(value(2), month: value(1), year: value(0)), j)
            }
            if sep == ".", lengths[2] == 4, lengths[0] <= 2, lengths[1] <= 2 {
                return written(CalendarPeriod.day(value(0), month: value(1), year: value(2)), j)
            }
            return nil
        case (2, .some(let sep)):
            if lengths[0] == 4 && lengths[1] <= 2 && sep != " " {
                let y = value(0), m = value(1)
                guard (1900...2099).contains(y), (1...12).contains(m) else { return nil }
                // 1013.7亿元, 2023.5万: a decimal number with a unit, not a month.
                if sep == ".", j < end, NumeralScanner.isChineseNumeralCharacter(s[j]) || s[j] == "%"
                    || Units.currencySuffixes.matches(s, at: j, limit: end) || Units.measureWords.matches(s, at: j, limit: end) {
                    return nil
                }
                // 1994.01-19: a day after a dash.
                if sep == ".", j + 1 < end, s[j] == "-", s[j + 1].isASCIIDigit {
                    var k = j + 1
                    while k < end && s[k].isASCIIDigit { k += 1 }
                    if k - j - 1 <= 2 && (k >= end || s[k] != ".") {
                        return written(CalendarPeriod.day(Int(string((j + 1)..<k)) ?? 0, month: m, year: y), k)
                    }
                }
                return written(CalendarPeriod.month(m, of: y), j)
            }
            // 09-01: a year-less month and day, written with a leading zero.
            if sep == "-", lengths == [2, 2], s[i] == "0" || s[groups[1].lowerBound] == "0", inherit == nil {
                guard let reference, j >= end || s[j] != "-" else { return nil }
                return CalendarPeriod.day(value(1), month: value(0), year: reference.year).map { (j, $0) }
            }
            return nil
        case (1, _):
            if lengths[0] == 8 {
                let text = string(groups[0])
                guard let y = Int(text.prefix(4)), (1900...2099).contains(y), let m = Int(text.dropFirst(4).prefix(2)),
                      let d = Int(text.suffix(2)) else { return nil }
                return written(CalendarPeriod.day(d, month: m, year: y), j)
            }
            // A year standing alone between spaces or at the ends of the paragraph (or ending a range).
            let alone = (i == paragraph.lowerBound || s[i - 1] == " " || inherit != nil) && (j >= end || s[j] == " ")
            if lengths[0] == 4, alone || (inherit != nil && (j >= end || !s[j].isASCIIDigit && s[j] != "年")) {
                let y = value(0)
                guard (1900...2099).contains(y), var p = CalendarPeriod.year(y) else { return nil }
                p.hasWrittenYear = true
                return (j, p)
            }
            return nil
        default:
            return nil
        }
    }

    /// A period whose year was written, ending at `end`.
    func written(_ period: CalendarPeriod?, _ end: Int) -> (end: Int, period: CalendarPeriod)? {
        guard var p = period else { return nil }
        p.hasWrittenYear = true
        return (end, p)
    }

    /// `今天`, `明日`, `大后天`, `昨天` … (`今日头条` is a name).
    func relativeDay(at i: Int) -> (end: Int, period: CalendarPeriod)? {
        guard let (length, offset) = TimeWords.relativeDays.longestMatch(in: s, at: i, limit: end),
              let reference else { return nil }
        if hasPrefix("今日头条", at: i) { return nil }
        if s[i] == "前" || s[i] == "当", i > paragraph.lowerBound, "提之以目事日当".unicodeScalars.contains(s[i - 1]) { return nil }
        return (i + length, CalendarPeriod.on(reference.adding(days: offset)))
    }

    /// `上世纪80年代`, `本世纪20年代`, `20世纪80年代`, `十九世纪七十年代`, `90年代`.
    func decade(at i: Int) -> (end: Int, period: CalendarPeriod)? {
        var k = i
        var centuryBase: Int? = nil
        if hasPrefix("上世纪", at: k) || hasPrefix("上个世纪", at: k) {
            let current = ((reference?.year ?? 2000) / 100)
            centuryBase = (current - 1) * 100
            k += s[k + 1] == "个" ? 4 : 3
        } else if hasPrefix("本世纪", at: k) {
            centuryBase = ((reference?.year ?? 2000) / 100) * 100
            k += 3
        } else if let (close, n) = smallInteger(at: k), close + 1 < end, s[close] == "世", s[close + 1] == "纪",
                  (1...30).contains(n) {
            centuryBase = (n - 1) * 100
            k = close + 2
        }
        guard let (close, tens) = smallInteger(at: k), close + 1 < end, s[close] == "年", s[close + 1] == "代",
              tens % 10 == 0, tens < 100 else { return nil }
        let base: Int
        if let centuryBase {
            base = centuryBase
        } else {
            guard tens >= 50 else { return nil }
            base = 1900
        }
        return CalendarPeriod.years(base + tens, through: base + tens + 9).map { (close + 2, $0) }
    }

    // MARK: - Helpers

    /// A small whole number (Arabic up to 4 digits, or Chinese) at `k`: its end and value.
    func smallInteger(at k: Int) -> (Int, Int)? {
        guard k < end else { return nil }
        if s[k].isASCIIDigit {
            var j = k
            while j < end && s[j].isASCIIDigit { j += 1 }
            guard j - k <= 4, j >= end || s[j] != "." || j + 1 >= end || !s[j + 1].isASCIIDigit else { return nil }
            return Int(string(k..<j)).map { (j, $0) }
        }
        var j = k
        while j < end && j - k < 8 && NumeralScanner.isChineseNumeralCharacter(s[j]) { j += 1 }
        while j > k {
            if let v = ChineseNumeral.integerValue(of: s[k..<j]) { return (j, v) }
            j -= 1
        }
        return nil
    }

    func hasPrefix(_ word: String, at i: Int) -> Bool {
        var j = i
        for w in word.unicodeScalars {
            guard j < end, s[j] == w else { return false }
            j += 1
        }
        return true
    }

    func string(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(s[range]))
    }
}
