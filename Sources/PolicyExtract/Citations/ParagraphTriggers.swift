import PolicyCore

/// Where in a paragraph the characters are that the agency and citation extractors look for,
/// found in one pass with one table read per character: the rest of their work reads only those
/// places.
struct ParagraphTriggers {
    /// Positions of `(`, `《`, `“`.
    var parentheses: [Int] = []
    var titles: [Int] = []
    var quotes: [Int] = []
    /// Where a document number can be anchored: a year bracket (`〔`, `[`, `(`, `【`, `〖`, `﹝`)
    /// before a digit, `令` before `第` or a digit, `公告`.
    var documentNumberMarks: [Int] = []
    var hasColon = false
    /// A character that starts a role word (负责, 牵头, 配合 …): the paragraph may hold a list.
    var hasRoleCharacter = false
    /// Positions where a name of a body may start: a character a name can start with, at a word
    /// boundary — after punctuation or a function word (`经`, `由`) — (collected only when asked for).
    var nameStarts: [Int] = []

    init(_ s: [Unicode.Scalar], _ range: Range<Int>, collectingNameStarts: Bool = false) {
        let table = Self.table
        let boundary = AgencyVocabulary.leftBoundary
        let end = range.upperBound
        for i in range {
            let v = Int(s[i].value)
            guard v < 0x10000 else { continue }
            let flags = table[v]
            guard flags != 0 else { continue }
            if flags & Self.nameStart != 0 && collectingNameStarts {
                if i == range.lowerBound || !s[i - 1].isHan || boundary.contains(s[i - 1]) { nameStarts.append(i) }
            }
            if flags & Self.roleCharacter != 0 { hasRoleCharacter = true }
            guard flags & Self.punctuation != 0 else { continue }
            let next: Unicode.Scalar = i + 1 < end ? s[i + 1] : " "
            switch s[i] {
            case "(":
                parentheses.append(i)
                if next.isASCIIDigit { documentNumberMarks.append(i) }
            case ":": hasColon = true
            case "“": quotes.append(i)
            case "《": titles.append(i)
            case "令": if next == "第" || next.isASCIIDigit { documentNumberMarks.append(i) }
            case "公": if next == "告" { documentNumberMarks.append(i) }
            default: if next.isASCIIDigit { documentNumberMarks.append(i) }  // 〔 [ 【 〖 ﹝
            }
        }
    }

    private static let punctuation: UInt8 = 1
    private static let roleCharacter: UInt8 = 2
    private static let nameStart: UInt8 = 4

    /// Flags of every BMP scalar.
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        for c in "(:“《令公〔[【〖﹝".unicodeScalars { table[Int(c.value)] |= punctuation }
        for (word, _) in AgencyVocabulary.roleWords { table[Int(word[0].value)] |= roleCharacter }
        for v in 0..<0x10000 {
            if let c = Unicode.Scalar(UInt32(v)), AgencyNameScanner.nameStarts.contains(c) { table[v] |= nameStart }
        }
        return table
    }()
}
