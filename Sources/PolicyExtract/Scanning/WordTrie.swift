/// A fixed set of words, each with a value, found by walking scalars — the lexicons of the
/// extractors (currency names, measure words, qualifier words, time words).
///
/// `longestMatch(in:at:)` reads forward from a position; a trie built with `backward: true` stores
/// every word reversed, and `longestMatch(in:endingAt:)` then finds the longest word that ends just
/// before a position (a qualifier in front of a number).
struct WordTrie<Value: Sendable>: Sendable {
    private var children: [[UInt32: Int32]] = [[:]]
    private var values: [Value?] = [nil]
    /// The scalars words start with (end with, for a backward trie): most positions fail here,
    /// without hashing.
    private var firstScalars = ScalarSet()

    init(_ words: [(String, Value)], backward: Bool = false) {
        for (word, value) in words {
            let scalars = backward ? Array(word.unicodeScalars.reversed()) : Array(word.unicodeScalars)
            if let first = scalars.first { firstScalars.insert(first) }
            var node = 0
            for c in scalars {
                if let next = children[node][c.value] {
                    node = Int(next)
                } else {
                    children.append([:])
                    values.append(nil)
                    let next = children.count - 1
                    children[node][c.value] = Int32(next)
                    node = next
                }
            }
            values[node] = value
        }
    }

    /// The longest word starting at `i` (and ending at or before `limit`).
    func longestMatch(in s: [Unicode.Scalar], at i: Int, limit: Int) -> (length: Int, value: Value)? {
        guard i < limit, firstScalars.contains(s[i]) else { return nil }
        var node = 0
        var best: (Int, Value)? = nil
        var j = i
        while j < limit, let next = children[node][s[j].value] {
            node = Int(next)
            j += 1
            if let v = values[node] { best = (j - i, v) }
        }
        return best
    }

    /// The longest word ending just before `end` (starting at or after `lowerLimit`). Needs a
    /// trie built with `backward: true`.
    func longestMatch(in s: [Unicode.Scalar], endingAt end: Int, lowerLimit: Int) -> (length: Int, value: Value)? {
        guard end - 1 >= lowerLimit, firstScalars.contains(s[end - 1]) else { return nil }
        var node = 0
        var best: (Int, Value)? = nil
        var j = end - 1
        while j >= lowerLimit, let next = children[node][s[j].value] {
            node = Int(next)
            if let v = values[node] { best = (end - j, v) }
            j -= 1
        }
        return best
    }

    /// Whether a word of the set starts at `i`.
    func matches(_ s: [Unicode.Scalar], at i: Int, limit: Int) -> Bool {
        longestMatch(in: s, at: i, limit: limit) != nil
    }
}

extension WordTrie where Value == Bool {
    /// A plain word set.
    init(words: [String], backward: Bool = false) {
        self.init(words.map { ($0, true) }, backward: backward)
    }
}
