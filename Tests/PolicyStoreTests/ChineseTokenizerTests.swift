import PolicyStore
import Testing

@Suite("policyq_cjk tokenizer")
struct ChineseTokenizerTests {
    /// Tokens as `text@start-end`.
    func render(_ text: String, _ mode: ChineseTokenizer.Mode) -> [String] {
        var tokenizer = ChineseTokenizer()
        return tokenizer.tokens(of: text, mode: mode).map { "\($0.text)@\($0.start)-\($0.end)" }
    }

    @Test("documents: one token per character — the bigram starting there, the run's last character alone",
          arguments: [
        ("财政部", ["财政@0-6", "政部@3-9", "部@6-9"]),
        ("税", ["税@0-3"]),
        ("消费，补贴", ["消费@0-6", "费@3-6", "补贴@9-15", "贴@12-15"]),
        ("GDP增长5%", ["gdp@0-3", "增长@3-9", "长@6-9", "5@9-10"]),
        ("ＧＤＰ", ["gdp@0-9"]),
        ("５Ｇ网络", ["5g@0-6", "网络@6-12", "络@9-12"]),
        ("1.5万元", ["1.5@0-3", "万元@3-9", "元@6-9"]),
        ("第3.", ["第@0-3", "3@3-4"]),
        ("1,000", ["1@0-1", "000@2-5"]),
        ("２０２４年", ["2024@0-12", "年@12-15"]),
        ("二〇二三年", ["二〇@0-6", "〇二@3-9", "二三@6-12", "三年@9-15", "年@12-15"]),
        ("Policy-Q", ["policy@0-6", "q@7-8"]),
        ("  ", []),
    ])
    func document(text: String, expected: [String]) {
        #expect(render(text, .document) == expected)
    }

    @Test("token kinds: words, bigrams, run-final unigrams")
    func kinds() {
        var tokenizer = ChineseTokenizer()
        let kinds = tokenizer.tokens(of: "5G网络税", mode: .document).map(\.kind)
        #expect(kinds == [.word, .bigram, .bigram, .unigram])
    }

    @Test("queries: a run of two or more characters is its bigrams; one character its unigram", arguments: [
        ("财政部", ["财政@0-6", "政部@3-9"]),
        ("财政", ["财政@0-6"]),
        ("税", ["税@0-3"]),
        ("5G网络", ["5g@0-2", "网络@2-8"]),
        ("国发〔2024〕7号", ["国发@0-6", "2024@9-13", "7@16-17", "号@17-20"]),
        ("《》", []),
    ])
    func query(text: String, expected: [String]) {
        #expect(render(text, .query) == expected)
    }

    @Test("one position per character: as many document tokens as Han characters and words")
    func positionsAreCharacters() {
        let text = "山西省（晋政办发〔2023〕65号）每辆最高３０００元，ＧＤＰ增长5.2%。"
        var tokenizer = ChineseTokenizer()
        let tokens = tokenizer.tokens(of: text, mode: .document)
        let han = text.unicodeScalars.filter { $0.properties.isIdeographic }.count
        let words = tokens.filter { $0.kind == .word }.count
        #expect(tokens.count == han + words)
        #expect(words == 5)  // 2023, 65, 3000, gdp, 5.2
    }

    @Test("NFKC folding keeps the original offsets")
    func compatibilityCharacters() {
        // ① folds to 1, ㎡ to m2, the compatibility ideograph U+F900 to 豈 (U+8C48).
        #expect(render("①", .document) == ["1@0-3"])
        #expect(render("100㎡", .document) == ["100m2@0-6"])
        #expect(render("\u{F900}", .document) == ["\u{8C48}@0-3"])
    }

    @Test("invalid UTF-8 separates tokens and never stops the tokenizer")
    func invalidBytes() {
        var tokenizer = ChineseTokenizer()
        var bytes: [UInt8] = Array("ab".utf8) + [0xFF, 0xE4, 0xB8] + Array("cd".utf8)
        var seen: [String] = []
        let rc = bytes.withUnsafeMutableBufferPointer { buffer in
            tokenizer.tokenize(UnsafeBufferPointer(buffer), mode: .document) { token, _, start, end in
                seen.append("\(String(decoding: token, as: UTF8.self))@\(start)-\(end)")
                return 0
            }
        }
        #expect(rc == 0)
        #expect(seen == ["ab@0-2", "cd@5-7"])
    }

    @Test("offsets cut the text at characters")
    func offsetsAreCharacterBoundaries() {
        let text = "山西省（晋政办发〔2023〕65号）每辆最高３０００元，ＧＤＰ增长5.2%。"
        var tokenizer = ChineseTokenizer()
        let utf8 = Array(text.utf8)
        for token in tokenizer.tokens(of: text, mode: .document) {
            let slice = String(decoding: utf8[token.start..<token.end], as: UTF8.self)
            // A cut inside a character would decode to U+FFFD.
            #expect(!slice.isEmpty && !slice.unicodeScalars.contains("\u{FFFD}"), "\(token)")
        }
    }
}
