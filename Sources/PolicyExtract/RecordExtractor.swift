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
///
/// Works paragraph by paragraph (a paragraph is one line of the normalized view); each kind has
/// its own extractor (`Numbers/`, `Time/`, `Agencies/`, `Citations/`) and this type merges their
/// results in text order.
public struct RecordExtractor: Sendable {
    let agencies = AgencyExtractor()
    let citations = CitationExtractor()
    let time = TimeExtractor()
    let numbers = NumberExtractor()

    public init() {}

    /// Extracts records from `range` of `text`, in text order.
    public func extract(_ text: NormalizedText, range: Range<Int>, context: ExtractionContext) -> [Extraction] {
        var result: [Extraction] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var end = start
            while end < range.upperBound && text.scalars[end] != "\n" { end += 1 }
            if end > start {
                result += extract(paragraph: start..<end, in: text, context: context)
            }
            start = end + 1
        }
        // Signature blocks (issuing bodies above the date line) need the whole document.
        result += agencies.extractSignatureBlock(text, document: range, context: context)
        return result.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// Records of one paragraph.
    ///
    /// Overlaps are settled here: nothing inside a 《title》 or a 发文字号 is a number or a date
    /// (`ProtectedSpans`), and time goes first, so that the number extractor skips what it took
    /// (`2023年` is a year, not a quantity).
    func extract(paragraph: Range<Int>, in text: NormalizedText, context: ExtractionContext) -> [Extraction] {
        var found: [Extraction] = []
        let scalars = text.scalars
        let protected = ProtectedSpans(scalars, paragraph: paragraph)
        let times = time.extract(scalars, paragraph: paragraph, protected: protected, context: context)
        found += times
        found += numbers.extract(scalars, paragraph: paragraph, protected: protected, taken: times.map(\.range))
        found += agencies.extract(text, paragraph: paragraph, context: context)
        found += citations.extract(text, paragraph: paragraph, context: context)
        return found.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }
}
