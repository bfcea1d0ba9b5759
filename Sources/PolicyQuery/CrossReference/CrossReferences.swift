import GRDB
import PolicyCore
import PolicyExtract
import PolicyFormat
import PolicyStore

/// A citation in the index: where it stands and the document it resolves to, if the index holds it.
public struct IndexedCitation: Sendable {
    /// The citation record (`target` filled when resolved).
    public var record: PolicyRecord
    public var citingTitle: String
    /// The cited document, or nil when it is not in the index.
    public var resolution: CitationResolver.Resolution?
    public var targetTitle: String?

    public var citedTitle: String? {
        if case let .citation(title, _, _) = record.value { return title }
        return nil
    }

    public var citedNumber: String? {
        if case let .citation(_, number, _) = record.value { return number }
        return nil
    }

    /// One listing row (`refs`, `cited-by`).
    public var json: JSONValue {
        .object([
            ("doc_id", .string(record.docId)), ("clause_id", JSONValue(record.clauseId)),
            ("at", .string(record.clauseId ?? record.docId)),
            ("citing_title", .string(citingTitle)),
            ("title", JSONValue(citedTitle)), ("doc_number", JSONValue(citedNumber)),
            ("target", JSONValue(resolution?.target)), ("target_title", JSONValue(targetTitle)),
            ("method", JSONValue(resolution?.method.rawValue)),
            ("score", resolution.map { .number(($0.score * 1000).rounded() / 1000) } ?? .null),
            ("record_id", .string(record.id)), ("start", .number(Double(record.span.start))),
            ("end", .number(Double(record.span.end))),
        ])
    }

    public static let layout = ListingLayout(
        fields: ["doc_id", "clause_id", "citing_title", "title", "doc_number", "target", "target_title", "method", "score",
                 "record_id", "start", "end"],
        table: [.init("at", "条款", maxWidth: 34), .init("title", "引用", maxWidth: 36),
                .init("doc_number", "文号", maxWidth: 18), .init("target", "→ 目标", maxWidth: 30),
                .init("score", "score", maxWidth: 5, alignRight: true)])
}

/// A document the corpus cites but does not hold: what to go and fetch.
public struct MissingDocument: Sendable {
    /// The title as most citations write it, if any gives one.
    public var title: String?
    public var docNumber: String?
    /// Citations of it, and the distinct documents they stand in.
    public var citations: Int
    public var citingDocuments: [String]

    public var json: JSONValue {
        .object([
            ("title", JSONValue(title)), ("doc_number", JSONValue(docNumber)),
            ("citations", .number(Double(citations))), ("cited_by", .number(Double(citingDocuments.count))),
            ("citing_documents", .array(citingDocuments.map { .string($0) })),
        ])
    }

    public static let layout = ListingLayout(
        fields: ["title", "doc_number", "citations", "cited_by", "citing_documents"],
        table: [.init("title", "被引文件", maxWidth: 44), .init("doc_number", "文号", maxWidth: 20),
                .init("cited_by", "引用文件数", maxWidth: 10, alignRight: true),
                .init("citing_documents", "引用者", maxWidth: 40)])
}

/// Citations between the documents of the index: `refs`, `cited-by`, `refs --unresolved`.
///
/// Resolution happens when asked, against everything the index holds at that moment (by 发文字号,
/// then exact title, then close title match — `CitationResolver`), so a document ingested later
/// resolves the citations written before it arrived. A document citing its own title or 文号 (the
/// notice that issues it) makes no cross-reference; such citations are left out.
public struct CrossReferences: Sendable {
    public let citations: [IndexedCitation]
    private let titles: [String: String]

    /// Reads every document and citation of `database` and resolves the citations.
    public init(database: IndexDatabase) throws {
        let (documents, records) = try database.read { db in
            let documents = try Self.documents(db)
            let records = try Row.fetchAll(db, sql: """
                SELECT \(StoredObjects.recordColumns) FROM records r \(StoredObjects.recordJoins)
                WHERE r.kind = 'citation' ORDER BY r.document_pk, r.start, r.pk
                """).map(StoredObjects.record)
            return (documents, records)
        }
        self.init(documents: documents, citationRecords: records)
    }

    /// The documents of the index as the resolver sees them.
    static func documents(_ db: Database) throws -> [CitationResolver.Document] {
        try Row.fetchAll(db, sql: "SELECT d.id, d.title, d.doc_number FROM documents d ORDER BY d.pk")
            .map { CitationResolver.Document(id: $0["id"], title: $0["title"], docNumber: $0["doc_number"]) }
    }

    /// A resolver over every document of the index (`show` and `export records` fill `target`).
    static func resolver(_ db: Database) throws -> CitationResolver {
        CitationResolver(documents: try documents(db))
    }

    /// `record` with `target` filled when it is a citation of another indexed document.
    static func resolved(_ record: PolicyRecord, by resolver: CitationResolver) -> PolicyRecord {
        guard case let .citation(title, number, _) = record.value,
              let target = resolver.resolve(title: title, docNumber: number)?.target, target != record.docId else { return record }
        var resolved = record
        resolved.value = .citation(title: title, docNumber: number, target: target)
        return resolved
    }

    /// Resolves `citationRecords` against `documents` (tests, and callers that hold both).
    public init(documents: [CitationResolver.Document], citationRecords: [PolicyRecord]) {
        let resolver = CitationResolver(documents: documents)
        var titles: [String: String] = [:]
        for document in documents { titles[document.id] = document.title }
        self.titles = titles
        citations = citationRecords.compactMap { record in
            guard case let .citation(title, number, _) = record.value else { return nil }
            let resolution = resolver.resolve(title: title, docNumber: number)
            if resolution?.target == record.docId { return nil }
            var resolved = record
            resolved.value = .citation(title: title, docNumber: number, target: resolution?.target)
            return IndexedCitation(record: resolved, citingTitle: titles[record.docId] ?? "", resolution: resolution,
                                   targetTitle: resolution.flatMap { titles[$0.target] })
        }
    }

    /// What a document cites (`documentID`), or one clause of it and the clauses below
    /// (`documentID#path`).
    public func references(from documentID: String, clausePath: String? = nil) -> [IndexedCitation] {
        citations.filter { citation in
            guard citation.record.docId == documentID else { return false }
            guard let clausePath else { return true }
            guard let clause = citation.record.clauseId else { return false }
            let own = "\(documentID)#\(clausePath)"
            return clause == own || clause.hasPrefix(own + "/")
        }
    }

    /// The citations, anywhere in the index, that resolve to `documentID`.
    public func citations(of documentID: String) -> [IndexedCitation] {
        citations.filter { $0.resolution?.target == documentID }
    }

    /// Cited documents the index does not hold, most cited first. Citations of one document
    /// written differently (with or without 文号, `中华人民共和国`, punctuation) are one row.
    public func missingDocuments() -> [MissingDocument] {
        struct Group {
            /// Spellings of the title in order of first appearance, with their counts.
            var titles: [(String, Int)] = []
            var number: String?
            var citations = 0
            var documents: [String] = []
        }
        var groups: [String: Group] = [:]
        var order: [String] = []
        var keyOfTitle: [String: String] = [:], keyOfNumber: [String: String] = [:]
        for citation in citations where citation.resolution == nil {
            let titleKey = citation.citedTitle.map(CitationResolver.titleKey).flatMap { $0.isEmpty ? nil : $0 }
            let numberKey = citation.citedNumber.map(CitationResolver.docNumberKey).flatMap { $0.isEmpty ? nil : $0 }
            // A title or 文号 seen before joins that group.
            guard let key = titleKey.flatMap({ keyOfTitle[$0] }) ?? numberKey.flatMap({ keyOfNumber[$0] })
                    ?? titleKey ?? numberKey.map({ "#" + $0 }) else { continue }
            if let titleKey, keyOfTitle[titleKey] == nil { keyOfTitle[titleKey] = key }
            if let numberKey, keyOfNumber[numberKey] == nil { keyOfNumber[numberKey] = key }
            if groups[key] == nil { order.append(key) }
            var group = groups[key, default: Group()]
            if let title = citation.citedTitle {
                if let i = group.titles.firstIndex(where: { $0.0 == title }) { group.titles[i].1 += 1 } else { group.titles.append((title, 1)) }
            }
            if group.number == nil { group.number = citation.citedNumber.map(ICU.nfkc) }
            group.citations += 1
            if !group.documents.contains(citation.record.docId) { group.documents.append(citation.record.docId) }
            groups[key] = group
        }
        let missing = order.compactMap { key -> MissingDocument? in
            guard let group = groups[key] else { return nil }
            // The most frequent spelling, the first seen among equals.
            let title = group.titles.enumerated().max { ($0.element.1, -$0.offset) < ($1.element.1, -$1.offset) }?.element.0
            return MissingDocument(title: title, docNumber: group.number, citations: group.citations,
                                   citingDocuments: group.documents)
        }
        return missing.enumerated().sorted { a, b in
            (a.element.citingDocuments.count, a.element.citations, -a.offset)
                > (b.element.citingDocuments.count, b.element.citations, -b.offset)
        }.map(\.element)
    }

    /// The title of an indexed document.
    public func title(of documentID: String) -> String? { titles[documentID] }
}
