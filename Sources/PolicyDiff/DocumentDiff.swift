import PolicyCore

/// The diff of two documents: measures paired by content, and the typed values that differ.
public struct DocumentDiff: Sendable {
    /// How a row of the diff relates the two documents.
    public enum Status: String, Sendable, CaseIterable {
        /// the same measure, values equal
        case matched
        /// the same measure, different values
        case changed
        /// a measure of A with no counterpart in B (a provincial addition)
        case onlyInA = "only_in_A"
        /// a measure of B with no counterpart in A (a national measure not taken up)
        case onlyInB = "only_in_B"
    }

    public struct Pair: Sendable {
        public var status: Status
        public var a: MeasureUnit?
        public var b: MeasureUnit?
        public var score: Double?
        public var differences: [ValueDifference]
    }

    public var documentA: PolicyDocument
    public var documentB: PolicyDocument
    public var pairs: [Pair]

    /// Diffs A against B with `aligner`.
    public init(_ a: DiffSide, _ b: DiffSide, aligner: ClauseAligner = ClauseAligner()) {
        documentA = a.document
        documentB = b.document
        pairs = aligner.align(MeasureUnit.units(of: a), MeasureUnit.units(of: b)).map { alignment in
            guard let ua = alignment.a, let ub = alignment.b else {
                return Pair(status: alignment.a == nil ? .onlyInB : .onlyInA, a: alignment.a, b: alignment.b,
                            score: nil, differences: [])
            }
            let differences = ValueComparison.differences(ua.records, ub.records)
            let changed = differences.contains { ValueComparison.substantiveFields.contains($0.field) }
            return Pair(status: changed ? .changed : .matched, a: ua, b: ub, score: alignment.score,
                        differences: differences)
        }
    }

    /// Whether anything differs (the `diff` exit code: 0 none, 1 differences).
    public var hasDifferences: Bool { pairs.contains { $0.status != .matched } }

    public func count(_ status: Status) -> Int { pairs.filter { $0.status == status }.count }

    /// The contract's rows: one `pair` row per clause pair, one `value` row per differing value.
    public var rows: [JSONValue] {
        var rows: [JSONValue] = []
        let docs: [(String, JSONValue)] = [("a_doc", .string(documentA.id)), ("b_doc", .string(documentB.id))]
        for pair in pairs {
            let a = JSONValue(pair.a?.clause.id), b = JSONValue(pair.b?.clause.id)
            rows.append(.object([
                ("type", .string("pair")), ("status", .string(pair.status.rawValue)),
                ("a_clause", a), ("b_clause", b),
                ("score", pair.score.map { .number(($0 * 1000).rounded() / 1000) } ?? .null),
                ("a_path", JSONValue(pair.a?.clause.path)), ("b_path", JSONValue(pair.b?.clause.path)),
                ("a_heading", JSONValue(pair.a?.clause.heading)), ("b_heading", JSONValue(pair.b?.clause.heading)),
            ] + docs))
            for difference in pair.differences {
                rows.append(.object([
                    ("type", .string("value")), ("a_clause", a), ("b_clause", b), ("field", .string(difference.field)),
                    ("value_a", JSONValue(difference.valueA)), ("value_b", JSONValue(difference.valueB)),
                ] + docs))
            }
        }
        return rows
    }

    /// Column names of the CSV form, stable for scripts.
    public static let csvColumns = ["type", "status", "a_clause", "b_clause", "score", "field", "value_a", "value_b",
                                    "a_path", "b_path", "a_doc", "b_doc"]

    /// The rows as CSV fields in `csvColumns` order.
    public var csvRows: [[String]] {
        rows.map { row in
            Self.csvColumns.map { column in
                switch row[column] {
                case .string(let s)?: return s
                case .number(let n)?: return JSONNumber.format(n)
                default: return ""
                }
            }
        }
    }
}
