import PolicyCore

/// One side of a diff: a document with its clause tree and records.
public struct DiffSide: Sendable {
    public var document: PolicyDocument
    public var clauses: [Clause]
    public var records: [PolicyRecord]

    public init(document: PolicyDocument, clauses: [Clause], records: [PolicyRecord]) {
        self.document = document
        self.clauses = clauses
        self.records = records
    }
}

/// A measure: the unit the aligner pairs. An article with its 款 and items, or an item (一) of a
/// 公文, or any other clause that carries text of its own.
public struct MeasureUnit: Sendable {
    /// The clause that stands for the measure (its id appears in the diff rows).
    public var clause: Clause
    /// Normalized text of the clause and everything under it, label removed.
    public var text: String
    /// Records of the clause and of everything under it.
    public var records: [PolicyRecord]
    /// Position in document order.
    public var index: Int
}

extension MeasureUnit {
    /// The measures of a document. With articles (第N条) present, every article is a measure, its
    /// 款 and items included. Otherwise every leaf clause, plus every clause whose own text says more
    /// than its heading (an introduction above its items), is a measure.
    public static func units(of side: DiffSide) -> [MeasureUnit] {
        let clauses = side.clauses
        guard !clauses.isEmpty else { return [] }
        var childrenOf: [String: [Int]] = [:]
        for (i, clause) in clauses.enumerated() {
            if let parent = clause.parentPath { childrenOf[parent, default: []].append(i) }
        }
        func subtree(_ i: Int) -> [Int] {
            var result = [i]
            var stack = childrenOf[clauses[i].path] ?? []
            while let next = stack.popLast() {
                result.append(next)
                stack += childrenOf[clauses[next].path] ?? []
            }
            return result.sorted()
        }
        let recordsByClause = Dictionary(grouping: side.records.filter { $0.clauseId != nil }, by: { $0.clauseId! })
        let hasArticles = clauses.contains { $0.kind == .article }
        var chosen: [[Int]] = []
        if hasArticles {
            chosen = clauses.indices.filter { clauses[$0].kind == .article }.map(subtree)
        } else {
            for i in clauses.indices {
                let isLeaf = (childrenOf[clauses[i].path] ?? []).isEmpty
                if isLeaf || ownContent(clauses[i]).count >= 30 { chosen.append([i]) }
            }
        }
        var units: [MeasureUnit] = []
        for members in chosen {
            let head = clauses[members[0]]
            let text = members.map { ownContent(clauses[$0]) }.joined(separator: "\n")
            guard text.unicodeScalars.contains(where: { $0.isHan }) else { continue }
            let records = members.flatMap { recordsByClause[clauses[$0].id] ?? [] }
            units.append(MeasureUnit(clause: head, text: text, records: records, index: units.count))
        }
        return units
    }

    /// A clause's normalized text without its label (numbers change when measures are renumbered).
    static func ownContent(_ clause: Clause) -> String {
        let normalized = NormalizedText(normalizing: clause.text).string
        var body = Substring(normalized)
        if body.hasPrefix(clause.label) { body = body.dropFirst(clause.label.count) }
        while let first = body.unicodeScalars.first, first == "、" || first == "." || first == " " || first == "\n" {
            body = body.dropFirst()
        }
        return String(body).trimmingCharacters(in: "\n ")
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let drop = Set(set.unicodeScalars)
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop.contains($0) }),
              let last = scalars.lastIndex(where: { !drop.contains($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
