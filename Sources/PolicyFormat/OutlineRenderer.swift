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
        // Warnings appear under the clause whose label is on their line; the rest at the end.
        var warningsByLine = Dictionary(grouping: diagnostics.filter { $0.line != nil }, by: { $0.line ?? 0 })
        for clause in clauses {
            let indent = String(repeating: "  ", count: clause.depth)
            var line = indent + clause.label
            if let heading = clause.heading { line += " 【\(heading)】" }
            let body = firstWords(of: clause)
            if !body.isEmpty { line += " " + body }
            out += line + "\n"
            for warning in warningsByLine.removeValue(forKey: clause.line) ?? [] {
                out += indent + "  ⚠ \(warning)\n"
            }
            for record in recordsByClause[clause.id] ?? [] {
                out += indent + "    · \(record.kind.rawValue): \(Self.oneLine(record.text))\(summary(record.value))\n"
            }
        }
        for record in recordsByClause[""] ?? [] {
            out += "  · \(record.kind.rawValue): \(Self.oneLine(record.text))\(summary(record.value))\n"
        }
        let remaining = diagnostics.filter { d in d.line.map { warningsByLine[$0] != nil } ?? true }
        for diagnostic in remaining { out += "  ⚠ \(diagnostic)\n" }
        return out
    }

    /// The start of a clause's text after its label and heading, on one line. Read from the
    /// normalized text, since the source may write `（一）` where the label says `(一)`.
    func firstWords(of clause: Clause) -> String {
        var rest = Substring(NormalizedText(normalizing: clause.text).string.filter { $0 != "\n" })
        rest = rest.drop { $0 == "#" || $0 == " " }
        if rest.hasPrefix(clause.label) { rest = rest.dropFirst(clause.label.count) }
        rest = rest.drop { "、.: ".contains($0) }
        if let heading = clause.heading {
            if rest.hasPrefix("【" + heading + "】") || rest.hasPrefix("(" + heading + ")") {
                rest = rest.dropFirst(heading.count + 2)
            }
            if rest.hasPrefix(heading) { rest = rest.dropFirst(heading.count) }
            rest = rest.drop { "。:!? ".contains($0) }
        }
        let text = String(rest).trimmingSpaces
        return text.count > preview ? String(text.prefix(preview)) + "…" : text
    }

    func summary(_ value: RecordValue) -> String {
        let fields = value.jsonFields.filter { $0.1 != .null }
        let parts = fields.map { "\($0.0)=\($0.1.compact)" }
        return parts.isEmpty ? "" : "  {" + parts.joined(separator: ", ") + "}"
    }

    /// A span of PDF text can break across lines (`每辆最\n\n高３０００元`); shown on one.
    public static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.isLineTerminator }))
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
