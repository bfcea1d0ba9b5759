import PolicyCore

/// Finds paragraphs inside a quotation that runs over several paragraphs — the amended text of a
/// 修改决定 (`6.将第十二条修改为:` / `“有下列情形之一…:` / `(一)…` / `(三)….”`). Their labels belong to
/// the quoted text, not to the document's tree.
///
/// A quotation counts only when its `“` opens a paragraph or follows a colon (`修改为:“`), and when
/// its `”` comes within `maxParagraphs`; a stray quotation mark (`“12345"热线`) opens nothing.
struct Quotations {
    static let maxParagraphs = 30

    let view: NormalizedText

    /// For each paragraph, whether it lies inside a multi-paragraph quotation (the paragraph that
    /// opens it is outside, the one that closes it inside).
    func quoted(_ paragraphs: [Range<Int>]) -> [Bool] {
        var result = [Bool](repeating: false, count: paragraphs.count)
        var p = 0
        while p < paragraphs.count {
            guard opensQuotation(paragraphs[p]) else { p += 1; continue }
            var depth = 1
            var q = p + 1
            while q < paragraphs.count && q - p <= Self.maxParagraphs {
                depth += balance(paragraphs[q])
                if depth <= 0 { break }
                q += 1
            }
            if q < paragraphs.count && depth <= 0 && q - p <= Self.maxParagraphs {
                for k in (p + 1)...q { result[k] = true }
                p = q + 1
            } else {
                p += 1
            }
        }
        return result
    }

    /// Whether the paragraph ends inside a quotation opened at its start or after a colon.
    private func opensQuotation(_ range: Range<Int>) -> Bool {
        let s = view.scalars
        var open: [Int] = []
        for i in range {
            if s[i] == "“" {
                open.append(i)
            } else if s[i] == "”" {
                _ = open.popLast()
            }
        }
        guard let first = open.first else { return false }
        return first == range.lowerBound || s[first - 1] == ":"
    }

    /// Opening minus closing quotation marks.
    private func balance(_ range: Range<Int>) -> Int {
        var depth = 0
        for c in view.scalars[range] {
            if c == "“" { depth += 1 } else if c == "”" { depth -= 1 }
        }
        return depth
    }
}
