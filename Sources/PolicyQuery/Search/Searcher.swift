import Foundation
import GRDB
import PolicyCore
import PolicyFormat
import PolicyStore

/// One search hit: a clause, or a document (its title or its text outside clauses; `clauseID`
/// nil). JSON per the data contract's "search hit".
public struct SearchHit: Sendable, Equatable {
    public var clauseID: String?
    public var docID: String
    public var title: String
    public var docNumber: String?
    public var date: String?
    public var path: String?
    public var heading: String?
    /// Higher is better (the negated BM25 rank); 0 for scanned, unranked hits.
    public var score: Double
    /// The matched words between `Highlight` marks.
    public var snippet: String
    public var source: String
    public var level: String
    public var region: String?
    public var docType: String

    public var json: JSONValue {
        .object([
            ("type", .string("hit")),
            ("clause_id", JSONValue(clauseID)),
            ("doc_id", .string(docID)),
            ("title", .string(title)),
            ("doc_number", JSONValue(docNumber)),
            ("date", JSONValue(date)),
            ("path", JSONValue(path)),
            ("heading", JSONValue(heading)),
            ("score", .number(score)),
            ("snippet", .string(snippet)),
            ("source", .string(source)),
            ("level", .string(level)),
            ("region", JSONValue(region)),
            ("doc_type", .string(docType)),
        ])
    }

    /// CSV/TSV columns and the table's view of them.
    public static let layout = ListingLayout(
        fields: ["clause_id", "doc_id", "title", "doc_number", "date", "path", "heading", "score", "snippet",
                 "source", "level", "region", "doc_type"],
        table: [
            .init("doc_number", "文号", maxWidth: 20),
            .init("date", "日期", maxWidth: 10),
            .init("title", "标题", maxWidth: 26),
            .init("path", "条款", maxWidth: 12),
            .init("snippet", "摘要", maxWidth: 50),
        ])
}

/// A search to run.
public struct SearchRequest: Sendable {
    public var query: SearchQuery
    public var filters: QueryFilters
    public var limit: Int
    /// Characters of text in a snippet.
    public var snippetLength: Int

    public init(query: SearchQuery, filters: QueryFilters = QueryFilters(), limit: Int = 20, snippetLength: Int = 40) {
        self.query = query
        self.filters = filters
        self.limit = limit
        self.snippetLength = snippetLength
    }
}

/// Hits, best first.
public struct SearchResult: Sendable {
    public var hits: [SearchHit]
    /// More hits exist beyond `limit`.
    public var truncated: Bool
    /// How the query ran, when the user should know (a scan instead of the index).
    public var notes: [String]
}

/// Runs searches: FTS5 with BM25 ranking (title hits weighted above headings above text), the
/// filters as SQL conditions, snippets cut around the matches (`TermHighlighter`).
public struct Searcher: Sendable {
    public let database: IndexDatabase

    public init(database: IndexDatabase) {
        self.database = database
    }

    public func search(_ request: SearchRequest) throws -> SearchResult {
        let plan = SearchPlan(request.query)
        do {
            return try database.read { db in try run(request, plan: plan, db: db) }
        } catch let error as StoreError {
            // A full-text expression FTS5 rejects must never reach the user: scan instead.
            guard plan.match != nil, case .database = error else { throw error }
            var scan = plan
            scan.match = nil
            scan.notes = ["the full-text index could not run this query (\(error)); scanned all text instead"]
            return try database.read { db in try run(request, plan: scan, db: db) }
        }
    }

    private func run(_ request: SearchRequest, plan: SearchPlan, db: Database) throws -> SearchResult {
        var conditions = SQLConditions()
        if let match = plan.match { conditions.add("search_index MATCH ?", match) }
        conditions.append(request.filters.documentConditions("d"))
        conditions.append(plan.literal)
        // A clause's full-text rowid is its pk; a document's row is documents.fts_rowid.
        let clauseScope = "r.clause_pk = search_index.rowid"
        let documentScope = "r.document_pk = d.pk"
        let onClauses = request.filters.recordExistsConditions(scope: clauseScope)
        if !onClauses.clauses.isEmpty {
            let onDocuments = request.filters.recordExistsConditions(scope: documentScope)
            conditions.add("""
                (search_index.rowid <> d.fts_rowid AND \(onClauses.sql))
                OR (search_index.rowid = d.fts_rowid AND \(onDocuments.sql))
                """)
            conditions.arguments += onClauses.arguments + onDocuments.arguments
        }
        let rank = plan.match == nil ? "0.0" : "bm25(search_index, \(IndexSchema.rankWeights))"
        let order = plan.match == nil ? "d.date DESC, search_index.rowid" : "rank, search_index.rowid"
        // CROSS JOIN keeps the full-text table as the outer loop.
        let sql = """
            SELECT search_index.rowid, search_index.document_pk, \(rank) AS rank,
                   search_index.rowid = d.fts_rowid AS is_document
            FROM search_index CROSS JOIN documents d ON d.pk = search_index.document_pk
            WHERE \(conditions.sql)
            ORDER BY \(order)
            LIMIT ?
            """
        let rows = try Row.fetchAll(db, sql: sql,
                                    arguments: StatementArguments(conditions.arguments + [request.limit + 1]))
        var hits: [SearchHit] = []
        let highlighter = TermHighlighter(terms: plan.highlightTerms)
        for row in rows.prefix(request.limit) {
            let rowid: Int64 = row[0]
            let rankValue: Double = row[2]
            let isDocument: Bool = row[3]
            var hit = try describe(documentPK: row[1], clausePK: isDocument ? nil : rowid, db: db)
            hit.score = Self.significant(-rankValue)
            hit.snippet = Self.collapsingWhitespace(
                try snippet(rowid: rowid, plan: plan, highlighter: highlighter, length: request.snippetLength, db: db))
            hits.append(hit)
        }
        return SearchResult(hits: hits, truncated: rows.count > request.limit, notes: plan.notes)
    }

    /// Six significant digits: BM25 values of a small corpus can be tiny (FTS5 floors a common
    /// word's IDF at 1e-6), and rounding to decimals would show them as 0.
    static func significant(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return 0 }
        return Double(String(format: "%.6g", value)) ?? value
    }

    /// Line breaks and runs of spaces in a snippet become one space.
    static func collapsingWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for c in text.unicodeScalars {
            if c.isInlineSpace || c.isLineTerminator {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(c)
        }
        return String(out)
    }

    private func describe(documentPK: Int64, clausePK: Int64?, db: Database) throws -> SearchHit {
        let sql = """
            SELECT d.id, d.title, d.doc_number, d.date, d.source, d.level, d.region, d.doc_type,
                   CASE WHEN c.pk IS NULL THEN NULL ELSE \(StoredObjects.id("c")) END, c.path, c.heading
            FROM documents d LEFT JOIN clauses c ON c.pk = ?
            WHERE d.pk = ?
            """
        guard let row = try Row.fetchOne(db, sql: sql, arguments: [clausePK, documentPK]) else {
            throw StoreError.database(path: database.path, detail: "a full-text row points to no document")
        }
        return SearchHit(clauseID: row[8], docID: row[0], title: row[1], docNumber: row[2], date: row[3],
                         path: row[9], heading: row[10], score: 0, snippet: "", source: row[4], level: row[5],
                         region: row[6], docType: row[7])
    }

    /// The best snippet: from the text, else the heading, else the title. Terms the index
    /// matched are found by its tokenizer; literal terms (symbols, scans) by comparing text.
    private func snippet(rowid: Int64, plan: SearchPlan, highlighter: TermHighlighter, length: Int,
                         db: Database) throws -> String {
        let row = try Row.fetchOne(db, sql: "SELECT body, heading, title FROM search_index WHERE rowid = ?",
                                   arguments: [rowid])
        let texts: [String] = (0..<3).map { row?[$0] ?? "" }
        if plan.match != nil {
            for text in texts {
                if let snippet = highlighter.snippet(of: text, length: length) { return snippet }
            }
        }
        return Snippets.best(of: texts.map { Snippets.markLiterally($0, terms: plan.highlightTerms) }, length: length)
    }
}
