import PolicyCore
import PolicyPipeline

/// A record to put in a fixture clause: `text` must occur in the clause's text.
public struct FixtureRecord: Sendable {
    public var text: String
    public var value: RecordValue
    public init(_ text: String, _ value: RecordValue) {
        self.text = text
        self.value = value
    }
}

/// A clause of a fixture document, given by its path (`一/(二)`).
public struct FixtureClause: Sendable {
    public var path: String
    public var heading: String?
    public var text: String
    public var records: [FixtureRecord]
    public init(_ path: String, heading: String? = nil, _ text: String, records: [FixtureRecord] = []) {
        self.path = path
        self.heading = heading
        self.text = text
        self.records = records
    }
}

/// A document built by hand, with clauses and records the parser may not find yet.
public struct FixtureDocument: Sendable {
    public var title: String
    public var docNumber: String?
    public var issuers: [String]
    public var date: CivilDate?
    public var level: DocumentLevel
    public var region: String?
    public var docType: String
    /// Text between the title and the first clause.
    public var preamble: String
    public var clauses: [FixtureClause]

    public init(title: String, docNumber: String? = nil, issuers: [String] = [], date: String? = nil,
                level: DocumentLevel = .unknown, region: String? = nil, docType: String = "其他",
                preamble: String = "", clauses: [FixtureClause] = []) {
        self.title = title
        self.docNumber = docNumber
        self.issuers = issuers
        self.date = date.flatMap(CivilDate.init(iso:))
        self.level = level
        self.region = region
        self.docType = docType
        self.preamble = preamble
        self.clauses = clauses
    }
}

/// Builds `ParsedFile`s from fixture documents: the source text is each document's title,
/// preamble and clause texts, one per line; spans and ids are computed as the parser would.
public enum PolicyFixtures {
    public static func parsedFile(path: String, _ documents: [FixtureDocument], hash: String? = nil) -> ParsedFile {
        var text = ""
        var offset = 0
        var parsed: [(FixtureDocument, PolicyDocument, [Clause], [PolicyRecord])] = []
        func append(_ line: String) -> Span {
            let start = offset
            text += line + "\n"
            offset += line.unicodeScalars.count + 1
            return Span(start: start, end: start + line.unicodeScalars.count)
        }
        for fixture in documents {
            let start = offset
            _ = append(fixture.title)
            if !fixture.preamble.isEmpty { _ = append(fixture.preamble) }
            let id = DocumentID.make(docNumber: fixture.docNumber, source: path, title: fixture.title)
            var clauses: [Clause] = []
            var records: [PolicyRecord] = []
            for c in fixture.clauses {
                let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
                let span = append(c.text)
                let parts = c.path.split(separator: "/").map(String.init)
                let label = parts.last ?? c.path
                let clause = Clause(
                    id: "\(id)#\(c.path)", docId: id, path: c.path, label: label, ordinal: ordinal(of: label),
                    depth: parts.count, heading: c.heading, text: c.text, span: span,
                    kind: parts.count == 1 ? .outline : parts.count == 2 ? .item : .subitem,
                    parentPath: parts.count > 1 ? parts.dropLast().joined(separator: "/") : nil, line: line)
                clauses.append(clause)
                for r in c.records {
                    let at = scalarOffset(of: r.text, in: c.text) ?? 0
                    let recordSpan = Span(start: span.start + at, end: span.start + at + r.text.unicodeScalars.count)
                    records.append(PolicyRecord(id: "\(id)@\(recordSpan.start):\(r.value.kind.rawValue)", docId: id,
                                                clauseId: clause.id, text: r.text, span: recordSpan, value: r.value))
                }
            }
            let document = PolicyDocument(
                id: id, source: path, title: fixture.title, docNumber: fixture.docNumber, issuers: fixture.issuers,
                date: fixture.date, level: fixture.level, region: fixture.region, docType: fixture.docType,
                span: Span(start: start, end: offset), line: 1)
            parsed.append((fixture, document, clauses, records))
        }
        let source = SourceText(path: path, text: text)
        return ParsedFile(source: source, format: .text, contentHash: hash ?? "hash-of-\(path)",
                          documents: parsed.map { ParsedDocument(document: $0.1, clauses: $0.2, records: $0.3) },
                          diagnostics: [])
    }

    /// `(三十二)` → 32, `一` → 1, `3` → 3.
    static func ordinal(of label: String) -> Int {
        let digits = label.unicodeScalars.filter { $0 != "(" && $0 != ")" && $0 != "第" && $0 != "条" }
        return ChineseNumeral.integerValue(of: String(String.UnicodeScalarView(digits))) ?? 0
    }

    static func scalarOffset(of needle: String, in haystack: String) -> Int? {
        let h = Array(haystack.unicodeScalars), n = Array(needle.unicodeScalars)
        guard !n.isEmpty, n.count <= h.count else { return nil }
        for i in 0...(h.count - n.count) where h[i..<(i + n.count)].elementsEqual(n) { return i }
        return nil
    }

    /// A small corpus of four documents in three files: national, Shanxi provincial, Taiyuan
    /// municipal, with clauses and records of every kind the filters use.
    public static let corpus: [(path: String, documents: [FixtureDocument])] = [
        ("fixtures/shanxi-measures.txt", [FixtureDocument(
            title: "山西省恢复和扩大消费若干政策措施", docNumber: "晋政办发〔2023〕65号",
            issuers: ["山西省人民政府办公厅"], date: "2023-06-01", level: .provincial, region: "山西省", docType: "措施",
            preamble: "为进一步恢复和扩大消费，制定以下措施。",
            clauses: [
                FixtureClause("一", heading: "促进汽车消费", "一、促进汽车消费"),
                FixtureClause("一/(一)", heading: "鼓励汽车更新换代",
                              "(一)鼓励汽车更新换代。对个人消费者报废旧车并购买新能源汽车的，每辆最高补贴3000元。(省商务厅负责)",
                              records: [
                                FixtureRecord("每辆最高补贴3000元", .amount(Magnitude(value: 3000, qualifier: .max, inclusive: true),
                                                                        currency: "CNY", per: "辆")),
                                FixtureRecord("省商务厅", .agency(name: "省商务厅", normalized: "山西省商务厅", role: .responsible)),
                              ]),
                FixtureClause("一/(二)", heading: "支持家电以旧换新",
                              "(二)支持家电以旧换新。对购买一级能效家电的，按售价的10%给予补贴。(省财政厅、省商务厅按职责分工负责)",
                              records: [
                                FixtureRecord("10%", .percent(Magnitude(value: 10), points: false)),
                                FixtureRecord("省财政厅", .agency(name: "省财政厅", normalized: "山西省财政厅", role: .responsible)),
                                FixtureRecord("省商务厅", .agency(name: "省商务厅", normalized: "山西省商务厅", role: .responsible)),
                              ]),
                FixtureClause("二", heading: "保障措施",
                              "二、保障措施。各市要在2023年12月底前出台配套政策，本措施自印发之日起施行，有效期2年。",
                              records: [
                                FixtureRecord("2023年12月底前", .time(relation: .by, start: nil,
                                                                   end: CivilDate(iso: "2023-12-31"), duration: nil)),
                              ]),
            ])]),
        ("fixtures/national-opinions.txt", [FixtureDocument(
            title: "国务院关于促进消费扩容提质的意见", docNumber: "国发〔2024〕7号",
            issuers: ["国务院"], date: "2024-03-01", level: .national, docType: "意见",
            preamble: "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
            clauses: [
                FixtureClause("一", heading: "加大财政支持", "一、加大财政支持。中央财政安排2亿元专项资金，支持县域商业体系建设。",
                              records: [
                                FixtureRecord("2亿元", .amount(Magnitude(value: 200_000_000), currency: "CNY", per: nil)),
                                FixtureRecord("中央财政", .agency(name: "财政部", normalized: "财政部", role: .mentioned)),
                              ]),
                FixtureClause("二", heading: "发展数字消费", "二、发展数字消费。推进5G网络和千兆光网建设，GDP核算中单列数字消费。"),
                FixtureClause("三", heading: "税收优惠", "三、税收优惠。对符合条件的小微企业减按5%征收所得税，执行期限至2027年12月31日。",
                              records: [FixtureRecord("5%", .percent(Magnitude(value: 5), points: false))]),
            ])]),
        ("fixtures/taiyuan-notice.txt", [
            FixtureDocument(
                title: "太原市商务局关于开展汽车促消费活动的通知", docNumber: "并商发〔2024〕12号",
                issuers: ["太原市商务局"], date: "2024-05-10", level: .municipal, region: "太原市", docType: "通知",
                clauses: [
                    FixtureClause("一", heading: "活动时间", "一、活动时间。2024年5月至2024年10月。"),
                    FixtureClause("二", heading: "补贴标准", "二、补贴标准。购买新车的，每辆补贴5000元，单个企业补贴总额不超过100万元。",
                                  records: [
                                    FixtureRecord("每辆补贴5000元", .amount(Magnitude(value: 5000), currency: "CNY", per: "辆")),
                                    FixtureRecord("不超过100万元", .amount(Magnitude(value: 1_000_000, qualifier: .max, inclusive: true),
                                                                     currency: "CNY", per: "企业")),
                                  ]),
                    FixtureClause("三", heading: "咨询方式", "三、咨询方式。电话:0351-1234567,联系人\"王\"\n(节假日除外)"),
                ]),
            FixtureDocument(
                title: "太原市促进夜间经济发展实施方案", issuers: ["太原市人民政府"], date: "2022-08-01",
                level: .municipal, region: "太原市", docType: "方案",
                preamble: "夜间经济是城市活力的重要体现。本方案不分条款，只有一段说明：支持夜市、步行街延长营业时间★。"),
        ]),
    ]

    /// The fixture corpus as parsed files.
    public static var corpusFiles: [ParsedFile] { corpus.map { parsedFile(path: $0.path, $0.documents) } }
}
