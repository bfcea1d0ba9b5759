import PolicyCore

/// What one normalized line of a policy text is, as far as document structure goes.
enum LineKind: Equatable {
    /// `2024年11月6日`, `二〇二四年十一月六日` alone on the line.
    case date(CivilDate)
    /// `国办发〔2024〕49号`, `(皖政办秘〔2021〕82号)`.
    case docNumber(String)
    /// `第790号`, `(第19号)`: the number of a decree named on the line before.
    case bareNumber(String)
    /// `中华人民共和国国务院令`: the decree's name (canonical: `国务院令`).
    case decree(String)
    /// `山西省人民政府办公厅文件`: the 版头 of an official document, with the bodies it names.
    case fileHead([String])
    /// `部委相关文件`, `党中央、国务院文件` in a compilation: a section label, not part of a document.
    case sectionLabel
    /// `各省、自治区、直辖市人民政府,国务院各部委、各直属机构:`
    case addressee
    /// `(此件公开发布)`, `(本文有删减)`, `(接1版)`.
    case note
    /// `附件:…`, `附件1`.
    case attachment
    /// A line of names of bodies (a signature): `商务部 国家发展改革委 工业和信息化部`.
    case issuers([String])
    /// A signer: `总理  李强`; `body` when the line names one (`市商务局党组书记、局长 盛 强`).
    case signer(office: String, body: String?)
    /// `新华社记者 魏玉坤 严赋憬`: a news article's byline.
    case byline
    /// `(新华社北京3月16日电)`: the dateline that ends a news article.
    case dateline
    /// Starts with a clause label (`一、`, `(三)`, `第一条`, `1.`).
    case label
    /// Short, no sentence punctuation: a line of a title (or a heading).
    case titleFragment
    /// Running text.
    case body

    var isTitleFragment: Bool {
        switch self {
        case .titleFragment, .issuers, .fileHead: return true
        default: return false
        }
    }
}

/// Tells the kinds of lines apart (see `LineKind`). Works on one normalized paragraph; signature
/// lines are read from the source text, where the spaces between names survive.
enum LineTagger {
    /// Longest title line we accept (titles wrap, so a line of a title is rarely longer).
    static let maxTitleLine = 120

    static func kind(of s: [Unicode.Scalar], sourceLine: () -> String) -> LineKind {
        guard !s.isEmpty else { return .body }
        let whole = s[...]
        if s.count <= 24 {
            if let date = DateParser.wholeDate(whole) { return .date(date) }
            if let number = DocNumberParser.bareNumber(whole) { return .bareNumber(number) }
        }
        if s.count <= 40 {
            if let number = DocNumberParser.wholeLine(whole) { return .docNumber(number) }
            if let decree = DocNumberParser.decreeHeader(whole) { return .decree(decree) }
        }
        if s.first == "(", s.last == ")", s.count <= 24 {
            let inner = s[1..<(s.count - 1)]
            if isDateline(inner) { return .dateline }
            if !inner.contains(where: { $0 == "。" || $0 == "," }) { return .note }
        }
        if s.hasScalarPrefix("附件") { return .attachment }
        if s.count <= 30, s.hasScalarSuffix("文件") {
            let names = String(s.dropLast(2).scalarString)
            if let bodies = OrganizationNames.expand(names) { return .fileHead(bodies) }
            return .sectionLabel
        }
        if isAddressee(s) { return .addressee }
        if isByline(s) { return .byline }
        if TextNormalizer.startsWithLabel(s) || startsWithListMark(s) { return .label }
        if s.count <= 80 && !hasSentencePunctuation(s) {
            let line = sourceLine()
            if let names = OrganizationNames.issuerLine(line) { return .issuers(names) }
            if let signer = OrganizationNames.signerLine(line) { return .signer(office: signer.office, body: signer.body) }
        }
        if s.count <= maxTitleLine && !hasSentencePunctuation(s) && !endsOpen(s) { return .titleFragment }
        return .body
    }

    /// `。`, `;`, `!`, `?` anywhere, or `,`/`:` (titles rarely hold either).
    static func hasSentencePunctuation(_ s: [Unicode.Scalar]) -> Bool {
        s.contains { $0 == "。" || $0 == ";" || $0 == "!" || $0 == "?" || $0 == "," || $0 == ":" }
    }

    /// A line that ends where nothing can end (`、`, `及`, `和`): it continues on the next line.
    static func endsOpen(_ s: [Unicode.Scalar]) -> Bool {
        guard let last = s.last else { return false }
        return last == "、" || last == "-" || last == "—"
    }

    /// `- item`, `• item`, `● item`: list marks of slides and Markdown.
    static func startsWithListMark(_ s: [Unicode.Scalar]) -> Bool {
        guard let first = s.first else { return false }
        return (first == "-" || first == "•" || first == "●" || first == "*" || first == "·") && s.count > 1
    }

    /// `(新华社北京3月16日电)`, `(完)`.
    static func isDateline(_ inner: ArraySlice<Unicode.Scalar>) -> Bool {
        if inner.count == 1 && inner.first == "完" { return true }
        guard inner.last == "电", inner.count <= 20 else { return false }
        return inner.containsScalars("社") || inner.containsScalars("报") || inner.containsScalars("台")
    }

    /// `新华社记者 魏玉坤 严赋憬`, `本报记者 张三`: a short line with 记者 near its start.
    static func isByline(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 24, !hasSentencePunctuation(s), let at = s.firstScalarIndex(of: "记者") else { return false }
        return at <= 8
    }

    /// Ends with `:` and names bodies or groups of them (`各省、自治区、直辖市人民政府,国务院各部委:`).
    static func isAddressee(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 3, s.count <= 200, s.last == ":", !s.contains("。") else { return false }
        let chunks = s.dropLast().split(whereSeparator: { $0 == "、" || $0 == "," || $0 == ";" })
        guard !chunks.isEmpty else { return false }
        var bodies = 0
        for chunk in chunks {
            var text = chunk.scalarString
            if text.hasPrefix("各") { text.removeFirst() }
            if text.hasSuffix(")"), let open = text.lastIndex(of: "(") { text = String(text[..<open]) }
            if text.hasPrefix("各") || text.hasPrefix("省") || text.hasPrefix("市") || OrganizationNames.isOrganization(text)
                || ["部门", "单位", "机构", "政府", "部委", "兵团", "直辖市", "自治区", "省", "市", "县", "区", "主管部门", "有关部门"]
                    .contains(where: { text.hasSuffix($0) }) {
                bodies += 1
            }
        }
        return bodies * 10 >= chunks.count * 6
    }
}
