import PolicyFormat

/// Snippets of scanned hits (and of terms the index cannot look up): the text around the first
/// literal occurrence of a term, the occurrences between `Highlight` marks, compared ignoring
/// ASCII case and full/half width. Full-text hits are cut by `TermHighlighter`.
enum Snippets {
    /// The first of `highlighted` texts that holds a mark, cut to `length` characters around its
    /// first mark; else the start of the first non-empty text.
    static func best(of highlighted: [String], length: Int) -> String {
        for text in highlighted where text.unicodeScalars.contains(Highlight.open) {
            return window(text, length: length)
        }
        return window(highlighted.first { !$0.isEmpty } ?? "", length: length)
    }

    /// `text` cut to `length` characters (marks not counted), starting a quarter of the length
    /// before its first mark; `…` where text was cut; marks kept balanced.
    static func window(_ text: String, length: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var firstMark: Int?
        var visible = 0
        for c in scalars {
            if c == Highlight.open {
                firstMark = visible
                break
            }
            if !Highlight.isMark(c) { visible += 1 }
        }
        let total = scalars.reduce(0) { $0 + (Highlight.isMark($1) ? 0 : 1) }
        let start = max(0, min((firstMark ?? 0) - length / 4, total - length))
        let end = min(total, start + length)
        var out = String.UnicodeScalarView()
        if start > 0 { out.append("…") }
        var position = 0
        var open = false, shownOpen = false
        for c in scalars {
            if Highlight.isMark(c) {
                open = c == Highlight.open
                if position >= start && position < end {
                    out.append(c)
                    shownOpen = open
                }
                continue
            }
            if position >= end { break }
            if position >= start {
                // A stretch that began before the window opens again at its start.
                if open && !shownOpen {
                    out.append(Highlight.open)
                    shownOpen = true
                }
                out.append(c)
            }
            position += 1
        }
        if shownOpen { out.append(Highlight.close) }
        if end < total { out.append("…") }
        return String(out)
    }

    /// `text` with every occurrence of a term marked (for scanned hits).
    static func markLiterally(_ text: String, terms: [String]) -> String {
        let needles = terms.map { $0.unicodeScalars.map(fold) }.filter { !$0.isEmpty }
        let scalars = Array(text.unicodeScalars)
        let folded = scalars.map(fold)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < folded.count {
            let found = needles.first { needle in
                i + needle.count <= folded.count && folded[i..<(i + needle.count)].elementsEqual(needle)
            }
            if let found {
                out.append(Highlight.open)
                out.append(contentsOf: scalars[i..<(i + found.count)])
                out.append(Highlight.close)
                i += found.count
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
        var v = c.value
        if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        return Unicode.Scalar(v) ?? c
    }
}
