import PolicyCore
@testable import PolicyExtract
import Testing
import TestSupport

/// Citation records of `text` as `title|doc number` with the source text of each record.
func citations(_ text: String, lineMode: TextNormalizer.LineMode = .paragraphs) -> [String] {
    let source = SourceText(path: "-", text: text)
    let view = TextNormalizer(lineMode: lineMode).normalize(source)
    return RecordExtractor().extract(view, range: 0..<view.count, context: ExtractionContext()).compactMap { extraction in
        guard case let .citation(title, docNumber, target) = extraction.value, target == nil else { return nil }
        return "\(title ?? "-")|\(docNumber ?? "-")@\(source[view.sourceSpan(of: extraction.range)])"
    }
}

@Suite("Citations: extraction")
struct CitationExtractorTests {
    @Test("titles with and without a document number", arguments: [
        ("按照《推动大规模设备更新和消费品以旧换新行动方案》（国发〔2024〕7号）要求",
         ["推动大规模设备更新和消费品以旧换新行动方案|国发〔2024〕7号@《推动大规模设备更新和消费品以旧换新行动方案》（国发〔2024〕7号）"]),
        ("对«报废机动车回收管理办法实施细则»(商务部令２０２０年第２号)施行前已取得资质的企业",
         ["报废机动车回收管理办法实施细则|商务部令2020年第2号@«报废机动车回收管理办法实施细则»(商务部令２０２０年第２号)"]),
        ("«山西省恢复和扩大消费若干政策措施»已经省人民政府同意", ["山西省恢复和扩大消费若干政策措施|-@«山西省恢复和扩大消费若干政策措施»"]),
        ("依据《中华人民共和国个人信息保护法》", ["中华人民共和国个人信息保护法|-@《中华人民共和国个人信息保护法》"]),
        // the parentheses go on after the number: the record ends at the closing parenthesis
        ("按照《国务院关于投资体制改革的决定》（国发〔2004〕20号，以下简称《决定》）精神",
         ["国务院关于投资体制改革的决定|国发〔2004〕20号@《国务院关于投资体制改革的决定》（国发〔2004〕20号，以下简称《决定》）"]),
        ("上报的《关于2005年退耕还林计划的请示》（发改农经〔2004〕1933号）已经国务院批准",
         ["关于2005年退耕还林计划的请示|发改农经〔2004〕1933号@《关于2005年退耕还林计划的请示》（发改农经〔2004〕1933号）"]),
        // a number with a space in PDF text, and 令 numbers
        ("《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令第 58号）",
         ["失信行为纠正后的信用信息修复管理办法(试行)|国家发展改革委令第58号@《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令第 58号）"]),
        // several titles
        ("贯彻《中华人民共和国网络安全法》《中华人民共和国数据安全法》",
         ["中华人民共和国网络安全法|-@《中华人民共和国网络安全法》", "中华人民共和国数据安全法|-@《中华人民共和国数据安全法》"]),
        ("《关于推进夜间经济繁荣发展的十条措施》、《关于发放青年兴聊专项消费券的通知》（聊商务字〔2024〕4号）",
         ["关于推进夜间经济繁荣发展的十条措施|-@《关于推进夜间经济繁荣发展的十条措施》",
          "关于发放青年兴聊专项消费券的通知|聊商务字〔2024〕4号@《关于发放青年兴聊专项消费券的通知》（聊商务字〔2024〕4号）"]),
        // a title inside a title belongs to it
        ("《国务院关于印发〈推动大规模设备更新和消费品以旧换新行动方案〉的通知》（国发〔2024〕7 号）",
         ["国务院关于印发〈推动大规模设备更新和消费品以旧换新行动方案〉的通知|国发〔2024〕7号@《国务院关于印发〈推动大规模设备更新和消费品以旧换新行动方案〉的通知》（国发〔2024〕7 号）"]),
        // trailing (试行) / (2024-2026年)
        ("《数字商务三年行动计划（2024-2026 年）》", ["数字商务三年行动计划(2024-2026年)|-@《数字商务三年行动计划（2024-2026 年）》"]),
        ("《全面与进步跨太平洋伙伴关系协定》", ["全面与进步跨太平洋伙伴关系协定|-@《全面与进步跨太平洋伙伴关系协定》"]),
    ])
    func titles(text: String, expected: [String]) {
        #expect(citations(text) == expected)
    }

    @Test("document numbers alone", arguments: [
        ("根据国发〔2024〕7号文件精神", ["-|国发〔2024〕7号@国发〔2024〕7号"]),
        ("转发国办发〔2023〕65号", ["-|国办发〔2023〕65号@国办发〔2023〕65号"]),
        ("按照商务部令2020年第2号执行", ["-|商务部令2020年第2号@商务部令2020年第2号"]),
        ("依据国务院令第790号", ["-|国务院令第790号@国务院令第790号"]),
        ("见国家税务总局公告2024年第1号", ["-|国家税务总局公告2024年第1号@国家税务总局公告2024年第1号"]),
        ("（财办建〔2022〕18号、财办建〔2023〕25号）",
         ["-|财办建〔2022〕18号@财办建〔2022〕18号", "-|财办建〔2023〕25号@财办建〔2023〕25号"]),
        ("依据鲁政发[2023]8号", ["-|鲁政发[2023]8号@鲁政发[2023]8号"]),
        // a title run into the number when the line break is lost
        ("国家教材委员会组成人员的通知国办发〔2018〕109号", ["-|国办发〔2018〕109号@国办发〔2018〕109号"]),
    ])
    func numbers(text: String, expected: [String]) {
        #expect(citations(text) == expected)
    }

    @Test("not citations", arguments: [
        // the document's own number in its header, and metadata
        "晋政办发〔２０２３〕６５号",
        "发文字号：国办发〔2018〕129号",
        "（皖开放办〔2022〕6号）",
        "《总体规划》实施中涉及的重大事项",
        // abbreviations of a title named before
        "（以下简称《条例》）",
        "《规划》基本包括了你省主要水污染治理任务",
        "按《汇报》的意见办理",
        "贯彻本《办法》",
        "落实《若干政策措施》",
        // books, newspapers, periodicals, reports without a kind of document, campaigns
        "阅读《红楼梦》和《习近平谈治国理政》",
        "《人民日报》《经济日报》刊发评论",
        "在《求是》杂志发表文章",
        "《2023湖北质量状况》显示",
        "观看《舌尖上的中国》",
        "《孙子兵法》",
        // numbers that are no document numbers
        "2024年12月底前完成第2号任务",
        "命令第3号",
        "(2024-2026年)",
    ])
    func notCitations(text: String) {
        #expect(citations(text) == [])
    }

    @Test("titles wrapped across lines keep their source text")
    func wrapped() {
        // Shanxi seed, PDF text.
        let text = """
            (三)支持报废机动车回收利用.取消报废机动车回收拆解企

            业准入数量限制,对«报废机动车回收管理办法实施细则»(商务部

            令２０２０年第２号)施行前已取得资质的企业,加快完成资质再认

            定.
            """
        #expect(citations(text, lineMode: .hardWrapped) == [
            "报废机动车回收管理办法实施细则|商务部令2020年第2号@«报废机动车回收管理办法实施细则»(商务部\n\n令２０２０年第２号)",
        ])
    }
}

@Suite("Citations: which titles are documents")
struct CitationTitleRuleTests {
    @Test("rule", arguments: [
        ("中华人民共和国个人信息保护法", true), ("公司法", true), ("民法典", true), ("宪法", true), ("刑法", true), ("方法", false),
        ("政府工作报告", true), ("关于恢复和扩大消费的措施", true), ("数字经济伙伴关系协定", true),
        ("个体工商户分型分类精准帮扶总体方案(试行)", true), ("数字商务三年行动计划(2024-2026年)", true),
        ("条例", false), ("若干政策措施", false), ("本办法", false), ("人民日报", false), ("中国青年报", false),
        ("求是", false), ("红楼梦", false), ("孙子兵法", false), ("2023湖北质量状况", false),
    ])
    func rule(title: String, expected: Bool) {
        #expect(CitedTitleRule.isCitation(title: Array(title.unicodeScalars), hasDocumentNumber: false,
                                          afterAbbreviationMarker: false) == expected)
    }
}
