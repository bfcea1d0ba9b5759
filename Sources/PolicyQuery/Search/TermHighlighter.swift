import PolicyFormat
import PolicyStore

/// Finds a query's terms in a hit's text the way the index matched them — the same tokenizer,
/// the same positions — and cuts a snippet around the first one, every match inside marked.
///
/// It reads the text only as far as the snippet needs: FTS5's `highlight()` and `snippet()`
/// tokenize the whole column (and `snippet()` compares every window with every match), which on
/// a long document costs more than the search itself.
struct TermHighlighter {
    /// One token of a term's phrase: the hash of its text, and whether it matches any token
    /// starting with that text (a Han run's last character, see `FullTextPhrase`).
    private struct Piece {
        var hash: UInt64
        var prefix: Bool
    }

    /// One position of the text: the hash of its token and of the token's first character, the
    /// token's byte range and where its first character ends.
    private struct Position {
        var hash: UInt64
        var firstHash: UInt64
        var start: Int
        var end: Int
        var firstEnd: Int
    }

    /// Each positive term as its phrase: what to find.
    private let phrases: [[Piece]]
    private let longest: Int

    init(terms: [String]) {
        phrases = terms.map { term in
            FullTextPhrase.pieces(for: term).map { Piece(hash: Self.hash(Array($0.text.utf8)), prefix: $0.prefix) }
        }.filter { !$0.isEmpty }
        longest = phrases.map(\.count).max() ?? 0
    }

    /// `length` characters of `text` around the first match, matches marked; nil when no term
    /// occurs.
    func snippet(of text: String, length: Int) -> String? {
        guard !phrases.isEmpty, !text.isEmpty else { return nil }
        var bytes = Array(text.utf8)
        var positions: [Position] = []
        var firstMatch: Int?
        var tokenizer = ChineseTokenizer()
        _ = bytes.withUnsafeMutableBufferPointer { buffer in
            let text = UnsafeBufferPointer(buffer)
            return tokenizer.tokenize(text, mode: .document) { token, kind, start, end in
                let hash = Self.hash(token)
                var firstHash = hash, firstEnd = end
                if kind == .bigram {
                    // The first character's bytes in the token, and in the text (NFKC may have
                    // changed it: then the token's range is the character's).
                    let tokenFirst = Self.scalarLength(token[0])
                    firstHash = Self.hash(UnsafeBufferPointer(rebasing: token[0..<min(tokenFirst, token.count)]))
                    firstEnd = min(end, start + Self.scalarLength(text[start]))
                }
                positions.append(Position(hash: hash, firstHash: firstHash, start: start, end: end, firstEnd: firstEnd))
                if firstMatch == nil {
                    for phrase in phrases where positions.count >= phrase.count {
                        let begin = positions.count - phrase.count
                        if matches(phrase, at: begin, in: positions) { firstMatch = begin; break }
                    }
                }
                if let firstMatch, positions.count > firstMatch + length + longest { return 1 }  // read enough
                return 0
            }
        }
        // Matches, in position order.
        var found: [Range<Int>] = []  // byte ranges
        var p = 0
        while p < positions.count {
            if let phrase = phrases.first(where: { p + $0.count <= positions.count && matches($0, at: p, in: positions) }) {
                let last = positions[p + phrase.count - 1]
                // A prefix piece matched a bigram's first character only.
                let end = phrase[phrase.count - 1].prefix ? last.firstEnd : last.end
                found.append(positions[p].start..<max(end, positions[p].start))
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

    private func matches(_ phrase: [Piece], at begin: Int, in positions: [Position]) -> Bool {
        for (k, piece) in phrase.enumerated() {
            let at = positions[begin + k]
            if (piece.prefix ? at.firstHash : at.hash) != piece.hash { return false }
        }
        return true
    }

    /// The length of a UTF-8 sequence by its first byte (1 for a stray byte).
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
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
