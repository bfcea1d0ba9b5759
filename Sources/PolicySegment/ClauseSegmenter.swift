import PolicyCore

/// The clause tree of one document and what was wrong with its numbering.
public struct Segmentation: Sendable {
    /// Clauses in document order (a parent before its children).
    public var clauses: [Clause]
    /// Numbering anomalies (gaps, duplicates, items starting at (三) …) as `path:line: warning:`.
    public var diagnostics: [Diagnostic]

    public init(clauses: [Clause] = [], diagnostics: [Diagnostic] = []) {
        self.clauses = clauses
        self.diagnostics = diagnostics
    }
}

/// Finds the numbered clause tree of a document: 第N编/章/节/条 (+ 款), 一、/（一）/1./（1）, 一是….
public struct ClauseSegmenter: Sendable {
    public init() {}

    /// Segments `range` of `text` (a document's body in the normalized view of `source`).
    public func segment(_ text: NormalizedText, range: Range<Int>, documentID: String, source: SourceText) -> Segmentation {
        Segmentation()
    }
}
