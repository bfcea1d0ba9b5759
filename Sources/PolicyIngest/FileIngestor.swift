import Foundation
import PolicyCore

/// What kind of file a text came from.
public enum SourceFormat: String, Sendable, CaseIterable {
    case text, markdown, html, docx, pdf
}

/// A document found in a file, before segmentation: its metadata and where it lies in the
/// normalized view of the file.
public struct DocumentDraft: Sendable {
    public var document: PolicyDocument
    /// The document's range in `IngestedFile.normalized`.
    public var range: Range<Int>
    /// Where the body starts (after title, 发文字号, addressees …), within `range`.
    public var bodyStart: Int

    public init(document: PolicyDocument, range: Range<Int>, bodyStart: Int) {
        self.document = document
        self.range = range
        self.bodyStart = bodyStart
    }
}

/// One file, read and split into documents.
public struct IngestedFile: Sendable {
    public var source: SourceText
    public var format: SourceFormat
    public var normalized: NormalizedText
    public var documents: [DocumentDraft]
    public var diagnostics: [Diagnostic]
    /// SHA-256 of the file's bytes (hex).
    public var contentHash: String
}

/// Reads a file of any supported kind and splits it into documents with metadata.
public struct FileIngestor: Sendable {
    public init() {}

    /// Reads and splits the file at `path`. Throws `InputError` (`path: reason`) for a file that
    /// cannot be used.
    public func ingest(path: String) throws(InputError) -> IngestedFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(path: path, "cannot read file (\(error.localizedDescription))")
        }
        return try ingest(data: data, path: path)
    }

    /// Reads and splits file contents already in memory (`path` names it in messages and output).
    public func ingest(data: Data, path: String) throws(InputError) -> IngestedFile {
        let text = try PlainTextReader().decode(data, path: path)
        let source = SourceText(path: path, text: text)
        let normalized = TextNormalizer(lineMode: .automatic).normalize(source)
        let title = normalized.paragraphs.first.map { normalized.string($0) } ?? ""
        let document = PolicyDocument(id: DocumentID.make(docNumber: nil, source: path, title: title), source: path,
                                      title: title, span: Span(start: 0, end: source.count))
        return IngestedFile(source: source, format: .text, normalized: normalized,
                            documents: [DocumentDraft(document: document, range: 0..<normalized.count, bodyStart: 0)],
                            diagnostics: [], contentHash: ContentHash.sha256Hex(data))
    }
}
