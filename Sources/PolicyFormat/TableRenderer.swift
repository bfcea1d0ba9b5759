import PolicyCore

/// Renders rows as aligned columns, padding and truncating by display width (a Hanzi is two
/// columns wide), which is what csvkit-style padding by character count gets wrong.
///
/// Cells may carry `Highlight` marks; they are shown in `highlight` style (brackets count
/// towards the width, colour codes do not).
public struct TableRenderer: Sendable {
    public struct Column: Sendable {
        public var title: String
        /// Widest the column may be; longer cells are cut with `…`.
        public var maxWidth: Int
        public var alignRight: Bool
        public init(_ title: String, maxWidth: Int = 40, alignRight: Bool = false) {
            self.title = title
            self.maxWidth = maxWidth
            self.alignRight = alignRight
        }
    }

    public var columns: [Column]
    public var separator = "  "
    public var highlight: Highlight.Style = .brackets

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// The table as lines (header, rule, rows), without trailing spaces.
    public func render(_ rows: [[String]]) -> String {
        let style = highlight
        let cells = rows.map { row in columns.indices.map { i in
            var cell = Self.singleLine(i < row.count ? row[i] : "")
            if style != .ansi { cell = Highlight.render(cell, style: style) }
            return Self.truncate(cell, toWidth: columns[i].maxWidth)
        } }
        var widths = columns.map { Self.width($0.title) }
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Self.width(cell)) }
        }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - Self.width(cell)))
                let shown = Highlight.render(cell, style: style)
                parts.append(columns[i].alignRight ? pad + shown : shown + pad)
            }
            var text = parts.joined(separator: separator)
            while text.last == " " { text.removeLast() }
            return text
        }
        var out = [line(columns.map(\.title)), line(widths.map { String(repeating: "-", count: $0) })]
        out += cells.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    /// Display width, not counting highlight marks.
    public static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (Highlight.isMark($1) ? 0 : $1.displayWidth) }
    }

    /// Cuts `text` to at most `width` columns, ending in `…` when cut (a highlight left open is
    /// closed).
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        guard Self.width(text) > width else { return text }
        var out = String.UnicodeScalarView()
        var used = 0
        var open = false
        for c in text.unicodeScalars {
            if Highlight.isMark(c) {
                out.append(c)
                open = c == Highlight.open
                continue
            }
            let w = c.displayWidth
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        if open { out.append(Highlight.close) }
        out.append("…")
        return String(out)
    }

    /// Newlines and tabs inside a cell become spaces.
    static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }
}
