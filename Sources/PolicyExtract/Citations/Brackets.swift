import PolicyCore

/// Matching brackets in the normalized view: `()` (full-width parentheses are ASCII there),
/// `《》` (and `«»`, which the view turns into `《》`), `“”`.
enum Brackets {
    /// Index of the bracket that closes the one at `open`, before `limit`; nested pairs of the same
    /// kind are skipped. Nil when it is not closed in the paragraph.
    static func closing(_ s: [Unicode.Scalar], open: Int, limit: Int) -> Int? {
        guard open < limit, let close = pairs[s[open]] else { return nil }
        let opener = s[open]
        var depth = 0
        var i = open
        while i < limit {
            let c = s[i]
            if c == opener && opener != close {
                depth += 1
            } else if c == close {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    /// Ranges (brackets included) of the top-level groups opened at `openers` (ascending positions
    /// of one kind of opening bracket) and closed before `limit`.
    static func groups(_ s: [Unicode.Scalar], openers: [Int], limit: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var end = 0
        for open in openers where open >= end {
            if let close = closing(s, open: open, limit: limit) {
                result.append(open..<(close + 1))
                end = close + 1
            }
        }
        return result
    }


    /// Splits `range` at `separators` that are outside any parentheses, trimming nothing.
    static func split(_ s: [Unicode.Scalar], _ range: Range<Int>, at separators: Set<Unicode.Scalar>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var depth = 0
        var start = range.lowerBound
        for i in range {
            switch s[i] {
            case "(", "《", "“": depth += 1
            case ")", "》", "”": depth = max(0, depth - 1)
            default:
                if depth == 0 && separators.contains(s[i]) {
                    parts.append(start..<i)
                    start = i + 1
                }
            }
        }
        parts.append(start..<range.upperBound)
        return parts
    }

    static let pairs: [Unicode.Scalar: Unicode.Scalar] = ["(": ")", "《": "》", "“": "”", "‘": "’", "〈": "〉"]
}
