import PolicyCore

/// Cited documents: `《title》` with the 发文字号 in the parentheses after it, or a 发文字号 alone.
///
/// - `《推动大规模设备更新和消费品以旧换新行动方案》(国发〔2024〕7号)`: one record with title and doc
///   number; its range runs to the closing parenthesis (also when the parentheses go on:
///   `(国发〔2004〕20号,以下简称《决定》)`).
/// - `《A》《B》`, `《A》、《B》`: one record per title.
/// - `国发〔2024〕7号` alone: a record without title — unless it is the whole paragraph (the
///   document's own number in its header) or follows a `发文字号:`/`文号:` label (metadata).
/// - Which titles count is `CitedTitleRule`; titles inside a title (`《关于印发〈…〉的通知》`) and
///   numbers inside a title are part of the outer citation.
///
/// `target` is always nil here; `CitationResolver` fills it in once the corpus is known.
struct CitationExtractor: Sendable {
    let numbers = DocumentNumberScanner()

    func extract(_ text: NormalizedText, paragraph: Range<Int>, context: ExtractionContext) -> [Extraction] {
        let s = text.scalars
        let triggers = ParagraphTriggers(s, paragraph)
        guard !triggers.titles.isEmpty || !triggers.documentNumberMarks.isEmpty else { return [] }
        var found: [Extraction] = []
        var covered: [Range<Int>] = []
        for group in Brackets.groups(s, openers: triggers.titles, limit: paragraph.upperBound) {
            let title = (group.lowerBound + 1)..<(group.upperBound - 1)
            var range = group
            var docNumber: String?
            if group.upperBound < paragraph.upperBound, s[group.upperBound] == "(",
               let close = Brackets.closing(s, open: group.upperBound, limit: paragraph.upperBound),
               let number = numbers.number(in: s, startingAt: group.upperBound + 1, limit: close),
               number.upperBound == close || Self.afterNumber.contains(s[number.upperBound]) {
                docNumber = text.string(number)
                range = group.lowerBound..<(close + 1)
            }
            covered.append(range)
            let isCitation = CitedTitleRule.isCitation(
                title: Array(s[title]), hasDocumentNumber: docNumber != nil,
                afterAbbreviationMarker: Self.followsAbbreviationMarker(s, group.lowerBound, floor: paragraph.lowerBound))
            guard isCitation, !title.isEmpty else { continue }
            found.append(Extraction(value: .citation(title: text.string(title), docNumber: docNumber, target: nil),
                                    range: range))
        }
        for number in numbers.numbers(in: s, marks: triggers.documentNumberMarks, range: paragraph)
        where !covered.contains(where: { $0.overlaps(number) }) && !isOwnNumber(s, number, paragraph: paragraph) {
            found.append(Extraction(value: .citation(title: nil, docNumber: text.string(number), target: nil),
                                    range: number))
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Ranges that are not running text for the agency scanner: titles in `《》` with their doc
    /// numbers, and doc numbers alone (`商务部令…`, `国办发…` contain names of bodies).
    func citedRanges(in s: [Unicode.Scalar], paragraph: Range<Int>, triggers: ParagraphTriggers) -> [Range<Int>] {
        Brackets.groups(s, openers: triggers.titles, limit: paragraph.upperBound)
            + numbers.numbers(in: s, marks: triggers.documentNumberMarks, range: paragraph)
    }

    /// The document's own number: the whole paragraph (its header, also in parentheses:
    /// `(皖开放办〔2022〕6号)`) or after a metadata label.
    func isOwnNumber(_ s: [Unicode.Scalar], _ number: Range<Int>, paragraph: Range<Int>) -> Bool {
        var start = paragraph.lowerBound
        var end = paragraph.upperBound
        while end > number.upperBound && (s[end - 1] == "。" || s[end - 1] == ")" || s[end - 1].isInlineSpace) { end -= 1 }
        while start < number.lowerBound && (s[start] == "(" || s[start].isInlineSpace) { start += 1 }
        if number.lowerBound == start && number.upperBound == end { return true }
        var colon = number.lowerBound - 1
        while colon >= paragraph.lowerBound && s[colon].isInlineSpace { colon -= 1 }
        guard colon >= paragraph.lowerBound, s[colon] == ":" else { return false }
        return Self.metadataLabels.contains { s.has($0, endingAt: colon, floor: paragraph.lowerBound) }
    }

    /// `以下简称《条例》`: the title is an abbreviation being defined.
    static func followsAbbreviationMarker(_ s: [Unicode.Scalar], _ open: Int, floor: Int) -> Bool {
        var i = open
        while i > floor && (s[i - 1] == "“" || s[i - 1].isInlineSpace) { i -= 1 }
        return i - 1 >= floor && s[i - 1] == "称"
    }

    static let afterNumber: Set<Unicode.Scalar> = [",", ";", "、", "。", " "]
    static let metadataLabels: [[Unicode.Scalar]] = AgencyVocabulary.scalarsList(["发文字号", "文号", "字号", "编号"])
}
