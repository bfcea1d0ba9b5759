import Foundation
import PolicyCore
import PolicyIngest
import Testing
import TestSupport

/// Tests over the real files in `../shared/corpora` (skipped when they are absent).
@Suite("Real corpora")
struct CorpusTests {
    static func files(_ folder: String, extensions: Set<String>) -> [URL] {
        let root = TestPaths.corpora.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { extensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }

    /// The value cell after a key cell of the gov.cn table, read straight from the markup.
    static func tableValue(_ key: String, in html: String) -> String? {
        guard let keyRange = html.range(of: key) else { return nil }
        let rest = html[keyRange.upperBound...]
        guard let open = rest.range(of: "<td"), let start = rest[open.upperBound...].range(of: ">"),
              let close = rest[start.upperBound...].range(of: "</td>") else { return nil }
        return String(rest[start.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("all 60 gov.cn pages: one document, the article only, metadata from the table")
    func govcnPages() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let pages = Self.files("govcn-html", extensions: ["html"])
        #expect(pages.count == 60)
        for page in pages {
            let html = try String(contentsOf: page, encoding: .utf8)
            let file = try FileIngestor().ingest(path: page.path)
            let name = page.lastPathComponent
            try #require(file.documents.count == 1, "\(name)")
            let draft = file.documents[0], document = draft.document
            let body = file.body(of: draft)
            #expect(body.count > 50, "\(name): body")
            #expect(!file.text(of: draft).contains("扫一扫"), "\(name): page chrome in the document")
            #expect(!document.title.isEmpty, "\(name): title")
            let number = try #require(Self.tableValue("发文字号：", in: html))
            #expect(document.docNumber == number, "\(name): 发文字号")
            let issuers = try #require(Self.tableValue("发文机关：", in: html)).split(separator: "、").map(String.init)
            #expect(document.issuers == issuers, "\(name): 发文机关")
            let written = try #require(Self.tableValue("成文日期：", in: html))
            #expect(document.date.map { "\($0.year)年\($0.month < 10 ? "0" : "")\($0.month)月\($0.day < 10 ? "0" : "")\($0.day)日" } == written,
                    "\(name): 成文日期")
            #expect(document.level == .national, "\(name): level")
            #expect(document.metadata("索引号") != nil, "\(name): 索引号")
        }
    }

    @Test("all DOCX in both folders: one document with a title and a body; altChunk bodies are found")
    func docx() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let files = Self.files("docx", extensions: ["docx"])
        #expect(files.count == 49)
        for url in files {
            let file = try FileIngestor().ingest(path: url.path)
            let name = url.lastPathComponent
            try #require(file.documents.count == 1, "\(name)")
            let draft = file.documents[0]
            #expect(file.body(of: draft).count > 500, "\(name): body")
            #expect(draft.document.title.hasPrefix("中华人民共和国") || draft.document.title.hasPrefix("全国人民代表大会"), "\(name): \(draft.document.title)")
            #expect(draft.document.level == .national, "\(name)")
            #expect(draft.document.docType == "法" || draft.document.docType == "决定", "\(name)")
        }
    }

    @Test("altChunk laws agree with information.json where the text states the same facts")
    func altChunkInformation() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        var compared = 0
        for url in Self.files("docx/altchunk", extensions: ["docx"]) {
            let info = url.deletingLastPathComponent().appendingPathComponent("information.json")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: info)) as? [String: String] ?? [:]
            let file = try FileIngestor().ingest(path: url.path)
            let document = try #require(file.documents.first).document
            if let number = json["reference_number"], file.source.text.contains(number) {
                #expect(document.docNumber == number, "\(url.lastPathComponent)")
            }
            // The enactment date the JSON names is one of the history's dates when the text states it.
            if let enacted = json["date_of_enactment"], file.source.text.contains(enacted) {
                let history = ["通过日期", "公布日期", "修正日期"].compactMap { document.metadata($0) }.joined(separator: "、")
                let iso = try #require(DateParserProbe.iso(enacted))
                #expect(history.contains(iso) || document.date?.iso == iso, "\(url.lastPathComponent): \(enacted) not in \(history)")
                compared += 1
            }
        }
        #expect(compared >= 20)
    }

    @Test("all pkulaw exports: header lines as metadata, title, number, issuers and date")
    func pkulaw() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let files = Self.files("pkulaw-txt", extensions: ["txt"])
        #expect(files.count == 8)
        for url in files {
            let file = try FileIngestor().ingest(path: url.path)
            let name = url.lastPathComponent
            try #require(file.documents.count == 1, "\(name)")
            let document = file.documents[0].document
            #expect(document.metadata("法宝引证码")?.hasPrefix("CLI.") == true, "\(name)")
            #expect(document.metadata("原文链接")?.hasPrefix("https://www.pkulaw.com/") == true, "\(name)")
            #expect(!file.normalized.string.contains("法宝引证码"), "\(name)")
            #expect(!document.title.isEmpty && document.docNumber != nil && document.date != nil, "\(name): \(document)")
            #expect(!document.issuers.isEmpty, "\(name): issuers")
            #expect(document.level == .provincial || document.level == .municipal, "\(name): level")
            #expect(file.body(of: file.documents[0]).count > 1000, "\(name): body")
        }
    }

    @Test("GBK and GB18030 files read exactly like their UTF-8 originals", arguments: [
        ("gbk/广东省公共数据管理办法.gbk.txt", "pkulaw-txt/广东省公共数据管理办法(FBM-CLI.11.4619854).txt"),
        ("gbk/包头市2022年数字政府建设考评办法.gb18030.txt", "pkulaw-txt/包头市人民政府办公室关于印发《包头市2022年数...(FBM-CLI.12.5115678).txt"),
        ("gbk/山东省消费者权益保护条例.gbk.md", "laws-md/DLC/山东地方法规/地方性法规/山东/山东省消费者权益保护条例(2017-03-29).md"),
        ("gbk/消费者权益保护法.gb18030.md", "laws-md/民法商法/消费者权益保护法(2013-10-25).md"),
        ("gbk/国办发〔2018〕129号_消费扶贫指导意见.gb2312-declared.html", "govcn-html/009_content_5357723.html"),
    ])
    func gbk(encoded: String, original: String) throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let a = try FileIngestor().ingest(path: TestPaths.corpora.appendingPathComponent(encoded).path)
        let b = try FileIngestor().ingest(path: TestPaths.corpora.appendingPathComponent(original).path)
        #expect(a.encoding == "GB18030")
        #expect(a.normalized.string == b.normalized.string)
        #expect(a.documents.count == 1 && b.documents.count == 1)
        var left = a.documents[0].document, right = b.documents[0].document
        (left.source, right.source, left.id, right.id) = ("", "", "", "")
        #expect(left.title == right.title && left.docNumber == right.docNumber && left.date == right.date && left.issuers == right.issuers)
    }

    @Test("every Markdown file of laws-md parses; every one with text yields a titled document")
    func lawsMarkdown() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let files = Self.files("laws-md", extensions: ["md"])
        #expect(files.count == 3504)
        var documents = 0, dated = 0, numbered = 0
        for url in files {
            let file = try FileIngestor().ingest(path: url.path)
            #expect(file.documents.count <= 1, "\(url.path)")
            for draft in file.documents {
                documents += 1
                #expect(!draft.document.title.isEmpty, "\(url.path)")
                #expect(draft.document.title.hasPrefix("#") == false)
                if draft.document.date != nil { dated += 1 }
                if draft.document.docNumber != nil { numbered += 1 }
            }
            if file.documents.isEmpty { #expect(url.lastPathComponent == "_index.md", "\(url.path)") }
        }
        #expect(documents == 3477)  // 3,504 files less 27 `_index.md` without text
        #expect(dated * 100 >= documents * 95)
        #expect(numbered >= 500)
    }
}

/// `2020年10月17日` → `2020-10-17`, without the module's parser (so the test checks it).
enum DateParserProbe {
    static func iso(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { "年月日".contains($0) }).compactMap { Int($0) }
        guard parts.count == 3, let date = CivilDate(year: parts[0], month: parts[1], day: parts[2]) else { return nil }
        return date.iso
    }
}
