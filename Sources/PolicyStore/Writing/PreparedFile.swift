import PolicyCore
import PolicyPipeline

/// The part of a clause or record id after its document's id (`#三/(一)`, `@120:amount`), which
/// is what the index stores: the id then follows the document's final id. An id that does not
/// start with its document's id is kept whole (`isSuffix` false).
public struct StoredKey: Sendable, Equatable {
    public var text: String
    public var isSuffix: Bool

    init(id: String, documentID: String, separator: Unicode.Scalar) {
        // Compared as UTF-8: Character-wise string comparison of Chinese text is slow.
        let document = documentID.utf8
        let rest = id.utf8.dropFirst(document.count)
        if id.utf8.starts(with: document), rest.first == UInt8(separator.value) {
            text = String(Substring(rest))
            isSuffix = true
        } else {
            text = id
            isSuffix = false
        }
    }
}

/// A clause as the writer stores it.
public struct PreparedClause: Sendable {
    public var clause: Clause
    /// Its id after the document id, made unique within the document.
    public var key: StoredKey
}

/// A record as the writer stores it.
public struct PreparedRecord: Sendable {
    public var record: PolicyRecord
    public var key: StoredKey
    /// Index of its clause in `PreparedDocument.clauses`.
    public var clauseIndex: Int?
}

/// A document as the writer stores it.
public struct PreparedDocument: Sendable {
    public var document: PolicyDocument
    public var clauses: [PreparedClause]
    public var records: [PreparedRecord]
    /// The source text no clause covers (title, preamble, closing, signature): the document's own
    /// full-text row, so every character of the document is searchable once.
    public var textOutsideClauses: String
    var issuersJSON: String
    /// Metadata as an array of [key, value] pairs: keeps the order the source gave them.
    var metadataJSON: String?
    /// The province of the document's region (itself for a province).
    var province: String?
}

/// A parsed file with everything the writer would otherwise compute done ahead, on a parsing
/// thread: the writer is the one thread that cannot be multiplied.
public struct PreparedFile: Sendable {
    public var contentHash: String
    public var format: String
    public var warnings: Int
    public var documents: [PreparedDocument]

    public init(_ file: ParsedFile) {
        contentHash = file.contentHash
        format = file.format.rawValue
        warnings = file.diagnostics.count
        documents = file.documents.map { Self.prepare($0, source: file.source) }
    }

    static func prepare(_ parsed: ParsedDocument, source: SourceText) -> PreparedDocument {
        let d = parsed.document
        var seen: Set<UTF8Key> = []
        var clauseIndex: [UTF8Key: Int] = [:]
        var clauses: [PreparedClause] = []
        clauses.reserveCapacity(parsed.clauses.count)
        for (index, clause) in parsed.clauses.enumerated() {
            var key = StoredKey(id: clause.id, documentID: d.id, separator: "#")
            // A path the segmenter gave twice (repeated slides) gets `~2`, `~3` …
            let original = key.text
            var n = 2
            while !seen.insert(UTF8Key(key.text)).inserted {
                key.text = "\(original)~\(n)"
                n += 1
            }
            let id = UTF8Key(clause.id)
            if clauseIndex[id] == nil { clauseIndex[id] = index }
            clauses.append(PreparedClause(clause: clause, key: key))
        }
        let records = parsed.records.map { record in
            PreparedRecord(record: record, key: StoredKey(id: record.id, documentID: d.id, separator: "@"),
                           clauseIndex: record.clauseId.flatMap { clauseIndex[UTF8Key($0)] })
        }
        let region = d.region.flatMap { Gazetteer.shared.region(named: $0) }
        return PreparedDocument(
            document: d, clauses: clauses, records: records,
            textOutsideClauses: textOutsideClauses(of: d, clauses: parsed.clauses, in: source),
            issuersJSON: JSONValue(d.issuers).compact,
            metadataJSON: d.metadata.isEmpty ? nil
                : JSONValue.array(d.metadata.map { .array([.string($0.0), .string($0.1)]) }).compact,
            province: region.map { Gazetteer.shared.province(of: $0).name })
    }

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
        return pieces.map(trimmed).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isInlineSpace && !$0.isLineTerminator }),
              let last = scalars.lastIndex(where: { !$0.isInlineSpace && !$0.isLineTerminator }) else { return "" }
        return String(scalars[first...last])
    }
}

/// A string as a dictionary key compared and hashed by its UTF-8 bytes, in one call: hashing a
/// non-ASCII `String` normalizes it first, and hashing `[UInt8]` feeds the hasher byte by byte
/// (together 0.4 s of CPU over laws-md's 350,000 clause ids).
struct UTF8Key: Hashable {
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
