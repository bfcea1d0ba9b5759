import PolicyCore

/// Renders rows as aligned columns, padding and truncating by display width (a Hanzi is two
/// columns wide), which is what csvkit-style padding by character count gets wrong.
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

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// The table as lines (header, rule, rows), without trailing spaces.
    public func render(_ rows: [[String]]) -> String {
        let cells = rows.map { row in columns.indices.map { i in
            Self.truncate(Self.singleLine(i < row.count ? row[i] : ""), toWidth: columns[i].maxWidth)
        } }
        var widths = columns.map { $0.title.displayWidth }
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.displayWidth) }
        }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.displayWidth))
                parts.append(columns[i].alignRight ? pad + cell : cell + pad)
            }
            var text = parts.joined(separator: separator)
            while text.last == " " { text.removeLast() }
            return text
        }
        var out = [line(columns.map(\.title)), line(widths.map { String(repeating: "-", count: $0) })]
        out += cells.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    /// Cuts `text` to at most `width` columns, ending in `…` when cut.
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        guard text.displayWidth > width else { return text }
        var out = String.UnicodeScalarView()
        var used = 0
        for c in text.unicodeScalars {
            let w = c.displayWidth
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        out.append("…")
        return String(out)
    }

    /// Newlines and tabs inside a cell become spaces.
    static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }
}
