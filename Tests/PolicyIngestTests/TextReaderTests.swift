import Foundation
import PolicyCore
@testable import PolicyIngest
import Testing
import TestSupport

/// Ingests an in-memory text (UTF-8) under `path`.
func ingest(_ text: String, path: String = "test.txt") throws -> IngestedFile {
    try FileIngestor().ingest(data: Data(text.utf8), path: path)
}

extension IngestedFile {
    /// The source text a document's span covers.
    func text(of draft: DocumentDraft) -> String { source[draft.document.span] }
    /// The normalized body of a document (what the segmenter reads).
    func body(of draft: DocumentDraft) -> String { normalized.string(draft.bodyStart..<draft.range.upperBound) }
}

@Suite("Reading: plain text and Markdown")
struct TextReaderTests {
    @Test("database export header lines become metadata and leave the normalized view")
    func exportHeader() throws {
        let text = """
                【法宝引证码】 CLI.12.5115678\r
            原文链接：https://www.pkulaw.com/lar/ea5258e56c60aba96802bb670d6bf530bdfb.html\r
            包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知\r
            包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知\r
            包府办发〔2022〕43号\r
            各旗、县、区人民政府，稀土高新区管委会：\r
            　　现将《包头市2022年数字政府建设考评办法》印发给你们，请认真贯彻执行。\r
            包头市人民政府办公室\r
            2022年4月14日\r
            　　包头市2022年数字政府建设考评办法\r
            　　一、考评对象\r

            """
        let file = try ingest(text, path: "export.txt")
        let document = try #require(file.documents.first).document
        #expect(document.metadata("法宝引证码") == "CLI.12.5115678")
        #expect(document.metadata("原文链接") == "https://www.pkulaw.com/lar/ea5258e56c60aba96802bb670d6bf530bdfb.html")
        #expect(!file.normalized.string.contains("法宝"))
        #expect(!file.normalized.string.contains("pkulaw"))
        #expect(document.title == "包头市2022年数字政府建设考评办法")
        #expect(document.docNumber == "包府办发〔2022〕43号")
        #expect(document.issuers == ["包头市人民政府办公室"])
        #expect(document.date == CivilDate(year: 2022, month: 4, day: 14))
        #expect(document.level == .municipal && document.region == "包头市")
        #expect(document.metadata("通知标题") == "包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知")
        // The source text keeps everything, CRLF included; the span starts at the title.
        #expect(file.source.text == text)
        #expect(file.text(of: try #require(file.documents.first)).hasPrefix("包头市人民政府办公室关于印发"))
    }

    static let law = """
        ---
        bookHidden: true
        ---

        # 中华人民共和国民法典 <!-- 法律的标题 -->

        # 总则

        2020年5月28日 第十三届全国人民代表大会第三次会议通过

        2021年1月1日 施行

        <!-- INFO END -->

        ## 第一章  基本规定

        第一条 为了保护民事主体的合法权益，制定本法。

        第二条 民法调整平等主体之间的人身关系和财产关系。

        """

    @Test("Markdown: front matter, comments and heading markers leave the view; info lines become metadata")
    func markdownLaw() throws {
        let file = try ingest(Self.law, path: "民法典/总则(2020-05-28).md")
        #expect(file.format == .markdown)
        let draft = try #require(file.documents.first)
        let document = draft.document
        #expect(file.documents.count == 1)
        #expect(document.title == "中华人民共和国民法典")
        #expect(document.metadata("副标题") == "总则")
        #expect(document.metadata("bookHidden") == "true")
        #expect(document.metadata("施行日期") == "2021-01-01")
        #expect(document.date == CivilDate(year: 2020, month: 5, day: 28))
        #expect(document.issuers == ["全国人民代表大会"])
        #expect(document.level == .national)
        #expect(document.docType == "法")
        let view = file.normalized.string
        #expect(!view.contains("#") && !view.contains("<!--") && !view.contains("bookHidden"))
        #expect(view.contains("第一章基本规定\n"))
        // The segmenter starts after the info lines.
        #expect(file.body(of: draft).hasPrefix("第一章基本规定\n第一条"))
    }

    @Test("Markdown: the decree number of the info lines, the file name's date as a fallback")
    func markdownDecree() throws {
        let decree = """
            # 优化营商环境条例

            2019年10月22日 中华人民共和国国务院令第722号公布

            2020年1月1日 施行

            <!-- INFO END -->

            ## 第一章 总则

            第一条 为了持续优化营商环境，制定本条例。

            """
        let document = try #require(try ingest(decree, path: "行政法规/优化营商环境条例(2019-10-22).md").documents.first).document
        #expect(document.docNumber == "国务院令第722号")
        #expect(document.id == "国务院令第722号")
        #expect(document.issuers == ["国务院"])
        #expect(document.date == CivilDate(year: 2019, month: 10, day: 22))
        #expect(document.metadata("施行日期") == "2020-01-01")

        let undated = "# 上海市燃气管理条例\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了加强本市燃气管理，制定本条例。\n"
        let fallback = try #require(try ingest(undated, path: "上海市燃气管理条例(2018-12-20).md").documents.first).document
        #expect(fallback.date == CivilDate(year: 2018, month: 12, day: 20))
        #expect(fallback.level == .provincial && fallback.region == "上海市")
    }

    @Test("a Markdown file with only front matter holds no document and says so")
    func emptyIndex() throws {
        let file = try ingest("---\nbookCollapseSection: true\n---\n", path: "刑法/_index.md")
        #expect(file.documents.isEmpty)
        #expect(file.diagnostics.map(\.message) == ["no document text found"])
    }

    @Test("document spans index the source text, also with CRLF and CR line ends")
    func spansWithMixedEndings() throws {
        let data = try Data(contentsOf: TestPaths.fixture("ingest/gbk-notice-mixed-endings.txt"))
        let file = try FileIngestor().ingest(data: data, path: "gbk.txt")
        #expect(file.encoding == "GB18030")
        let draft = try #require(file.documents.first)
        #expect(draft.document.docNumber == "晋政办发〔2023〕65号")
        #expect(draft.document.title == "山西省人民政府办公厅关于印发山西省恢复和扩大消费若干政策措施的通知")
        #expect(draft.document.date == CivilDate(year: 2023, month: 11, day: 4))
        #expect(file.text(of: draft).hasPrefix("山西省人民政府办公厅文件\r\n"))
        #expect(file.text(of: draft).hasSuffix("2023年11月4日\r\n"))
    }
}

@Suite("Reading: page furniture of PDF text")
struct PageFurnitureTests {
    @Test("page marks", arguments: [
        ("31", true), ("20 ", true), ("— 1 —", true), ("- 2 -", true), ("－ 12 －", true), ("第3页", true),
        ("第3页共20页", true), ("3/20", true), ("2024", false), ("101501", false), ("一、", false), ("第一章", false),
        ("30万元", false), ("0", false),
    ])
    func marks(line: String, isMark: Bool) {
        #expect((PageFurniture.pageMark(line.scalarArray[...]) != nil) == isMark)
    }

    @Test("page numbers and a running footer leave the view; a sentence broken by a page joins up")
    func furniture() throws {
        let line = "为深入贯彻落实党中央、国务院关于恢复和扩大消费的决策部署，加快释放消费潜力，着"
        var text = "关于恢复和扩大消费的若干措施\n\n各市人民政府：\n\n"
        for page in 1...3 {
            text += String(repeating: line + "\n\n", count: 4)
            text += "力扩大有效需求，推动经济持续回升向好，现提出如下措施。\n\nCCAGM\n\n\(page)\n\n"
        }
        text += "一、总体要求\n"
        let file = try ingest(text)
        let view = file.normalized.string
        #expect(!view.contains("CCAGM"))
        #expect(!view.contains("\n1\n") && !view.contains("\n2\n"))
        #expect(view.contains("着力扩大有效需求"))
    }

    @Test("a column of numbers is a table, not page numbers; a signature repeated across documents stays")
    func notFurniture() throws {
        let text = "指标\n10\n20\n30\n\n国务院办公厅\n2024年1月1日\n\n国务院办公厅\n2024年2月1日\n\n国务院办公厅\n2024年3月1日\n"
        let drops = PageFurniture.ranges(in: SourceText(path: "t", text: text), excluding: [])
        #expect(drops.isEmpty)
    }
}
