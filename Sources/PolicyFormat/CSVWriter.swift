/// Writes RFC 4180 CSV (or TSV): fields with a comma, quote, CR or LF are quoted, quotes doubled,
/// records end in CRLF.
///
/// The Excel profile (`excel: true`) adds a UTF-8 byte-order mark before the header — Excel on
/// Windows needs it to read Chinese — and guards cells that start with `= + - @`, tab or CR with a
/// leading `'` so they are not run as formulas (OWASP "CSV injection", CWE-1236).
public struct CSVWriter: Sendable {
    public enum Dialect: Sendable { case csv, tsv }

    public var dialect: Dialect
    public var excel: Bool

    public init(dialect: Dialect = .csv, excel: Bool = false) {
        self.dialect = dialect
        self.excel = excel
    }

    /// The byte-order mark to write once at the start of the output, if any.
    public var preamble: String { excel ? "\u{FEFF}" : "" }

    /// One record, with its line terminator.
    public func row(_ fields: [String]) -> String {
        switch dialect {
        case .csv: return fields.map(csvField).joined(separator: ",") + "\r\n"
        case .tsv: return fields.map(tsvField).joined(separator: "\t") + "\n"
        }
    }

    func guarded(_ field: String) -> String {
        guard excel, let first = field.unicodeScalars.first else { return field }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + field
        default: return field
        }
    }

    func csvField(_ raw: String) -> String {
        let field = guarded(raw)
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func tsvField(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        for c in guarded(raw).unicodeScalars {
            out.append(c == "\t" || c == "\n" || c == "\r" ? " " : c)
        }
        return String(out)
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Index>? {
        guard let first = target.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first, self[i...].hasPrefix(target) {
                return i..<(index(i, offsetBy: target.count))
            }
            i = index(after: i)
        }
        return nil
    }
}
