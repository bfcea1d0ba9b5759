import Foundation
import GRDB
import PolicyCore

/// Reads the contract's objects back from index rows (the columns `IndexWriter` writes).
enum StoredObjects {
    static let documentColumns = """
        d.pk, d.id, d.source, d.title, d.doc_number, d.issuers, d.date, d.level, d.region, d.doc_type, d.start, \
        d."end", d.format, d.line, d.metadata
        """

    static func document(_ row: Row) -> PolicyDocument {
        PolicyDocument(
            id: row["id"], source: row["source"], title: row["title"], docNumber: row["doc_number"],
            issuers: decode([String].self, row["issuers"]) ?? [], date: (row["date"] as String?).flatMap(CivilDate.init(iso:)),
            level: DocumentLevel(rawValue: row["level"]) ?? .unknown, region: row["region"], docType: row["doc_type"],
            span: Span(start: row["start"], end: row["end"]), format: row["format"], line: row["line"],
            metadata: (decode([[String]].self, row["metadata"]) ?? []).compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil })
    }

    /// The id of a clause (`c`) or record (`r`) of document `d`.
    static func id(_ table: String) -> String {
        "CASE WHEN \(table).key_is_suffix THEN d.id || \(table).key ELSE \(table).key END"
    }

    /// Columns of a clause; the query joins `documents d` (its text is in `search_index`).
    static let clauseColumns = """
        c.pk, \(id("c")) AS id, d.id AS doc_id, c.path, c.label, c.ordinal, c.depth, c.heading, \
        (SELECT body FROM search_index WHERE rowid = c.pk) AS text, c.start, c."end", c.kind, c.parent_path, c.line
        """

    static func clause(_ row: Row) -> Clause {
        Clause(id: row["id"], docId: row["doc_id"], path: row["path"], label: row["label"], ordinal: row["ordinal"],
               depth: row["depth"], heading: row["heading"], text: row["text"], span: Span(start: row["start"], end: row["end"]),
               kind: ClauseKind(rawValue: row["kind"]) ?? .outline, parentPath: row["parent_path"], line: row["line"])
    }

    /// Columns of a record; the query joins `documents d` and `LEFT JOIN clauses c` (`recordJoins`).
    static let recordColumns = """
        r.pk, \(id("r")) AS id, d.id AS doc_id, CASE WHEN c.pk IS NULL THEN NULL ELSE \(id("c")) END AS clause_id, \
        r.kind, r.text, r.start, r."end", r.value, r.qualifier, r.inclusive, r.min, r.max, r.currency, r.per, r.unit, \
        r.points, r.relation, r.date_start, r.date_end, r.duration, r.name, r.normalized, r.role, r.title, \
        r.cited_doc_number, r.target
        """

    static let recordJoins = "JOIN documents d ON d.pk = r.document_pk LEFT JOIN clauses c ON c.pk = r.clause_pk"

    static func record(_ row: Row) -> PolicyRecord {
        let magnitude = Magnitude(value: row["value"], qualifier: Qualifier(rawValue: row["qualifier"] ?? "") ?? .exact,
                                  inclusive: row["inclusive"], min: row["min"], max: row["max"])
        func date(_ column: String) -> CivilDate? { (row[column] as String?).flatMap(CivilDate.init(iso:)) }
        let value: RecordValue
        switch RecordKind(rawValue: row["kind"]) ?? .citation {
        case .amount: value = .amount(magnitude, currency: row["currency"] ?? "CNY", per: row["per"])
        case .percent: value = .percent(magnitude, points: row["points"] ?? false)
        case .quantity: value = .quantity(magnitude, unit: row["unit"] ?? "", per: row["per"])
        case .time:
            value = .time(relation: TimeRelation(rawValue: row["relation"] ?? "") ?? .on, start: date("date_start"),
                          end: date("date_end"), duration: row["duration"])
        case .agency:
            value = .agency(name: row["name"] ?? "", normalized: row["normalized"] ?? "",
                            role: AgencyRole(rawValue: row["role"] ?? "") ?? .mentioned)
        case .citation:
            value = .citation(title: row["title"], docNumber: row["cited_doc_number"], target: row["target"])
        }
        return PolicyRecord(id: row["id"], docId: row["doc_id"], clauseId: row["clause_id"], text: row["text"],
                            span: Span(start: row["start"], end: row["end"]), value: value)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
