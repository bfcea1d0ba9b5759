import PolicyCore
import Testing

/// The reflow rules ingest added to `TextNormalizer` (PolicyCore): hard-wrapped PDF text is joined,
/// but never into a date line or a 发文字号 line, never out of a title line, never from a web
/// address into Chinese text; a file name's `.pdf` stays.
@Suite("Normalizer: reflow around document headers")
struct NormalizerReflowTests {
    /// Normalizes hard-wrapped text and returns its paragraphs.
    func paragraphs(_ text: String) -> [String] {
        let view = TextNormalizer(lineMode: .hardWrapped).normalize(SourceText(path: "t", text: text))
        return view.paragraphs.map { view.string($0) }
    }

    static let body = "为深入贯彻落实党中央、国务院决策部署，完善现代商贸流通体系，推动批\n发零售业高质量发展，降低全社会物流成本，制定本行动计划。\n"

    @Test("a full-width title line is not joined to the date or 发文字号 under it")
    func dateAndNumberLines() {
        let text = "统筹融资信用服务平台建设提升中小微企业融资便利水平实施方案\n2024年3月28日\n"
            + "国务院办公厅关于印发《统筹融资信用服务平台建设提升中小微企业融资\n便利水平实施方案》的通知\n国办发〔2024〕15号\n" + Self.body
        let result = paragraphs(text)
        #expect(result.prefix(4) == [
            "统筹融资信用服务平台建设提升中小微企业融资便利水平实施方案",
            "2024年3月28日",
            "国务院办公厅关于印发《统筹融资信用服务平台建设提升中小微企业融资便利水平实施方案》的通知",
            "国办发〔2024〕15号",
        ])
    }

    @Test("the body does not run on from a title line")
    func titleLine() {
        let text = "关于完善现代商贸流通体系推动批发零售业高质量发展的行动计划\n" + Self.body
        #expect(paragraphs(text).first == "关于完善现代商贸流通体系推动批发零售业高质量发展的行动计划")
    }

    @Test("Chinese text after a web address starts a new paragraph")
    func urls() {
        let text = "https://www.gov.cn/zhengce/zhengceku/202412/P020241216533893185529.doc\n"
            + "国家金融监督管理总局办公厅关于促进非银行金融机构支持大规模设备更新\n和消费品以旧换新行动的通知\n" + Self.body
        #expect(paragraphs(text).first == "https://www.gov.cn/zhengce/zhengceku/202412/P020241216533893185529.doc")
    }

    @Test("a file name keeps its extension; a full stop after Chinese text is still unified", arguments: [
        ("附件：拟纳入更新改造项目清单.xls", "附件:拟纳入更新改造项目清单.xls"),
        ("《关于打造消费新场景培育消费新增长点的措施》.pdf", "《关于打造消费新场景培育消费新增长点的措施》.pdf"),
        ("请认真贯彻执行.", "请认真贯彻执行。"),
    ])
    func fullStops(input: String, expected: String) {
        #expect(NormalizedText(normalizing: input).string == expected + "\n")
    }

    @Test("clause labels are visible to other modules", arguments: [
        ("(二)活跃二手车交易市场", true), ("第三条 国家", true), ("3.加强", true), ("2024年", false), ("国务院", false),
    ])
    func labels(text: String, expected: Bool) {
        #expect(TextNormalizer.startsWithLabel(Array(text.unicodeScalars)) == expected)
    }
}
