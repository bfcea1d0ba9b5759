/// The FTS5 `MATCH` expression that finds every occurrence of a search term in the
/// `policyq_cjk` index — the one place where a term becomes full-text syntax.
///
/// The index holds one token per character position: the bigram starting there, or the unigram
/// of a Han run's last character (`ChineseTokenizer`). A term becomes the phrase of its tokens,
/// where a run's last character is a **prefix** token (`"年" *`: the bigrams starting with 年
/// and the unigram 年), since the index holds a bigram there unless the text's run ends there
/// too — except when the term ends with a run of two or more characters, whose last bigram
/// already covers it:
///
/// | term | expression |
/// |---|---|
/// | `税` | `"税" *` |
/// | `财政` | `"财政"` (finds 财政部 and 省财政) |
/// | `以旧换新` | `"以旧" + "旧换" + "换新"` |
/// | `2024年` | `"2024" + "年" *` (finds 2024年度) |
/// | `GDP` | `"gdp"` |
///
/// Each token is its own double-quoted string (inner quotes doubled), so nothing typed can
/// become FTS5 syntax: quotes, `*`, `NEAR`, `AND`, parentheses, `:` are text, and a string
/// FTS5 tokenizes again gives back exactly that token.
public enum FullTextPhrase {
    /// One token of the phrase.
    public struct Piece: Sendable, Equatable, CustomStringConvertible {
        /// The token as the index holds it (folded: `gdp`, `5g`, `财政`).
        public var text: String
        /// Matches every token starting with `text` (a Han run's last character).
        public var prefix: Bool

        public init(_ text: String, prefix: Bool = false) {
            self.text = text
            self.prefix = prefix
        }

        public var description: String { prefix ? "\(text)*" : text }
    }

    /// The phrase's tokens in order; empty when the term holds nothing the index can look up
    /// (only punctuation or symbols).
    public static func pieces(for term: String) -> [Piece] {
        var tokenizer = ChineseTokenizer()
        let tokens = tokenizer.tokens(of: term, mode: .document)
        var pieces: [Piece] = []
        pieces.reserveCapacity(tokens.count)
        for (i, token) in tokens.enumerated() {
            switch token.kind {
            case .word, .bigram:
                pieces.append(Piece(token.text))
            case .unigram:
                // The term's last character after a bigram of its run: that bigram covers it.
                if i == tokens.count - 1, i > 0, tokens[i - 1].kind == .bigram { continue }
                pieces.append(Piece(token.text, prefix: true))
            }
        }
        return pieces
    }

    /// The FTS5 expression of `term` (a phrase, always quoted). A term without indexable
    /// characters (only punctuation or symbols) is the empty phrase `""`, which matches nothing;
    /// no character of the term itself reaches FTS5 then (a NUL would end its input early).
    public static func expression(for term: String) -> String {
        let pieces = pieces(for: term)
        guard !pieces.isEmpty else { return "\"\"" }
        return pieces.map { quoted($0.text) + ($0.prefix ? " *" : "") }.joined(separator: " + ")
    }

    /// An FTS5 string: the text in double quotes, inner quotes doubled. Inside a string FTS5
    /// treats nothing as syntax.
    static func quoted(_ text: String) -> String {
        "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
