import PolicyCore

/// Finds, for many spans at once, the innermost clause that contains each: the clause that comes
/// last in document order among those whose span contains it (what `clauses.last { $0.span.contains(span) }`
/// gives), in O((clauses + spans) log clauses) instead of O(clauses × spans).
///
/// The query "largest index j with `start[j] ≤ a` and `end[j] ≥ b`" is answered offline: spans are
/// taken in order of start while clauses with a start at or before it are added to a Fenwick tree
/// over clause ends (ends reversed, so "end ≥ b" is a prefix) that keeps the largest clause index.
enum InnermostClause {
    /// The index into `clauses` of the innermost clause containing each span, nil where none does.
    static func indices(of spans: [Span], in clauses: [Clause]) -> [Int?] {
        var result = [Int?](repeating: nil, count: spans.count)
        guard !clauses.isEmpty, !spans.isEmpty else { return result }
        let ends = Array(Set(clauses.map(\.span.end))).sorted()
        let clauseOrder = clauses.indices.sorted { clauses[$0].span.start < clauses[$1].span.start }
        let spanOrder = spans.indices.sorted { spans[$0].start < spans[$1].start }
        var tree = MaxFenwickTree(count: ends.count)
        var next = 0
        for s in spanOrder {
            let span = spans[s]
            while next < clauseOrder.count, clauses[clauseOrder[next]].span.start <= span.start {
                let c = clauseOrder[next]
                tree.raise(ends.count - 1 - lowerBound(ends, clauses[c].span.end), to: c)
                next += 1
            }
            let first = lowerBound(ends, span.end)  // the first end ≥ span.end
            guard first < ends.count else { continue }
            let best = tree.maximum(through: ends.count - 1 - first)
            if best >= 0 { result[s] = best }
        }
        return result
    }

    /// The first index of `sorted` whose value is ≥ `value` (`sorted.count` if none).
    private static func lowerBound(_ sorted: [Int], _ value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// A Fenwick (binary indexed) tree of prefix maxima; values only ever rise. Empty slots hold -1.
struct MaxFenwickTree {
    private var slots: [Int]

    init(count: Int) { slots = [Int](repeating: -1, count: count + 1) }

    /// Raises position `index` (0-based) to at least `value`.
    mutating func raise(_ index: Int, to value: Int) {
        var i = index + 1
        while i < slots.count {
            if slots[i] < value { slots[i] = value }
            i += i & -i
        }
    }

    /// The largest value at positions 0 … `index`, -1 if none was set.
    func maximum(through index: Int) -> Int {
        var best = -1
        var i = index + 1
        while i > 0 {
            best = max(best, slots[i])
            i -= i & -i
        }
        return best
    }
}
