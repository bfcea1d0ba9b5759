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
/// `ID~2`, `ID~3`, …, and its clause and record ids follow (`ID~2#三/(一)`): they are stored
/// as the part after the document id. "Later" is the order of writing: within one ingest, files
/// in sorted path order and documents in file order. A re-ingested file takes back the ids it
/// had, so ids do not move when a file changes.
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

    /// Deletes the file's rows (full-text rows included); returns the ids its documents had, by
    /// the parser's id.
    func delete(key: String, db: Database) throws -> [String: [String]] {
        guard let filePK = try Int64.fetchOne(db, sql: "SELECT pk FROM files WHERE path = ?", arguments: [key]) else {
            return [:]
        }
        var previousIDs: [String: [String]] = [:]
        let deleteText = try db.cachedStatement(sql: "DELETE FROM search_index WHERE rowid = ?")
        let rows = try Row.fetchAll(db, sql: "SELECT pk, id, base_id, fts_rowid FROM documents WHERE file_pk = ? ORDER BY position",
                                    arguments: [filePK])
        for row in rows {
            let documentPK: Int64 = row["pk"]
            previousIDs[row["base_id"] as String, default: []].append(row["id"])
            if let textRow: Int64 = row["fts_rowid"] { try deleteText.execute(arguments: [textRow]) }
            for clausePK in try Int64.fetchAll(db, sql: "SELECT pk FROM clauses WHERE document_pk = ?",
                                               arguments: [documentPK]) {
                try deleteText.execute(arguments: [clausePK])
            }
        }
        try db.execute(sql: "DELETE FROM files WHERE pk = ?", arguments: [filePK])
        return previousIDs
    }

    func insert(_ prepared: PreparedFile, stamp: FileStamp, db: Database) throws -> WriteCounts {
        var previousIDs = try delete(key: stamp.key, db: db)
        var counts = WriteCounts()
        try db.execute(sql: """
            INSERT INTO files (path, source, content_hash, size, mtime, format, documents, clauses, records,
                               warnings, indexed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [stamp.key, stamp.source, prepared.contentHash, stamp.size, stamp.mtime, prepared.format,
                             prepared.documents.count, prepared.documents.reduce(0) { $0 + $1.clauses.count },
                             prepared.documents.reduce(0) { $0 + $1.records.count }, prepared.warnings,
                             Self.timestamp()])
        let filePK = db.lastInsertedRowID
        var usedInFile: Set<String> = []
        for (position, document) in prepared.documents.enumerated() {
            let base = document.document.id
            var reusable = previousIDs[base] ?? []
            let id = try freeID(for: base, preferring: &reusable, usedInFile: usedInFile, db: db)
            previousIDs[base] = reusable
            usedInFile.insert(id)
            try insert(document, id: id, filePK: filePK, position: position, db: db)
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

    /// One document: its row and full-text row, each clause's full-text row and row (pk = that
    /// rowid), its records.
    private func insert(_ prepared: PreparedDocument, id: String, filePK: Int64, position: Int, db: Database) throws {
        let d = prepared.document
        try db.cachedStatement(sql: """
            INSERT INTO documents (id, base_id, file_pk, position, source, title, doc_number, issuers, issuers_text,
                                   date, year, level, region, province, doc_type, start, "end", format, line, metadata)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                id, d.id, filePK, position, d.source, d.title, d.docNumber, prepared.issuersJSON,
                d.issuers.joined(separator: "\n"), d.date?.iso, d.date?.year, d.level.rawValue, d.region,
                prepared.province, d.docType, d.span.start, d.span.end, d.format, d.line, prepared.metadataJSON,
            ])
        let documentPK = db.lastInsertedRowID
        // Full-text rows take the next rowid, so rowids grow; a clause's pk is its full-text rowid.
        let insertText = try db.cachedStatement(sql: """
            INSERT INTO search_index (title, heading, body, document_pk) VALUES (?, ?, ?, ?)
            """)
        let textRow = RowBinder(insertText, in: db)
        try textRow.insert { $0.add(d.title); $0.add(""); $0.add(prepared.textOutsideClauses); $0.add(documentPK) }
        try db.execute(sql: "UPDATE documents SET fts_rowid = ? WHERE pk = ?", arguments: [db.lastInsertedRowID, documentPK])

        let insertClause = try db.cachedStatement(sql: """
            INSERT INTO clauses (pk, document_pk, position, key, key_is_suffix, path, label, ordinal, depth, heading,
                                 start, "end", kind, parent_path, line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let clauseRow = RowBinder(insertClause, in: db)
        var clausePKs: [Int64] = []
        clausePKs.reserveCapacity(prepared.clauses.count)
        for (position, c) in prepared.clauses.enumerated() {
            let clause = c.clause
            try textRow.insert { $0.add(""); $0.add(clause.heading ?? ""); $0.add(clause.text); $0.add(documentPK) }
            let clausePK = db.lastInsertedRowID
            clausePKs.append(clausePK)
            try clauseRow.insert { row in
                row.add(clausePK); row.add(documentPK); row.add(position); row.add(c.key.text); row.add(c.key.isSuffix)
                row.add(clause.path); row.add(clause.label); row.add(clause.ordinal); row.add(clause.depth)
                row.add(clause.heading); row.add(clause.span.start); row.add(clause.span.end)
                row.add(clause.kind.rawValue); row.add(clause.parentPath); row.add(clause.line)
            }
        }

        let insertRecord = try db.cachedStatement(sql: """
            INSERT INTO records (document_pk, clause_pk, key, key_is_suffix, kind, text, start, "end",
                                 value, qualifier, inclusive, min, max, currency, per, unit, points,
                                 relation, date_start, date_end, duration, name, normalized, role,
                                 title, cited_doc_number, target)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let recordRow = RowBinder(insertRecord, in: db)
        for r in prepared.records {
            let record = r.record
            try recordRow.insert { row in
                row.add(documentPK); row.add(r.clauseIndex.map { clausePKs[$0] }); row.add(r.key.text)
                row.add(r.key.isSuffix); row.add(record.kind.rawValue); row.add(record.text)
                row.add(record.span.start); row.add(record.span.end)
                RecordColumns.add(record.value, to: &row)
            }
        }
    }

    /// Now as `2024-03-07T09:30:00Z` (UTC). Formatted by hand: an `ISO8601DateFormatter` per
    /// file cost 5 % of the writer thread's time on a large ingest.
    static func timestamp(_ now: time_t = time(nil)) -> String {
        var seconds = now
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
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

/// The kind-specific columns of `records`, in table order.
enum RecordColumns {
    /// Binds the columns `value` … `target` of `value`'s record.
    static func add(_ value: RecordValue, to row: inout RowBinder.Parameters) {
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
        row.add(magnitude?.value); row.add(magnitude?.qualifier.rawValue); row.add(magnitude?.inclusive)
        row.add(magnitude?.min); row.add(magnitude?.max)
        row.add(currency); row.add(per); row.add(unit); row.add(points)
        row.add(relation); row.add(dateStart); row.add(dateEnd); row.add(duration)
        row.add(name); row.add(normalized); row.add(role)
        row.add(title); row.add(citedNumber); row.add(target)
    }
}
