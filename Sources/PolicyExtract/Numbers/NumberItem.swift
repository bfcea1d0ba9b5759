import PolicyCore

/// One number in a paragraph with its unit and the words right after it, before ranges,
/// coordination and qualifiers in front of it are settled (`NumberExtractor`).
struct NumberItem: Sendable {
    enum Unit: Sendable, Equatable {
        /// No unit: a bare number, which may take the unit of a neighbour (`1-2家`, `5亿和7.5亿元`).
        case none
        case currency(String)
        case percent(points: Bool)
        case measure(String)
        /// `三分之一`: a number, but no record of ours.
        case fraction

        var isRecord: Bool {
            switch self {
            case .currency, .percent, .measure: return true
            case .none, .fraction: return false
            }
        }
    }

    /// Everything read so far: sign, currency sign, numeral, unit, suffix words.
    var range: Range<Int>
    /// Where the numeral itself starts.
    var numberStart: Int
    /// In the unit's base (元, percent, count); nil for a range.
    var value: DecimalNumber?
    var min: DecimalNumber?
    var max: DecimalNumber?
    var unit: Unit
    /// The first numeral (range bounds lend their magnitude through it).
    var numeral: Numeral
    var approximate = false
    var isRange = false
    /// 以上, 以下, 左右 … after the unit.
    var suffix: QualifierWord?
    var per: String?
    /// `第3`: an ordinal, no count.
    var ordinal = false
    /// Written `百分之三十`: a bare number after `到` is a percent too (`百分之三十到四十一`).
    var percentWord = false
    /// Where a `-` read as a sign stands (it may turn out to be a range dash).
    var signStart: Int?
}

/// Reads `NumberItem`s: numerals and the units and words around them.
struct NumberItemReader {
    let s: [Unicode.Scalar]
    let paragraph: Range<Int>
    var end: Int { paragraph.upperBound }

    /// The item starting at `i` (a sign, a currency sign or word, `百分之`, or a numeral), or nil.
    func item(at i: Int) -> NumberItem? {
        var p = i
        var prefixCode: String? = nil
        if let (length, code) = Units.currencyPrefixes.longestMatch(in: s, at: p, limit: end) {
            var q = p + length
            while q < end && s[q] == " " { q += 1 }
            guard q < end, NumeralScanner.canStart(s[q]) || s[q] == "负" else { return nil }
            prefixCode = code
            p = q
        }
        var signStart: Int? = nil
        if s[p] == "负" || (s[p] == "-" && p + 1 < end && s[p + 1].isASCIIDigit) {
            signStart = p
            p += 1
            if p < end && s[p] == "的" { p += 1 }
        }
        guard p < end, let numeral = NumeralScanner.scan(s, at: p, end: end) ?? magnitudeAlone(at: p) else { return nil }
        var item = NumberItem(range: i..<numeral.range.upperBound, numberStart: p,
                              value: numeral.value, unit: .none, numeral: numeral)
        item.signStart = signStart
        item.ordinal = p > paragraph.lowerBound && s[p - 1] == "第"
        item.approximate = numeral.approximate
        var j = numeral.range.upperBound
        if j < end && s[j] == "分", let (close, value, isPercent) = percentOrFraction(numeral, at: j) {
            item.value = value
            item.unit = isPercent ? .percent(points: false) : .fraction
            item.percentWord = isPercent
            j = close
        } else if let (close, unit, value) = unitAfter(numeral, at: j, prefixCode: prefixCode, approximate: &item.approximate) {
            item.unit = unit
            item.value = value
            j = close
        } else if let code = prefixCode {
            item.unit = .currency(code)
        }
        if signStart != nil, let v = item.value { item.value = v.negated }
        j = readSuffix(into: &item, at: j)
        item.range = i..<j
        return item
    }

    /// `亿元以上`, `万元以下`: a magnitude with no numeral before a bound stands for one of it.
    func magnitudeAlone(at p: Int) -> Numeral? {
        var j = p
        var power = 0
        while j < end, let unit = ChineseNumeral.unitValue(s[j]) {
            power += unit
            j += 1
        }
        guard power >= 4, j + 2 < end, s[j] == "元", Qualifiers.suffixes.matches(s, at: j + 1, limit: end) else { return nil }
        return Numeral(range: p..<j, value: DecimalNumber(mantissa: 1, exponent: power), isArabic: false, unitsOnly: true,
                       isLoneOne: false, isPositional: false,
                       restoredDecimalPoint: false, approximate: false, hasMagnitude: true, lendablePowers: [power])
    }

    // MARK: - Percent words and fractions

    /// `百分之N`, `千分之N`, `万分之N`, `百万分之N`, `百分N`, `百分百`, or a fraction `三分之一`,
    /// with `分` at `j`. Returns the end, the value (percent for percent words) and whether it is one.
    func percentOrFraction(_ numeral: Numeral, at j: Int) -> (Int, DecimalNumber, Bool)? {
        let hasZhi = j + 1 < end && s[j + 1] == "之"
        var k = j + (hasZhi ? 2 : 1)
        var negative = false
        if k < end && s[k] == "负" { negative = true; k += 1 }
        guard let part = NumeralScanner.scan(s, at: k, end: end) else { return nil }
        let base = numeral.value.doubleValue
        if numeral.unitsOnly, let power = Self.percentScale(base), hasZhi || power == 0 {
            let value = part.value.scaled(byPowerOfTen: power)
            return (part.range.upperBound, negative ? value.negated : value, true)
        }
        guard hasZhi, base != 0 else { return nil }
        let fraction = part.value.doubleValue / base
        // Int64(exactly:) is nil for a fraction too large to hold (二分之九千亿亿) instead of trapping.
        guard let mantissa = Int64(exactly: (fraction * 1e9).rounded()) else { return nil }
        let value = DecimalNumber(mantissa: mantissa, exponent: -9)
        return (part.range.upperBound, negative ? value.negated : value, false)
    }

    /// 百分之 (0), 千分之 (-1), 万分之 (-2), 百万分之 (-4), 千万分之 (-5): the power of ten that
    /// turns the number after it into percent.
    static func percentScale(_ base: Double) -> Int? {
        switch base {
        case 100: return 0
        case 1000: return -1
        case 10_000: return -2
        case 1_000_000: return -4
        case 10_000_000: return -5
        default: return nil
        }
    }

    // MARK: - Units

    /// The unit after a numeral: a percent sign, a currency (with 角 and 分 after 元), or a
    /// measure word. `多`/`余` between numeral and unit (`3000多欧元`, `200余场`) make it approximate.
    func unitAfter(_ numeral: Numeral, at j: Int, prefixCode: String?,
                   approximate: inout Bool) -> (Int, NumberItem.Unit, DecimalNumber)? {
        var k = j
        var infix = false
        if k < end && (s[k] == "多" || s[k] == "余") && !numeral.approximate {
            infix = true
            k += 1
        }
        if let (length, sign) = Units.percentSuffixes.longestMatch(in: s, at: k, limit: end), !numeral.unitsOnly {
            if infix { approximate = true }
            let value = sign == .permille ? numeral.value.scaled(byPowerOfTen: -1) : numeral.value
            return (k + length, .percent(points: sign == .points), value)
        }
        if let (close, code, value) = MoneyReader(s: s, paragraph: paragraph).amount(numeral, unitAt: k, prefixCode: prefixCode) {
            if infix { approximate = true }
            return (close, .currency(code), value)
        }
        if let (close, word) = measureWord(after: numeral, at: k) {
            if infix { approximate = true }
            return (close, .measure(word), numeral.value)
        }
        return nil
    }

    /// A measure word of a counted thing at `k`, unless it is part of another word (`家庭`,
    /// `个人`), a duration (`3个月`), or the numeral is a word itself (`千家万户`).
    func measureWord(after numeral: Numeral, at k: Int) -> (Int, String)? {
        guard let (length, measure) = Units.measureWords.longestMatch(in: s, at: k, limit: end) else { return nil }
        let after = k + length
        if after < end && measure.notBefore.contains(s[after]) { return nil }
        if measure.word == "个" || measure.word == "個" {
            if Units.durationsAfterGe.matches(s, at: after, limit: end) { return nil }
        }
        if numeral.unitsOnly && numeral.value != DecimalNumber(10) { return nil }
        // 十二届六次全会: a session number, not a count; 前两款, 后三条: a reference to text.
        let before = numeral.range.lowerBound - 1
        if before >= paragraph.lowerBound && s[before] == "届" { return nil }
        if before >= paragraph.lowerBound && (s[before] == "前" || s[before] == "后" || s[before] == "上" || s[before] == "下"),
           measure.word == "款" || measure.word == "条" || measure.word == "项" {
            return nil
        }
        return (after, measure.word)
    }

    // MARK: - Words after the unit

    /// Reads `以上`, `以下`, `左右` … with `(含)`/`(不含)`, and a per-unit `/辆`.
    func readSuffix(into item: inout NumberItem, at j: Int) -> Int {
        var r = j
        var inclusion: Bool? = nil
        if let (length, inclusive) = Qualifiers.inclusionMark(s, at: r, end: end) {
            inclusion = inclusive
            r += length
        }
        if let (length, word) = Qualifiers.suffixes.longestMatch(in: s, at: r, limit: end), suffixCounts(at: r, length: length) {
            var qualifier = word
            r += length
            if let (l2, inclusive) = Qualifiers.inclusionMark(s, at: r, end: end) {
                inclusion = inclusive
                r += l2
            }
            if let inclusive = inclusion, qualifier.inclusive != nil { qualifier.inclusive = inclusive }
            item.suffix = qualifier
        } else {
            r = j
        }
        if case .currency = item.unit, let (close, per) = PerUnit.afterSlash(s, at: r, end: end) {
            item.per = per
            r = close
        } else if case .measure = item.unit, let (close, per) = PerUnit.afterSlash(s, at: r, end: end) {
            item.per = per
            r = close
        }
        return r
    }

    /// Whether a suffix word at `r` is one (`上下`, `起`, `多`, `余` only at the end of a phrase).
    func suffixCounts(at r: Int, length: Int) -> Bool {
        let word = String(String.UnicodeScalarView(s[r..<(r + length)]))
        guard Qualifiers.suffixNeedsBoundary.contains(word) else { return true }
        let after = r + length
        return after >= end || !s[after].isHan || s[after] == "的"
    }
}
