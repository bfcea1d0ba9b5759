import Foundation
import PolicyCore
@testable import PolicyIngest
import Testing

/// Normalized scalars of a string, as the parsers see them.
func scalars(_ text: String) -> [Unicode.Scalar] {
    let view = NormalizedText(normalizing: text)
    return Array(view.scalars.filter { $0 != "\n" })
}

@Suite("Metadata: dates")
struct DateParserTests {
    @Test("whole-line dates", arguments: [
        ("2024年11月6日", "2024-11-06"),
        ("2024 年 11 月 6 日", "2024-11-06"),
        ("２０２３年１１月４日", "2023-11-04"),
        ("2024年05月06日", "2024-05-06"),
        ("二〇二四年十一月六日", "2024-11-06"),
        ("二○○四年四月二十七日", "2004-04-27"),
        ("二〇二三年十二月三十一日", "2023-12-31"),
        ("(2021年9月2日)", "2021-09-02"),
        ("2024-11-06", "2024-11-06"),
        ("2024.3.5", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
    ])
    func wholeDates(text: String, iso: String) {
        #expect(DateParser.wholeDate(scalars(text)[...])?.iso == iso)
    }

    @Test("not a date line", arguments: [
        "2024年11月", "2024年2月30日", "1800年1月1日", "2024年11月6日印发", "第2024号", "12月31日", "20240-11-06",
        "山西省人民政府办公厅 2023年11月6日印发",
    ])
    func notDates(text: String) {
        #expect(DateParser.wholeDate(scalars(text)[...]) == nil)
    }

    @Test("dates inside a text, in order")
    func datesInText() {
        let found = DateParser.dates(in: scalars("1994年8月31日第八届…通过 根据2009年8月27日…修正 2017年9月1日…第二次修正"))
        #expect(found.map(\.date.iso) == ["1994-08-31", "2009-08-27", "2017-09-01"])
    }
}

@Suite("Metadata: 发文字号")
struct DocNumberParserTests {
    @Test("whole-line numbers, normalized", arguments: [
        ("国发〔2024〕7号", "国发〔2024〕7号"),
        ("国办发〔2024〕49号", "国办发〔2024〕49号"),
        ("晋政办发〔２０２３〕６５号", "晋政办发〔2023〕65号"),
        ("商消费发〔2024〕58 号", "商消费发〔2024〕58号"),
        ("（皖政办秘〔2021〕82号）", "皖政办秘〔2021〕82号"),
        ("国发[2024]7号", "国发〔2024〕7号"),
        ("国发（2024）7号", "国发〔2024〕7号"),
        ("京政发【2023】5号", "京政发〔2023〕5号"),
        ("国发〔2024〕第7号", "国发〔2024〕第7号"),
        ("国办发明电〔2018〕15号", "国办发明电〔2018〕15号"),
        ("国务院令第790号", "国务院令第790号"),
        ("中华人民共和国国务院令 第790号", "国务院令第790号"),
        ("上海市人民政府令（第19号）", "上海市人民政府令第19号"),
        ("商务部令2020年第2号", "商务部令2020年第2号"),
        ("国令第707号", "国令第707号"),
    ])
    func wholeLine(text: String, expected: String) {
        #expect(DocNumberParser.wholeLine(scalars(text)[...]) == expected)
    }

    @Test("not a 发文字号", arguments: [
        "关于印发〔2024〕7号的通知", "国发〔24〕7号", "国发〔2024〕号", "第790号", "2024年7号",
    ])
    func notNumbers(text: String) {
        #expect(DocNumberParser.wholeLine(scalars(text)[...]) == nil)
    }

    @Test("bare decree numbers and decree headers")
    func decreeParts() {
        #expect(DocNumberParser.bareNumber(scalars("第 790号")[...]) == "第790号")
        #expect(DocNumberParser.bareNumber(scalars("（第19号）")[...]) == "第19号")
        #expect(DocNumberParser.bareNumber(scalars("第一章")[...]) == nil)
        #expect(DocNumberParser.decreeHeader(scalars("中华人民共和国国务院令")[...]) == "国务院令")
        #expect(DocNumberParser.decreeHeader(scalars("上海市人民政府令")[...]) == "上海市人民政府令")
        #expect(DocNumberParser.decreeHeader(scalars("命令")[...]) == nil)
    }

    @Test("numbers inside a text", arguments: [
        ("2019年10月22日中华人民共和国国务院令第722号公布", "国务院令第722号"),
        ("《推动大规模设备更新和消费品以旧换新行动方案》(国发〔2024〕7 号)", "国发〔2024〕7号"),
        ("…的决定》修正主席令第73号)", "主席令第73号"),
        ("2003年8月18日食品药品监管局、海关总署第4号令公布", "食品药品监管局、海关总署第4号令"),
    ])
    func inText(text: String, expected: String) {
        #expect(DocNumberParser.first(in: scalars(text))?.number == expected)
    }
}

@Suite("Metadata: document type")
struct DocTypeClassifierTests {
    @Test("type from the title's last word", arguments: [
        ("山西省恢复和扩大消费若干政策措施", "措施"),
        ("国务院办公厅关于以冰雪运动高质量发展激发冰雪经济活力的若干意见", "意见"),
        ("推动大规模设备更新和消费品以旧换新行动方案", "方案"),
        ("数字商务三年行动计划(2024-2026年)", "计划"),
        ("网络数据安全管理条例", "条例"),
        ("个人所得税专项附加扣除暂行办法", "办法"),
        ("医疗机构制剂配制质量管理规范(试行)", "规范"),
        ("中华人民共和国刑法修正案(十一)", "修正案"),
        ("中华人民共和国专利法", "法"),
        ("国务院关于河北雄安新区总体规划(2018—2035年)的批复", "批复"),
        ("国务院办公厅关于科技节水建议的复函", "函"),
        ("关于开展2024年全国“质量月”活动的通知", "通知"),
        ("强化全流程管理 引导技术向善——《人工智能生成合成内容标识办法》解读", "解读"),
        ("国务院关于2018年度国家科学技术奖励的决定", "决定"),
        ("国家粮食应急预案", "预案"),
        ("聚力攻坚 开拓创新", "其他"),
        ("商务部等12部门办公厅(室)关于推广试点经验的通知.pdf", "通知"),
    ])
    func types(title: String, type: String) {
        #expect(DocTypeClassifier.docType(ofTitle: title) == type)
    }

    @Test("a line ending like a title", arguments: [
        ("若干政策措施的通知", true), ("国务院办公厅", false), ("激发冰雪经济活力的若干", false), ("加强质量支撑共建质量强国", false),
    ])
    func endsLikeTitle(text: String, expected: Bool) {
        #expect(DocTypeClassifier.endsLikeTitle(text.scalarArray) == expected)
    }
}

@Suite("Metadata: level and region")
struct LevelResolverTests {
    typealias Placement = LevelResolver.Placement

    @Test("from issuers", arguments: [
        (["山西省人民政府办公厅"], DocumentLevel.provincial, "山西省"),
        (["国务院办公厅"], .national, nil),
        (["中共中央办公厅", "国务院办公厅"], .national, nil),
        (["商务部", "国家发展改革委"], .national, nil),
        (["聊城市商务局"], .municipal, "聊城市"),
        (["阿坝州人民政府办公室"], .municipal, "阿坝藏族羌族自治州"),
        (["北京市经济和信息化局"], .provincial, "北京市"),
        (["太原市小店区人民政府"], .county, "太原市小店区"),
        (["巫山县人民政府"], .county, "巫山县"),
        (["彭水苗族土家族自治县人民代表大会"], .county, "彭水苗族土家族自治县"),
        (["朝阳区人民政府"], .county, "朝阳区"),
        (["山东省人民政府", "商务部"], .provincial, "山东省"),
    ] as [([String], DocumentLevel, String?)])
    func issuers(names: [String], level: DocumentLevel, region: String?) {
        #expect(LevelResolver.resolve(issuers: names, docNumber: nil, title: "") == Placement(level: level, region: region))
    }

    @Test("from the 发文字号 and the title when there are no issuers", arguments: [
        ("晋政办发〔2023〕65号", "", DocumentLevel.provincial, "山西省"),
        ("国发〔2024〕7号", "", .national, nil),
        ("国务院令第790号", "", .national, nil),
        ("", "聊城市文明行为促进条例", .municipal, "聊城市"),
        ("", "山东出台40条措施进一步提振扩大消费", .provincial, "山东省"),
        ("", "中华人民共和国专利法", .national, nil),
        ("", "上海市区县和乡镇人民代表大会代表直接选举实施细则", .provincial, "上海市"),
        ("", "关于开展2024年全国“质量月”活动的通知", .unknown, nil),
        ("", "节约用水条例", .national, nil),
        ("", "行政复议法(2017修正)", .national, nil),
        ("", "中国(上海)自由贸易试验区条例", .unknown, nil),
        ("", "人体损伤程度鉴定标准", .unknown, nil),
        ("", "经营者未经许可不得将其掌握的消费者信息用于商业宣传", .unknown, nil),
    ] as [(String, String, DocumentLevel, String?)])
    func numberAndTitle(number: String, title: String, level: DocumentLevel, region: String?) {
        let placement = LevelResolver.resolve(issuers: [], docNumber: number.isEmpty ? nil : number, title: title)
        #expect(placement == Placement(level: level, region: region))
    }
}

@Suite("Metadata: names of bodies and signatures")
struct OrganizationNamesTests {
    @Test("names of bodies", arguments: [
        ("国务院办公厅", true), ("商务部", true), ("国家金融监督管理总局办公厅", true), ("全国人民代表大会常务委员会", true),
        ("山西省人民政府办公厅", true), ("供销合作总社", true), ("商务部等9部门", false), ("关于印发通知", false),
        ("市长", false), ("网络数据安全管理条例", false),
    ])
    func isOrganization(name: String, expected: Bool) {
        #expect(OrganizationNames.isOrganization(name) == expected)
    }

    @Test("signature lines keep their spaces in the source")
    func issuerLines() {
        #expect(OrganizationNames.issuerLine("商务部 国家发展改革委 工业和信息化部 ") == ["商务部", "国家发展改革委", "工业和信息化部"])
        #expect(OrganizationNames.issuerLine("国务院办公厅            ") == ["国务院办公厅"])
        #expect(OrganizationNames.issuerLine("商务部等 9 部门") == nil)
        #expect(OrganizationNames.signerLine("总理  李强         ")?.office == "总理")
        #expect(OrganizationNames.signerLine("市长　应勇")?.office == "市长")
        #expect(OrganizationNames.signerLine("市商务局党组书记、局长 盛 强")?.body == "市商务局")
        #expect(OrganizationNames.signerLine("第一条 为了规范") == nil)
    }

    @Test("short forms of news reports", arguments: [
        ("中办国办", ["中共中央办公厅", "国务院办公厅"]), ("国务院、中央军委", ["国务院", "中央军委"]), ("国办", ["国务院办公厅"]),
    ])
    func shortForms(text: String, expected: [String]) {
        #expect(OrganizationNames.expand(text) == expected)
    }

    @Test("central and local bodies", arguments: [
        ("商务部办公厅", true), ("国家发展改革委", true), ("市场监管总局", true), ("省商务厅", false), ("太原市人民政府", false),
    ])
    func central(name: String, expected: Bool) {
        #expect(OrganizationNames.isCentral(name) == expected)
    }
}

@Suite("Metadata: titles")
struct TitleRulesTests {
    @Test("the plan a notice transmits", arguments: [
        ("山西省人民政府办公厅关于印发山西省恢复和扩大消费若干政策措施的通知", "山西省恢复和扩大消费若干政策措施"),
        ("国务院关于印发《推动大规模设备更新和消费品以旧换新行动方案》的通知", "推动大规模设备更新和消费品以旧换新行动方案"),
        ("商务部等9部门印发《关于完善现代商贸流通体系推动批发零售业高质量发展的行动计划》的通知",
         "关于完善现代商贸流通体系推动批发零售业高质量发展的行动计划"),
    ])
    func transmitted(notice: String, plan: String) {
        #expect(TitleRules.transmittedTitle(notice) == plan)
    }

    @Test("no transmitted plan")
    func notTransmitted() {
        #expect(TitleRules.transmittedTitle("国务院办公厅关于发展银发经济增进老年人福祉的意见") == nil)
        #expect(TitleRules.transmittedTitle("国务院办公厅转发国家发展改革委关于恢复和扩大消费措施的通知") == nil)
    }

    @Test("news headlines announcing a document")
    func announcements() {
        let found = TitleRules.announcement("中办国办印发《提振消费专项行动方案》")
        #expect(found?.issuers == ["中共中央办公厅", "国务院办公厅"])
        #expect(found?.title == "提振消费专项行动方案")
        #expect(TitleRules.announcement("强化全流程管理 引导技术向善") == nil)
        #expect(TitleRules.announcement("解读《若干政策措施》") == nil)
    }

    @Test("titles compare without spaces, brackets and width")
    func comparison() {
        #expect(TitleRules.sameTitle("数字商务三年行动计划（2024-2026 年）", "数字商务三年行动计划(2024-2026年)"))
        #expect(TitleRules.sameTitle("《区域全面经济伙伴关系协定》", "区域全面经济伙伴关系协定"))
        #expect(!TitleRules.sameTitle("方案", "措施"))
        #expect(TitleRules.collapsingLetterSpacing("国 务 院 工 作 规 则") == "国务院工作规则")
        #expect(TitleRules.collapsingLetterSpacing("强化全流程管理 引导技术向善") == "强化全流程管理 引导技术向善")
    }
}
