import Foundation
import PolicyIngest
import PolicyCore
@testable import PolicySegment

/// A text segmented the way the pipeline does it, kept with its source for span checks.
struct Segmented {
    let source: SourceText
    let view: NormalizedText
    let result: Segmentation

    init(_ text: String, path: String = "t.txt", lineMode: TextNormalizer.LineMode = .paragraphs) {
        source = SourceText(path: path, text: text)
        view = TextNormalizer(lineMode: lineMode).normalize(source)
        result = ClauseSegmenter().segment(view, range: 0..<view.count, documentID: "doc", source: source)
    }

    init(source: SourceText, view: NormalizedText, range: Range<Int>) {
        self.source = source
        self.view = view
        result = ClauseSegmenter().segment(view, range: range, documentID: "doc", source: source)
    }

    var clauses: [Clause] { result.clauses }
    var paths: [String] { clauses.map(\.path) }
    var warnings: [String] { result.diagnostics.map(\.message) }

    func clause(_ path: String) -> Clause? { clauses.first { $0.path == path } }

    /// The invariants every segmentation must keep: text is the source of the span, spans are
    /// ordered and do not overlap, a parent comes before its children, lines are the label's line.
    var invariantViolations: [String] {
        var problems: [String] = []
        var seen = Set<String>()
        var lastEnd = 0
        for clause in clauses {
            if source[clause.span] != clause.text { problems.append("\(clause.path): text is not source[span]") }
            if clause.span.start < lastEnd { problems.append("\(clause.path): overlaps the clause before") }
            if clause.span.isEmpty { problems.append("\(clause.path): empty span") }
            if let parent = clause.parentPath, !seen.contains(parent) {
                problems.append("\(clause.path): parent \(parent) does not come first")
            }
            if clause.line != source.lineNumber(at: clause.span.start) { problems.append("\(clause.path): wrong line") }
            if !seen.insert(clause.path).inserted { problems.append("\(clause.path): path used twice") }
            if clause.id != "doc#" + clause.path { problems.append("\(clause.path): id \(clause.id)") }
            lastEnd = clause.span.end
        }
        return problems
    }
}

/// Reads the label at the start of `text` (one paragraph).
func readLabel(_ text: String) -> ClauseLabel? {
    let view = NormalizedText(normalizing: text)
    let paragraph = view.paragraphs.first ?? 0..<0
    return LabelReader(view).label(in: paragraph)
}

/// A file read by the real ingest and every document in it segmented, as the pipeline does.
struct IngestedSegmentation {
    let file: IngestedFile
    let documents: [(draft: DocumentDraft, segmentation: Segmentation)]

    /// Reads `url`; `documentID` replaces the ids ingest gives the documents (for golden files).
    init(_ url: URL, documentID: String? = nil) throws {
        file = try FileIngestor().ingest(path: url.path)
        let file = file
        documents = file.documents.map { draft in
            (draft, ClauseSegmenter().segment(file.normalized, range: draft.bodyStart..<draft.range.upperBound,
                                              documentID: documentID ?? draft.document.id, source: file.source))
        }
    }

    var clauses: [Clause] { documents.flatMap(\.segmentation.clauses) }
    var warnings: [String] { documents.flatMap(\.segmentation.diagnostics).map(\.message) }

    /// The document whose title contains `title`, segmented; when ingest has not split the file
    /// into documents, the part of the view from the paragraph `title` to the paragraph `next`.
    func document(titled title: String, before next: String?) -> Segmented? {
        if let match = documents.first(where: { $0.draft.document.title.contains(title) }), documents.count > 1 {
            return Segmented(source: file.source, view: file.normalized,
                             range: match.draft.bodyStart..<match.draft.range.upperBound)
        }
        let view = file.normalized
        // The title as a paragraph of its own (not the mention in a sentence).
        guard let found = view.firstIndex(of: "\n" + title + "\n") else { return nil }
        let end = next.flatMap { view.firstIndex(of: "\n" + $0, from: found + 1) } ?? view.count
        return Segmented(source: file.source, view: view, range: (found + 1)..<end)
    }
}
