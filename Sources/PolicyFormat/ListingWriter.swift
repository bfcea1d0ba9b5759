import PolicyCore

/// The columns of a listing: the fields of its objects (CSV header and JSON keys, in order) and
/// which of them a table shows, under what title and how wide.
public struct ListingLayout: Sendable {
    public struct TableColumn: Sendable {
        public var field: String
        public var column: TableRenderer.Column
        public init(_ field: String, _ title: String, maxWidth: Int = 40, alignRight: Bool = false) {
            self.field = field
            self.column = TableRenderer.Column(title, maxWidth: maxWidth, alignRight: alignRight)
        }
    }

    /// Fields written to CSV/TSV, in order (JSON writes the whole object).
    public var fields: [String]
    public var table: [TableColumn]

    public init(fields: [String], table: [TableColumn]) {
        self.fields = fields
        self.table = table
    }
}

/// Writes a listing — search hits, exported rows, counts — in any `OutputFormat`, one object at
/// a time. CSV, TSV, JSON Lines and JSON stream (nothing is kept); a table needs every row for its
/// widths and keeps them until `finish()`.
///
/// Each object is an ordered JSON object. CSV and TSV cells are its `fields` in order: strings as
/// they are, numbers as JSON writes them, booleans `true`/`false`, null empty, arrays joined by
/// `; `. Highlight marks become `[`…`]` everywhere except in a table in colour.
public final class ListingWriter {
    public let format: OutputFormat
    public let layout: ListingLayout
    private let csv: CSVWriter?
    private let write: (String) -> Void
    private var tableRows: [[String]] = []
    private var count = 0
    /// How a table shows highlights (`.ansi` on a terminal).
    public var tableHighlight: Highlight.Style = .brackets

    public init(format: OutputFormat, layout: ListingLayout, excel: Bool = false, write: @escaping (String) -> Void) {
        self.format = format
        self.layout = layout
        self.write = write
        switch format {
        case .csv: csv = CSVWriter(dialect: .csv, excel: excel)
        case .tsv: csv = CSVWriter(dialect: .tsv, excel: excel)
        default: csv = nil
        }
    }

    /// Writes what comes before the first row (CSV header, `[`).
    public func start() {
        switch format {
        case .csv, .tsv:
            if let csv { write(csv.preamble + csv.row(layout.fields)) }
        case .json:
            write("[")
        default:
            break
        }
    }

    public func add(_ object: JSONValue) {
        defer { count += 1 }
        switch format {
        case .csv, .tsv:
            guard let csv else { return }
            write(csv.row(layout.fields.map { Highlight.render(Self.cell(object[$0] ?? .null), style: .brackets) }))
        case .jsonl:
            write(Self.bracketed(object).compact + "\n")
        case .json:
            var text = count == 0 ? "\n  " : ",\n  "
            Self.bracketed(object).write(to: &text, indent: "  ", level: 1)
            write(text)
        default:
            tableRows.append(layout.table.map { Self.cell(object[$0.field] ?? .null) })
        }
    }

    /// Writes what comes after the last row (the table, `]`).
    public func finish() {
        switch format {
        case .json:
            write(count == 0 ? "]\n" : "\n]\n")
        case .csv, .tsv, .jsonl:
            break
        default:
            var renderer = TableRenderer(columns: layout.table.map(\.column))
            renderer.highlight = tableHighlight
            write(renderer.render(tableRows))
            tableRows.removeAll()
        }
    }

    /// The text of a CSV/TSV or table cell (highlight marks kept).
    public static func cell(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return JSONNumber.format(d)
        case .string(let s): return s
        case .array(let items): return items.map(cell).joined(separator: "; ")
        case .object: return value.compact
        }
    }

    /// Strings with their highlight marks written as brackets (machine formats).
    public static func bracketed(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s): return .string(Highlight.render(s, style: .brackets))
        case .array(let items): return .array(items.map(bracketed))
        case .object(let pairs): return .object(pairs.map { ($0.0, bracketed($0.1)) })
        default: return value
        }
    }
}
