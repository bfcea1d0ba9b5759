import PolicyCore
import Testing

@Suite("Chinese and Arabic numerals")
struct ChineseNumeralTests {
    @Test("whole numerals", arguments: [
        ("一", 1.0), ("十", 10), ("十二", 12), ("二十", 20), ("一百二十五", 125), ("两", 2), ("两千", 2000),
        ("三千五百万", 35_000_000), ("一亿零五百万", 105_000_000), ("一万五", 15000), ("三千五", 3500),
        ("一百零五", 105), ("二〇二三", 2023), ("零", 0), ("壹贰叁", 123), ("壹拾万", 100_000), ("十万", 100_000),
        ("四十", 40), ("一千零一", 1001), ("十三点五", 13.5), ("三点一四", 3.14), ("廿三", 23),
        ("1,234.5", 1234.5), ("3万", 30000), ("1.2万亿", 1_200_000_000_000), ("36.57亿", 3_657_000_000),
        ("5千万", 50_000_000), ("2百万", 2_000_000), ("0.5", 0.5), ("1000", 1000), ("一万亿", 1e12),
        ("两万五千", 25000),
    ])
    func values(text: String, expected: Double) {
        #expect(ChineseNumeral.value(of: text)?.doubleValue == expected)
    }

    @Test("not numerals", arguments: ["", "万", "元", "三五百", "1,23", "十万元", "abc", "第一"])
    func rejects(text: String) {
        #expect(ChineseNumeral.value(of: text) == nil)
    }

    @Test("no crash on absurd lengths")
    func huge() {
        #expect(ChineseNumeral.value(of: String(repeating: "9", count: 200)) == nil)
        #expect(ChineseNumeral.integerValue(of: "九九九九九") == 99999)
        #expect(ChineseNumeral.value(of: String(repeating: "亿", count: 50)) == nil)
    }

    @Test("writing Chinese numerals", arguments: [
        (1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (105, "一百零五"), (125, "一百二十五"), (1001, "一千零一"),
        (10000, "一万"), (10500, "一万零五百"),
    ])
    func writing(n: Int, expected: String) {
        #expect(ChineseNumeral.chinese(n) == expected)
        #expect(ChineseNumeral.integerValue(of: expected) == n)
    }
}

@Suite("Civil dates")
struct CivilDateTests {
    @Test func validity() {
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(iso: "2024-12-31")?.iso == "2024-12-31")
        #expect(CivilDate(iso: "2024-13-01") == nil)
    }

    @Test func arithmetic() throws {
        let start = try #require(CivilDate(year: 2025, month: 1, day: 1))
        #expect(start.adding(years: 5).adding(days: -1).iso == "2029-12-31")
        #expect(try #require(CivilDate(year: 2024, month: 1, day: 31)).adding(months: 1).iso == "2024-02-29")
        #expect(CivilDate(daysSinceEpoch: 0).iso == "1970-01-01")
        #expect(start.adding(days: 59).iso == "2025-03-01")
    }
}
