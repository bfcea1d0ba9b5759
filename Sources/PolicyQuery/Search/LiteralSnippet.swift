import PolicyFormat

/// Snippets for hits found by scanning (FTS5's `snippet()` needs a full-text match): the text
/// around the first occurrence of a term, every occurrence inside marked. Comparison ignores
/// ASCII case and full/half width.
enum LiteralSnippet {
    /// The snippet of the first of `texts` that contains a term, else the start of the first text.
    static func make(texts: [String], terms: [String], length: Int) -> String {
        let needles = terms.map { $0.unicodeScalars.map(fold) }.filter { !$0.isEmpty }
        for text in texts where !text.isEmpty {
            if let snippet = snippet(of: text, needles: needles, length: length) { return snippet }
        }
        guard let first = texts.first(where: { !$0.isEmpty }) else { return "" }
        let scalars = Array(first.unicodeScalars)
        return String(String.UnicodeScalarView(scalars.prefix(length))) + (scalars.count > length ? "…" : "")
    }

    static func snippet(of text: String, needles: [[Unicode.Scalar]], length: Int) -> String? {
        let scalars = Array(text.unicodeScalars)
        let folded = scalars.map(fold)
        var matches: [Range<Int>] = []
        var i = 0
        while i < folded.count {
            let found = needles.first { needle in
                i + needle.count <= folded.count && folded[i..<(i + needle.count)].elementsEqual(needle)
            }
            if let found {
                matches.append(i..<(i + found.count))
                i += found.count
            } else {
                i += 1
            }
        }
        guard let first = matches.first else { return nil }
        let start = max(0, first.lowerBound - length / 4)
        let end = min(scalars.count, start + length)
        var out = String.UnicodeScalarView()
        if start > 0 { out.append("…") }
        var position = start
        for match in matches where match.lowerBound >= start && match.upperBound <= end {
            out.append(contentsOf: scalars[position..<match.lowerBound])
            out.append(Highlight.open)
            out.append(contentsOf: scalars[match])
            out.append(Highlight.close)
            position = match.upperBound
        }
        out.append(contentsOf: scalars[position..<end])
        if end < scalars.count { out.append("…") }
        return String(out)
    }

    static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
        var v = c.value
        if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        return Unicode.Scalar(v) ?? c
    }
}
