import PolicyFormat
import PolicyStore

/// Finds a query's terms in a hit's text the way the index matched them — the same tokenizer,
/// the same positions — and cuts a snippet around the first one, every match inside marked.
///
/// It reads the text only as far as the snippet needs: FTS5's `highlight()` and `snippet()`
/// tokenize the whole column (and `snippet()` compares every window with every match), which on
/// a long document costs more than the search itself.
struct TermHighlighter {
    /// Each positive term as its query tokens (hashed): a phrase to find.
    private let phrases: [[UInt64]]
    private let longest: Int

    init(terms: [String]) {
        var tokenizer = ChineseTokenizer()
        phrases = terms.map { term in
            tokenizer.tokens(of: term, mode: .query).map { Self.hash(Array($0.text.utf8)[...]) }
        }.filter { !$0.isEmpty }
        longest = phrases.map(\.count).max() ?? 0
    }

    /// `length` characters of `text` around the first match, matches marked; nil when no term
    /// occurs.
    func snippet(of text: String, length: Int) -> String? {
        guard !phrases.isEmpty, !text.isEmpty else { return nil }
        var bytes = Array(text.utf8)
        var starts: [Int] = [], ends: [Int] = []
        var tokens: [(UInt64, UInt64)] = []
        var firstMatch: Int?
        var tokenizer = ChineseTokenizer()
        _ = bytes.withUnsafeMutableBufferPointer { buffer in
            tokenizer.tokenize(UnsafeBufferPointer(buffer), mode: .document) { token, colocated, start, end in
                let h = Self.hash(token[...])
                if colocated {
                    if !tokens.isEmpty { tokens[tokens.count - 1].1 = h }
                    return 0
                }
                // The position before this one is now complete (its colocated bigram came first).
                if firstMatch == nil, tokens.count > 0 {
                    let last = tokens.count - 1
                    for phrase in phrases where last - phrase.count + 1 >= 0 {
                        let begin = last - phrase.count + 1
                        if matches(phrase, at: begin, in: tokens) { firstMatch = begin; break }
                    }
                }
                if let firstMatch, tokens.count > firstMatch + length + longest { return 1 }  // read enough
                starts.append(start)
                ends.append(end)
                tokens.append((h, 0))
                return 0
            }
        }
        // Matches, in position order (the last positions were not checked while reading).
        var found: [Range<Int>] = []  // byte ranges
        var p = 0
        while p < tokens.count {
            if let phrase = phrases.first(where: { p + $0.count <= tokens.count && matches($0, at: p, in: tokens) }) {
                found.append(starts[p]..<ends[p + phrase.count - 1])
            }
            p += 1
        }
        guard let first = found.first else { return nil }
        let windowStart = Self.back(from: first.lowerBound, characters: length / 4, in: bytes)
        let windowEnd = Self.forward(from: windowStart, characters: length, in: bytes)
        var out = String.UnicodeScalarView()
        if windowStart > 0 { out.append("…") }
        var cursor = windowStart
        for range in found where range.lowerBound >= cursor && range.upperBound <= windowEnd {
            out.append(contentsOf: String(decoding: bytes[cursor..<range.lowerBound], as: UTF8.self).unicodeScalars)
            out.append(Highlight.open)
            out.append(contentsOf: String(decoding: bytes[range], as: UTF8.self).unicodeScalars)
            out.append(Highlight.close)
            cursor = range.upperBound
        }
        out.append(contentsOf: String(decoding: bytes[cursor..<windowEnd], as: UTF8.self).unicodeScalars)
        if windowEnd < bytes.count { out.append("…") }
        return String(out)
    }

    private func matches(_ phrase: [UInt64], at begin: Int, in tokens: [(UInt64, UInt64)]) -> Bool {
        for (k, h) in phrase.enumerated() {
            let at = tokens[begin + k]
            if at.0 != h && at.1 != h { return false }
        }
        return true
    }

    /// FNV-1a, 64 bits.
    static func hash(_ bytes: some Collection<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// The byte offset `characters` scalars before `offset`.
    static func back(from offset: Int, characters: Int, in bytes: [UInt8]) -> Int {
        var i = offset, n = 0
        while i > 0 && n < characters {
            i -= 1
            while i > 0 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
            n += 1
        }
        return i
    }

    /// The byte offset `characters` scalars after `offset`.
    static func forward(from offset: Int, characters: Int, in bytes: [UInt8]) -> Int {
        var i = offset, n = 0
        while i < bytes.count && n < characters {
            i += 1
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
            n += 1
        }
        return i
    }
}
