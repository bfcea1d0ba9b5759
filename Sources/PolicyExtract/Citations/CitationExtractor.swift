import PolicyCore

/// Cited documents: 《title》 with the 发文字号 in the parentheses after it, or a 发文字号 alone.
struct CitationExtractor: Sendable {
    func extract(_ text: NormalizedText, paragraph: Range<Int>, context: ExtractionContext) -> [Extraction] {
        []
    }
}
