import PolicyCore

/// Reports numbering anomalies without repairing them: numbering that starts late (`(三)` first
/// because page 1 is missing), gaps, duplicates and numbers out of order.
///
/// Articles, chapters and parts count through the whole document (or attachment). Other levels may
/// restart under each parent or continue from the previous parent (`(一)…(六)` under 二, `(七)` under 三),
/// and both are accepted. 款 and 一是 are numbered by the segmenter itself and are not checked.
struct NumberingChecker {
    struct Entry {
        var label: ClauseLabel
        var parent: Int?
        var scope: Int
        var path: String
        var line: Int

        var kind: ClauseKind { label.kind }
        var ordinal: Int { label.ordinal }
        var subordinal: Int { label.subordinal }
    }

    private struct Number: Equatable {
        var ordinal: Int
        var subordinal: Int
        var line: Int
    }

    private struct SiblingKey: Hashable {
        var parent: Int
        var scope: Int
        var kind: ClauseKind
    }

    private struct ScopeKey: Hashable {
        var scope: Int
        var kind: ClauseKind
    }

    /// The anomalies of `entries` (in document order), as `(entry index, message)`.
    func anomalies(_ entries: [Entry]) -> [(index: Int, message: String)] {
        var lastSibling: [SiblingKey: Number] = [:]
        var lastInScope: [ScopeKey: Number] = [:]
        var result: [(Int, String)] = []
        for (index, entry) in entries.enumerated() {
            guard entry.kind != .paragraph, entry.kind != .enumeration, entry.kind != .attachment else { continue }
            let siblingKey = SiblingKey(parent: entry.parent ?? -1, scope: entry.scope, kind: entry.kind)
            let scopeKey = ScopeKey(scope: entry.scope, kind: entry.kind)
            let number = Number(ordinal: entry.ordinal, subordinal: entry.subordinal, line: entry.line)
            let previous = entry.kind.numbersContinuously ? lastInScope[scopeKey] : lastSibling[siblingKey]
            if let previous {
                if let message = compare(entry, to: previous) { result.append((index, message)) }
            } else {
                let continued = lastInScope[scopeKey].map { $0.ordinal + 1 }
                if entry.ordinal != 1 && entry.ordinal != continued {
                    let firstMissing = continued.flatMap { $0 < entry.ordinal ? $0 : nil } ?? 1
                    result.append((index, "\(entry.path): numbering starts at \(entry.label.text), "
                        + missing(entry, from: firstMissing, to: entry.ordinal - 1)))
                }
            }
            lastSibling[siblingKey] = number
            lastInScope[scopeKey] = number
        }
        return result
    }

    private func compare(_ entry: Entry, to previous: Number) -> String? {
        var previousLabel: String {
            entry.kind.label(for: previous.ordinal, like: entry.label.text)
                + (previous.subordinal > 0 ? "之\(ChineseNumeral.chinese(previous.subordinal))" : "")
        }
        if entry.ordinal == previous.ordinal {
            if entry.subordinal > previous.subordinal { return nil }
            if entry.subordinal == previous.subordinal {
                return "\(entry.path): duplicate \(entry.label.text) (also at line \(previous.line))"
            }
            return "\(entry.path): \(entry.label.text) follows \(previousLabel)"
        }
        if entry.ordinal == previous.ordinal + 1 { return nil }
        if entry.ordinal > previous.ordinal {
            return "\(entry.path): " + missing(entry, from: previous.ordinal + 1, to: entry.ordinal - 1)
                + " between \(previousLabel) and \(entry.label.text)"
        }
        return "\(entry.path): \(entry.label.text) follows \(previousLabel)"
    }

    private func missing(_ entry: Entry, from first: Int, to last: Int) -> String {
        let firstLabel = entry.kind.label(for: first, like: entry.label.text)
        if first == last { return "\(firstLabel) missing" }
        return "\(firstLabel)…\(entry.kind.label(for: last, like: entry.label.text)) missing"
    }
}
