import PolicyFormat
@testable import PolicyQuery
import Testing

@Suite("snippets")
struct SnippetTests {
    /// `[` `]` stand for the marks in these cases.
    func marked(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "[" ? Highlight.open : $0 == "]" ? Highlight.close : $0 }))
    }

    @Test("windows around the first match, marks balanced", arguments: [
        ("短文本[汽车]", 10, "短文本[汽车]"),
        ("一二三四五六七八九十[汽车]一二三四五六七八九十", 8, "…九十[汽车]一二三四…"),
        ("[汽车]一二三四五六七八九十", 4, "[汽车]一二…"),
        ("一二三四五六七八九十[汽车补贴]", 4, "…十[汽车补]…"),
        ("一二三四五六七八九十一二三四五六七八[汽车补贴标准]", 6, "…八[汽车补贴标]…"),
        ("没有标记的文字很长很长很长", 4, "没有标记…"),
        ("", 4, ""),
    ])
    func windows(text: String, length: Int, expected: String) {
        #expect(Snippets.window(marked(text), length: length) == marked(expected))
    }

    @Test("the first text with a match wins")
    func best() {
        #expect(Snippets.best(of: [marked("正文"), marked("[标题]")], length: 10) == marked("[标题]"))
        #expect(Snippets.best(of: ["", "标题"], length: 10) == "标题")
    }

    @Test("literal marking ignores ASCII case and width")
    func literal() {
        #expect(Snippets.markLiterally("推进５Ｇ网络和5g基站", terms: ["5G"]) == marked("推进[５Ｇ]网络和[5g]基站"))
        #expect(Snippets.markLiterally("★★", terms: ["★"]) == marked("[★][★]"))
    }

    @Test("terms found as the index finds them: same tokens, same positions", arguments: [
        (["财政"], "中央财政部安排资金", "中央[财政]部安排资金"),
        (["税"], "减税降费，免税店", "减[税]降费，免[税]店"),
        (["5G"], "推进５Ｇ网络", "推进[５Ｇ]网络"),
        (["gdp"], "GDP增长", "[GDP]增长"),
        (["国发〔2024〕7号"], "依据国发〔2024〕7号文件", "依据[国发〔2024〕7号]文件"),
        (["国发〔2024〕7号"], "依据国发 2024 7号文件", "依据[国发 2024 7号]文件"),
        (["汽车", "家电"], "家电和汽车", "[家电]和[汽车]"),
        (["更新换代"], "更新和换代", nil),
        // One character inside a run (a prefix of the bigram there) is marked alone.
        (["车"], "汽车更新", "汽[车]更新"),
        (["车"], "购车", "购[车]"),
        (["财政"], "省财政", "省[财政]"),
        (["2024年"], "２０２４年度", "[２０２４年]度"),
        (["年度 2024"], "年度，2024", "[年度，2024]"),
        (["年度 2024"], "2024年度", nil),
        (["税", "减税"], "减税", "[减税]"),
    ] as [([String], String, String?)])
    func terms(terms: [String], text: String, expected: String?) {
        #expect(TermHighlighter(terms: terms).snippet(of: text, length: 40) == expected.map(marked))
    }

    @Test("a long text is read only as far as the snippet needs, and cut around the first match")
    func longText() {
        let text = String(repeating: "甲", count: 5000) + "以旧换新" + String(repeating: "乙", count: 5000)
        let snippet = TermHighlighter(terms: ["以旧换新"]).snippet(of: text, length: 12)
        #expect(snippet == marked("…甲甲甲[以旧换新]乙乙乙乙乙…"))
    }
}
