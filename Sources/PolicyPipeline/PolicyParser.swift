import Foundation
import PolicyCore
import PolicyExtract
import PolicyIngest
import PolicySegment

/// A document with its clause tree and records.
public struct ParsedDocument: Sendable {
    public var document: PolicyDocument
    public var clauses: [Clause]
    public var records: [PolicyRecord]

    public init(document: PolicyDocument, clauses: [Clause], records: [PolicyRecord]) {
        self.document = document
        self.clauses = clauses
        self.records = records
    }
}

/// Everything policyq finds in one file.
public struct ParsedFile: Sendable {
    public var source: SourceText
    public var format: SourceFormat
    public var contentHash: String
    public var documents: [ParsedDocument]
    public var diagnostics: [Diagnostic]

    public init(source: SourceText, format: SourceFormat, contentHash: String, documents: [ParsedDocument],
                diagnostics: [Diagnostic]) {
        self.source = source
        self.format = format
        self.contentHash = contentHash
        self.documents = documents
        self.diagnostics = diagnostics
    }
}

/// Runs the pipeline on one file: read and split (ingest) → clause tree (segment) → records
/// (extract), and assigns every record to the innermost clause that contains it.
public struct PolicyParser: Sendable {
    public struct Options: Sendable {
        /// The document date to assume where the text gives none (`--date`).
        public var assumedDate: CivilDate?
        public init(assumedDate: CivilDate? = nil) { self.assumedDate = assumedDate }
    }

    public var options: Options
    let ingestor = FileIngestor()
    let segmenter = ClauseSegmenter()
    let extractor = RecordExtractor()

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Parses the file at `path`; throws `InputError` for a file that cannot be used.
    public func parse(path: String) throws(InputError) -> ParsedFile {
        finish(try ingestor.ingest(path: path))
    }

    /// Parses contents already in memory (standard input, tests).
    public func parse(data: Data, path: String) throws(InputError) -> ParsedFile {
        finish(try ingestor.ingest(data: data, path: path))
    }

    func finish(_ file: IngestedFile) -> ParsedFile {
        var diagnostics = file.diagnostics
        var documents: [ParsedDocument] = []
        for draft in file.documents {
            var document = draft.document
            document.sourceHash = file.contentHash
            let segmentation = segmenter.segment(file.normalized, range: draft.bodyStart..<draft.range.upperBound,
                                                 documentID: document.id, source: file.source)
            diagnostics += segmentation.diagnostics
            let context = ExtractionContext(
                documentDate: document.date ?? options.assumedDate,
                region: document.region.flatMap { Gazetteer.shared.region(named: $0) },
                level: document.level)
            let extractions = extractor.extract(file.normalized, range: draft.range, context: context)
            let records = assign(extractions, in: file, document: document, clauses: segmentation.clauses)
            documents.append(ParsedDocument(document: document, clauses: segmentation.clauses, records: records))
        }
        return ParsedFile(source: file.source, format: file.format, contentHash: file.contentHash,
                          documents: documents, diagnostics: diagnostics)
    }

    /// Turns extractions into records with source spans, each in the innermost clause around it.
    func assign(_ extractions: [Extraction], in file: IngestedFile, document: PolicyDocument,
                clauses: [Clause]) -> [PolicyRecord] {
        var records: [PolicyRecord] = []
        records.reserveCapacity(extractions.count)
        var seen: [String: Int] = [:]
        let spans = extractions.map { file.normalized.sourceSpan(of: $0.range) }
        // Innermost = the containing clause that comes last (clauses are in document order).
        let innermost = InnermostClause.indices(of: spans, in: clauses)
        for (i, extraction) in extractions.enumerated() {
            let span = spans[i]
            let clause = innermost[i].map { clauses[$0] }
            var id = "\(document.id)@\(span.start):\(extraction.value.kind.rawValue)"
            if let n = seen[id] {
                seen[id] = n + 1
                id += ".\(n + 1)"
            } else {
                seen[id] = 1
            }
            records.append(PolicyRecord(id: id, docId: document.id, clauseId: clause?.id, text: file.source[span],
                                        span: span, value: extraction.value))
        }
        return records
    }
}
