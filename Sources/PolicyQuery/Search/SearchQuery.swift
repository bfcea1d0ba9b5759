import PolicyCore
import PolicyStore

/// A search as the user typed it, parsed: words that must all match, `OR` between alternatives,
/// `-word` to exclude, `"exact phrase"`.
///
/// - Words separated by spaces must all occur (AND): `汽车 补贴`.
/// - `OR` (or `|`) between two words makes them alternatives; it binds tighter than AND, as in
///   web search engines: `汽车 OR 家电 补贴` is (汽车 or 家电) and 补贴.
/// - `-word` or `-"phrase"` excludes rows containing it.
/// - `"…"` (also `“…”`) keeps spaces inside one phrase. Any word is already matched as a phrase
///   (its characters in order), so quotes matter only for text with spaces.
/// - Every other character is text: `*`, `(`, `NEAR`, `:` and a lone quote have no special
///   meaning, so no input can produce an invalid full-text expression. A term of punctuation
///   only (`*`, `《》`) is ignored.
public struct SearchQuery: Sendable, Equatable, CustomStringConvertible {
    /// A word or phrase: text that must occur with its characters in order.
    public struct Term: Sendable, Hashable, CustomStringConvertible {
        public var text: String
        public var quoted: Bool
        public init(_ text: String, quoted: Bool = false) {
            self.text = text
            self.quoted = quoted
        }
        public var description: String { quoted ? "\"\(text)\"" : text }

        /// Whether the index can look the term up (it has letters, digits or Chinese): whether
        /// `FullTextPhrase`, which builds its MATCH expression, finds any token in it.
        var isIndexable: Bool { !FullTextPhrase.pieces(for: text).isEmpty }

        /// Whether the text holds symbols that change its meaning (`%`, `℃`, `≥`, `¥`, `★`),
        /// which the tokenizer drops.
        var hasSignificantSymbols: Bool {
            text.unicodeScalars.contains { c in
                switch c.properties.generalCategory {
                case .mathSymbol, .currencySymbol, .otherSymbol: return true
                default: return c == "%" || c == "‰" || c == "‱" || c == "#" || c == "&" || c == "@"
                }
            }
        }

        /// Something to look for: indexable, or a symbol to find literally.
        var isSearchable: Bool { isIndexable || hasSignificantSymbols }
    }

    /// Each group must match; a group matches if any of its terms does.
    public var groups: [[Term]]
    /// Rows containing any of these are left out.
    public var excluded: [Term]
    /// Terms left out because they hold nothing to search for (punctuation only: `*`, `《》`).
    public var ignored: [String] = []

    /// At most this many words and phrases.
    public static let maximumTerms = 64
    /// At most this many characters in one word or phrase.
    public static let maximumTermLength = 256

    public init(groups: [[Term]], excluded: [Term] = []) {
        self.groups = groups
        self.excluded = excluded
    }

    public var description: String {
        let positive = groups.map { $0.map(\.description).joined(separator: " OR ") }
        return (positive + excluded.map { "-\($0)" }).joined(separator: " ")
    }

    /// Every positive term, in order.
    public var positiveTerms: [Term] { groups.flatMap { $0 } }

    /// Parses `text`. Throws when nothing is left to search for or the query is too long.
    public init(parsing text: String) throws(SearchQueryError) {
        // Control characters (NUL, ESC, DEL, C1 …) separate words like spaces.
        let scalars = ICU.nfkc(text).unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }
        var groups: [[Term]] = []
        var excluded: [Term] = []
        var ignored: [String] = []
        var joinNext = false
        var i = 0
        var termCount = 0

        func add(_ term: Term, negated: Bool, isOperator: Bool) throws(SearchQueryError) {
            if isOperator {
                // `OR` between two positive terms; anywhere else it means nothing.
                if let last = groups.last, !last.isEmpty { joinNext = true }
                return
            }
            guard !term.text.isEmpty else { return }
            guard term.isSearchable else {
                ignored.append(term.text)
                return
            }
            termCount += 1
            if termCount > Self.maximumTerms { throw .tooManyTerms(limit: Self.maximumTerms) }
            if term.text.unicodeScalars.count > Self.maximumTermLength {
                throw .termTooLong(limit: Self.maximumTermLength)
            }
            if negated {
                excluded.append(term)
                joinNext = false
            } else if joinNext, !groups.isEmpty {
                groups[groups.count - 1].append(term)
                joinNext = false
            } else {
                groups.append([term])
            }
        }

        while i < scalars.count {
            let c = scalars[i]
            if c.isInlineSpace || c.isLineTerminator {
                i += 1
                continue
            }
            var negated = false
            if c == "-", i + 1 < scalars.count, !scalars[i + 1].isInlineSpace, !scalars[i + 1].isLineTerminator {
                negated = true
                i += 1
            }
            if let closing = Self.closingQuote(for: scalars[i]) {
                var j = i + 1
                while j < scalars.count && scalars[j] != closing { j += 1 }
                let phrase = Self.trimmed(scalars[(i + 1)..<j])
                try add(Term(phrase, quoted: true), negated: negated, isOperator: false)
                i = min(j + 1, scalars.count)
                continue
            }
            var j = i
            while j < scalars.count, !scalars[j].isInlineSpace, !scalars[j].isLineTerminator,
                  Self.closingQuote(for: scalars[j]) == nil || j == i {
                j += 1
            }
            let word = String(String.UnicodeScalarView(scalars[i..<j]))
            let isOperator = !negated && (word == "OR" || word == "|")
            try add(Term(word), negated: negated, isOperator: isOperator)
            i = j
        }
        if groups.isEmpty {
            throw excluded.isEmpty ? .empty : .onlyExclusions
        }
        self.groups = groups
        self.excluded = excluded
        self.ignored = ignored
    }

    static func closingQuote(for c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case "\"": return "\""
        case "\u{201C}": return "\u{201D}"  // “ ”
        case "\u{300C}": return "\u{300D}"  // 「 」
        default: return nil
        }
    }

    static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var slice = scalars
        while let first = slice.first, first.isInlineSpace || first.isLineTerminator { slice.removeFirst() }
        while let last = slice.last, last.isInlineSpace || last.isLineTerminator { slice.removeLast() }
        return String(String.UnicodeScalarView(slice))
    }
}

/// Why a query cannot be run; the message says what to type instead.
public enum SearchQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case onlyExclusions
    case tooManyTerms(limit: Int)
    case termTooLong(limit: Int)

    public var description: String {
        switch self {
        case .empty: return "the query is empty: give words to search for"
        case .onlyExclusions: return "the query only excludes (-word): give at least one word to search for"
        case .tooManyTerms(let limit): return "the query has more than \(limit) words and phrases"
        case .termTooLong(let limit): return "a word or phrase of the query is longer than \(limit) characters"
        }
    }
}
