/// Administrative level of the body that issued a document.
public enum DocumentLevel: String, Sendable, CaseIterable, Codable {
    case national, provincial, municipal, county, unknown
}

/// One policy document found in a file (a file may hold several). Field names follow the data
/// contract in `../shared/spec/records.md`.
public struct PolicyDocument: Sendable, Hashable {
    /// Stable id: the doc number when there is one, else a slug of source file + title.
    public var id: String
    /// Path of the file it came from.
    public var source: String
    /// Full title, joined across line breaks.
    public var title: String
    /// 发文字号 with NFKC digits (`国发〔2024〕7号`), nil if none.
    public var docNumber: String?
    public var issuers: [String]
    /// Date the document was signed or issued (成文日期).
    public var date: CivilDate?
    public var level: DocumentLevel
    /// Full name of the province or city for local documents (`山西省`), nil for national ones.
    public var region: String?
    /// 意见, 通知, 方案, 措施, 条例, 办法, 规定, 计划, 解读, 新闻, 其他 …
    public var docType: String
    /// Where the document begins and ends in the file's source text.
    public var span: Span

    // Beyond the contract.
    /// What kind of file the text came from: `text`, `markdown`, `html`, `docx`, `pdf`.
    public var format: String
    /// 1-based line of the document's first character in the source.
    public var line: Int
    /// Other facts the source states: 索引号, 主题分类, 发布日期, 施行日期, 法宝引证码, 原文链接 …
    public var metadata: [(String, String)]
    /// Content hash of the source file (hex), for incremental indexing.
    public var sourceHash: String?

    public init(id: String, source: String, title: String, docNumber: String? = nil, issuers: [String] = [],
                date: CivilDate? = nil, level: DocumentLevel = .unknown, region: String? = nil,
                docType: String = "其他", span: Span, format: String = "text", line: Int = 1,
                metadata: [(String, String)] = [], sourceHash: String? = nil) {
        self.id = id
        self.source = source
        self.title = title
        self.docNumber = docNumber
        self.issuers = issuers
        self.date = date
        self.level = level
        self.region = region
        self.docType = docType
        self.span = span
        self.format = format
        self.line = line
        self.metadata = metadata
        self.sourceHash = sourceHash
    }

    public static func == (a: PolicyDocument, b: PolicyDocument) -> Bool {
        a.id == b.id && a.source == b.source && a.title == b.title && a.docNumber == b.docNumber
            && a.issuers == b.issuers && a.date == b.date && a.level == b.level && a.region == b.region
            && a.docType == b.docType && a.span == b.span && a.format == b.format && a.line == b.line
            && a.metadata.map(\.0) == b.metadata.map(\.0) && a.metadata.map(\.1) == b.metadata.map(\.1)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(source)
        hasher.combine(span)
    }

    /// The value of a metadata key, if the source stated it.
    public func metadata(_ key: String) -> String? { metadata.first { $0.0 == key }?.1 }
}

extension PolicyDocument: JSONRepresentable {
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("type", .string("document")),
            ("id", .string(id)),
            ("source", .string(source)),
            ("title", .string(title)),
            ("doc_number", JSONValue(docNumber)),
            ("issuers", JSONValue(issuers)),
            ("date", JSONValue(date?.iso)),
            ("level", .string(level.rawValue)),
            ("region", JSONValue(region)),
            ("doc_type", .string(docType)),
            ("start", .number(Double(span.start))),
            ("end", .number(Double(span.end))),
            ("format", .string(format)),
            ("line", .number(Double(line))),
        ]
        if !metadata.isEmpty {
            fields.append(("metadata", .object(metadata.map { ($0.0, .string($0.1)) })))
        }
        return .object(fields)
    }
}
