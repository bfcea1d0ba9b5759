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
    /// The encoding the text was decoded from (`UTF-8`, `GB18030`, `UTF-16LE` …).
    public var encoding: String
}

/// Reads a file of any supported kind and splits it into documents with metadata.
///
/// Readers (`TextReader`, `HTMLReader`, `DOCXReader`, `PDFReader`) turn the bytes into a source
/// text plus what the container states; `TextNormalizer` builds the normalized view;
/// `DocumentSplitter` finds the documents and `MetadataReader` their metadata.
public struct FileIngestor: Sendable {
    /// Where to look for external tools (`pdftotext`); nil = the `PATH` of this process.
    public var toolSearchPath: String?
    /// File size, text length, line length and archive limits (`InputLimits.standard`).
    public var limits: InputLimits

    public init(toolSearchPath: String? = nil, limits: InputLimits = .standard) {
        self.toolSearchPath = toolSearchPath
        self.limits = limits
    }

    /// Reads and splits the file at `path`. Throws `InputError` (`path: reason`) for a file that
    /// cannot be used.
    public func ingest(path: String) throws(InputError) -> IngestedFile {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputError(path: path, "is a directory, not a file")
        }
        // The size is checked before a byte is read (a regular file; a pipe is read up to the limit).
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
           let problem = limits.fileSizeProblem(size.intValue) {
            throw InputError(path: path, problem)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read file (permission denied?)" : "no such file"
            throw InputError(path: path, reason)
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // Also a pipe or a device (`<(…)` in a shell): read up to one byte past the limit.
            data = try handle.read(upToCount: limits.maxFileBytes + 1) ?? Data()
        } catch {
            throw InputError(path: path, "cannot read file (\(error.localizedDescription))")
        }
        return try ingest(data: data, path: path)
    }

    /// Reads and splits file contents already in memory (`path` names it in messages and output).
    public func ingest(data: Data, path: String) throws(InputError) -> IngestedFile {
        // Limits first: nothing is decoded or parsed (HTML included) before they are checked.
        if let problem = limits.fileSizeProblem(data.count) { throw InputError(path: path, problem) }
        let bytes = [UInt8](data)
        let format = try FormatDetector.detect(bytes, path: path)
        if format == .text || format == .markdown, let problem = limits.rawTextProblem(bytes) {
            throw InputError(path: path, problem)
        }
        let extracted: ExtractedText
        switch format {
        case .text, .markdown: extracted = try TextReader().read(bytes, path: path, format: format)
        case .html: extracted = try HTMLReader().read(bytes, path: path)
        case .docx: extracted = try DOCXReader(limits: limits).read(data, path: path)
        case .pdf: extracted = try PDFReader(searchPath: toolSearchPath).read(data, path: path)
        }
        if let problem = limits.textProblem(extracted.source.scalars) { throw InputError(path: path, problem) }
        return assemble(extracted, contentHash: ContentHash.sha256Hex(data))
    }

    /// Normalizes the extracted text and splits it into documents with metadata.
    func assemble(_ extracted: ExtractedText, contentHash: String) -> IngestedFile {
        let source = extracted.source
        let normalized = TextNormalizer(lineMode: extracted.lineMode).normalize(source, dropping: extracted.drops)
        let limit = extracted.contentRange.map { Self.viewRange(of: $0, in: normalized) }
        let paragraphs = Paragraphs(view: normalized, source: source, within: limit)
        let headings = extracted.headings.compactMap { heading -> (level: Int, paragraph: Int)? in
            let i = paragraphs.firstParagraph(atOrAfterSource: heading.range.lowerBound)
            return i < paragraphs.count && paragraphs.sourceStart(i) < heading.range.upperBound ? (heading.level, i) : nil
        }
        let segments: [DocumentSegment]
        if extracted.format == .markdown {
            // Law collections: one document per level-1 heading, never split at anything else.
            segments = DocumentSplitter().headingSegments(paragraphs, headingParagraphs: headings)
        } else if extracted.singleDocument {
            segments = paragraphs.count > 0 ? [DocumentSegment(paragraphs: 0..<paragraphs.count, kind: .plain, header: nil)] : []
        } else {
            segments = DocumentSplitter().split(paragraphs, headingParagraphs: headings)
        }
        let reader = MetadataReader(p: paragraphs, extracted: extracted, headings: headings)
        var drafts: [DocumentDraft] = []
        var diagnostics = extracted.diagnostics
        var usedIDs: [String: Int] = [:]
        for segment in segments where !segment.paragraphs.isEmpty {
            var result = reader.read(segment)
            // Ids are unique within a file: a second untitled document gets `-2`.
            let id = result.document.id
            if let n = usedIDs[id] {
                usedIDs[id] = n + 1
                result.document.id = "\(id)-\(n + 1)"
            } else {
                usedIDs[id] = 1
            }
            let range = paragraphs.viewRange(segment.paragraphs)
            let bodyStart = result.bodyParagraph < segment.paragraphs.upperBound
                ? paragraphs.ranges[result.bodyParagraph].lowerBound : range.upperBound
            drafts.append(DocumentDraft(document: result.document, range: range, bodyStart: bodyStart))
            diagnostics += result.diagnostics
        }
        if drafts.isEmpty {
            diagnostics.append(.warning("no document text found", path: source.path))
        }
        return IngestedFile(source: source, format: extracted.format, normalized: normalized, documents: drafts,
                            diagnostics: diagnostics, contentHash: contentHash, encoding: extracted.encoding.rawValue)
    }

    /// The part of the view that comes from `sourceRange`.
    static func viewRange(of sourceRange: Range<Int>, in view: NormalizedText) -> Range<Int> {
        var low = 0, high = view.count
        while low < high {
            let mid = (low + high) / 2
            if Int(view.sourceStarts[mid]) < sourceRange.lowerBound { low = mid + 1 } else { high = mid }
        }
        var upper = low
        while upper < view.count && Int(view.sourceStarts[upper]) < sourceRange.upperBound { upper += 1 }
        return low..<upper
    }
}
