import GRDB
import PolicyCore
import PolicyFormat
import PolicyStore

/// `policyq export documents|clauses|records`: every object that passes the filters, one at a
/// time from a database cursor, so memory stays flat however large the index.
public struct Exporter: Sendable {
    public enum Table: String, Sendable, CaseIterable {
        case documents, clauses, records
    }

    public let database: IndexDatabase

    public init(database: IndexDatabase) {
        self.database = database
    }

    /// The contract's columns of each table (CSV header), and what a table view shows.
    public static func layout(of table: Table) -> ListingLayout {
        switch table {
        case .documents:
            return ListingLayout(
                fields: ["id", "source", "title", "doc_number", "issuers", "date", "level", "region", "doc_type",
                         "start", "end"],
                table: [.init("id", "id", maxWidth: 28), .init("date", "日期", maxWidth: 10),
                        .init("level", "级别", maxWidth: 10), .init("region", "地区", maxWidth: 10),
                        .init("doc_type", "类型", maxWidth: 6), .init("title", "标题", maxWidth: 40)])
        case .clauses:
            return ListingLayout(
                fields: ["id", "doc_id", "path", "label", "ordinal", "depth", "heading", "text", "start", "end"],
                table: [.init("id", "id", maxWidth: 34), .init("heading", "标题", maxWidth: 20),
                        .init("text", "内容", maxWidth: 50)])
        case .records:
            return ListingLayout(
                fields: ["id", "doc_id", "clause_id", "kind", "text", "start", "end",
                         "value", "currency", "qualifier", "inclusive", "min", "max", "per", "unit", "points",
                         "relation", "date_start", "date_end", "duration", "name", "normalized", "role",
                         "title", "doc_number", "target"],
                table: [.init("clause_id", "条款", maxWidth: 34), .init("kind", "kind", maxWidth: 8),
                        .init("text", "原文", maxWidth: 30), .init("value", "value", maxWidth: 14, alignRight: true),
                        .init("qualifier", "qualifier", maxWidth: 9)])
        }
    }

    /// Calls `emit` with the contract JSON of every object of `table` that passes `filters`, in
    /// index order (documents as ingested, clauses and records in document order). Returns the
    /// number of objects.
    @discardableResult
    public func export(_ table: Table, filters: QueryFilters, emit: (JSONValue) throws -> Void) throws -> Int {
        var conditions = filters.documentConditions("d")
        let sql: String
        switch table {
        case .documents:
            conditions.append(filters.recordExistsConditions(scope: "r.document_pk = d.pk"))
            sql = "SELECT \(StoredObjects.documentColumns) FROM documents d WHERE \(conditions.sql) ORDER BY d.pk"
        case .clauses:
            conditions.append(filters.recordExistsConditions(scope: "r.clause_pk = c.pk"))
            sql = """
                SELECT \(StoredObjects.clauseColumns) FROM documents d JOIN clauses c ON c.document_pk = d.pk
                WHERE \(conditions.sql) ORDER BY d.pk, c.position
                """
        case .records:
            conditions.append(filters.recordRowConditions("r"))
            sql = """
                SELECT \(StoredObjects.recordColumns) FROM records r \(StoredObjects.recordJoins)
                WHERE \(conditions.sql) ORDER BY r.document_pk, r.start, r.pk
                """
        }
        return try database.read { db in
            // A citation's target is resolved against the whole index now (it was unknown when
            // its file was parsed alone).
            let resolver = table == .records ? try CrossReferences.resolver(db) : nil
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(conditions.arguments))
            var count = 0
            while let row = try rows.next() {
                switch table {
                case .documents: try emit(StoredObjects.document(row).json)
                case .clauses: try emit(StoredObjects.clause(row).json)
                case .records:
                    var record = StoredObjects.record(row)
                    if let resolver { record = CrossReferences.resolved(record, by: resolver) }
                    try emit(record.json)
                }
                count += 1
            }
            return count
        }
    }
}
