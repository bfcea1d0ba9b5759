import PolicyCore

/// Responsible, lead, cooperating, issuing and mentioned bodies (`(责任单位:省商务厅、省公安厅…)`).
struct AgencyExtractor: Sendable {
    func extract(_ text: NormalizedText, paragraph: Range<Int>, context: ExtractionContext) -> [Extraction] {
        []
    }

    /// Issuers named in the document's signature block (role `issuer`).
    func extractSignatureBlock(_ text: NormalizedText, document: Range<Int>, context: ExtractionContext) -> [Extraction] {
        []
    }
}
