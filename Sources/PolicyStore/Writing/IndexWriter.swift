import Foundation
import GRDB
import PolicyCore
import PolicyPipeline

/// Identity and state of a file on disk, as the `files` table keeps it.
public struct FileStamp: Sendable, Equatable {
    /// Absolute, standardized path: the key that tells whether a file was ingested before.
    public var key: String
    /// The path as the user gave it (documents' `source`).
    public var source: String
    public var size: Int
    /// Modification time, seconds since 1970.
    public var mtime: Double

    public init(key: String, source: String, size: Int, mtime: Double) {
        self.key = key
        self.source = source
        self.size = size
        self.mtime = mtime
    }
}

/// What the index knows about a file it has ingested.
public struct IndexedFile: Sendable, Equatable {
    public var key: String
    public var contentHash: String
    public var size: Int
    public var mtime: Double
}

/// Counts of what one write added.
public struct WriteCounts: Sendable, Equatable {
    public var documents = 0
    public var clauses = 0
    public var records = 0
    public init() {}
}

/// Writes parsed files into the index. A file's old rows are deleted and its new rows inserted in
/// the same transaction, so the index never holds half a file. Several files may share one
/// transaction (`inTransaction`): FTS5 writes a new index segment at every commit or savepoint,
/// and one per small file costs more than the whole rest of the write.
///
/// Document ids: a document keeps the id the parser gave it (its 发文字号, else a slug) unless
/// another document already holds that id — the same 文号 in a GBK copy and its original, or
/// two untitled documents of one file. The later one then gets the first free id of
/// `ID~2`, `ID~3`, …, and its clause and record ids follow (`ID~2#三/(一)`). "Later" is the
/// order of writing: within one ingest, files in sorted path order and documents in file order.
/// A re-ingested file takes back the ids it had, so ids do not move when a file changes.
public struct IndexWriter: Sendable {
    public let database: IndexDatabase

    public init(database: IndexDatabase) {
        self.database = database
    }

    /// Every file the index holds, by key.
    public func indexedFiles() throws -> [String: IndexedFile] {
        try database.read { db in
            var result: [String: IndexedFile] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT path, content_hash, size, mtime FROM files")
            while let row = try rows.next() {
                let file = IndexedFile(key: row[0], contentHash: row[1], size: row[2], mtime: row[3])
                result[file.key] = file
            }
            return result
        }
    }

    /// Runs `body` in one write transaction: what it writes is committed together, or not at all
    /// (an error rolls all of it back). Each file written is complete either way.
    public func inTransaction<T>(_ body: (WriteSession) throws -> T) throws -> T {
        try database.write { db in try body(WriteSession(db: db, writer: self)) }
    }

    /// Replaces everything the index holds from `stamp.key` with the contents of `file`, in a
    /// transaction of its own.
    @discardableResult
    public func replace(_ file: ParsedFile, stamp: FileStamp) throws -> WriteCounts {
        let prepared = PreparedFile(file)
        return try inTransaction { try $0.replace(prepared, stamp: stamp) }
    }

    /// Removes a file and everything from it, in a transaction of its own. Returns the number of
    /// documents removed.
    @discardableResult
    public func remove(key: String) throws -> Int {
        try inTransaction { try $0.remove(key: key) }
    }

    // MARK: - Inside a transaction

    func touch(_ stamp: FileStamp, db: Database) throws {
        try db.execute(sql: "UPDATE files SET size = ?, mtime = ? WHERE path = ?",
                       arguments: [stamp.size, stamp.mtime, stamp.key])
    }

    /// Deletes the file's rows; returns the ids its documents had, by the parser's id.
    func delete(key: String, db: Database) throws -> [String: [String]] {
        guard let filePK = try Int64.fetchOne(db, sql: "SELECT pk FROM files WHERE path = ?", arguments: [key]) else {
            return [:]
        }
        var previousIDs: [String: [String]] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, base_id, fts_first, fts_last FROM documents WHERE file_pk = ? ORDER BY position
            """, arguments: [filePK])
        for row in rows {
            previousIDs[row["base_id"] as String, default: []].append(row["id"])
            if let first: Int64 = row["fts_first"], let last: Int64 = row["fts_last"] {
                try db.execute(sql: "DELETE FROM search_index WHERE rowid BETWEEN ? AND ?", arguments: [first, last])
            }
        }
        try db.execute(sql: "DELETE FROM files WHERE pk = ?", arguments: [filePK])
        return previousIDs
    }

    func insert(_ prepared: PreparedFile, stamp: FileStamp, db: Database) throws -> WriteCounts {
        let file = prepared.file
        var previousIDs = try delete(key: stamp.key, db: db)
        var counts = WriteCounts()
        let documentCount = file.documents.count
        try db.execute(sql: """
            INSERT INTO files (path, source, content_hash, size, mtime, format, documents, clauses, records,
                               warnings, indexed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [stamp.key, stamp.source, file.contentHash, stamp.size, stamp.mtime, file.format.rawValue,
                             documentCount, file.documents.reduce(0) { $0 + $1.clauses.count },
                             file.documents.reduce(0) { $0 + $1.records.count }, file.diagnostics.count,
                             Self.timestamp()])
        let filePK = db.lastInsertedRowID
        var usedInFile: Set<String> = []
        for (position, parsed) in file.documents.enumerated() {
            let base = parsed.document.id
            var reusable = previousIDs[base] ?? []
            let id = try freeID(for: base, preferring: &reusable, usedInFile: usedInFile, db: db)
            previousIDs[base] = reusable
            usedInFile.insert(id)
            let document = DocumentRows(parsed, id: id)
            try insert(document, outside: prepared.outsideClauses[position], filePK: filePK, position: position, db: db)
            counts.documents += 1
            counts.clauses += document.clauses.count
            counts.records += document.records.count
        }
        return counts
    }

    /// `base` if free, else the id this file had for it before, else `base~2`, `base~3` …
    private func freeID(for base: String, preferring previous: inout [String], usedInFile: Set<String>,
                        db: Database) throws -> String {
        func isFree(_ id: String) throws -> Bool {
            guard !usedInFile.contains(id) else { return false }
            return try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?)", arguments: [id]) ?? false)
        }
        while !previous.isEmpty {
            let candidate = previous.removeFirst()
            if try isFree(candidate) { return candidate }
        }
        if try isFree(base) { return base }
        var n = 2
        while true {
            let candidate = "\(base)~\(n)"
            if try isFree(candidate) { return candidate }
            n += 1
        }
    }

    private func insert(_ rows: DocumentRows, outside: String, filePK: Int64, position: Int, db: Database) throws {
        let d = rows.document
        let region = d.region.flatMap { Gazetteer.shared.region(named: $0) }
        let province = region.map { Gazetteer.shared.province(of: $0).name }
        // Metadata as an array of [key, value] pairs: keeps the order the source gave them.
        let metadata: String? = d.metadata.isEmpty ? nil
            : JSONValue.array(d.metadata.map { .array([.string($0.0), .string($0.1)]) }).compact
        try db.cachedStatement(sql: """
            INSERT INTO documents (id, base_id, file_pk, position, source, title, doc_number, issuers, issuers_text,
                                   date, year, level, region, province, doc_type, start, "end", format, line, metadata)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                d.id, rows.baseID, filePK, position, d.source, d.title, d.docNumber, JSONValue(d.issuers).compact,
                d.issuers.joined(separator: "\n"), d.date?.iso, d.date?.year, d.level.rawValue, d.region, province,
                d.docType, d.span.start, d.span.end, d.format, d.line, metadata,
            ])
        let documentPK = db.lastInsertedRowID

        var clausePKs: [String: Int64] = [:]
        let insertClause = try db.cachedStatement(sql: """
            INSERT INTO clauses (id, document_pk, doc_id, position, path, label, ordinal, depth, heading, text,
                                 start, "end", kind, parent_path, line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, c) in rows.clauses.enumerated() {
            try insertClause.execute(arguments: [
                c.id, documentPK, c.docId, position, c.path, c.label, c.ordinal, c.depth, c.heading, c.text,
                c.span.start, c.span.end, c.kind.rawValue, c.parentPath, c.line,
            ])
            clausePKs[c.id] = db.lastInsertedRowID
        }

        let insertRecord = try db.cachedStatement(sql: """
            INSERT INTO records (id, document_pk, clause_pk, doc_id, clause_id, kind, text, start, "end",
                                 value, qualifier, inclusive, min, max, currency, per, unit, points,
                                 relation, date_start, date_end, duration, name, normalized, role,
                                 title, cited_doc_number, target, json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for r in rows.records {
            var arguments: [(any DatabaseValueConvertible)?] = [
                r.id, documentPK, r.clauseId.flatMap { clausePKs[$0] }, r.docId, r.clauseId, r.kind.rawValue, r.text,
                r.span.start, r.span.end,
            ]
            arguments += RecordColumns(r.value).values
            arguments.append(r.json.compact)
            try insertRecord.execute(arguments: StatementArguments(arguments))
        }

        // Full-text rows: the document (title, and its text outside clauses), then each clause.
        let insertText = try db.cachedStatement(sql: """
            INSERT INTO search_index (title, context, heading, body, document_pk, clause_pk)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        try insertText.execute(arguments: [d.title, "", "", outside, documentPK, nil])
        let first = db.lastInsertedRowID
        for c in rows.clauses {
            try insertText.execute(arguments: ["", d.title, c.heading ?? "", c.text, documentPK, clausePKs[c.id]])
        }
        try db.execute(sql: "UPDATE documents SET fts_first = ?, fts_last = ? WHERE pk = ?",
                       arguments: [first, db.lastInsertedRowID, documentPK])
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}

/// A parsed file with the writer's text work done ahead, on a parsing thread.
public struct PreparedFile: Sendable {
    public var file: ParsedFile
    /// Each document's text outside its clauses (its own full-text row).
    var outsideClauses: [String]

    public init(_ file: ParsedFile) {
        self.file = file
        outsideClauses = file.documents.map {
            DocumentRows.textOutsideClauses(of: $0.document, clauses: $0.clauses, in: file.source)
        }
    }
}

/// Writes inside one open transaction (`IndexWriter.inTransaction`).
public struct WriteSession {
    let db: Database
    let writer: IndexWriter

    /// Replaces everything the index holds from `stamp.key` with the contents of `file`.
    @discardableResult
    public func replace(_ file: PreparedFile, stamp: FileStamp) throws -> WriteCounts {
        try writer.insert(file, stamp: stamp, db: db)
    }

    /// Records a new modification time for a file whose contents did not change.
    public func touch(_ stamp: FileStamp) throws {
        try writer.touch(stamp, db: db)
    }

    /// Removes a file and everything from it; returns the number of documents removed.
    @discardableResult
    public func remove(key: String) throws -> Int {
        try writer.delete(key: key, db: db).values.reduce(0) { $0 + $1.count }
    }
}

/// A parsed document under its final id, with clause and record ids to match and made unique.
struct DocumentRows {
    var baseID: String
    var document: PolicyDocument
    var clauses: [Clause]
    var records: [PolicyRecord]

    init(_ parsed: ParsedDocument, id: String) {
        let base = parsed.document.id
        baseID = base
        document = parsed.document
        document.id = id
        func renamed(_ value: String) -> String {
            guard id != base, value.hasPrefix(base) else { return value }
            return id + value.dropFirst(base.count)
        }
        var seenClauses: Set<String> = []
        clauses = parsed.clauses.map { clause in
            var c = clause
            c.docId = id
            c.id = Self.unique(renamed(c.id), in: &seenClauses)
            return c
        }
        var seenRecords: Set<String> = []
        records = parsed.records.map { record in
            var r = record
            r.docId = id
            r.id = Self.unique(renamed(r.id), in: &seenRecords)
            r.clauseId = r.clauseId.map(renamed)
            return r
        }
    }

    /// `id`, or `id~2`, `id~3` … if a sibling already has it (a clause path the segmenter gave twice).
    static func unique(_ id: String, in seen: inout Set<String>) -> String {
        var candidate = id
        var n = 2
        while seen.contains(candidate) {
            candidate = "\(id)~\(n)"
            n += 1
        }
        seen.insert(candidate)
        return candidate
    }

    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isInlineSpace && !$0.isLineTerminator }),
              let last = scalars.lastIndex(where: { !$0.isInlineSpace && !$0.isLineTerminator }) else { return "" }
        return String(scalars[first...last])
    }

    /// The document's source text that no clause covers (title, preamble, closing, signature):
    /// the document's own full-text body, so every character of the document is searchable once.
    static func textOutsideClauses(of document: PolicyDocument, clauses: [Clause], in source: SourceText) -> String {
        let span = document.span
        let covered = clauses.map(\.span).filter { !$0.isEmpty }.sorted { $0.start < $1.start }
        var pieces: [String] = []
        var cursor = span.start
        for c in covered {
            if c.start > cursor { pieces.append(source[Span(start: cursor, end: min(c.start, span.end))]) }
            cursor = max(cursor, c.end)
            if cursor >= span.end { break }
        }
        if cursor < span.end { pieces.append(source[Span(start: cursor, end: span.end)]) }
        return pieces.map(Self.trimmed).filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// The kind-specific columns of `records`, in table order.
struct RecordColumns {
    var values: [(any DatabaseValueConvertible)?]

    init(_ value: RecordValue) {
        var magnitude: Magnitude?
        var currency: String?, per: String?, unit: String?, points: Bool?
        var relation: String?, dateStart: String?, dateEnd: String?, duration: String?
        var name: String?, normalized: String?, role: String?
        var title: String?, citedNumber: String?, target: String?
        switch value {
        case let .amount(m, c, p): magnitude = m; currency = c; per = p
        case let .percent(m, pts): magnitude = m; points = pts
        case let .quantity(m, u, p): magnitude = m; unit = u; per = p
        case let .time(r, s, e, d): relation = r.rawValue; dateStart = s?.iso; dateEnd = e?.iso; duration = d
        case let .agency(n, norm, r): name = n; normalized = norm; role = r.rawValue
        case let .citation(t, number, tgt): title = t; citedNumber = number; target = tgt
        }
        values = [
            magnitude?.value, magnitude?.qualifier.rawValue, magnitude?.inclusive, magnitude?.min, magnitude?.max,
            currency, per, unit, points, relation, dateStart, dateEnd, duration, name, normalized, role,
            title, citedNumber, target,
        ]
    }
}
