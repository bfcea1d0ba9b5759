import PolicyCore

/// What a reader hands on: the file's source text and what the container itself says about it.
///
/// The readers know the container (pkulaw header lines, Markdown front matter and info lines, the
/// gov.cn metadata table, page furniture of PDF text); the splitter and the metadata rules then
/// work on the normalized text alone, with these facts as the strongest evidence.
struct ExtractedText {
    var source: SourceText
    var format: SourceFormat
    var encoding: TextDecoder.Encoding = .utf8
    /// How the normalizer joins lines: `.paragraphs` for markup, `.automatic` for plain text.
    var lineMode: TextNormalizer.LineMode = .automatic
    /// Source ranges left out of the normalized view (markup, export headers, page numbers …).
    var drops: [Range<Int>] = []
    /// Facts the container states (`法宝引证码`, `原文链接`, `索引号`, front-matter keys …).
    var metadata: [(String, String)] = []
    /// Title, 发文字号, issuers and dates the container states.
    var fields = StatedFields()
    /// Markdown headings (`# title`): level and the source range of their text, marker excluded.
    var headings: [(level: Int, range: Range<Int>)] = []
    /// The article content (HTML): documents never extend beyond it. Nil = the whole text.
    var contentRange: Range<Int>?
    /// Source offset where the body starts at the earliest (after Markdown info lines).
    var bodyStart: Int?
    /// The container holds exactly one document (HTML page, DOCX, law Markdown): do not split.
    var singleDocument = false
    var diagnostics: [Diagnostic] = []

    init(source: SourceText, format: SourceFormat) {
        self.source = source
        self.format = format
    }

    /// Drops the source range of every line in `lines` (each a range without its terminator).
    mutating func drop(_ range: Range<Int>) {
        if !range.isEmpty { drops.append(range) }
    }
}

/// Metadata a container states outright (gov.cn table, Markdown info lines, database headers):
/// it wins over what the text suggests.
struct StatedFields {
    var title: String?
    var docNumber: String?
    var issuers: [String] = []
    var date: CivilDate?
    /// A title to use when the text shows none (DOCX document properties, HTML `<title>`).
    var fallbackTitle: String?
    /// A date to use when nothing better is known (file name `(2019-10-22)`, publication date).
    var fallbackDate: CivilDate?
}

/// Lines of a source text as scalar ranges, with their terminators (CRLF, CR, LF, NEL, LS, PS).
struct SourceLines: Sequence {
    let scalars: [Unicode.Scalar]
    var range: Range<Int>

    init(_ scalars: [Unicode.Scalar], range: Range<Int>? = nil) {
        self.scalars = scalars
        self.range = range ?? 0..<scalars.count
    }

    struct Line {
        /// The line's content, terminator excluded.
        var content: Range<Int>
        /// The line's content and terminator.
        var full: Range<Int>
    }

    struct Iterator: IteratorProtocol {
        let scalars: [Unicode.Scalar]
        var position: Int
        let end: Int

        mutating func next() -> Line? {
            guard position < end else { return nil }
            var j = position
            while j < end && !scalars[j].isLineTerminator { j += 1 }
            var next = j
            if next < end {
                next += (scalars[next].value == 0x0D && next + 1 < end && scalars[next + 1].value == 0x0A) ? 2 : 1
            }
            defer { position = next }
            return Line(content: position..<j, full: position..<next)
        }
    }

    func makeIterator() -> Iterator { Iterator(scalars: scalars, position: range.lowerBound, end: range.upperBound) }
}

extension Array where Element == Unicode.Scalar {
    /// The range without leading and trailing inline whitespace.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper && self[lower].isInlineSpace { lower += 1 }
        while upper > lower && self[upper - 1].isInlineSpace { upper -= 1 }
        return lower..<upper
    }
}
