import PolicyCore

/// Splits UTF-8 text into full-text tokens for Chinese policy documents — the logic behind the
/// `policyq_cjk` FTS5 tokenizer, kept free of SQLite so it can be tested directly.
///
/// - Han (and kana, Hangul) runs get **one token per character position**: the bigram starting
///   there, and for the run's last character its unigram (Lucene's CJKBigramFilter idea, without
///   the colocated unigrams of earlier versions, which doubled the tokens to index):
///   `财政部` → 财政 · 政部 · 部. Positions are characters, as before, so phrases line up.
///   A bigram's offsets cover its two characters.
/// - Every occurrence of a text is still found (`FullTextPhrase` builds the query): a text of
///   two or more characters is the phrase of its bigrams (`财政` matches 财政部 and 省财政:
///   the bigram 财政 is at 财's position either way); one character `税` is the prefix query
///   `税*`, which matches the bigrams starting with 税 and the run-final unigram 税.
/// - In `.query` mode (what FTS5 asks for the strings of a MATCH expression) a run of two or
///   more characters gives only its bigrams — the last character is covered by the last bigram,
///   and its unigram is not what the index holds there unless the text ends at it. A single
///   character gives its unigram (a prefix query, see `FullTextPhrase`).
/// - Letters and digits form words, folded by NFKC and lower-cased (`ＧＤＰ` → `gdp`, `５Ｇ` →
///   `5g`); a `.` between digits stays inside a number (`1.5`).
/// - Everything else separates tokens.
///
/// Offsets are UTF-8 byte offsets into the text as given (FTS5's convention); a token made of
/// characters that NFKC expanded or changed still points at the original bytes.
public struct ChineseTokenizer {
    public enum Mode: Sendable {
        /// Text being indexed or highlighted: one token per position.
        case document
        /// A string of a MATCH expression: a run of two or more characters without its final
        /// unigram.
        case query
    }

    /// What a token stands for.
    public enum Kind: Sendable, Equatable {
        /// Letters and digits.
        case word
        /// Two characters of a Han run, at the position of the first.
        case bigram
        /// The last character of a Han run (the only one, for a run of one).
        case unigram
    }

    /// One token, as tests and tools see it.
    public struct Token: Equatable, Sendable, CustomStringConvertible {
        public var text: String
        /// Byte offsets into the UTF-8 input.
        public var start: Int
        public var end: Int
        public var kind: Kind

        public init(_ text: String, _ start: Int, _ end: Int, kind: Kind = .word) {
            self.text = text
            self.start = start
            self.end = end
            self.kind = kind
        }

        public var description: String { "\(text)[\(start),\(end))" }
    }

    /// Characters whose NFKC case fold is not themselves, folded once per tokenizer.
    private var foldCache: [UInt32: [Unicode.Scalar]] = [:]

    /// Called for each token: its bytes, kind and offsets; returns 0 to go on, anything else to
    /// stop (the value is returned by `tokenize`).
    public typealias Emit = (UnsafeBufferPointer<UInt8>, Kind, Int, Int) -> Int32

    // Streaming state.
    private var pendingCJK: (bytes: Bytes4, start: Int, end: Int)?
    /// The pending character is not the first of its run (a bigram ends at it).
    private var pendingFollowsCJK = false
    private var word: [UInt8] = []
    private var wordStart = 0, wordEnd = 0
    /// A `.` seen right after a digit inside a word: kept only if a digit follows.
    private var pendingPoint = false

    public init() {
        word.reserveCapacity(64)
    }

    /// Tokenizes `text`, calling `emit` for each token in order.
    public mutating func tokenize(_ text: UnsafeBufferPointer<UInt8>, mode: Mode, emit: Emit) -> Int32 {
        pendingCJK = nil
        pendingFollowsCJK = false
        word.removeAll(keepingCapacity: true)
        pendingPoint = false
        var i = 0
        let n = text.count
        while i < n {
            let (scalar, length) = Self.decode(text, at: i)
            let start = i, end = i + length
            i = end
            guard let scalar else {
                if let rc = flushAll(mode: mode, emit: emit) { return rc }
                continue
            }
            if let rc = feed(folding: scalar, start: start, end: end, mode: mode, emit: emit) { return rc }
        }
        return flushAll(mode: mode, emit: emit) ?? 0
    }

    /// All tokens of `text` (tests, tools, the scan fallback, query building).
    public mutating func tokens(of text: String, mode: Mode) -> [Token] {
        var result: [Token] = []
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBufferPointer { buffer in
            tokenize(UnsafeBufferPointer(buffer), mode: mode) { token, kind, start, end in
                result.append(Token(String(decoding: token, as: UTF8.self), start, end, kind: kind))
                return 0
            }
        }
        return result
    }

    // MARK: - Characters

    private mutating func feed(folding scalar: Unicode.Scalar, start: Int, end: Int, mode: Mode,
                               emit: Emit) -> Int32? {
        let v = scalar.value
        if v >= 0x4E00 && v <= 0x9FFF {  // the common case first: a CJK unified ideograph
            return processCJK(Bytes4(scalar), start: start, end: end, mode: mode, emit: emit)
        }
        if v < 0x80 {
            var c = scalar
            if v >= 0x41 && v <= 0x5A { c = Unicode.Scalar(UInt8(v + 0x20)) }
            return process(c, as: Self.classify(c), start: start, end: end, mode: mode, emit: emit)
        }
        if (0xFF01...0xFF5E).contains(v), let half = Unicode.Scalar(v - 0xFEE0) {
            return feed(folding: half, start: start, end: end, mode: mode, emit: emit)
        }
        guard scalar.properties.changesWhenNFKCCaseFolded else {
            return process(scalar, as: Self.classify(scalar), start: start, end: end, mode: mode, emit: emit)
        }
        let folded: [Unicode.Scalar]
        if let cached = foldCache[v] {
            folded = cached
        } else {
            folded = Array(ICU.nfkc(String(Character(scalar))).lowercased().unicodeScalars)
            foldCache[v] = folded
        }
        for c in folded {
            // Folded characters are final: run them through the cheap ASCII/Han paths only.
            let cv = c.value
            let final = cv >= 0x41 && cv <= 0x5A ? Unicode.Scalar(UInt8(cv + 0x20)) : c
            if let rc = process(final, as: Self.classify(final), start: start, end: end, mode: mode, emit: emit) {
                return rc
            }
        }
        return nil
    }

    enum CharacterClass { case cjk, word, digit, point, separator }

    static func classify(_ c: Unicode.Scalar) -> CharacterClass {
        let v = c.value
        if v < 0x80 {
            if v >= 0x30 && v <= 0x39 { return .digit }
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) { return .word }
            return v == 0x2E ? .point : .separator
        }
        if c.isHan || (0x3041...0x3096).contains(v) || (0x30A1...0x30FA).contains(v) || v == 0x30FC
            || (0xAC00...0xD7A3).contains(v) {
            return .cjk
        }
        let properties = c.properties
        if properties.numericType == .decimal { return .digit }
        if properties.isAlphabetic { return .word }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .word
        default: return .separator
        }
    }

    /// A Han character: the bigram that ends at it, if any, is now complete.
    @inline(__always)
    private mutating func processCJK(_ current: Bytes4, start: Int, end: Int, mode: Mode, emit: Emit) -> Int32? {
        if !word.isEmpty, let rc = flushWord(emit: emit) { return rc }
        pendingPoint = false
        if let previous = pendingCJK {
            let rc = previous.bytes.withBigram(current) { emit($0, .bigram, previous.start, end) }
            if rc != 0 { return rc }
            pendingFollowsCJK = true
        } else {
            pendingFollowsCJK = false
        }
        pendingCJK = (current, start, end)
        return nil
    }

    private mutating func process(_ c: Unicode.Scalar, as characterClass: CharacterClass, start: Int, end: Int,
                                  mode: Mode, emit: Emit) -> Int32? {
        switch characterClass {
        case .cjk:
            return processCJK(Bytes4(c), start: start, end: end, mode: mode, emit: emit)
        case .word, .digit:
            if let rc = flushCJK(mode: mode, emit: emit) { return rc }
            if pendingPoint {
                pendingPoint = false
                if characterClass == .digit {
                    word.append(0x2E)
                } else if let rc = flushWord(emit: emit) {
                    return rc
                }
            }
            if word.isEmpty { wordStart = start }
            Bytes4(c).append(to: &word)
            wordEnd = end
        case .point:
            if let last = word.last, last >= 0x30 && last <= 0x39, !pendingPoint {
                pendingPoint = true
                return nil
            }
            return flushAll(mode: mode, emit: emit)
        case .separator:
            return flushAll(mode: mode, emit: emit)
        }
        return nil
    }

    // MARK: - Emitting

    private mutating func flushAll(mode: Mode, emit: Emit) -> Int32? {
        if let rc = flushWord(emit: emit) { return rc }
        return flushCJK(mode: mode, emit: emit)
    }

    /// The end of a Han run: its last character's unigram (a query's run of two or more
    /// characters has none, see the type's notes).
    private mutating func flushCJK(mode: Mode, emit: Emit) -> Int32? {
        guard let last = pendingCJK else { return nil }
        pendingCJK = nil
        if mode == .query && pendingFollowsCJK { return nil }
        let rc = last.bytes.withBuffer { emit($0, .unigram, last.start, last.end) }
        return rc == 0 ? nil : rc
    }

    private mutating func flushWord(emit: Emit) -> Int32? {
        pendingPoint = false
        guard !word.isEmpty else { return nil }
        let rc = word.withUnsafeBufferPointer { emit($0, .word, wordStart, wordEnd) }
        word.removeAll(keepingCapacity: true)
        return rc == 0 ? nil : rc
    }

    // MARK: - UTF-8

    /// The scalar starting at `i` and its length in bytes; nil scalar (length 1) for a byte that
    /// does not start a valid sequence.
    @inline(__always)
    static func decode(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar?, Int) {
        let b0 = UInt32(s[i])
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let n = s.count
        func continuation(_ k: Int) -> UInt32? {
            guard i + k < n else { return nil }
            let b = UInt32(s[i + k])
            return b & 0xC0 == 0x80 ? b & 0x3F : nil
        }
        if b0 & 0xE0 == 0xC0, let b1 = continuation(1) {
            let v = (b0 & 0x1F) << 6 | b1
            return v >= 0x80 ? (Unicode.Scalar(v), 2) : (nil, 1)
        }
        if b0 & 0xF0 == 0xE0, let b1 = continuation(1), let b2 = continuation(2) {
            let v = (b0 & 0x0F) << 12 | b1 << 6 | b2
            if v >= 0x800, let scalar = Unicode.Scalar(v) { return (scalar, 3) }
            return (nil, 1)
        }
        if b0 & 0xF8 == 0xF0, let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) {
            let v = (b0 & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
            return v >= 0x10000 && v <= 0x10FFFF ? (Unicode.Scalar(v), 4) : (nil, 1)
        }
        return (nil, 1)
    }
}

/// The UTF-8 bytes of one scalar, without allocating.
struct Bytes4 {
    var b0: UInt8 = 0, b1: UInt8 = 0, b2: UInt8 = 0, b3: UInt8 = 0
    var count: Int

    init(_ c: Unicode.Scalar) {
        let v = c.value
        switch v {
        case 0..<0x80:
            b0 = UInt8(v); count = 1
        case 0x80..<0x800:
            b0 = UInt8(0xC0 | v >> 6); b1 = UInt8(0x80 | v & 0x3F); count = 2
        case 0x800..<0x10000:
            b0 = UInt8(0xE0 | v >> 12); b1 = UInt8(0x80 | v >> 6 & 0x3F); b2 = UInt8(0x80 | v & 0x3F); count = 3
        default:
            b0 = UInt8(0xF0 | v >> 18); b1 = UInt8(0x80 | v >> 12 & 0x3F)
            b2 = UInt8(0x80 | v >> 6 & 0x3F); b3 = UInt8(0x80 | v & 0x3F); count = 4
        }
    }

    func append(to bytes: inout [UInt8]) {
        bytes.append(b0)
        if count > 1 { bytes.append(b1) }
        if count > 2 { bytes.append(b2) }
        if count > 3 { bytes.append(b3) }
    }

    /// Calls `body` with these bytes followed by `next`'s (a bigram), on the stack.
    func withBigram<R>(_ next: Bytes4, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeBytes(of: (b0, b1, b2, b3, next.b0, next.b1, next.b2, next.b3)) { raw in
            var bytes = (UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0))
            return withUnsafeMutableBytes(of: &bytes) { out in
                for i in 0..<count { out[i] = raw[i] }
                for i in 0..<next.count { out[count + i] = raw[4 + i] }
                return body(UnsafeBufferPointer(start: out.bindMemory(to: UInt8.self).baseAddress, count: count + next.count))
            }
        }
    }

    func withBuffer<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeBytes(of: (b0, b1, b2, b3)) { raw in
            body(UnsafeBufferPointer(start: raw.bindMemory(to: UInt8.self).baseAddress, count: count))
        }
    }
}
