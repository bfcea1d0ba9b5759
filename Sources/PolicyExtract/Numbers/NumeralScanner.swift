import PolicyCore

/// A numeral read from running text: `2000`, `1,234.5`, `3万`, `1.2万亿`, `三千五百万`, `十几万`, `05`.
struct Numeral: Sendable, Equatable {
    var range: Range<Int>
    /// The value with its own magnitude applied (`3万` → 30000). Never negative: signs are read
    /// by the caller, which knows whether a `-` is a sign or a range dash.
    var value: DecimalNumber
    /// Written with Arabic digits (`3万` too).
    var isArabic: Bool
    /// Chinese numeral of unit characters only (`十`, `百万`, `千万`): more often a word than a number.
    var unitsOnly: Bool
    /// Exactly `一`: an article (`一个平台`) more often than a count.
    var isLoneOne: Bool
    /// Chinese digits without units (`二〇二三`, `九七`): years and digit strings.
    var isPositional: Bool
    /// The decimal point was lost in PDF conversion and put back: `05` read as 0.5.
    var restoredDecimalPoint: Bool
    /// `十几万`, `三十多万`: the value is the stated part, and the real one is about it.
    var approximate: Bool
    /// A trailing 万/亿/千万/k: the numeral carries its own magnitude.
    var hasMagnitude: Bool
    /// Powers of ten the trailing unit characters can lend to the first bound of a range:
    /// `三十万` → [4, 5], `两千万` → [4, 7], `三仟` → [3], `3万` → [4].
    var lendablePowers: [Int]
}

/// Finds numerals in running text. It reads the numeral that starts at a position; deciding
/// what the numeral counts is the callers' job (`NumberExtractor`, `TimeExtractor`).
enum NumeralScanner {
    /// Whether a numeral may start with `c`.
    @inline(__always)
    static func canStart(_ c: Unicode.Scalar) -> Bool {
        c.isASCIIDigit || isChineseNumeralCharacter(c)
    }

    /// Chinese digits and units that may make up a numeral in running text (`幺` and `洞`, the
    /// radio readings of 1 and 0, are left out: in prose they are other words).
    @inline(__always)
    static func isChineseNumeralCharacter(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x3007 && chineseNumeralCharacters.contains(c)
    }

    static let chineseNumeralCharacters = ScalarSet(characters:
        "零〇○一壹二两贰兩貳弍三叁參叄四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億廿卅")

    /// The financial forms of the digits and units (大写数字).
    static let financialDigits: ScalarSet = ["壹", "贰", "貳", "叁", "參", "肆", "伍", "陆", "陸", "柒", "捌", "玖",
                                                        "拾", "佰", "仟"]

    /// Digits that may follow 点 in a Chinese decimal (`十三点五`; not `两`).
    @inline(__always)
    static func isDecimalDigit(_ c: Unicode.Scalar) -> Bool {
        c != "两" && c != "兩" && c != "幺" && c != "洞" && ChineseNumeral.digitValue(c) != nil
    }

    /// Reads the numeral starting at `i`, or nil. An Arabic numeral glued to Latin letters
    /// (`5G`, `4K`, `A2021`) is no numeral.
    static func scan(_ s: [Unicode.Scalar], at i: Int, end: Int) -> Numeral? {
        guard i < end else { return nil }
        if s[i].isASCIIDigit {
            guard i == 0 || !s[i - 1].isASCIILetter else { return nil }
            return scanArabic(s, at: i, end: end)
        }
        guard isChineseNumeralCharacter(s[i]) else { return nil }
        return scanChinese(s, at: i, end: end)
    }

    // MARK: - Arabic

    static func scanArabic(_ s: [Unicode.Scalar], at i: Int, end: Int) -> Numeral? {
        var approximate = false
        var mantissa: Int64 = 0
        var exponent = 0
        var integerDigits = 0
        var sawPoint = false
        var grouped = false
        var j = i
        while j < end {
            let c = s[j]
            if c.isASCIIDigit {
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(Int64(c.value - 48))
                if o1 || o2 { return nil }
                mantissa = m2
                if sawPoint { exponent -= 1 } else { integerDigits += 1 }
            } else if c == "," && !sawPoint && integerDigits > 0 && isGroup(s, at: j + 1, end: end) {
                grouped = true
            } else if c == "." && !sawPoint && j + 1 < end && s[j + 1].isASCIIDigit {
                sawPoint = true
            } else {
                break
            }
            j += 1
        }
        let hasLeadingZero = integerDigits >= 2 && s[i] == "0" && !grouped
        var restored = false
        if hasLeadingZero && !sawPoint {
            // `05%` in PDF text whose decimal points were lost: 0.5.
            exponent = -(integerDigits - 1)
            restored = true
        }
        var number = DecimalNumber(mantissa: mantissa, exponent: exponent)
        var magnitude = false
        var powers: [Int] = []
        // Latin letters right after the digits: a k/w magnitude (`15k元`), or a code (`5G`).
        if j < end && s[j].isASCIILetter {
            let letter = s[j].value | 0x20
            let next = j + 1 < end ? s[j + 1] : " "
            // 15k元, 10~15k元: a magnitude only before money (4K电视 is a code).
            guard letter == 0x6B || letter == 0x77, !next.isASCIIAlphanumeric,
                  Units.currencySuffixes.matches(s, at: j + 1, limit: end) else { return nil }
            let power = letter == 0x6B ? 3 : 4
            number = number.scaled(byPowerOfTen: power)
            powers.append(power)
            magnitude = true
            j += 1
        } else {
            // 500余万, 3万多: about the stated part, times the units after it.
            if j + 1 < end, s[j] == "余" || s[j] == "多" || s[j] == "几" || s[j] == "幾", ChineseNumeral.unitValue(s[j + 1]) != nil {
                approximate = true
                j += 1
            }
            while j < end, let power = ChineseNumeral.unitValue(s[j]), !startsMeasureWord(s, at: j, end: end) {
                number = number.scaled(byPowerOfTen: power)
                powers.append(power)
                magnitude = true
                j += 1
            }
            // 5万4千6百, 3万4000, 100万三千, 1千零1: a smaller numeral continuing one with units.
            if let last = powers.last, last >= 2, !approximate, !sawPoint, let (close, rest) = continuation(s, at: j, end: end, below: last),
               let sum = number.adding(rest) {
                number = sum
                powers = []
                j = close
            }
        }
        return Numeral(range: i..<j, value: number, isArabic: true, unitsOnly: false, isLoneOne: false,
                       isPositional: false,
                       restoredDecimalPoint: restored, approximate: approximate, hasMagnitude: magnitude,
                       lendablePowers: cumulative(powers))
    }

    /// The numeral continuing an Arabic one with units at `j` (after an optional 零): Arabic digits,
    /// or Chinese with a unit (`三千`, not a lone `一`, which is more often a word: 100万一次性), and
    /// smaller than 10^`power`.
    static func continuation(_ s: [Unicode.Scalar], at j: Int, end: Int, below power: Int) -> (Int, DecimalNumber)? {
        var k = j
        if k < end && s[k] == "零" { k += 1 }
        guard k < end, let next = scan(s, at: k, end: end), next.range.lowerBound == k, !next.approximate else { return nil }
        if !next.isArabic && (next.isPositional || next.unitsOnly) { return nil }
        if next.isArabic && (next.restoredDecimalPoint || next.value.exponent < 0) && !next.hasMagnitude { return nil }
        guard next.value.doubleValue < DecimalNumber(mantissa: 1, exponent: power).doubleValue else { return nil }
        return (next.range.upperBound, next.value)
    }

    /// `,` followed by exactly three digits.
    @inline(__always)
    static func isGroup(_ s: [Unicode.Scalar], at k: Int, end: Int) -> Bool {
        guard k + 2 < end, s[k].isASCIIDigit, s[k + 1].isASCIIDigit, s[k + 2].isASCIIDigit else { return false }
        return k + 3 >= end || !s[k + 3].isASCIIDigit
    }

    /// A unit character that begins a measure word or a fraction rather than multiplying:
    /// `千瓦`, `千米`, `千克`, `百分之`, `十分`.
    @inline(__always)
    static func startsMeasureWord(_ s: [Unicode.Scalar], at j: Int, end: Int) -> Bool {
        guard j + 1 < end else { return false }
        return s[j + 1] == "分" || startsPhysicalUnit(s, at: j, end: end)
    }

    /// `千克`, `千米`, `千瓦`, `百帕`: a unit of measure that begins with a numeral character.
    @inline(__always)
    static func startsPhysicalUnit(_ s: [Unicode.Scalar], at j: Int, end: Int) -> Bool {
        guard j + 1 < end, s[j] == "千" || s[j] == "仟" || s[j] == "百" else { return false }
        let next = s[j + 1]
        return next == "瓦" || next == "米" || next == "克" || next == "伏" || next == "卡" || next == "帕"
            || next == "兆" || next == "焦"
    }

    /// Powers written innermost last (`[1, 4]` for 十万) summed from the end: `[4, 5]`.
    static func cumulative(_ powers: [Int]) -> [Int] {
        var result: [Int] = []
        var total = 0
        for p in powers.reversed() {
            total += p
            result.append(total)
        }
        return result
    }

    // MARK: - Chinese

    /// No Chinese numeral is longer (the longest financial amounts run to about 32 characters);
    /// a longer run of numeral characters is read from its start only, which keeps the search
    /// for its longest numeral prefix linear.
    static let longestChineseNumeral = 48

    static func scanChinese(_ s: [Unicode.Scalar], at i: Int, end: Int) -> Numeral? {
        var j = i
        var sawPoint = false
        let end = min(end, i + longestChineseNumeral)
        while j < end {
            let c = s[j]
            if sawPoint {
                guard isDecimalDigit(c) else { break }
            } else if c == "点" || c == "點" {
                guard j > i, j + 1 < end, isDecimalDigit(s[j + 1]) else { break }
                sawPoint = true
            } else if !isChineseNumeralCharacter(c) || (j > i && startsPhysicalUnit(s, at: j, end: end)) {
                break  // 五十千克 is 50 kilograms, not 1050 grams
            }
            j += 1
        }
        // 万分之三, 亿分之一: a lone 万 or 亿 before 分之 is ten thousand or a hundred million.
        if j == i + 1, i + 1 < end, s[i + 1] == "分", let power = ChineseNumeral.unitValue(s[i]), power >= 4 {
            return chineseNumeral(s, from: i, to: j, value: DecimalNumber(mantissa: 1, exponent: power), end: end)
        }
        // 陆地, 队伍, 拾取, 放肆: a lone financial numeral inside a word is none.
        if j == i + 1, financialDigits.contains(s[i]) {
            let previous: Unicode.Scalar = i > 0 ? s[i - 1] : " "
            let wordBefore = previous.isHan && !"之负負第的为是".unicodeScalars.contains(previous)
            let unitAfter = j < end && (s[j] == "分" || s[j] == "角" || Units.measureWords.matches(s, at: j, limit: end)
                || Units.currencySuffixes.matches(s, at: j, limit: end))
            let wordAfter = j < end && s[j].isHan && !unitAfter
            if wordBefore || wordAfter { return nil }
        }
        // The longest prefix of the run that reads as a numeral.
        while j > i {
            if let value = ChineseNumeral.value(of: s[i..<j]) {
                return chineseNumeral(s, from: i, to: j, value: value, end: end)
            }
            j -= 1
        }
        return nil
    }

    static func chineseNumeral(_ s: [Unicode.Scalar], from i: Int, to j0: Int, value: DecimalNumber, end: Int) -> Numeral {
        var j = j0
        var number = value
        var digits = 0, units = 0
        var trailing: [Int] = []
        var point = false
        for c in s[i..<j] {
            if c == "点" || c == "點" { point = true; continue }
            if let p = ChineseNumeral.unitValue(c) {
                units += 1
                trailing.append(p)
            } else {
                if !point { digits += 1 }
                trailing.removeAll()
            }
        }
        if point { trailing.removeAll() }
        var approximate = false
        var magnitude = s[i..<j].contains { (ChineseNumeral.unitValue($0) ?? 0) >= 4 }
        // 十几万, 二十几, 三十多万, 三千余万: about the stated part, times the units after it.
        if j < end, s[j] == "几" || s[j] == "幾" || ((s[j] == "多" || s[j] == "余") && j + 1 < end && ChineseNumeral.unitValue(s[j + 1]) != nil) {
            approximate = true
            j += 1
            trailing.removeAll()
            while j < end, let p = ChineseNumeral.unitValue(s[j]), !startsMeasureWord(s, at: j, end: end) {
                number = number.scaled(byPowerOfTen: p)
                trailing.append(p)
                if p >= 4 { magnitude = true }
                j += 1
            }
        }
        // 两个亿, 三个万 (colloquial): 个 between the numeral and its magnitude.
        if j + 1 < end, s[j] == "个" || s[j] == "個", let p = ChineseNumeral.unitValue(s[j + 1]), p >= 4,
           j + 2 >= end || ChineseNumeral.unitValue(s[j + 2]) == nil {
            number = number.scaled(byPowerOfTen: p)
            trailing = [p]
            magnitude = true
            j += 2
        }
        return Numeral(range: i..<j, value: number, isArabic: false, unitsOnly: digits == 0, isLoneOne: j - i == 1 && s[i] == "一",
                       isPositional: units == 0 && !point,
                       restoredDecimalPoint: false, approximate: approximate, hasMagnitude: magnitude,
                       lendablePowers: cumulative(trailing))
    }
}
