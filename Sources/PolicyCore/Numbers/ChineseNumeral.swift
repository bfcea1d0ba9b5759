/// A number kept exactly as `mantissa × 10^exponent`, so that `36.57亿` is 3657000000 and not
/// 3656999999.9999995. Converted to `Double` only at the end.
public struct DecimalNumber: Sendable, Hashable, CustomStringConvertible {
    public var mantissa: Int64
    public var exponent: Int

    public init(mantissa: Int64, exponent: Int = 0) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    public init(_ integer: Int) { self.init(mantissa: Int64(integer)) }

    /// The value as a double: exact for integers below 2^53, correctly rounded otherwise.
    public var doubleValue: Double {
        if exponent >= 0 {
            return Double(mantissa) * Self.powerOfTen(exponent)
        }
        return Double(mantissa) / Self.powerOfTen(-exponent)
    }

    /// The value if it is a whole number that fits in `Int`.
    public var integerValue: Int? {
        var m = mantissa, e = exponent
        while e < 0 {
            guard m % 10 == 0 else { return nil }
            m /= 10
            e += 1
        }
        while e > 0 {
            let (r, overflow) = m.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            m = r
            e -= 1
        }
        return Int(exactly: m)
    }

    /// Multiplies by 10^power (万 = 4, 亿 = 8).
    public func scaled(byPowerOfTen power: Int) -> DecimalNumber {
        DecimalNumber(mantissa: mantissa, exponent: exponent + power)
    }

    public var description: String { JSONNumber.format(doubleValue) }

    static func powerOfTen(_ n: Int) -> Double {
        if n < powers.count { return powers[n] }
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }

    private static let powers: [Double] = (0...22).map { n in
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }
}

/// Reading Chinese and Arabic numerals: `一百二十五`, `两`, `〇`/`零`, `壹贰叁`, `二〇二三`, `1,234.5`,
/// `1.2万亿`, `三千五百万`, `十三点五`.
///
/// These functions read a whole numeral; finding numerals in running text is the extractor's job.
public enum ChineseNumeral {
    /// Value of a Chinese digit character (`一` → 1, `两` → 2, `〇`/`零` → 0, `叁` → 3), else nil.
    @inlinable
    public static func digitValue(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "零", "〇", "○", "洞": return 0
        case "一", "壹", "幺": return 1
        case "二", "两", "贰", "兩", "貳", "弍": return 2
        case "三", "叁", "參", "叄": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆", "陸": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    /// Power of ten of a Chinese unit character (`十` → 1, `百` → 2, `千` → 3, `万` → 4, `亿` → 8).
    @inlinable
    public static func unitValue(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "十", "拾": return 1
        case "百", "佰": return 2
        case "千", "仟": return 3
        case "万", "萬": return 4
        case "亿", "億": return 8
        default: return nil
        }
    }

    /// Reads a whole numeral string, Chinese, Arabic or mixed (`1.2万亿`). Nil if it is not one.
    public static func value(of text: String) -> DecimalNumber? {
        value(of: Array(text.unicodeScalars)[...])
    }

    /// Reads a whole numeral. Nil if it is not one, or if it is too large to hold exactly.
    public static func value(of s: ArraySlice<Unicode.Scalar>) -> DecimalNumber? {
        guard let first = s.first else { return nil }
        if first.isASCIIDigit || (first == "." && s.count > 1) {
            return arabicValue(of: s)
        }
        return chineseValue(of: s)
    }

    /// An integer numeral (a clause number like `一百二十五`, `十`, `廿三`, `12`). Nil if not one.
    public static func integerValue(of s: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let v = value(of: s), v.exponent >= 0 else { return nil }
        return v.integerValue
    }

    public static func integerValue(of text: String) -> Int? {
        integerValue(of: Array(text.unicodeScalars)[...])
    }

    // MARK: - Arabic, with an optional Chinese magnitude suffix

    /// `1,234.5`, `3万`, `1.2万亿`, `5千万`, `2百万`.
    static func arabicValue(of s: ArraySlice<Unicode.Scalar>) -> DecimalNumber? {
        var mantissa: Int64 = 0
        var exponent = 0
        var sawDigit = false, sawPoint = false
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c.isASCIIDigit {
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(Int64(c.value - 48))
                if o1 || o2 { return nil }
                mantissa = m2
                if sawPoint { exponent -= 1 }
                sawDigit = true
            } else if c == "." && !sawPoint {
                sawPoint = true
            } else if c == "," && !sawPoint && sawDigit {
                // grouping comma: must be followed by exactly three digits
                let rest = s[(i + 1)...].prefix(4)
                guard rest.prefix(3).count == 3, rest.prefix(3).allSatisfy(\.isASCIIDigit),
                      rest.count < 4 || !rest.last!.isASCIIDigit else { return nil }
            } else {
                break
            }
            i += 1
        }
        guard sawDigit else { return nil }
        var number = DecimalNumber(mantissa: mantissa, exponent: exponent)
        // Magnitude suffix: 万, 亿, 万亿, 千万, 百万, 千, 百, 十万 …
        while i < s.endIndex, let power = unitValue(s[i]) {
            number = number.scaled(byPowerOfTen: power)
            i += 1
        }
        return i == s.endIndex ? number : nil
    }

    // MARK: - Chinese

    /// `三千五百万`, `一亿零五百万`, `十二`, `两`, `二〇二三` (positional), `十三点五`, `四點五`, `一万五` (= 15000).
    static func chineseValue(of s: ArraySlice<Unicode.Scalar>) -> DecimalNumber? {
        // Split off a fractional part at 点 (點 in traditional characters).
        if let point = s.firstIndex(where: { $0 == "点" || $0 == "點" }) {
            guard let whole = chineseValue(of: s[s.startIndex..<point]) ?? (point == s.startIndex ? DecimalNumber(0) : nil),
                  whole.exponent >= 0, let wholeInt = whole.integerValue else { return nil }
            let fraction = s[(point + 1)...]
            guard !fraction.isEmpty else { return nil }
            var mantissa = Int64(wholeInt)
            var exponent = 0
            for c in fraction {
                guard let d = digitValue(c) else { return nil }
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                if o1 { return nil }
                mantissa = m1 + Int64(d)
                exponent -= 1
            }
            return DecimalNumber(mantissa: mantissa, exponent: exponent)
        }
        guard !s.isEmpty else { return nil }
        // 廿 (20), 卅 (30), 卌 (40) in dates and old texts.
        if let first = s.first, let tens = first == "廿" ? 2 : first == "卅" ? 3 : first == "卌" ? 4 : nil {
            let rest = s.dropFirst()
            if rest.isEmpty { return DecimalNumber(tens * 10) }
            guard rest.count == 1, let d = digitValue(rest.first!) else { return nil }
            return DecimalNumber(tens * 10 + d)
        }
        let hasUnit = s.contains { unitValue($0) != nil }
        if !hasUnit {
            // Positional digits: 二〇二三 → 2023; a single digit is itself.
            var value: Int64 = 0
            for c in s {
                guard let d = digitValue(c) else { return nil }
                let (m, o) = value.multipliedReportingOverflow(by: 10)
                if o { return nil }
                value = m + Int64(d)
            }
            return DecimalNumber(mantissa: value)
        }
        var yi: Int64 = 0        // everything at 亿 level and above, already multiplied out
        var wan: Int64 = 0       // the 万 group
        var section: Int64 = 0   // below 万
        var digit: Int64 = -1    // pending digit, -1 when none
        var lastUnitPower = 0
        var afterZero = false
        for c in s {
            if let d = digitValue(c) {
                if d == 0 { afterZero = true; digit = -1; continue }
                if digit >= 0 { return nil }  // two digits in a row: 三五 is not a numeral here
                digit = Int64(d)
                continue
            }
            guard let power = unitValue(c) else { return nil }
            switch power {
            case 1, 2, 3:
                let multiplier: Int64 = power == 1 ? 10 : power == 2 ? 100 : 1000
                let d = digit >= 0 ? digit : 1  // 十 alone means 一十
                section += d * multiplier
                digit = -1
                lastUnitPower = power
            case 4:
                let group = section + max(digit, 0)
                if group == 0 && wan == 0 && yi == 0 { return nil }
                let (w, o) = (wan + group).multipliedReportingOverflow(by: 10_000)
                if o { return nil }
                wan = w
                section = 0
                digit = -1
                lastUnitPower = 4
            default: // 亿
                let group = wan + section + max(digit, 0)
                let (y, o) = (yi + group).multipliedReportingOverflow(by: 100_000_000)
                if o || (yi + group) == 0 { return nil }
                yi = y
                wan = 0
                section = 0
                digit = -1
                lastUnitPower = 8
            }
            afterZero = false
        }
        var tail = max(digit, 0)
        // 一万五 = 15000, 三千五 = 3500: a last digit right after a unit counts in the next unit down.
        if digit > 0 && !afterZero && lastUnitPower >= 2 {
            var scale: Int64 = 1
            for _ in 0..<(lastUnitPower - 1) { scale *= 10 }
            tail = digit * scale
        }
        let (total, o) = yi.addingReportingOverflow(wan + section + tail)
        return o ? nil : DecimalNumber(mantissa: total)
    }

    /// Writes a non-negative integer in Chinese numerals, the way clause labels are written
    /// (`125` → `一百二十五`, `10` → `十`, `20` → `二十`).
    public static func chinese(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 0 { return "负" + chinese(-n) }
        if n < 10 { return digits[n] }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        func below10000(_ n: Int) -> String {
            let units = ["千", "百", "十", ""]
            let parts = [n / 1000, (n / 100) % 10, (n / 10) % 10, n % 10]
            var out = ""
            var zero = false
            var started = false
            for (k, d) in parts.enumerated() {
                if d == 0 {
                    if started { zero = true }
                    continue
                }
                if zero { out += "零"; zero = false }
                out += digits[d] + units[k]
                started = true
            }
            return out
        }
        if n < 10_000 { return below10000(n) }
        if n < 100_000_000 {
            let high = n / 10_000, low = n % 10_000
            return chinese(high) + "万" + (low == 0 ? "" : (low < 1000 ? "零" : "") + below10000(low))
        }
        let high = n / 100_000_000, low = n % 100_000_000
        return chinese(high) + "亿" + (low == 0 ? "" : (low < 10_000_000 ? "零" : "") + chinese(low))
    }
}
