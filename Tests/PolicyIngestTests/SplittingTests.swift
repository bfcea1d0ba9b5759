import Foundation
import PolicyCore
@testable import PolicyIngest
import Testing
import TestSupport

@Suite("Splitting files into documents")
struct SplittingTests {
    /// A compilation in the shape of seed 004: catalogue title, date line, the document's own
    /// heading, 发文字号, body, signature; a 印发 notice with the plan it transmits; a decree.
    static let compilation = """
        党中央、国务院文件

        国务院办公厅关于发展银发经济增进老年人福祉的意见

        2024 年 1 月 11 日

        国务院办公厅关于发展银发经济

        增进老年人福祉的意见

        国办发〔2024〕1号

        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：

        一、总体要求

        发展银发经济，增进老年人福祉。

        国务院办公厅

        2024年 1月 11日

        （此件公开发布）

        部委相关文件

        推动消费品以旧换新行动方案

        2024 年 3 月 27 日

        商务部等 14 部门关于印发《推动消费品以旧换新行动方案》的通知

        商消费发〔2024〕58 号

        各省、自治区、直辖市人民政府：

        现将《推动消费品以旧换新行动方案》印发给你们，请认真贯彻执行。

        商务部 国家发展改革委 工业和信息化部

        2024 年 3 月 27 日

        推动消费品以旧换新行动方案

        一、汽车以旧换新

        二、家电以旧换新

        网络数据安全管理条例

        2024 年 9 月 24 日

        中华人民共和国国务院令

        第 790号

        《网络数据安全管理条例》已经国务院常务会议通过，现予公布。

        总理  李强

        2024年 9月 24日

        网络数据安全管理条例

        第一章 总  则

        第一条 为了规范网络数据处理活动，制定本条例。

        """

    @Test("a compilation yields each document with its title, number, date and issuers")
    func compilation() throws {
        let file = try ingest(Self.compilation, path: "compilation.txt")
        let documents = file.documents.map(\.document)
        #expect(documents.map(\.title) == ["国务院办公厅关于发展银发经济增进老年人福祉的意见", "推动消费品以旧换新行动方案", "网络数据安全管理条例"])
        #expect(documents.map(\.docNumber) == ["国办发〔2024〕1号", "商消费发〔2024〕58号", "国务院令第790号"])
        #expect(documents.map { $0.date?.iso } == ["2024-01-11", "2024-03-27", "2024-09-24"])
        #expect(documents.map(\.issuers) == [["国务院办公厅"], ["商务部", "国家发展改革委", "工业和信息化部"], ["国务院"]])
        #expect(documents.map(\.docType) == ["意见", "方案", "条例"])
        #expect(documents[1].metadata("通知标题") == "商务部等14部门关于印发《推动消费品以旧换新行动方案》的通知")
        // Section labels belong to no document; spans follow each other.
        for draft in file.documents {
            #expect(!file.text(of: draft).contains("部委相关文件"))
            #expect(!file.text(of: draft).hasPrefix("党中央"))
        }
        #expect(file.text(of: file.documents[0]).hasPrefix("国务院办公厅关于发展银发经济增进老年人福祉的意见"))
        #expect(file.text(of: file.documents[1]).hasSuffix("二、家电以旧换新\n"))
        let spans = documents.map(\.span)
        #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.end <= $1.start })
        // The segmenter starts after the addressees.
        #expect(file.body(of: file.documents[0]).hasPrefix("一、总体要求"))
        #expect(file.body(of: file.documents[2]).hasPrefix("《网络数据安全管理条例》已经"))
    }

    @Test("a text that quotes official documents after a long stretch of its own is one document")
    func quotingDocument() throws {
        let own = String(repeating: "消费是拉动经济增长的重要引擎，要把恢复和扩大消费摆在优先位置。\n\n", count: 8)
        let text = "聚力攻坚 开拓创新\n\n市商务局党组书记、局长 盛 强\n\n2024年3月30日\n\n" + own
            + "国务院文件\n\n国发〔2024〕7号\n\n国务院关于印发《推动大规模设备更新和消费品以旧换新行动方案》的通知\n\n各省人民政府：\n\n现将方案印发给你们。\n\n"
            + "聊城市商务局在聊城市推动消费，聊城市各县市区参与。\n"
        let file = try ingest(text, path: "slides.txt")
        #expect(file.documents.count == 1)
        let document = try #require(file.documents.first).document
        #expect(document.title == "聚力攻坚 开拓创新")
        #expect(document.date == CivilDate(year: 2024, month: 3, day: 30))
        #expect(document.issuers == ["聊城市商务局"])
        #expect(document.level == .municipal && document.region == "聊城市")
    }

    @Test("news: a headline announcing a plan, a byline starting an article, a dateline ending one")
    func news() throws {
        let text = """
            # 中办国办印发《提振消费专项行动方案》

            （接1版）

            （三）多措并举促进农民增收。健全种粮农民收益保障机制。

            （四）扎实解决拖欠账款问题。加快推进落实偿还拖欠企业账款工作。

            新华社记者 魏玉坤 严赋憬

            提振消费是扩大内需、做大做强国内大循环的重中之重。中共中央办公厅、国务院办公厅近日印发的《提振消费专项行动方案》16日对外发布。

            （新华社北京3月16日电）

            # 强化全流程管理 引导技术向善

            ## ——《人工智能生成合成内容标识办法》解读

            新华社记者 王思北

            近日，国家互联网信息办公室等四部门联合发布《人工智能生成合成内容标识办法》。

            （新华社北京3月16日电）

            3月15日，船只航行在长江巫峡水域。新华社发

            """
        let file = try ingest(text, path: "paper.txt")
        let documents = file.documents.map(\.document)
        #expect(documents.map(\.title) == ["提振消费专项行动方案", "", "强化全流程管理 引导技术向善——《人工智能生成合成内容标识办法》解读"])
        #expect(documents.map(\.docType) == ["方案", "新闻", "解读"])
        #expect(documents[0].issuers == ["中共中央办公厅", "国务院办公厅"])
        #expect(documents[0].level == .national)
        #expect(Set(documents.map(\.id)).count == 3)
        #expect(file.text(of: file.documents[1]).hasPrefix("新华社记者"))
        #expect(file.text(of: file.documents[2]).hasSuffix("（新华社北京3月16日电）\n"))
        #expect(file.diagnostics.contains { $0.message == "document without a title" && $0.line == 9 })
        // The photo caption after the last dateline belongs to no document.
        #expect(!file.documents.contains { file.text(of: $0).contains("船只") })
    }

    @Test("a newspaper page without a headline at its top takes the line that reads as one")
    func newspaperPage() throws {
        let text = "青岛财经日报/首页新闻讯 昨日，山东省政府新闻办举办政策例行吹风会。\n\n"
            + "多方位提振消费\n\n《若干政策措施》突出增加优质供给、降低消费成本。\n\n山东出台40条措施进一步提振扩大消费\n\n"
        let document = try #require(try ingest(text, path: "paper.txt").documents.first).document
        #expect(document.title == "山东出台40条措施进一步提振扩大消费")
        #expect(document.docType == "新闻")
        #expect(document.level == .provincial && document.region == "山东省")
    }
}
