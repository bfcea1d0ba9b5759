import PolicyCore

/// A clause's label: one read at the start of a paragraph of the normalized view (`一、`, `(一)`,
/// `1.`, `(1)`, `①`, `第十条`, `第二章`, `附件1`), or one the segmenter gives a 款 (`第二款`) or an
/// enumeration member (`一是`).
struct ClauseLabel: Equatable, Sendable {
    var kind: ClauseKind
    /// The label as the clause tree shows it: `一` (for `一、`), `(一)`, `1` (for `1.`), `(1)`, `①`,
    /// `第十条`, `第一百三十三条之一`, `附件1`.
    var text: String
    /// The number (`(三十二)` → 32).
    var ordinal: Int
    /// The `之N` of an inserted article (`第一百三十三条之一` → 1), else 0.
    var subordinal: Int
    /// View index of the label's first scalar.
    var start: Int
    /// View index just after the label and the punctuation or spaces that separate it from the text.
    var bodyStart: Int
}

extension ClauseKind {
    /// Position in the hierarchy of numbering levels: a label nests under open clauses of a smaller
    /// rank and closes those of an equal or larger one. 编 > 章 > 节 > 条 > 款 > 一、 > (一) > 1. > (1)
    /// > ① > 一是. An attachment (rank 0) closes everything.
    var rank: Int {
        switch self {
        case .attachment: return 0
        case .part: return 1
        case .chapter: return 2
        case .section: return 3
        case .article: return 4
        case .paragraph: return 5
        case .outline: return 6
        case .item: return 7
        case .subitem: return 8
        case .subsubitem: return 9
        case .circled: return 10
        case .enumeration: return 11
        }
    }

    /// Levels whose numbering runs through the whole document (or attachment) instead of
    /// restarting under every parent: articles keep counting across chapters and parts. (Chapters
    /// may restart in each 编, as in the Criminal Law.)
    var numbersContinuously: Bool {
        self == .article || self == .part || self == .attachment
    }

    /// Writes `ordinal` the way a label of this kind is written, in the style of `example`
    /// (Chinese or Arabic numerals) — for messages like `(一)…(二) missing`.
    func label(for ordinal: Int, like example: String) -> String {
        let arabic = example.unicodeScalars.contains { $0.isASCIIDigit }
        let number = arabic ? String(ordinal) : ChineseNumeral.chinese(ordinal)
        switch self {
        case .part: return "第\(number)编"
        case .chapter: return "第\(number)章"
        case .section: return "第\(number)节"
        case .article: return "第\(number)条"
        case .paragraph: return "第\(number)款"
        case .outline, .subitem: return number
        case .item, .subsubitem: return "(\(number))"
        case .circled:
            guard (1...20).contains(ordinal), let circled = Unicode.Scalar(0x245F + UInt32(ordinal)) else { return "(\(ordinal))" }
            return String(Character(circled))
        case .enumeration: return number + "是"
        case .attachment: return "附件\(number)"
        }
    }
}
