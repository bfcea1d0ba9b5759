import Foundation
import PolicyCore

/// Bare numerals as the number suites test them (the contract has no record kind for a bare
/// number, so these go through the scanner directly).
public enum NumeralReading {
    /// The value of `text` read as one numeral (`负三点八`, `1.2万`, `壹佰万零伍拾肆`), or nil if it
    /// is not one whole numeral.
    public static func wholeValue(_ text: String) -> Double? {
        let view = NormalizedText(normalizing: text)
        var end = view.count
        while end > 0 && (view.scalars[end - 1] == "\n" || view.scalars[end - 1] == " ") { end -= 1 }
        guard end > 0 else { return nil }
        let s = view.scalars
        var i = 0
        var negative = false
        if s[0] == "-" || s[0] == "负" || s[0] == "負" {
            negative = true
            i = 1
        }
        if let numeral = fraction(s, at: i, end: end) ?? NumeralScanner.scan(s, at: i, end: end), numeral.range.upperBound == end {
            return negative ? -numeral.value.doubleValue : numeral.value.doubleValue
        }
        // cn2an reads amounts written out in full as numbers too (`壹拾壹元整`, `玖仟陆佰陆拾伍圆壹角捌分`).
        guard let item = NumberItemReader(s: s, paragraph: 0..<end).item(at: 0), item.range.upperBound == end,
              case .currency = item.unit, let value = item.value else { return nil }
        return value.doubleValue
    }

    /// `四分之一`: a fraction as a numeral.
    static func fraction(_ s: [Unicode.Scalar], at i: Int, end: Int) -> Numeral? {
        guard let denominator = NumeralScanner.scan(s, at: i, end: end) else { return nil }
        let close = denominator.range.upperBound
        guard close + 1 < end, s[close] == "分", s[close + 1] == "之",
              let numerator = NumeralScanner.scan(s, at: close + 2, end: end), denominator.value.doubleValue != 0 else {
            return nil
        }
        let value = numerator.value.doubleValue / denominator.value.doubleValue
        var result = numerator
        result.range = i..<numerator.range.upperBound
        guard let mantissa = Int64(exactly: (value * 1e12).rounded()) else { return nil }
        result.value = DecimalNumber(mantissa: mantissa, exponent: -12)
        return result
    }

    /// The numerals of running text, in order, with signs (`负32`, `-10000`).
    public static func all(in text: String) -> [Double] {
        let view = NormalizedText(normalizing: text)
        let s = view.scalars
        let paragraph = 0..<view.count
        var values: [Double] = []
        var i = 0
        while i < view.count {
            let previous: Unicode.Scalar = i > 0 ? s[i - 1] : " "
            let startsHere = s[i].isASCIIDigit ? !previous.isASCIIAlphanumeric && previous != "." && previous != ","
                : NumeralScanner.isChineseNumeralCharacter(s[i]) && !NumeralScanner.isChineseNumeralCharacter(previous)
            if startsHere, let numeral = NumeralScanner.scan(s, at: i, end: paragraph.upperBound) {
                let negative = previous == "负" || previous == "負" || (previous == "-" && (i < 2 || !s[i - 2].isASCIIDigit))
                let close = numeral.range.upperBound
                // 百分之N and 个百分点: the percent sign is no number of its own.
                if numeral.unitsOnly && close < view.count && s[close] == "分" {
                    i = close + 1
                    continue
                }
                // 五分之一: a fraction.
                if let fraction = fraction(s, at: i, end: paragraph.upperBound) {
                    values.append(negative ? -fraction.value.doubleValue : fraction.value.doubleValue)
                    i = fraction.range.upperBound
                    continue
                }
                values.append(negative ? -numeral.value.doubleValue : numeral.value.doubleValue)
                i = close
                continue
            }
            i += 1
        }
        return values
    }

    /// Whether two numbers agree to a relative 1e-9.
    public static func same(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    }
}

/// The number suites: cn2an's own tests and Recognizers-Text's Chinese NumberModel.
public enum NumeralSuites {
    public struct Score: Sendable {
        public var name: String
        public var passed = 0
        public var total = 0
        public var failures: [String] = []

        /// Counts one case, and why it failed.
        mutating func count(_ ok: Bool, failure: @autoclosure () -> String) {
            total += 1
            if ok { passed += 1 } else { failures.append(failure()) }
        }

        /// Counts one case: `text` read whole must give `value`.
        mutating func check(_ text: String, reads value: Double) {
            let read = NumeralReading.wholeValue(text)
            count(read.map { NumeralReading.same($0, value) } ?? false,
                  failure: "\(text) → \(read.map { JSONNumber.format($0) } ?? "nothing"), expected \(JSONNumber.format(value))")
        }
    }

    /// cn2an `cn2an_test.py`: numerals of its strict, normal and smart modes must read to their
    /// value; the inputs its normal and smart modes reject must not read as one numeral. (Its
    /// strict-mode rejections are not scored: like its normal mode, we read positional digits,
    /// `一一` = 11, which years need.)
    public static func cn2an(_ data: Data) throws -> Score {
        var score = Score(name: "cn2an cn2an_test.py")
        guard case .object(let files) = try JSONValue.parse(data), let tests = files.first(where: { $0.0 == "cn2an/cn2an_test.py" })?.1
        else { return score }
        for table in ["strict_data_dict", "normal_data_dict", "smart_data_dict"] {
            guard case .object(let pairs)? = tests[table] else { continue }
            for (text, expected) in pairs {
                if case .number(let value) = expected { score.check(text, reads: value) }
            }
        }
        for table in ["error_normal_datas", "error_smart_datas"] {
            guard case .array(let items)? = tests[table] else { continue }
            for case .string(let text) in items {
                score.count(NumeralReading.wholeValue(text) == nil, failure: "\(text) read as a numeral; cn2an rejects it")
            }
        }
        return score
    }

    /// Recognizers-Text `Number/Chinese/NumberModel.json`: the numbers found in each input, in
    /// order, must have the expected values.
    public static func recognizersNumbers(_ data: Data) throws -> Score {
        var score = Score(name: "Recognizers-Text NumberModel")
        guard case .array(let cases) = try JSONValue.parse(data) else { return score }
        for item in cases {
            guard case .string(let input)? = item["Input"], case .array(let results)? = item["Results"] else { continue }
            var expected: [Double] = []
            var usable = true
            for result in results {
                guard case .string(let value)? = result["Resolution"]?["value"], let v = Double(value) else {
                    usable = false
                    break
                }
                expected.append(v)
            }
            guard usable else { continue }
            let found = NumeralReading.all(in: input)
            score.count(found.count == expected.count && zip(found, expected).allSatisfy({ NumeralReading.same($0, $1) }),
                        failure: "\(input) → \(found.map { JSONNumber.format($0) }), expected \(expected.map { JSONNumber.format($0) })")
        }
        return score
    }

    /// The bare numerals inside the peer cases' amounts and percents (`numeral` of each record).
    public static func peerNumerals(_ data: Data) throws -> Score {
        var score = Score(name: "numerals inside peer amounts and percents")
        guard case .array(let cases) = try JSONValue.parse(data) else { return score }
        for item in cases {
            guard case .array(let expected)? = item["expect"] else { continue }
            for record in expected {
                if case .string(let text)? = record["numeral"]?["text"], case .number(let value)? = record["numeral"]?["value"] {
                    score.check(text, reads: value)
                }
            }
        }
        return score
    }
}
