import GRDB
@testable import PolicyStore
import Testing

@Suite("full-text phrases")
struct FullTextPhraseTests {
    @Test("expressions: bigram phrases, a run's last character as a prefix, always quoted", arguments: [
        ("税", #""税" *"#),
        ("财政", #""财政""#),
        ("财政部", #""财政" + "政部""#),
        ("以旧换新", #""以旧" + "旧换" + "换新""#),
        ("GDP", #""gdp""#),
        ("ＧＤＰ", #""gdp""#),
        ("5G", #""5g""#),
        ("５Ｇ", #""5g""#),
        ("2024年", #""2024" + "年" *"#),
        ("２０２４年", #""2024" + "年" *"#),
        ("2024年度", #""2024" + "年度""#),
        ("年度 2024", #""年度" + "度" * + "2024""#),
        ("国发〔2024〕7号", #""国发" + "发" * + "2024" + "7" + "号" *"#),
        ("1.5万元", #""1.5" + "万元""#),
        // Hostile input: FTS5 syntax is only ever text inside quotes.
        ("\"", #""""#),
        ("*", #""""#),
        ("《》", #""""#),
        ("税*", #""税" *"#),
        ("a\"b", #""a" + "b""#),
        ("NEAR(财政 部)", #""near" + "财政" + "政" * + "部" *"#),
        ("(a OR b)", #""a" + "or" + "b""#),
        ("title:税", #""title" + "税" *"#),
        ("^财政", #""财政""#),
        ("-税 AND", #""税" * + "and""#),
    ])
    func expressions(term: String, expected: String) {
        #expect(FullTextPhrase.expression(for: term) == expected)
    }

    /// Texts and which of them each query must find, through a real FTS5 table with the
    /// `policyq_cjk` tokenizer.
    static let texts = [
        "财政部发布通知",          // 0
        "省财政厅",                // 1
        "财政",                    // 2
        "税收优惠，减税",          // 3
        "推动消费品以旧换新行动",  // 4
        "2024年度工作报告",        // 5
        "２０２４年３月",          // 6
        "5G网络和GDP增长",         // 7
        "年度，2024",              // 8
        "国发〔2024〕7号",         // 9
        "财,政",                   // 10
    ]

    @Test("every occurrence is found, and only occurrences", arguments: [
        ("财政", [0, 1, 2]),           // 财政部, 省财政厅, the whole text
        ("财政部", [0]),
        ("政", [0, 1, 2, 10]),
        ("税", [3]),
        ("减税", [3]),
        ("以旧换新", [4]),
        ("换新行动", [4]),
        ("新", [4]),
        ("2024", [5, 6, 8, 9]),
        ("2024年", [5, 6]),            // 2024年度 and full-width ２０２４年
        ("２０２４", [5, 6, 8, 9]),
        ("年度", [5, 8]),
        ("年度 2024", [8]),            // a phrase across a run end
        ("5G", [7]),
        ("５ｇ", [7]),
        ("gdp", [7]),
        ("网络", [7]),
        ("国发〔2024〕7号", [9]),
        ("7号", [9]),
        ("厅", [1]),
        ("财 政", [2, 0, 1, 10].sorted()),  // a quoted phrase with a space: positions, not runs
    ])
    func matching(query: String, expected: [Int]) throws {
        #expect(try Self.matches(FullTextPhrase.expression(for: query)) == expected)
    }

    @Test("hostile input never breaks the expression", arguments: [
        "\"", "\"\"", "*", "NEAR(a b)", "a OR b", "(", ")", "title:税", "^", "-", "+", "AND", "NOT 税",
        "{a b}", "\u{0}", "税\u{0}税", "'", "\\", "《》",
    ])
    func hostile(term: String) throws {
        // Throws on an FTS5 syntax error; nothing here is in the texts.
        #expect(try Self.matches(FullTextPhrase.expression(for: term)) == [])
    }

    static func matches(_ expression: String) throws -> [Int] {
        let queue = try DatabaseQueue()
        return try queue.write { db in
            db.add(tokenizer: PolicyFTS5Tokenizer.self)
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = '\(PolicyFTS5Tokenizer.name)')")
            for (i, text) in texts.enumerated() {
                try db.execute(sql: "INSERT INTO t (rowid, body) VALUES (?, ?)", arguments: [i, text])
            }
            return try Int.fetchAll(db, sql: "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", arguments: [expression])
        }
    }
}
