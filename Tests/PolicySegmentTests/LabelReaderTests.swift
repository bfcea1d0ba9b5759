import PolicyCore
@testable import PolicySegment
import Testing

@Suite("Labels at the start of a paragraph")
struct LabelReaderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var kind: ClauseKind
        var label: String
        var ordinal: Int
        var subordinal = 0
        var testDescription: String { text }
    }

    @Test("every label form, as the tree shows it", arguments: [
        // 公文: 一、 (一) 1. (1) ①
        Case(text: "一、总体要求", kind: .outline, label: "一", ordinal: 1),
        Case(text: "十二、加强组织保障", kind: .outline, label: "十二", ordinal: 12),
        Case(text: "一．总体要求", kind: .outline, label: "一", ordinal: 1),
        Case(text: "三.凝神聚力", kind: .outline, label: "三", ordinal: 3),
        Case(text: "（一）鼓励汽车更新换代．２０２３年下半年", kind: .item, label: "(一)", ordinal: 1),
        Case(text: "(一)鼓励汽车更新换代.2023年下半年", kind: .item, label: "(一)", ordinal: 1),
        Case(text: "（三十二）提升消费服务质量水平", kind: .item, label: "(三十二)", ordinal: 32),
        Case(text: "(一) 消费的基本概念", kind: .item, label: "(一)", ordinal: 1),
        Case(text: "(一)　消费的基本概念", kind: .item, label: "(一)", ordinal: 1),
        Case(text: "（一）、加强组织领导", kind: .item, label: "(一)", ordinal: 1),
        Case(text: "(一）混合括号", kind: .item, label: "(一)", ordinal: 1),
        Case(text: "（一）到登记机构登记；", kind: .item, label: "(一)", ordinal: 1),
        Case(text: "（二）至少每年组织一次演练；", kind: .item, label: "(二)", ordinal: 2),
        Case(text: "（三）项目管理", kind: .item, label: "(三)", ordinal: 3),
        Case(text: "1.消费对于拉动GDP增长", kind: .subitem, label: "1", ordinal: 1),
        Case(text: "1. 消费对于拉动GDP增长", kind: .subitem, label: "1", ordinal: 1),
        Case(text: "2、重点培育商贸流通骨干企业", kind: .subitem, label: "2", ordinal: 2),
        Case(text: "３．积极培育特色餐饮品牌", kind: .subitem, label: "3", ordinal: 3),
        Case(text: "12.优化营商环境", kind: .subitem, label: "12", ordinal: 12),
        Case(text: "(1)加强统筹", kind: .subsubitem, label: "(1)", ordinal: 1),
        Case(text: "（12）加强统筹", kind: .subsubitem, label: "(12)", ordinal: 12),
        Case(text: "①鼓励消费", kind: .circled, label: "①", ordinal: 1),
        Case(text: "⑳鼓励消费", kind: .circled, label: "⑳", ordinal: 20),
        // Laws: 编 章 节 条, 之一, Arabic numbers, Markdown markers
        Case(text: "第十条 国家鼓励", kind: .article, label: "第十条", ordinal: 10),
        Case(text: "第一条　为了规范网络数据处理活动", kind: .article, label: "第一条", ordinal: 1),
        Case(text: "第一条为了规范网络数据处理活动", kind: .article, label: "第一条", ordinal: 1),
        Case(text: "第一百二十五条 本法自公布之日起施行", kind: .article, label: "第一百二十五条", ordinal: 125),
        Case(text: "第一千二百六十条 本法自2021年1月1日起施行。", kind: .article, label: "第一千二百六十条", ordinal: 1260),
        Case(text: "第一百零五条 抢险救灾", kind: .article, label: "第一百零五条", ordinal: 105),
        Case(text: "第一百三十三条之一 在道路上驾驶机动车", kind: .article, label: "第一百三十三条之一", ordinal: 133,
             subordinal: 1),
        Case(text: "第1条 适用范围", kind: .article, label: "第1条", ordinal: 1),
        Case(text: "第一条【立法目的】为了", kind: .article, label: "第一条", ordinal: 1),
        Case(text: "第十条 中华人民共和国公民", kind: .article, label: "第十条", ordinal: 10),
        Case(text: "第二章 一般规定", kind: .chapter, label: "第二章", ordinal: 2),
        Case(text: "第一章 总  则", kind: .chapter, label: "第一章", ordinal: 1),
        Case(text: "## 第一章 总则", kind: .chapter, label: "第一章", ordinal: 1),
        Case(text: "### 第三节 附则", kind: .section, label: "第三节", ordinal: 3),
        Case(text: "第一编 总则", kind: .part, label: "第一编", ordinal: 1),
        // Attachments
        Case(text: "附件1", kind: .attachment, label: "附件1", ordinal: 1),
        Case(text: "附件２：", kind: .attachment, label: "附件2", ordinal: 2),
        Case(text: "附件", kind: .attachment, label: "附件", ordinal: 1),
        Case(text: "附件三", kind: .attachment, label: "附件三", ordinal: 3),
    ])
    func labels(_ c: Case) throws {
        let label = try #require(readLabel(c.text))
        #expect(label.kind == c.kind)
        #expect(label.text == c.label)
        #expect(label.ordinal == c.ordinal)
        #expect(label.subordinal == c.subordinal)
    }

    @Test("not labels: numbers, dates, references and quotes at a paragraph start", arguments: [
        "支持20个县(市、区)新建或改造商贸中心",
        "20个县(市、区)新建",
        "1.5倍",
        "3.3万个",
        "2023年下半年,消费者",
        "２０２３年下半年",
        "2023.11.4",
        "2023、2024年",
        "1000万人以上",
        "依照本法第二十条规定",
        "第二十条规定的情形",
        "第十条第二款规定",
        "第三条、第四条",
        "第五条的规定",
        "第六条之规定",
        "第十条和第十一条",
        "第三十一条的决定》第一次修正",
        "第一百三十三条之一规定的",
        "第三章规定的",
        "“（一）关闭、破坏直接关系生产安全的监控",
        "“第二十条 对行驶中的公共交通工具",
        "(一)至(三)项规定",
        "（一）到（三）项",
        "（一）、（二）项规定的情形",
        "(一)项规定的",
        "(2023)12号",
        "附件:1.山西省消费品以旧换新实施细则",
        "附件：山西省消费品以旧换新实施细则",
        "附则",
        "一是按消费目的分类",
        "十大晋菜",
        "一批重点项目",
        "三个“一号旅游公路”",
        "零、",
        "第零条",
        "(〇)",
        "- 一、 精准把握消费内涵",
        "0.总体",
    ])
    func rejects(_ text: String) {
        #expect(readLabel(text) == nil)
    }

    @Test("the body starts after the separator: space, 　, 、, ．, or directly", arguments: [
        ("(一)鼓励", "鼓励"), ("(一) 鼓励", "鼓励"), ("（一）　鼓励", "鼓励"), ("（一）、鼓励", "鼓励"), ("一、鼓励", "鼓励"),
        ("一．鼓励", "鼓励"), ("1. 鼓励", "鼓励"), ("1、鼓励", "鼓励"), ("第一条　鼓励", "鼓励"), ("①　鼓励", "鼓励"),
    ])
    func bodyStart(text: String, body: String) throws {
        let view = NormalizedText(normalizing: text)
        let paragraph = try #require(view.paragraphs.first)
        let label = try #require(LabelReader(view).label(in: paragraph))
        #expect(view.string(label.bodyStart..<(view.count - 1)) == body)
    }
}
