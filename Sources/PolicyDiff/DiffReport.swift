import PolicyCore
import PolicyFormat

/// Human-readable forms of a diff: a two-column terminal report and Markdown.
public struct DiffReport: Sendable {
    public var diff: DocumentDiff
    /// Wrap ANSI colour around the values that differ.
    public var color: Bool
    /// Width of each of the two columns, in terminal columns.
    public var columnWidth: Int
    /// The text report leaves out `matched` pairs.
    public var changesOnly = false

    public init(_ diff: DocumentDiff, color: Bool = false, columnWidth: Int = 48) {
        self.diff = diff
        self.color = color
        self.columnWidth = columnWidth
    }

    /// Two columns (A left, B right), one block per pair, differing values underneath.
    public var text: String {
        var out = "A: \(diff.documentA.title) (\(diff.documentA.id))\n"
        out += "B: \(diff.documentB.title) (\(diff.documentB.id))\n"
        out += summary + "\n\n"
        for pair in diff.pairs where !(changesOnly && pair.status == .matched) {
            let marker: String
            switch pair.status {
            case .matched: marker = "="
            case .changed: marker = "≠"
            case .onlyInA: marker = "+A"
            case .onlyInB: marker = "+B"
            }
            let score = pair.score.map { String(Int(($0 * 100).rounded())) + "%" } ?? ""
            let left = pair.a.map(describe) ?? "—"
            let right = pair.b.map(describe) ?? "—"
            out += pad(marker + " " + score, 7) + pad(left, columnWidth) + " │ " + right + "\n"
            for d in pair.differences {
                let field = pad("    " + d.field, 7 + 8)
                let va = highlight(d.valueA ?? "none"), vb = highlight(d.valueB ?? "none")
                out += field + pad(va, columnWidth - 8, visible: d.valueA ?? "none") + " │ " + vb + "\n"
            }
        }
        return out
    }

    /// A Markdown report an analyst can paste: summary, then a table of pairs and values.
    public var markdown: String {
        var out = "## \(diff.documentA.title) vs \(diff.documentB.title)\n\n"
        out += "- A: \(diff.documentA.title) (\(diff.documentA.id))\n- B: \(diff.documentB.title) (\(diff.documentB.id))\n"
        out += "- \(summary)\n\n"
        out += "| status | score | A | B | differing values (A → B) |\n|---|---|---|---|---|\n"
        for pair in diff.pairs {
            let values = pair.differences.map { "\($0.field): \($0.valueA ?? "none") → \($0.valueB ?? "none")" }
            out += "| \(pair.status.rawValue) | \(pair.score.map { String(format2($0)) } ?? "") | "
                + "\(escape(pair.a.map(describe) ?? "")) | \(escape(pair.b.map(describe) ?? "")) | "
                + "\(escape(values.joined(separator: "; "))) |\n"
        }
        return out
    }

    var summary: String {
        "\(diff.count(.matched)) matched, \(diff.count(.changed)) changed, "
            + "\(diff.count(.onlyInA)) only in A, \(diff.count(.onlyInB)) only in B"
    }

    func describe(_ unit: MeasureUnit) -> String {
        let title = unit.clause.heading ?? String(unit.text.prefix(24))
        return unit.clause.path + " " + title
    }

    func highlight(_ text: String) -> String { color ? "\u{1B}[1;33m" + text + "\u{1B}[0m" : text }

    /// Pads to `width` display columns, measuring `visible` (the text without colour codes).
    func pad(_ text: String, _ width: Int, visible: String? = nil) -> String {
        let shown = visible ?? text
        let cut = shown.displayWidth > width ? TableRenderer.truncate(shown, toWidth: width) : nil
        let body = cut ?? text
        return body + String(repeating: " ", count: max(0, width - (cut ?? shown).displayWidth))
    }

    func escape(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.flatMap { $0 == "|" ? Array("\\|".unicodeScalars) : [$0] }))
    }

    func format2(_ v: Double) -> String { JSONNumber.format((v * 100).rounded() / 100) }
}
