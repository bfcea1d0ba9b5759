import PolicyCore
import Testing
@testable import PolicyExtract

@Suite("Numerals in running text")
struct NumeralScannerTests {
    /// Reads the numeral at the start of `text` (normalized first, as the extractor sees it).
    static func read(_ text: String) -> Numeral? {
        let view = NormalizedText(normalizing: text)
        return NumeralScanner.scan(view.scalars, at: 0, end: view.count - 1)
    }

    @Test("values", arguments: [
        // Arabic, ASCII and full-width, grouping and decimals
        ("2000", 2000.0), ("２０００", 2000), ("1,234", 1234), ("1,234,567.5", 1_234_567.5), ("36.57", 36.57),
        ("０.４", 0.4), ("１．０７５３", 1.0753), ("601,293.11", 601_293.11),
        // Arabic with Chinese magnitudes
        ("3万", 30000), ("1.2万亿", 1.2e12), ("36.57亿", 3.657e9), ("5千万", 5e7), ("3千万亿", 3e15), ("9佰", 900),
        ("100万", 1e6), ("10.1万", 101_000),
        // Chinese
        ("三千五百万", 3.5e7), ("两", 2), ("两千", 2000), ("十二", 12), ("十", 10), ("一百零五", 105), ("〇", 0), ("零", 0),
        ("二〇二三", 2023), ("壹贰叁", 123), ("壹拾壹", 11), ("肆佰叁拾萬", 4_300_000), ("十三点五", 13.5), ("四點五", 4.5),
        ("一万五", 15000), ("三千五", 3500), ("两千六", 2600), ("一百二", 120), ("一百二十万三", 1_203_000),
        ("六十四万零一百四十三", 640_143), ("壹亿伍仟万陆仟叁佰伍拾伍", 150_006_355), ("壹拾万亿", 1e13), ("廿", 20),
        ("玖仟捌佰柒拾陆万伍仟肆佰叁拾贰亿玖仟捌佰柒拾陆万伍仟肆佰叁拾贰", 9_876_543_298_765_432),
        ("拾万零五十六点叁叁", 100_056.33), ("一七二零", 1720), ("零点零零一", 0.001),
        // about the stated part
        ("十几万", 100_000), ("三十多万", 300_000), ("二十几", 20), ("两个亿", 2e8),
        // PDF text that lost its decimal point
        ("05", 0.5), ("０５", 0.5), ("005", 0.05),
    ])
    func values(text: String, expected: Double) throws {
        let numeral = try #require(Self.read(text + "。"))
        #expect(numeral.value.doubleValue == expected)
    }

    @Test("the whole numeral is read", arguments: ["2000", "1.2万亿", "三千五百万", "十几万", "1,234.5", "两个亿", "百万"])
    func wholeRun(text: String) throws {
        let numeral = try #require(Self.read(text + "元"))
        #expect(numeral.range == 0..<text.unicodeScalars.count)
    }

    @Test("flags", arguments: [
        ("十几万", "approximate"), ("05", "restoredDecimalPoint"), ("3万", "hasMagnitude"), ("一", "isLoneOne"),
        ("百万", "unitsOnly"), ("二〇二三", "isPositional"), ("5", "isArabic"),
    ])
    func flags(text: String, flag: String) throws {
        let n = try #require(Self.read(text + "台"))
        let flags: [String: Bool] = [
            "approximate": n.approximate, "restoredDecimalPoint": n.restoredDecimalPoint, "hasMagnitude": n.hasMagnitude,
            "isLoneOne": n.isLoneOne, "unitsOnly": n.unitsOnly, "isPositional": n.isPositional, "isArabic": n.isArabic,
        ]
        #expect(flags[flag] == true)
    }

    @Test("not numerals", arguments: ["5G基站", "A202107", "4K电视", "第", "元", "幺八九"])
    func rejects(text: String) {
        #expect(Self.read(text) == nil)
    }

    @Test("measure words that start with a numeral character end the numeral", arguments: [
        ("五十千克", 50.0, 2), ("100千瓦", 100, 3), ("一百五十千米", 150, 4), ("100万千瓦", 1e6, 4),
    ])
    func stopsBeforeUnits(text: String, value: Double, length: Int) throws {
        let n = try #require(Self.read(text))
        #expect(n.value.doubleValue == value)
        #expect(n.range.count == length)
    }

    @Test("magnitudes a range's second bound lends to its first", arguments: [
        ("三十万", [4, 5]), ("两千万", [4, 7]), ("三仟", [3]), ("3万", [4]), ("十八", []), ("15k", [3]),
    ])
    func lendable(text: String, powers: [Int]) throws {
        #expect(try #require(Self.read(text + "元")).lendablePowers == powers)
    }

    @Test("exact sums of money parts")
    func decimalSums() throws {
        let a = DecimalNumber(mantissa: 1_000_054)
        let b = DecimalNumber(mantissa: 43, exponent: -2)
        #expect(try #require(a.adding(b)).doubleValue == 1_000_054.43)
        #expect(DecimalNumber(mantissa: Int64.max).adding(DecimalNumber(1)) == nil)
    }
}
