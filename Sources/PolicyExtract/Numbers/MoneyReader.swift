import PolicyCore

/// Reads the currency after a numeral, with the 角 and 分 that may follow a yuan
/// (`五元三毛`, `123元1角1分`, `十二块五`, `三块零四`, `两美元又三美分`), the currency named
/// again after 元 (`8亿元人民币`, `9000元日币`) and `整` (`壹拾壹元整`).
struct MoneyReader {
    let s: [Unicode.Scalar]
    let paragraph: Range<Int>
    var end: Int { paragraph.upperBound }

    /// Characters after `块` that still let it be money (`三块钱`, `一块二`, `7块以上`).
    static let afterKuai: ScalarSet = ["钱", "錢", "以", "左", "多", "余", "整", "起", "上", "下", "零", "又"]
    /// Characters after a lone `角`/`毛` that let it be money (`两毛五`, `2角钱`).
    static let afterJiao: ScalarSet = ["钱", "錢", "以", "左", "多", "整", "零", "又"]

    /// The amount for `numeral` with its currency word at `k`: (end, ISO code, value in the base unit).
    func amount(_ numeral: Numeral, unitAt k: Int, prefixCode: String?) -> (Int, String, DecimalNumber)? {
        guard let (length, unit) = Units.currencySuffixes.longestMatch(in: s, at: k, limit: end) else {
            // 壹分: a fen written in financial numerals.
            if k < end, s[k] == "分", isSmallDigit(numeral), s[numeral.range].allSatisfy({ NumeralScanner.financialDigits.contains($0) }) {
                // 壹分 is a fen; 十分 is "very".
                return (k + 1, "CNY", numeral.value.scaled(byPowerOfTen: -2))
            }
            return nil
        }
        let after = k + length
        if unit.isYuan {
            if !numeral.isArabic && after < end && Units.notYuanAfter.contains(s[after]) { return nil }
            if length == 1, s[k] == "块" || s[k] == "塊", after < end, s[after].isHan, !Self.afterKuai.contains(s[after]),
               !NumeralScanner.isChineseNumeralCharacter(s[after]) {
                return nil  // 3块试验田: a piece, not a yuan
            }
        } else if unit.isMinor && unit.code == "CNY" {
            guard isSmallDigit(numeral), minorStandsAlone(numeral, after: after) else { return nil }
        }
        var value = numeral.value.scaled(byPowerOfTen: unit.power)
        var code = unit.code
        if unit.isYuan, let prefix = prefixCode { code = prefix }
        var q = after
        if unit.isYuan || (unit.code == "USD" && unit.power == 0) {
            if let (close, cents) = minorParts(after: q, code: unit.code) {
                q = close
                value = value.adding(cents) ?? value
            }
        } else if unit.isMinor && unit.power == -1, let (close, fen) = fenAfterJiao(at: q) {
            q = close
            value = value.adding(fen) ?? value
        }
        if unit.isYuan, q < end, let (l2, named) = Units.currencySuffixes.longestMatch(in: s, at: q, limit: end),
           !named.isYuan, !named.isMinor {
            code = named.code
            q += l2
        }
        if unit.isYuan, q < end, s[q] == "整" || s[q] == "正" { q += 1 }
        return (q, code, value)
    }

    /// A single digit 1–9 (or 0): the numeral of a 角 or 分.
    func isSmallDigit(_ numeral: Numeral) -> Bool {
        numeral.range.count == 1 && numeral.value.exponent >= 0 && numeral.value.mantissa < 10
    }

    /// A lone `角`/`毛` is money only where no word goes on (`五角大楼`, `长三角一体化` are not).
    func minorStandsAlone(_ numeral: Numeral, after: Int) -> Bool {
        let before = numeral.range.lowerBound - 1
        if before >= paragraph.lowerBound, s[before] == "长" || s[before] == "珠" || s[before] == "金" {
            return false
        }
        guard after < end, s[after].isHan else { return true }
        if Self.afterJiao.contains(s[after]) { return true }
        // 两毛五, 两角五分: a digit (and 分) may follow.
        if ChineseNumeral.digitValue(s[after]) != nil {
            let next = after + 1
            return next >= end || !s[next].isHan || s[next] == "分" || s[next] == "钱"
        }
        return false
    }

    /// `6角三分`, `三毛`, `五`, `零四`, `又三美分` after a yuan or dollar at `q`.
    func minorParts(after q: Int, code: String) -> (Int, DecimalNumber)? {
        var r = q
        var zero = false
        if r < end && (s[r] == "又" || s[r] == "零") {
            zero = s[r] == "零"
            r += 1
        }
        guard let d = digit(at: r) else { return nil }
        let afterDigit = r + 1
        if code == "USD" {
            guard afterDigit + 1 < end, s[afterDigit] == "美", s[afterDigit + 1] == "分" else { return nil }
            return (afterDigit + 2, DecimalNumber(mantissa: Int64(d), exponent: -2))
        }
        guard code == "CNY" else { return nil }
        if afterDigit < end && (s[afterDigit] == "角" || s[afterDigit] == "毛") {
            var close = afterDigit + 1
            var value = DecimalNumber(mantissa: Int64(d), exponent: -1)
            if let (fenEnd, fen) = fenAfterJiao(at: close) {
                close = fenEnd
                value = value.adding(fen) ?? value
            }
            if close < end && (s[close] == "钱" || s[close] == "錢") { close += 1 }
            return (close, value)
        }
        if afterDigit < end && s[afterDigit] == "分" {
            var close = afterDigit + 1
            if close < end && (s[close] == "钱" || s[close] == "錢") { close += 1 }
            return (close, DecimalNumber(mantissa: Int64(d), exponent: -2))
        }
        // 一块二, 十二块五 (tenths); 三块零四 (hundredths): a digit and nothing that continues it.
        let continues = afterDigit < end && (NumeralScanner.canStart(s[afterDigit]) || s[afterDigit] == "点")
        if continues { return nil }
        if zero { return (afterDigit, DecimalNumber(mantissa: Int64(d), exponent: -2)) }
        guard r == q, q > paragraph.lowerBound, isKuai(q - 1) else { return nil }
        return (afterDigit, DecimalNumber(mantissa: Int64(d), exponent: -1))
    }

    func isKuai(_ i: Int) -> Bool { s[i] == "块" || s[i] == "塊" }

    /// `三分`, `零三分`, or a bare `五` after a 角/毛 at `q`: the fen.
    func fenAfterJiao(at q: Int) -> (Int, DecimalNumber)? {
        var r = q
        if r < end && s[r] == "零" { r += 1 }
        guard let f = digit(at: r) else { return nil }
        if r + 1 < end && s[r + 1] == "分" { return (r + 2, DecimalNumber(mantissa: Int64(f), exponent: -2)) }
        let continues = r + 1 < end && (NumeralScanner.canStart(s[r + 1]) || s[r + 1].isHan && s[r + 1] != "钱")
        return continues ? nil : (r + 1, DecimalNumber(mantissa: Int64(f), exponent: -2))
    }

    /// A single digit (Arabic or Chinese) at `r`.
    func digit(at r: Int) -> Int? {
        guard r < end else { return nil }
        if s[r].isASCIIDigit {
            guard r + 1 >= end || !s[r + 1].isASCIIDigit else { return nil }
            return Int(s[r].value - 48)
        }
        guard s[r] != "幺" && s[r] != "洞" else { return nil }
        return ChineseNumeral.digitValue(s[r])
    }
}
