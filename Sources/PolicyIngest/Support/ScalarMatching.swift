import PolicyCore

/// Matching helpers on arrays of Unicode scalars: the readers, the splitter and the metadata
/// rules work on `[Unicode.Scalar]` (one normalized paragraph at a time), never on `String.Index`.
extension Collection where Element == Unicode.Scalar, Index == Int {
    /// Whether the scalars start with `prefix`.
    func hasScalarPrefix(_ prefix: String) -> Bool {
        var i = startIndex
        for s in prefix.unicodeScalars {
            guard i < endIndex, self[i] == s else { return false }
            i += 1
        }
        return true
    }

    /// Whether the scalars end with `suffix`.
    func hasScalarSuffix(_ suffix: String) -> Bool {
        var i = endIndex
        for s in suffix.unicodeScalars.reversed() {
            guard i > startIndex else { return false }
            i -= 1
            if self[i] != s { return false }
        }
        return true
    }

    /// Whether `needle` occurs at `i` (no allocation: hot in the taggers).
    func hasScalars(_ needle: String.UnicodeScalarView, at i: Int) -> Bool {
        var j = i
        for s in needle {
            guard j < endIndex, self[j] == s else { return false }
            j += 1
        }
        return true
    }

    /// Index of the first occurrence of `needle` at or after `from`, or nil.
    func firstScalarIndex(of needle: String, from: Int? = nil) -> Int? {
        let pattern = needle.unicodeScalars
        guard let first = pattern.first else { return from ?? startIndex }
        var i = Swift.max(from ?? startIndex, startIndex)
        while i < endIndex {
            if self[i] == first && hasScalars(pattern, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// Index of the last occurrence of `needle`, or nil.
    func lastScalarIndex(of needle: String) -> Int? {
        let pattern = needle.unicodeScalars
        guard let first = pattern.first else { return nil }
        var i = endIndex - 1
        while i >= startIndex {
            if self[i] == first && hasScalars(pattern, at: i) { return i }
            i -= 1
        }
        return nil
    }

    func containsScalars(_ needle: String) -> Bool { firstScalarIndex(of: needle) != nil }

    /// The scalars as a String.
    var scalarString: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: self)
        return String(view)
    }
}

extension String {
    /// The string's scalars as an array (for the matchers above).
    var scalarArray: [Unicode.Scalar] { Array(unicodeScalars) }

    /// The string without any whitespace (ASCII, ideographic and other Unicode spaces, line breaks).
    var removingWhitespace: String {
        var view = String.UnicodeScalarView()
        for s in unicodeScalars where !s.isInlineSpace && !s.isLineTerminator { view.append(s) }
        return String(view)
    }

    /// The string with leading and trailing whitespace removed (including U+3000).
    var trimmingWhitespace: String {
        let s = Array(unicodeScalars)
        var lower = 0, upper = s.count
        while lower < upper && (s[lower].isInlineSpace || s[lower].isLineTerminator) { lower += 1 }
        while upper > lower && (s[upper - 1].isInlineSpace || s[upper - 1].isLineTerminator) { upper -= 1 }
        return s[lower..<upper].scalarString
    }

    /// Splits on runs of whitespace (ASCII, U+3000, no-break and other Unicode spaces).
    var whitespaceTokens: [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for s in unicodeScalars {
            if s.isInlineSpace || s.isLineTerminator {
                if !current.isEmpty { tokens.append(String(current)); current = String.UnicodeScalarView() }
            } else {
                current.append(s)
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }
}

/// Strips one pair of brackets around a whole text: `(此件公开发布)` → `此件公开发布`.
func strippingEnclosingBrackets(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    guard s.count >= 2, let first = s.first, let last = s.last else { return s }
    let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [("(", ")"), ("[", "]"), ("【", "】"), ("〔", "〕"), ("<", ">")]
    for (open, close) in pairs where first == open && last == close {
        return s.dropFirst().dropLast()
    }
    return s
}
