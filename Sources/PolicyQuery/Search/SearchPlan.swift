import PolicyStore

/// How a `SearchQuery` runs against the index: an FTS5 `MATCH` expression for everything the
/// tokenizer can index, and literal `instr` conditions on the row's text for the rest.
///
/// - A term with no indexable characters (`★`, `%`) is matched literally.
/// - A term whose symbols carry meaning (`5%`, `≥3`) is matched through the index (`5`) and then
///   checked literally, so `5%` does not find every `5`.
/// - When no positive term is indexable the whole query is a scan of the text (unranked); the
///   plan says so in `notes`.
///
/// User text only ever reaches FTS5 through `FullTextPhrase` (double-quoted strings, quotes
/// doubled), so the expression is valid whatever was typed.
struct SearchPlan {
    /// The FTS5 expression, nil for a pure scan.
    var match: String?
    /// Conditions on `SearchPlan.rowText`, with their arguments.
    var literal = SQLConditions()
    /// Strings to highlight in a scan (no FTS5 snippet there).
    var highlightTerms: [String] = []
    /// What the user should know about how the query ran.
    var notes: [String] = []

    init(_ query: SearchQuery) {
        func indexable(_ term: SearchQuery.Term) -> Bool { term.isIndexable }
        if !query.ignored.isEmpty {
            notes.append("ignored \(query.ignored.map { "'\($0)'" }.joined(separator: ", ")) (punctuation only)")
        }
        var matchGroups: [String] = []
        var scanned: [String] = []
        for group in query.groups {
            if group.allSatisfy(indexable) {
                matchGroups.append(group.count == 1 ? FullTextPhrase.expression(for: group[0].text)
                                   : "(" + group.map { FullTextPhrase.expression(for: $0.text) }.joined(separator: " OR ") + ")")
                if group.count == 1, group[0].hasSignificantSymbols {
                    addLiteral(group, present: true)
                }
            } else {
                addLiteral(group, present: true)
                scanned += group.filter { !indexable($0) }.map(\.text)
            }
            highlightTerms += group.map(\.text)
        }
        var excludedInMatch: [String] = []
        for term in query.excluded {
            if indexable(term) && !term.hasSignificantSymbols {
                excludedInMatch.append(FullTextPhrase.expression(for: term.text))
            } else {
                addLiteral([term], present: false)
            }
        }
        if !matchGroups.isEmpty {
            var expression = matchGroups.count == 1 ? matchGroups[0] : "(" + matchGroups.joined(separator: " AND ") + ")"
            if !excludedInMatch.isEmpty { expression += " NOT (" + excludedInMatch.joined(separator: " OR ") + ")" }
            match = expression
        } else {
            notes.append("\(scanned.map { "'\($0)'" }.joined(separator: ", ")) cannot be looked up in the index "
                         + "(no letters, digits or Chinese characters): scanned all text instead; hits are unranked")
        }
    }

    /// A condition that any variant of any term of `group` is present (or, for `present: false`,
    /// that none is).
    private mutating func addLiteral(_ group: [SearchQuery.Term], present: Bool) {
        let variants = group.flatMap { Self.variants(of: $0.text) }
        // lower() of every row's text costs as much as the scan itself: only when case matters.
        let caseMatters = variants.contains { $0.unicodeScalars.contains { $0.isASCIILetter } }
        var tests: [String] = []
        var arguments: [String] = []
        for variant in variants {
            for column in ["title", "heading", "body"] {
                let text = caseMatters ? "lower(search_index.\(column))" : "search_index.\(column)"
                tests.append(present ? "instr(\(text), ?) > 0" : "instr(\(text), ?) = 0")
                arguments.append(variant)
            }
        }
        literal.add(tests.joined(separator: present ? " OR " : " AND "), arguments)
    }

    /// The term as typed (lower-cased) and with its ASCII in full width (`5%` and `５％`), the two
    /// ways policy texts write the same thing.
    static func variants(of text: String) -> [String] {
        let lower = String(String.UnicodeScalarView(text.unicodeScalars.map { c in
            c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(UInt8(c.value + 0x20)) : c
        }))
        let wide = String(String.UnicodeScalarView(text.unicodeScalars.map { c in
            (0x21...0x7E).contains(c.value) ? (Unicode.Scalar(c.value + 0xFEE0) ?? c) : c
        }))
        return lower == wide ? [lower] : [lower, wide]
    }
}
