import PolicyCore

/// What the extractor needs to know about the document a text comes from.
public struct ExtractionContext: Sendable {
    /// The document's date: year-less expressions (`6月底前`, `今年`) resolve against it.
    public var documentDate: CivilDate?
    /// The document's region, filled into local agency names (`省商务厅` → `山西省商务厅`).
    public var region: Region?
    public var level: DocumentLevel

    public init(documentDate: CivilDate? = nil, region: Region? = nil, level: DocumentLevel = .unknown) {
        self.documentDate = documentDate
        self.region = region
        self.level = level
    }
}

/// A record found in a normalized text: its value and where it is in the view.
public struct Extraction: Sendable, Hashable {
    public var value: RecordValue
    /// Range in the normalized view; map it to the source with `NormalizedText.sourceSpan(of:)`.
    public var range: Range<Int>

    public init(value: RecordValue, range: Range<Int>) {
        self.value = value
        self.range = range
    }
}

/// Extracts typed records (amounts, percentages, quantities, time, agencies, citations).
public struct RecordExtractor: Sendable {
    public init() {}

    /// Extracts records from `range` of `text`, paragraph by paragraph, in text order.
    public func extract(_ text: NormalizedText, range: Range<Int>, context: ExtractionContext) -> [Extraction] {
        []
    }
}
