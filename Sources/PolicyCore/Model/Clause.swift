/// What level of a numbering scheme a clause label belongs to.
public enum ClauseKind: String, Sendable, CaseIterable, Codable {
    /// 第N编
    case part
    /// 第N章
    case chapter
    /// 第N节
    case section
    /// 第N条
    case article
    /// 款: the second and later paragraphs of an article (`第二款`)
    case paragraph
    /// 一、 (公文 top level)
    case outline
    /// （一） (项)
    case item
    /// 1. (目)
    case subitem
    /// （1）
    case subsubitem
    /// ①
    case circled
    /// 一是 / 二是 enumerations inside a clause
    case enumeration
    /// 附件 N: an attachment, inside which numbering restarts
    case attachment
}

/// One numbered clause of a document's clause tree. Field names follow the data contract.
public struct Clause: Sendable, Hashable {
    /// `<document id>#<path>`
    public var id: String
    public var docId: String
    /// Labels from the root, `/`-joined, NFKC-normalized: `二/(一)`, `第二章/第十条`, `三/(二)/1`.
    public var path: String
    /// This clause's own label as normalized (`(一)`, `第十条`, `1`).
    public var label: String
    /// Its number as an integer (`(三十二)` → 32).
    public var ordinal: Int
    /// 1 for the top level of numbering in the document.
    public var depth: Int
    /// The short title sentence after the label (`鼓励汽车更新换代`), nil if none.
    public var heading: String?
    /// Full clause text, its own body only (children are separate clauses): the source text of `span`.
    public var text: String
    public var span: Span

    // Beyond the contract.
    public var kind: ClauseKind
    /// Path of the parent clause, nil at depth 1.
    public var parentPath: String?
    /// 1-based line of the label in the source.
    public var line: Int

    public init(id: String, docId: String, path: String, label: String, ordinal: Int, depth: Int,
                heading: String?, text: String, span: Span, kind: ClauseKind, parentPath: String?, line: Int) {
        self.id = id
        self.docId = docId
        self.path = path
        self.label = label
        self.ordinal = ordinal
        self.depth = depth
        self.heading = heading
        self.text = text
        self.span = span
        self.kind = kind
        self.parentPath = parentPath
        self.line = line
    }
}

extension Clause: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("type", .string("clause")),
            ("id", .string(id)),
            ("doc_id", .string(docId)),
            ("path", .string(path)),
            ("label", .string(label)),
            ("ordinal", .number(Double(ordinal))),
            ("depth", .number(Double(depth))),
            ("heading", JSONValue(heading)),
            ("text", .string(text)),
            ("start", .number(Double(span.start))),
            ("end", .number(Double(span.end))),
            ("kind", .string(kind.rawValue)),
            ("line", .number(Double(line))),
        ])
    }
}
