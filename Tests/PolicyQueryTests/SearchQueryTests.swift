@testable import PolicyQuery
import Testing

@Suite("query language")
struct SearchQueryTests {
    @Test("parsing", arguments: [
        ("汽车 补贴", "汽车 补贴"),
        ("汽车 OR 家电 补贴", "汽车 OR 家电 补贴"),
        ("汽车 | 家电", "汽车 OR 家电"),
        ("消费 -汽车", "消费 -汽车"),
        ("\"扩大 消费\" 汽车", "\"扩大 消费\" 汽车"),
        ("“扩大 消费”", "\"扩大 消费\""),
        ("－汽车 消费", "消费 -汽车"),            // full-width minus, NFKC
        ("OR 汽车 OR", "汽车"),                   // dangling operators mean nothing
        ("消费 - 汽车", "消费 汽车"),              // a lone dash is punctuation, ignored
        ("\"未闭合的 引号", "\"未闭合的 引号\""),
        ("a\"b\"", "a \"b\""),
        ("-\"以旧 换新\" 汽车", "汽车 -\"以旧 换新\""),
        ("汽车 OR -家电", "汽车 -家电"),
        ("or 汽车", "or 汽车"),                  // only upper-case OR is an operator
    ])
    func parsing(input: String, expected: String) throws {
        #expect(try SearchQuery(parsing: input).description == expected)
    }

    @Test("what cannot be a query", arguments: [
        ("", SearchQueryError.empty),
        ("   ", .empty),
        ("OR", .empty),
        ("-汽车", .onlyExclusions),
        (String(repeating: "词 ", count: 65), .tooManyTerms(limit: 64)),
        (String(repeating: "长", count: 257), .termTooLong(limit: 256)),
    ])
    func rejected(input: String, error: SearchQueryError) {
        #expect(throws: error) { try SearchQuery(parsing: input) }
    }

    @Test("plans: terms reach FTS5 only as quoted strings", arguments: [
        ("汽车", #""汽车""#),
        ("汽车 OR 家电 补贴", #"(("汽车" OR "家电") AND "补贴")"#),
        ("消费 -汽车", #""消费" NOT ("汽车")"#),
        ("汽车 OR 家电", #"("汽车" OR "家电")"#),
        ("NEAR(a b)", #"("near" + "a" AND "b")"#),
        ("a\"b", #"("a" AND "b")"#),
        ("税", #""税" *"#),
        ("以旧换新 -2024年", #""以旧" + "旧换" + "换新" NOT ("2024" + "年" *)"#),
        ("5G OR ＧＤＰ", #"("5g" OR "gdp")"#),
    ])
    func plans(input: String, expected: String) throws {
        let plan = SearchPlan(try SearchQuery(parsing: input))
        #expect(plan.match == expected)
        #expect(plan.notes.isEmpty)
    }

    @Test("punctuation-only terms are ignored, with a note; nothing but punctuation is an empty query")
    func ignored() throws {
        let query = try SearchQuery(parsing: "消费 * 《》")
        #expect(query.description == "消费")
        #expect(query.ignored == ["*", "《》"])
        #expect(SearchPlan(query).notes == ["ignored '*', '《》' (punctuation only)"])
        #expect(throws: SearchQueryError.empty) { try SearchQuery(parsing: "* ( )") }
    }

    @Test("symbols: checked literally as well; no indexable word at all means a scan")
    func literalTerms() throws {
        let percent = SearchPlan(try SearchQuery(parsing: "5%"))
        #expect(percent.match != nil)
        #expect(Set(percent.literal.arguments.compactMap { $0 as? String }) == ["5%", "５％"])
        let star = SearchPlan(try SearchQuery(parsing: "★"))
        #expect(star.match == nil)
        #expect(star.notes.count == 1)
        let excluded = SearchPlan(try SearchQuery(parsing: "补贴 -★"))
        #expect(excluded.match == #""补贴""#)
        #expect(excluded.literal.clauses.count == 1)
    }

    @Test("amounts read like the extractor reads them", arguments: [
        ("100万", 1_000_000.0), ("100万元", 1_000_000), ("2亿", 200_000_000), ("1.5万元", 15_000),
        ("50000", 50_000), ("五百万元", 5_000_000), ("人民币3000元", 3000), ("１００万", 1_000_000),
    ])
    func amounts(text: String, yuan: Double) throws {
        #expect(try AmountParser.yuan(text) == yuan)
    }

    @Test("not amounts", arguments: ["", "元", "很多", "100万美", "abc"])
    func badAmounts(text: String) {
        #expect(throws: FilterError.badAmount(text)) { try AmountParser.yuan(text) }
    }

    @Test("regions by full name, short name, abbreviation; unknown ones are refused")
    func regions() throws {
        #expect(try QueryFilters.region(named: "山西").name == "山西省")
        #expect(try QueryFilters.region(named: "晋").name == "山西省")
        #expect(try QueryFilters.region(named: "太原").name == "太原市")
        #expect(throws: FilterError.unknownRegion("火星")) { try QueryFilters.region(named: "火星") }
    }
}
