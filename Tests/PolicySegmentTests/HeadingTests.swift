import PolicyCore
@testable import PolicySegment
import Testing

@Suite("Headings: the short title after a label")
struct HeadingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var path: String
        var heading: String?
        var testDescription: String { text.split(separator: "\n").last.map(String.init) ?? text }
    }

    @Test("headings by level", arguments: [
        // 公文: the first sentence when it reads like a title
        Case(text: "(一)鼓励汽车更新换代.2023年下半年,消费者通过省内已备案的二手车企转出汽车.", path: "(一)",
             heading: "鼓励汽车更新换代"),
        Case(text: "（五）加强电动汽车充（换）电基础设施建设。实施县乡村三级充电基础设施全覆盖工程。", path: "(五)",
             heading: "加强电动汽车充(换)电基础设施建设"),
        Case(text: "（七）做好“保交楼”工作。用足用好“保交楼”贷款支持计划。", path: "(七)", heading: "做好“保交楼”工作"),
        Case(text: "一、总体要求\n坚持以习近平新时代中国特色社会主义思想为指导。", path: "一", heading: "总体要求"),
        Case(text: "(一) 消费的基本概念", path: "(一)", heading: "消费的基本概念"),
        Case(text: "1. 消费对于拉动GDP增长具有直接的推动作用", path: "1", heading: "消费对于拉动GDP增长具有直接的推动作用"),
        Case(text: "(一)主要目标:到2027年,服务消费规模稳步扩大。", path: "(一)", heading: "主要目标"),
        // not title-like: a clause, a long sentence, a sentence ending in 的
        Case(text: "(一)各地要结合实际,制定具体措施,加大支持力度。", path: "(一)", heading: nil),
        Case(text: "(二)鼓励有条件的地方结合实际对普惠托育机构给予场地支持和运营补助并开展示范创建活动。其他。", path: "(二)",
             heading: nil),
        Case(text: "(四)编造生产、检验记录的。", path: "(四)", heading: nil),
        Case(text: "(三)" + String(repeating: "很长的标题", count: 10), path: "(三)", heading: nil),
        // Laws: chapters by line, articles only with 【】
        Case(text: "第一章 总  则\n第一条 为了规范网络数据处理活动,制定本条例。", path: "第一章", heading: "总则"),
        Case(text: "第一章\n总则\n第一条 为了规范网络数据处理活动,制定本条例。", path: "第一章", heading: "总则"),
        Case(text: "第一条 为了规范网络数据处理活动,制定本条例。", path: "第一条", heading: nil),
        Case(text: "第一条 适用范围。", path: "第一条", heading: nil),
        Case(text: "第一条【立法目的】为了规范网络数据处理活动,制定本条例。", path: "第一条", heading: "立法目的"),
        Case(text: "第一条（目的和依据）\n为了推进新片区建设，制定本办法。", path: "第一条", heading: "目的和依据"),
        Case(text: "第一条（一）项所列情形除外。", path: "第一条", heading: nil),
        Case(text: "（一）考评以日常监测、实地调研、民意调查、第三方评估等方式进行。每半年考评一次。", path: "(一)", heading: nil),
        Case(text: "第二十一条 网络数据处理者应当告知下列事项:\n（一）网络数据处理者的名称或者姓名和联系方式;", path: "第二十一条/(一)",
             heading: nil),
        Case(text: "第二条 下列情形:\n（四）编造生产、检验记录。", path: "第二条/(四)", heading: nil),
        // Attachments: the title line after the label
        Case(text: "附件1\n山西省消费品以旧换新实施细则\n一、总体要求", path: "附件1", heading: "山西省消费品以旧换新实施细则"),
        // 一是 enumerations
        Case(text: "(一)“数商强基”行动。\n一是培育创新主体。打造一批企业。\n二是构建监测评价体系。建立健全体系。", path: "(一)/一是",
             heading: "培育创新主体"),
        Case(text: "(一)“数商强基”行动。\n一是培育创新主体。打造一批企业。\n二是构建监测评价体系。建立健全体系。", path: "(一)",
             heading: "“数商强基”行动"),
    ])
    func headings(_ c: Case) throws {
        let segmented = Segmented(c.text)
        let clause = try #require(segmented.clause(c.path), "paths: \(segmented.paths)")
        #expect(clause.heading == c.heading)
    }
}
