import PolicyCore

/// The readable `--format text` view of parsed documents: metadata, the clause tree indented by
/// depth with headings and first words, records under their clause, warnings inline.
public struct OutlineRenderer: Sendable {
    /// How many characters of a clause's text to show after its heading.
    public var preview = 36

    public init() {}

    public func render(document: PolicyDocument, clauses: [Clause], records: [PolicyRecord],
                       diagnostics: [Diagnostic]) -> String {
        var out = "■ \(document.title.isEmpty ? "(untitled)" : document.title)\n"
        var facts: [String] = []
        facts.append("id: \(document.id)")
        if let number = document.docNumber { facts.append("文号: \(number)") }
        if let date = document.date { facts.append("date: \(date.iso)") }
        facts.append("type: \(document.docType)")
        facts.append("level: \(document.level.rawValue)" + (document.region.map { " (\($0))" } ?? ""))
        out += "  " + facts.joined(separator: " · ") + "\n"
        if !document.issuers.isEmpty { out += "  issuers: \(document.issuers.joined(separator: "、"))\n" }
        out += "  source: \(document.source):\(document.line) [\(document.span.start), \(document.span.end))\n"
        let recordsByClause = Dictionary(grouping: records, by: { $0.clauseId ?? "" })
        for clause in clauses {
            let indent = String(repeating: "  ", count: clause.depth)
            var line = indent + clause.label
            if let heading = clause.heading { line += " 【\(heading)】" }
            let body = firstWords(of: clause)
            if !body.isEmpty { line += " " + body }
            out += line + "\n"
            for record in recordsByClause[clause.id] ?? [] {
                out += indent + "    · \(record.kind.rawValue): \(record.text)\(summary(record.value))\n"
            }
        }
        for record in recordsByClause[""] ?? [] {
            out += "  · \(record.kind.rawValue): \(record.text)\(summary(record.value))\n"
        }
        for diagnostic in diagnostics { out += "  \(diagnostic)\n" }
        return out
    }

    func firstWords(of clause: Clause) -> String {
        var text = clause.text.unicodeScalars.filter { !$0.isLineTerminator }.map(Character.init)
        // Skip the label and heading that the line already shows.
        let shown = clause.label + (clause.heading ?? "")
        if String(text).hasPrefix(shown) { text.removeFirst(min(text.count, shown.count)) }
        let rest = String(text).trimmingSpaces
        return rest.count > preview ? String(rest.prefix(preview)) + "…" : rest
    }

    func summary(_ value: RecordValue) -> String {
        let fields = value.jsonFields.filter { $0.1 != .null }
        let parts = fields.map { "\($0.0)=\($0.1.compact)" }
        return parts.isEmpty ? "" : "  {" + parts.joined(separator: ", ") + "}"
    }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isInlineSpace }),
              let last = scalars.lastIndex(where: { !$0.isInlineSpace }) else { return "" }
        return String(scalars[first...last])
    }
}
