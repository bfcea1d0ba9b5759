/// Highlighted stretches inside a text (the words a search matched), marked with two private-use
/// characters until the output format decides how to show them: `[`…`]` in machine formats and
/// plain tables, colour on a terminal.
public enum Highlight {
    /// Starts a highlighted stretch (U+E000, private use: never in policy texts).
    public static let open: Unicode.Scalar = "\u{E000}"
    /// Ends a highlighted stretch (U+E001).
    public static let close: Unicode.Scalar = "\u{E001}"
    public static let openString = String(open)
    public static let closeString = String(close)

    /// How marks are shown.
    public enum Style: Sendable {
        /// `[`…`]`, as the data contract's search hits.
        case brackets
        /// Bold red on a terminal (ANSI SGR).
        case ansi
        /// Marks removed.
        case none
    }

    public static let ansiOpen = "\u{1B}[1;31m"
    public static let ansiClose = "\u{1B}[0m"

    /// `text` with its marks shown in `style`.
    public static func render(_ text: String, style: Style) -> String {
        guard text.unicodeScalars.contains(where: { $0 == open || $0 == close }) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for c in text.unicodeScalars {
            switch c {
            case open:
                switch style {
                case .brackets: out += "["
                case .ansi: out += ansiOpen
                case .none: break
                }
            case close:
                switch style {
                case .brackets: out += "]"
                case .ansi: out += ansiClose
                case .none: break
                }
            default:
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Whether `c` is one of the two marks.
    @inlinable public static func isMark(_ c: Unicode.Scalar) -> Bool { c == open || c == close }
}
