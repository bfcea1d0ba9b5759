import PolicyCore

/// The head of an official document as found in the text: 版头 (`…文件`), title (possibly twice:
/// a compilation's catalogue entry, then the document's own heading), date line, 发文字号 or
/// decree number, addressees. The body starts after it.
struct DocumentHeader {
    /// First paragraph of the document.
    var start: Int
    /// First paragraph after the header.
    var end: Int
    /// The document's title lines (its own heading when a catalogue entry precedes it).
    var title: Range<Int>
    /// A compilation's catalogue title, when the document repeats its title below it.
    var catalogueTitle: Range<Int>?
    /// Bodies named by the 版头 (`山西省人民政府办公厅文件`).
    var fileHeadIssuers: [String] = []
    /// The date line under the title (a compilation's publication date).
    var date: CivilDate?
    var docNumber: String?
    /// The decree's name (`国务院令`) when the document is promulgated by one.
    var decree: String?
    var hasAddressee = false
    /// How many header lines besides the title were found (date, number, decree, addressee).
    var anchors = 0
}

/// Recognizes document headers in a run of paragraphs (see `DocumentHeader`).
enum HeaderParser {
    /// Most lines a title may wrap over.
    static let maxTitleLines = 5
    /// Longest title (scalars).
    static let maxTitleLength = 200

    /// A header starting exactly at paragraph `start`, or nil.
    static func parse(_ p: Paragraphs, at start: Int, limit: Int) -> DocumentHeader? {
        var i = start
        var fileHead: [String] = []
        var number: String? = nil
        var anchors = 0
        // 版头 followed by the 发文字号.
        if case .fileHead(let bodies) = p.kind(i), i + 1 < limit, case .docNumber(let n) = p.kind(i + 1) {
            fileHead = bodies
            number = n
            anchors += 1
            i += 2
        } else if case .docNumber(let n) = p.kind(i) {
            number = n
            anchors += 1
            i += 1
        }
        guard i < limit, let title = titleBlock(p, from: i, limit: limit) else { return nil }
        var header = DocumentHeader(start: start, end: title.upperBound, title: title, fileHeadIssuers: fileHead,
                                    docNumber: number, anchors: anchors)
        i = title.upperBound
        var steps = 0
        scan: while i < limit && steps < 8 {
            steps += 1
            switch p.kind(i) {
            case .date(let date):
                if header.date == nil { header.date = date }
                header.anchors += 1
                i += 1
                // A catalogue entry: the document's own heading follows its date.
                if header.catalogueTitle == nil, header.docNumber == nil, i < limit,
                   let second = titleBlock(p, from: i, limit: limit), !namesAttachedFile(p, second) {
                    header.catalogueTitle = header.title
                    header.title = second
                    i = second.upperBound
                }
            case .docNumber(let n):
                if header.docNumber == nil { header.docNumber = n }
                header.anchors += 1
                i += 1
            case .decree(let name):
                header.decree = name
                header.anchors += 1
                i += 1
                if i < limit, case .bareNumber(let n) = p.kind(i) {
                    header.docNumber = DocNumberParser.joinDecree(name, n)
                    i += 1
                }
            case .bareNumber(let n) where header.decree != nil && header.docNumber == nil:
                header.docNumber = DocNumberParser.joinDecree(header.decree ?? "", n)
                i += 1
            case .addressee:
                header.hasAddressee = true
                header.anchors += 1
                i += 1
                break scan
            default:
                break scan
            }
        }
        guard header.anchors > 0 else { return nil }
        header.end = i
        return header
    }

    /// The lines of a title starting at `start`: consecutive title-like lines; a line that ends
    /// like a title (`…的通知`) closes the block. Nil unless the joined lines end like a title.
    static func titleBlock(_ p: Paragraphs, from start: Int, limit: Int) -> Range<Int>? {
        var j = start
        var length = 0
        while j < limit, j - start < maxTitleLines, p.kind(j).isTitleFragment {
            let text = p.text(j)
            // `…关于` continues; a line starting with 关于 continues only a line naming bodies.
            if j > start, text.hasScalarPrefix("关于"), !namesBodies(p, j - 1) { return nil }
            length += text.count
            j += 1
            // A line ending like a title closes the block, unless the next line plainly continues
            // it (`商务部关于印发《…计划》` + `的通知`).
            if DocTypeClassifier.endsLikeTitle(text), !(j < limit && continuesTitle(p.text(j))) { break }
        }
        guard j > start, length <= maxTitleLength else { return nil }
        let joined = (start..<j).flatMap { p.text($0) }
        guard DocTypeClassifier.endsLikeTitle(joined) else { return nil }
        return start..<j
    }

    /// `的通知`, `》的通知`: a line that can only be the rest of a title.
    static func continuesTitle(_ s: [Unicode.Scalar]) -> Bool {
        s.count <= 12 && (s.first == "的" || s.hasScalarPrefix("》的") || s.hasScalarPrefix("〉的"))
    }

    /// A paragraph that names bodies (`山西省人民政府办公厅`, `商务部等9部门`, `…办公厅 市场监管总局办公厅`).
    static func namesBodies(_ p: Paragraphs, _ i: Int) -> Bool {
        switch p.kind(i) {
        case .issuers, .fileHead: return true
        default:
            let text = p.string(i)
            return OrganizationNames.isOrganization(text) || text.hasSuffix("部门") || text.contains("等")
        }
    }

    /// A title that is the name of an attached file (`….pdf`): a catalogue entry without text.
    static func namesAttachedFile(_ p: Paragraphs, _ lines: Range<Int>) -> Bool {
        let last = p.text(lines.upperBound - 1)
        return [".pdf", ".doc", ".docx", ".wps", ".ofd", ".zip"].contains { last.hasScalarSuffix($0) }
    }
}
