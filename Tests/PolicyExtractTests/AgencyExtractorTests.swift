import PolicyCore
@testable import PolicyExtract
import Testing
import TestSupport

/// Agency records of `text` as `name→normalized/role`, in text order.
func agencies(_ text: String, region: String? = "山西省", lineMode: TextNormalizer.LineMode = .paragraphs) -> [String] {
    let view = NormalizedText(normalizing: text, lineMode: lineMode)
    let region = region.flatMap { Gazetteer.shared.region(named: $0) }
    let context = ExtractionContext(region: region, level: region?.level ?? .national)
    return RecordExtractor().extract(view, range: 0..<view.count, context: context).compactMap { extraction in
        guard case let .agency(name, normalized, role) = extraction.value else { return nil }
        return "\(name)→\(normalized)/\(role.rawValue)"
    }
}

@Suite("Agencies: responsibility lists")
struct AgencyListTests {
    @Test("lists, roles and separators", arguments: [
        // Shanxi: label, 、 and , separators
        ("(责任单位:省商务厅、省公安厅、省财政厅,各市人民政府)",
         ["省商务厅→山西省商务厅/responsible", "省公安厅→山西省公安厅/responsible", "省财政厅→山西省财政厅/responsible",
          "各市人民政府→山西省各市人民政府/responsible"]),
        // full-width punctuation as in most sources
        ("（责任单位：省住建厅，各市人民政府）", ["省住建厅→山西省住建厅/responsible", "各市人民政府→山西省各市人民政府/responsible"]),
        // trailing 等
        ("(责任单位:省审批服务管理局、省文旅厅、省体育局、省公安厅等)",
         ["省审批服务管理局→山西省审批服务管理局/responsible", "省文旅厅→山西省文旅厅/responsible",
          "省体育局→山西省体育局/responsible", "省公安厅→山西省公安厅/responsible"]),
        // 牵头 and 配合 with a 按职责分工 trailer
        ("（省商务厅牵头，省外办、省贸促会按职责分工配合）",
         ["省商务厅→山西省商务厅/lead", "省外办→山西省外办/cooperating", "省贸促会→山西省贸促会/cooperating"]),
        ("(省商务厅牵头,合肥海关配合)", ["省商务厅→山西省商务厅/lead", "合肥海关→合肥海关/cooperating"]),
        // 参与 is cooperating; 牵头负责 is lead
        ("(省发展改革委牵头负责,省财政厅参与)", ["省发展改革委→山西省发展改革委/lead", "省财政厅→山西省财政厅/cooperating"]),
        // labels for each role
        ("(牵头单位:省商务厅;配合单位:省财政厅、省税务局)",
         ["省商务厅→山西省商务厅/lead", "省财政厅→山西省财政厅/cooperating", "省税务局→山西省税务局/cooperating"]),
        ("(责任单位:省商务厅牵头,省财政厅、省税务局)",
         ["省商务厅→山西省商务厅/lead", "省财政厅→山西省财政厅/responsible", "省税务局→山西省税务局/responsible"]),
        // a label after a time note
        ("（6月底完成，牵头考核单位：市政府办公室、市公安局）",
         ["市政府办公室→市政府办公室/lead", "市公安局→市公安局/lead"]),
        // other labels end the list
        ("（负责部门：人力资源社会保障部、商务部；适用范围：所有自贸试验区）",
         ["人力资源社会保障部→人力资源社会保障部/responsible", "商务部→商务部/responsible"]),
        // nested parentheses inside an item
        ("(责任单位:省民政厅,各县(市、区)人民政府)",
         ["省民政厅→山西省民政厅/responsible", "各县(市、区)人民政府→山西省各县(市、区)人民政府/responsible"]),
        // verb after the list; lists before a verb share its role
        ("(省商务厅负责)", ["省商务厅→山西省商务厅/responsible"]),
        ("(各有关部门和单位,各省级人民政府按职责分工负责)", ["各省级人民政府→山西省各省级人民政府/responsible"]),
        ("(具体由省商务厅负责)", ["省商务厅→山西省商务厅/responsible"]),
        // members of a working group, a quoted label inside an item
        ("(省十大新兴产业推进组工作专班牵头单位牵头,省十大新兴产业推进组工作专班成员单位按职责分工配合)",
         ["省十大新兴产业推进组工作专班牵头单位→山西省十大新兴产业推进组工作专班牵头单位/lead",
          "省十大新兴产业推进组工作专班成员单位→山西省十大新兴产业推进组工作专班成员单位/cooperating"]),
        ("(省推进“三地一区”建设领导小组改革开放新高地执行小组成员单位按职责分工负责)",
         ["省推进“三地一区”建设领导小组改革开放新高地执行小组成员单位→山西省推进“三地一区”建设领导小组改革开放新高地执行小组成员单位/responsible"]),
    ])
    func lists(text: String, expected: [String]) {
        #expect(agencies(text) == expected)
    }

    @Test("national lists: central short names, 等和, 和 inside and between names", arguments: [
        ("（扶贫办、中央统战部、中央和国家机关工委、教育部、卫生健康委、人民银行、国资委、国管局、中央军委政治工作部、全国总工会等和各省级人民政府负责）",
         ["扶贫办→国务院扶贫办", "中央统战部→中央统战部", "中央和国家机关工委→中央和国家机关工委", "教育部→教育部",
          "卫生健康委→国家卫生健康委", "人民银行→中国人民银行", "国资委→国务院国资委", "国管局→国管局",
          "中央军委政治工作部→中央军委政治工作部", "全国总工会→全国总工会", "各省级人民政府→各省级人民政府"]),
        ("（商务部、文化和旅游部和各地方人民政府按职责分工负责）",
         ["商务部→商务部", "文化和旅游部→文化和旅游部", "各地方人民政府→各地方人民政府"]),
        ("（国家发展改革委会同有关部门负责）", ["国家发展改革委→国家发展改革委"]),
        ("（发展改革委、供销合作总社、市场监管总局、广电总局、粮食和储备局等和各有关省级人民政府负责）",
         ["发展改革委→国家发展改革委", "供销合作总社→供销合作总社", "市场监管总局→市场监管总局", "广电总局→广电总局",
          "粮食和储备局→国家粮食和储备局", "各有关省级人民政府→各有关省级人民政府"]),
        ("（负责部门：人民银行、银保监会、外汇局）", ["人民银行→中国人民银行", "银保监会→中国银保监会", "外汇局→国家外汇局"]),
    ])
    func nationalLists(text: String, expected: [String]) {
        #expect(agencies(text, region: nil) == expected.map { $0 + "/responsible" })
    }

    @Test("a list broken across lines in hard-wrapped text is joined by the view")
    func wrappedList() {
        // Shanxi seed, PDF text: full-width digits, hard line breaks, blank lines in between.
        let text = """
            从事二手车经销业务的纳

            税人销售其收购的二手车,２０２３年—２０２７年继续减按０５％征收

            率征收增值税.(责任单位:省商务厅、省财政厅、省税务局,各市

            人民政府)

            存量个人房贷利息负担.支持晋城市开展现房销售试点.(责任

            单位:省住建厅、人行山西省分行、国家金融监督管理总局山西监
             管局,各市人民政府)

            """
        #expect(agencies(text, lineMode: .hardWrapped) == [
            "省商务厅→山西省商务厅/responsible", "省财政厅→山西省财政厅/responsible", "省税务局→山西省税务局/responsible",
            "各市人民政府→山西省各市人民政府/responsible", "省住建厅→山西省住建厅/responsible",
            "人行山西省分行→中国人民银行山西省分行/responsible",
            "国家金融监督管理总局山西监管局→国家金融监督管理总局山西监管局/responsible",
            "各市人民政府→山西省各市人民政府/responsible",
        ])
    }

    @Test("parentheses that are no list", arguments: [
        "(以下简称“信用牵头部门”)",
        "(企业自主负责)",
        "(由各地负责)",
        "(2024年底前完成)",
        "(见附件1)",
        "(市、区)",
    ])
    func notLists(text: String) {
        #expect(agencies(text).allSatisfy { !$0.hasSuffix("/responsible") && !$0.hasSuffix("/lead") })
    }

    @Test("a time note after the verb is no name")
    func timeNote() {
        #expect(agencies("(省发展改革委负责,2024年底前完成)") == ["省发展改革委→山西省发展改革委/responsible"])
    }
}

@Suite("Agencies: mentions in running text")
struct AgencyMentionTests {
    @Test("mentioned bodies in a provincial document", arguments: [
        ("《山西省恢复和扩大消费若干政策措施》已经省人民政府同意,现印发给你们。", ["省人民政府→山西省人民政府"]),
        ("为深入贯彻落实党中央、国务院关于恢复和扩大消费系列决策部署", ["国务院→国务院"]),
        ("对省政府确定支持的其他会展项目采取“一事一议”方式予以补贴。", ["省政府→山西省政府"]),
        ("山西省人民政府办公厅文件", ["山西省人民政府办公厅→山西省人民政府办公厅"]),
        ("省人大常委会办公厅、省政协办公厅要加强监督。", ["省人大常委会办公厅→山西省人大常委会办公厅", "省政协办公厅→山西省政协办公厅"]),
        ("由国家金融监督管理总局山西监管局负责指导。", ["国家金融监督管理总局山西监管局→国家金融监督管理总局山西监管局"]),
        ("经中国人民银行山西省分行同意。", ["中国人民银行山西省分行→中国人民银行山西省分行"]),
        ("省委组织部、省委宣传部联合开展。", ["省委组织部→山西省委组织部", "省委宣传部→山西省委宣传部"]),
        ("国家发展改革委会同有关部门建立工作专班。", ["国家发展改革委→国家发展改革委"]),
        // working groups: long names, quoted labels, a group inside a group
        ("充分利用省推进“三地一区”建设领导小组改革开放新高地执行小组协调机制作用。",
         ["省推进“三地一区”建设领导小组改革开放新高地执行小组→山西省推进“三地一区”建设领导小组改革开放新高地执行小组"]),
        ("由太原市防汛指挥部统一调度。", ["太原市防汛指挥部→太原市防汛指挥部"]),
        ("经省人民代表大会常务委员会批准。", ["省人民代表大会常务委员会→山西省人民代表大会常务委员会"]),
    ])
    func mentioned(text: String, expected: [String]) {
        #expect(agencies(text) == expected.map { $0 + "/mentioned" })
    }

    @Test("mentioned bodies in a national document", arguments: [
        ("目前,环保总局正在对《规划》进行修订,同时将会同发展改革委、财政部、建设部等有关部门认真研究。",
         ["环保总局→国家环保总局", "发展改革委→国家发展改革委", "财政部→财政部", "建设部→建设部"]),
        ("发展改革委、扶贫办、农业农村部、商务部、文化和旅游部、供销合作总社、财政部等部门要加强统筹协调。",
         ["发展改革委→国家发展改革委", "扶贫办→国务院扶贫办", "农业农村部→农业农村部", "商务部→商务部",
          "文化和旅游部→文化和旅游部", "供销合作总社→供销合作总社", "财政部→财政部"]),
        ("经国务院同意,现提出如下意见。", ["国务院→国务院"]),
        ("国家发展改革委办公厅、商务部办公厅印发通知。", ["国家发展改革委办公厅→国家发展改革委办公厅", "商务部办公厅→商务部办公厅"]),
        ("请四川省人民政府抓紧研究。", ["四川省人民政府→四川省人民政府"]),
        ("温家宝总理率国务院有关部门负责同志赴你省考察。", ["国务院→国务院"]),
        ("水利部也表示将积极配合发展改革委等有关部门做好该项目的立项工作。", ["水利部→水利部", "发展改革委→国家发展改革委"]),
        ("振兴东北办会同国资委等有关部门研究提出了办理意见", ["振兴东北办→国务院振兴东北办", "国资委→国务院国资委"]),
        ("按程序报请国务院核准。", ["国务院→国务院"]),
    ])
    func mentionedNationally(text: String, expected: [String]) {
        #expect(agencies(text, region: nil) == expected.map { $0 + "/mentioned" })
    }

    @Test("no body: verbs, classes of bodies, words that end like a suffix", arguments: [
        "推动各市加快解决政府对房企的欠款问题,增加企业流动性。",
        "鼓励各市政府或国有平台公司收购社会房源。",
        "鼓励各商业银行通过与借款人自主协商变更合同约定的利率水平。",
        "省各有关部门要细化相关举措,强化部门协同联动。",
        "各级财政部门、商务部门要加强协作。",
        "贯彻落实省委十二届六次全会精神。",
        "北京市举办的消费季活动取得良好效果。",
        "加快北大医院太原医院等4个国家区域医疗中心建设,推进省中西医结合医院等重点工程建设。",
        "支持晋城市开展现房销售试点。",
        "严格执行我省关于电动汽车充换电服务费的相关政策。",
        "在省内购买新车,持相关手续可享受补贴。",
        "强化部署,省级财政按各市实际财政支出的50%给予补贴。",
        "维护文旅市场秩序。",
        "包头市数字政府建设取得进展。",
        "各地要按照《广东省公共数据管理办法》执行。",
        "组织“房展会”“房博会”等活动,开展“省商务厅杯”比赛。",
        "人行道改造和平台办理事项。",
        "市商务主管部门承担领导小组的日常工作。",
        "由市热线工作机构转办。",
        "省道沿线下一级人民政府负责养护。",
        "市辖区设立监察委员会。",
        "经省人民代表大会常务委员提议。",
        "组织“房展会”“省商务厅杯”活动。",
    ])
    func nothing(text: String) {
        #expect(agencies(text) == [])
    }

    @Test("recipient lines are skipped", arguments: [
        "各市、县人民政府,省人民政府各委、办、厅、局:",
        "各省、自治区、直辖市人民政府,国务院各部委、各直属机构：",
        "抄送:省委各部门,省人大常委会办公厅,省政协办公厅,省法院,省检察院,各人民团体,各新闻单位。",
        "四川省人民政府：",
        "山西省商务厅、山西省财政厅：",
    ])
    func recipients(text: String) {
        #expect(agencies(text) == [])
    }

    @Test("names in titles and document numbers are not mentions")
    func citedNames() {
        #expect(agencies("对《报废机动车回收管理办法实施细则》(商务部令2020年第2号)施行前已取得资质的企业。") == [])
        #expect(agencies("根据《国务院关于投资体制改革的决定》精神,国办发〔2004〕71号文件要求。") == [])
    }
}

@Suite("Agencies: signature blocks")
struct AgencySignatureTests {
    @Test("one issuer above the date; the title line and the 印发 line are mentions")
    func shanxi() {
        let text = """
            山西省人民政府办公厅
            关于印发山西省恢复和扩大消费若干政策措施的通知
            现印发给你们,请认真贯彻执行。
            山西省人民政府办公厅
            ２０２３年１１月４日
            (此件公开发布)
            山西省人民政府办公厅　２０２３年１１月６日印发
            """
        #expect(agencies(text) == [
            "山西省人民政府办公厅→山西省人民政府办公厅/mentioned",
            "山西省人民政府办公厅→山西省人民政府办公厅/issuer",
            "山西省人民政府办公厅→山西省人民政府办公厅/mentioned",
        ])
    }

    @Test("joint documents: issuers one per line, several on a line, names and date on one line", arguments: [
        ("请认真贯彻落实。\n商务部\n国家发展改革委\n2024年8月5日\n", ["商务部→商务部", "国家发展改革委→国家发展改革委"]),
        ("请认真贯彻落实。\n财政部办公厅　商务部办公厅\n2024年5月10日\n", ["财政部办公厅→财政部办公厅", "商务部办公厅→商务部办公厅"]),
        ("请遵照执行。\n国务院办公厅      二〇〇四年八月三十日\n", ["国务院办公厅→国务院办公厅"]),
        ("现印发给你们。\n安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室\n\n　　2022年3月23日\n",
         ["安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室→安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室"]),
        ("请遵照执行。\n山西省商务厅 山西省财政厅\n人行山西省分行\n2023年6月1日\n",
         ["山西省商务厅→山西省商务厅", "山西省财政厅→山西省财政厅", "人行山西省分行→中国人民银行山西省分行"]),
    ])
    func joint(text: String, expected: [String]) {
        #expect(agencies(text) == expected.map { $0 + "/issuer" })
    }

    @Test("a date line after running text or a title is no signature")
    func noSignature() {
        #expect(agencies("国务院办公厅关于以冰雪运动高质量发展激发冰雪经济活力的若干意见\n2024年11月6日\n")
            == ["国务院办公厅→国务院办公厅/mentioned"])
        #expect(agencies("会议强调要抓好落实。\n2024年11月6日\n") == [])
    }
}
