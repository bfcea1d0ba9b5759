import PolicyCore

/// Turns the drafts of the tree into `Clause` values: spans in the source (from a label to the next
/// clause's label, trailing blanks trimmed), paths (`二/(一)`, a repeated label under the same parent
/// gets `~2`), depths, and the numbering anomalies as warnings.
struct ClauseAssembler {
    let view: NormalizedText
    let source: SourceText
    let documentID: String

    /// The clauses of `drafts` (`limits`: where each numbering scope's clauses end) and the
    /// numbering anomalies.
    func clauses(of drafts: [ClauseDraft], limits: [Int]) -> Segmentation {
        let order = drafts.indices.sorted { drafts[$0].start < drafts[$1].start }
        let orphanDepths = orphanDepths(drafts)
        var paths = [String](repeating: "", count: drafts.count)
        var depths = [Int](repeating: 1, count: drafts.count)
        // Paths already given, by parent and number: two siblings with the same label get `~2`.
        var taken: [PathSlot: [String]] = [:]
        var clauses: [Clause] = []
        var entries: [NumberingChecker.Entry] = []
        clauses.reserveCapacity(drafts.count)
        for (position, index) in order.enumerated() {
            let draft = drafts[index]
            let prefix = draft.parent.map { paths[$0] + "/" } ?? ""
            var path = prefix + draft.label.text
            let slot = PathSlot(parent: draft.parent ?? -1, label: LabelKey(draft.label))
            var siblings = taken[slot] ?? []
            var copy = 2
            while siblings.contains(path) {
                path = prefix + draft.label.text + "~\(copy)"
                copy += 1
            }
            siblings.append(path)
            taken[slot] = siblings
            paths[index] = path
            depths[index] = draft.parent.map { depths[$0] + 1 } ?? orphanDepths[draft.scope][draft.kind.rank]
            var end = limits[draft.scope]
            if position + 1 < order.count { end = min(end, drafts[order[position + 1]].start) }
            end = max(trimmedEnd(start: draft.start, end: end), draft.start + 1)
            let span = view.sourceSpan(of: draft.start..<end)
            let line = source.lineNumber(at: span.start)
            clauses.append(Clause(id: documentID + "#" + path, docId: documentID, path: path, label: draft.label.text,
                                  ordinal: draft.label.ordinal, depth: depths[index], heading: draft.heading,
                                  text: source[span], span: span, kind: draft.kind,
                                  parentPath: draft.parent.map { paths[$0] }, line: line))
            entries.append(NumberingChecker.Entry(label: draft.label, parent: draft.parent, scope: draft.scope,
                                                  path: path, line: line))
        }
        let diagnostics = NumberingChecker().anomalies(entries).map {
            Diagnostic.warning($0.message, path: source.path, line: entries[$0.index].line)
        }
        return Segmentation(clauses: clauses, diagnostics: diagnostics)
    }

    /// Where a path could repeat: the same number at the same level under the same parent. Keyed by
    /// numbers, since hashing the Chinese path strings themselves is slow.
    private struct PathSlot: Hashable {
        var parent: Int
        var label: LabelKey
    }

    /// Depth of a clause without a parent, per scope and level: 1 plus the number of higher levels
    /// used in that scope — `(三)` before the first `二、` (its `一、` lost with page 1) is at depth 2.
    private func orphanDepths(_ drafts: [ClauseDraft]) -> [[Int]] {
        let scopes = (drafts.map(\.scope).max() ?? 0) + 1
        var levels = [Set<Int>](repeating: [], count: scopes)
        for draft in drafts where draft.kind != .paragraph && draft.kind != .enumeration {
            levels[draft.scope].insert(draft.kind.rank)
        }
        let ranks = ClauseKind.allCases.map(\.rank).max() ?? 0
        return levels.map { used in (0...ranks).map { rank in 1 + used.filter { $0 < rank }.count } }
    }

    /// Moves `end` back over line breaks, spaces and Markdown `#` markers before the next label.
    private func trimmedEnd(start: Int, end: Int) -> Int {
        var end = end
        while end > start + 1 {
            let c = view.scalars[end - 1]
            guard c == "\n" || c.isInlineSpace || c == "#" else { break }
            end -= 1
        }
        return end
    }
}
