import GRDB
import PolicyCore
import PolicyStore

/// A document with everything the index holds about it.
public struct StoredDocument: Sendable {
    public var document: PolicyDocument
    public var clauses: [Clause]
    public var records: [PolicyRecord]
}

/// A clause with its document and records.
public struct StoredClause: Sendable {
    public var document: PolicyDocument
    public var clause: Clause
    public var records: [PolicyRecord]
    /// Clauses directly below it, in order.
    public var children: [Clause]
}

/// What `policyq show ID` found.
public enum LookupResult: Sendable {
    case document(StoredDocument)
    case clause(StoredClause)
}

/// Why `show` found nothing to show.
public enum LookupError: Error, Sendable, Equatable, CustomStringConvertible {
    case noDocument(String)
    case noClause(document: String, path: String, available: [String])
    case ambiguous(String, candidates: [String])

    public var description: String {
        switch self {
        case .noDocument(let id):
            return "no document '\(id)' in the index (give an id, a 文号, or part of one)"
        case let .noClause(document, path, available):
            let some = available.prefix(12).joined(separator: ", ") + (available.count > 12 ? ", …" : "")
            return "document \(document) has no clause '\(path)'"
                + (available.isEmpty ? " (it has no clauses)" : "; its clauses: \(some)")
        case let .ambiguous(text, candidates):
            return "'\(text)' matches \(candidates.count) documents; give one of:\n  "
                + candidates.prefix(20).joined(separator: "\n  ")
        }
    }
}

/// Finds documents and clauses for `show`: `ID` or `ID#path`, where ID is a document id, a 文号,
/// or a part of an id or title that only one document has.
public struct DocumentLookup: Sendable {
    public let database: IndexDatabase
    /// Fill the `target` of citation records from the whole index (costs a read of every
    /// document's title; `diff` leaves it off).
    public let resolvesCitations: Bool

    public init(database: IndexDatabase, resolvesCitations: Bool = true) {
        self.database = database
        self.resolvesCitations = resolvesCitations
    }

    public func find(_ reference: String) throws -> LookupResult {
        let (documentPart, path) = Self.split(reference)
        return try database.read { db in
            let (pk, document) = try resolveDocument(documentPart, db: db)
            let resolver = resolvesCitations ? try CrossReferences.resolver(db) : nil
            func record(_ row: Row) -> PolicyRecord {
                let record = StoredObjects.record(row)
                return resolver.map { CrossReferences.resolved(record, by: $0) } ?? record
            }
            let clauseRows = try Row.fetchAll(db, sql: """
                SELECT \(StoredObjects.clauseColumns) FROM clauses c JOIN documents d ON d.pk = c.document_pk
                WHERE c.document_pk = ? ORDER BY c.position
                """, arguments: [pk])
            let clauses = clauseRows.map(StoredObjects.clause)
            guard let path else {
                let records = try Row.fetchAll(db, sql: """
                    SELECT \(StoredObjects.recordColumns) FROM records r \(StoredObjects.recordJoins)
                    WHERE r.document_pk = ? ORDER BY r.start, r.pk
                    """, arguments: [pk]).map(record)
                return .document(StoredDocument(document: document, clauses: clauses, records: records))
            }
            let normalized = ICU.nfkc(path)
            guard let index = clauses.firstIndex(where: { $0.path == normalized || $0.id == "\(document.id)#\(normalized)" })
            else {
                throw LookupError.noClause(document: document.id, path: path, available: clauses.map(\.path))
            }
            let clause = clauses[index]
            let clausePK: Int64 = clauseRows[index]["pk"]
            let records = try Row.fetchAll(db, sql: """
                SELECT \(StoredObjects.recordColumns) FROM records r \(StoredObjects.recordJoins)
                WHERE r.clause_pk = ? ORDER BY r.start, r.pk
                """, arguments: [clausePK]).map(record)
            let children = clauses.filter { $0.parentPath == clause.path }
            return .clause(StoredClause(document: document, clause: clause, records: records, children: children))
        }
    }

    /// `ID#path` → (ID, path); `#` inside 文号 does not occur.
    static func split(_ reference: String) -> (String, String?) {
        guard let hash = reference.firstIndex(of: "#") else { return (reference, nil) }
        let path = String(reference[reference.index(after: hash)...])
        return (String(reference[..<hash]), path.isEmpty ? nil : path)
    }

    /// Exact id, then exact 文号 (NFKC), then the one document whose id or title contains it.
    private func resolveDocument(_ text: String, db: Database) throws -> (Int64, PolicyDocument) {
        let select = "SELECT \(StoredObjects.documentColumns) FROM documents d"
        for (sql, argument) in [("\(select) WHERE d.id = ?", text), ("\(select) WHERE d.doc_number = ?", ICU.nfkc(text))] {
            let rows = try Row.fetchAll(db, sql: sql + " ORDER BY d.pk LIMIT 2", arguments: [argument])
            if rows.count == 1 { return (rows[0]["pk"], StoredObjects.document(rows[0])) }
            if rows.count > 1 { throw LookupError.ambiguous(text, candidates: rows.map { $0["id"] }) }
        }
        let rows = try Row.fetchAll(db, sql: """
            \(select) WHERE instr(d.id, ?) > 0 OR instr(d.title, ?) > 0 ORDER BY d.pk LIMIT 50
            """, arguments: [text, text])
        guard let first = rows.first else { throw LookupError.noDocument(text) }
        if rows.count > 1 {
            throw LookupError.ambiguous(text, candidates: rows.map { "\($0["id"] as String)  \($0["title"] as String)" })
        }
        return (first["pk"], StoredObjects.document(first))
    }
}
