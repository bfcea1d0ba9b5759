import Foundation
import PolicyCore
@testable import PolicyIngest
import Testing
import TestSupport
import ZIPFoundation

@Suite("Reading: HTML")
struct HTMLReaderTests {
    @Test("text out of the markup: blocks end with a line break, entities decoded, scripts and styles skipped")
    func sourceText() throws {
        let html = "<html><head><title>T</title><style>p{}</style></head><body><p>国务院&nbsp;关于<b>通知</b></p>"
            + "<div>第一行<br>第二行</div><script>var x = 1;</script><noscript>无</noscript><ul><li>甲</li><li>乙</li></ul>"
            + "<p>A &amp; B &lt;C&gt;</p></body></html>"
        let out = try HTMLReader().read(Array(html.utf8), path: "p.html")
        #expect(out.source.text == "国务院\u{A0}关于通知\n第一行\n第二行\n甲\n乙\nA & B <C>\n")
    }

    @Test("gb2312 declared: decoded as GB18030; the article is the document, the table its metadata")
    func govPage() throws {
        let data = try Data(contentsOf: TestPaths.fixture("ingest/gb2312-declared.html"))
        let file = try FileIngestor().ingest(data: data, path: "page.html")
        #expect(file.format == .html)
        #expect(file.encoding == "GB18030")
        #expect(file.documents.count == 1)
        let draft = try #require(file.documents.first)
        let document = draft.document
        #expect(document.title == "国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见")
        #expect(document.docNumber == "国办发〔2018〕129号")
        #expect(document.issuers == ["国务院办公厅"])
        #expect(document.date == CivilDate(year: 2018, month: 12, day: 30))
        #expect(document.metadata("发布日期") == "2019-01-14")
        #expect(document.level == .national && document.docType == "意见")
        let text = file.text(of: draft)
        #expect(text.hasPrefix("国务院办公厅关于深入开展消费扶贫\n助力打赢"))
        #expect(text.hasSuffix("2018年12月30日\n"))
        #expect(!text.contains("首页") && !text.contains("扫一扫") && !text.contains("导航"))
        #expect(file.body(of: draft).hasPrefix("一、总体要求"))
    }

    @Test("without a known container the element holding most paragraph text is the article")
    func largestContainer() throws {
        let html = "<html><body><div class='menu'><a>首页</a><a>政策</a></div><div class='main'>"
            + "<p>关于做好消费工作的通知</p><p>各市人民政府：</p><p>一、到2027年，新增公共充电桩3万台。</p>"
            + "<p>二、加快释放消费潜力，着力扩大有效需求。</p></div><div>版权所有</div></body></html>"
        let file = try FileIngestor().ingest(data: Data(html.utf8), path: "p.html")
        let draft = try #require(file.documents.first)
        #expect(file.text(of: draft).hasPrefix("关于做好消费工作的通知\n"))
        #expect(!file.text(of: draft).contains("版权所有"))
        #expect(draft.document.title == "关于做好消费工作的通知")
    }
}

/// Builds DOCX (ZIP) archives in memory.
enum DOCXBuilder {
    static let wordNamespaces = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    static func document(body: String, prolog: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\(prolog)<w:document \(wordNamespaces)><w:body>\(body)</w:body></w:document>"
    }

    static func paragraph(_ runs: String...) -> String {
        "<w:p>" + runs.map { "<w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r>" }.joined() + "</w:p>"
    }

    static func archive(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return try #require(archive.data)
    }
}

@Suite("Reading: DOCX")
struct DOCXReaderTests {
    @Test("paragraphs, runs, tabs and breaks of word/document.xml")
    func paragraphs() throws {
        let body = DOCXBuilder.paragraph("中华人民共和国", "学位法")
            + DOCXBuilder.paragraph("（2024年4月26日第十四届全国人民代表大会常务委员会第九次会议通过）")
            + "<w:p><w:r><w:t>第一条</w:t><w:tab/><w:t>为了规范学位授予工作，</w:t><w:br/><w:t>制定本法。</w:t></w:r></w:p>"
            + "<w:p><w:del><w:r><w:delText>删除的文字</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>"
        let data = try DOCXBuilder.archive([("word/document.xml", Data(DOCXBuilder.document(body: body).utf8))])
        let file = try FileIngestor().ingest(data: data, path: "学位法.docx")
        #expect(file.format == .docx)
        #expect(file.source.text == "中华人民共和国学位法\n（2024年4月26日第十四届全国人民代表大会常务委员会第九次会议通过）\n第一条\t为了规范学位授予工作，\n制定本法。\n\n")
        let document = try #require(file.documents.first).document
        #expect(document.title == "中华人民共和国学位法")
        #expect(document.date == CivilDate(year: 2024, month: 4, day: 26))
        #expect(document.issuers == ["全国人民代表大会常务委员会"])
    }

    @Test("external entities are not resolved (XXE-safe)")
    func noExternalEntities() throws {
        let directory = try TemporaryDirectory()
        let secret = try directory.write("secret.txt", "机密内容")
        let prolog = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file://\(secret.path)\">]>"
        let body = "<w:p><w:r><w:t>甲&xxe;乙</w:t></w:r></w:p>"
        let data = try DOCXBuilder.archive([("word/document.xml", Data(DOCXBuilder.document(body: body, prolog: prolog).utf8))])
        let file = try FileIngestor().ingest(data: data, path: "xxe.docx")
        #expect(!file.source.text.contains("机密"))
        #expect(file.source.text.hasPrefix("甲"))
    }

    @Test("an altChunk's MHTML (quoted-printable HTML with its own charset) is read in its place")
    func altChunk() throws {
        let mht = try Data(contentsOf: TestPaths.fixture("ingest/afchunk-gb2312.mht"))
        let document = DOCXBuilder.document(body: "<w:altChunk r:id=\"htmlChunk\"/><w:sectPr/>")
        let rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"htmlChunk\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\" Target=\"/word/afchunk.mht\"/></Relationships>"
        let data = try DOCXBuilder.archive([("word/document.xml", Data(document.utf8)), ("word/_rels/document.xml.rels", Data(rels.utf8)),
                                            ("word/afchunk.mht", mht)])
        let file = try FileIngestor().ingest(data: data, path: "仲裁法.docx")
        #expect(file.encoding == "GB18030")
        #expect(file.source.text.contains("中华人民共和国仲裁法\n"))
        #expect(file.source.text.contains("第一条 为保证公正、及时地仲裁经济纠纷，制定本法。"))
        let doc = try #require(file.documents.first).document
        #expect(doc.title == "中华人民共和国仲裁法")
        #expect(doc.date == CivilDate(year: 1994, month: 8, day: 31))
    }

    @Test("an altChunk policyq cannot read is left out with a warning; the rest of the document counts")
    func unreadableAltChunk() throws {
        let body = DOCXBuilder.paragraph("关于做好消费工作的通知") + "<w:altChunk r:id=\"c1\"/>" + DOCXBuilder.paragraph("一、总体要求")
        let rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"c1\" Type=\"aFChunk\" Target=\"chunk.bin\"/></Relationships>"
        let data = try DOCXBuilder.archive([("word/document.xml", Data(DOCXBuilder.document(body: body).utf8)),
                                            ("word/_rels/document.xml.rels", Data(rels.utf8)),
                                            ("word/chunk.bin", Data([0xFF, 0xFE, 0x41]))])
        let file = try FileIngestor().ingest(data: data, path: "c.docx")
        #expect(file.source.text == "关于做好消费工作的通知\n一、总体要求\n")
        #expect(file.diagnostics.first?.description
            == "c.docx: warning: altChunk word/chunk.bin left out: cannot decode: UTF-16LE text with an odd number of bytes")
    }

    @Test("archives that are not a usable DOCX are refused")
    func refused() throws {
        let notDocx = try DOCXBuilder.archive([("content.xml", Data("<a/>".utf8))])
        #expect(throws: InputError(path: "a.docx", "ZIP archive but not a DOCX (no word/document.xml)")) {
            try FileIngestor().ingest(data: notDocx, path: "a.docx")
        }
        let whole = try DOCXBuilder.archive([("word/document.xml", Data(DOCXBuilder.document(body: DOCXBuilder.paragraph("通知")).utf8))])
        let truncated = whole.prefix(whole.count / 2)
        #expect(throws: InputError(path: "t.docx", "corrupt or truncated ZIP archive (no central directory)")) {
            try FileIngestor().ingest(data: Data(truncated), path: "t.docx")
        }
        let malformed = try DOCXBuilder.archive([("word/document.xml", Data("<w:document><w:body>".utf8))])
        #expect(throws: InputError(path: "m.docx", "corrupt DOCX: word/document.xml is not well-formed XML")) {
            try FileIngestor().ingest(data: malformed, path: "m.docx")
        }
    }

    @Test("a ZIP whose entries point past its end is refused, not a crash (found by make fuzz)")
    func entriesPastTheEnd() throws {
        // The fuzzer's first byte chose the file name; the rest is the file.
        let input = try Data(contentsOf: TestPaths.fixture("ingest/fuzz-zip-offset-beyond-end.bin")).dropFirst()
        #expect(throws: InputError.self) { try FileIngestor().ingest(data: Data(input), path: "fuzz.docx") }
    }

    @Test("directory offsets outside the file and ZIP64 records are refused before ZIPFoundation reads them")
    func zipStructure() throws {
        let whole = [UInt8](try DOCXBuilder.archive([("word/document.xml", Data(DOCXBuilder.document(body: DOCXBuilder.paragraph("通知")).utf8))]))
        #expect(ZIPStructure.problem(in: whole) == nil)
        let entry = try #require((0..<(whole.count - 4)).first { whole[$0..<($0 + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02]) })
        var pastEnd = whole
        pastEnd.replaceSubrange((entry + 42)..<(entry + 46), with: [0xF0, 0xFF, 0xFF, 0x7F])
        #expect(ZIPStructure.problem(in: pastEnd) == "corrupt or truncated ZIP archive (entry outside the file)")
        let end = try #require((0..<(whole.count - 4)).last { whole[$0..<($0 + 4)].elementsEqual([0x50, 0x4B, 0x05, 0x06]) })
        var longComment = whole
        longComment.replaceSubrange((end + 20)..<(end + 22), with: [0xC7, 0x7B])
        #expect(ZIPStructure.problem(in: longComment) == "corrupt or truncated ZIP archive (no central directory)")
        var zip64 = whole
        zip64.replaceSubrange((end + 10)..<(end + 12), with: [0xFF, 0xFF])
        #expect(ZIPStructure.problem(in: zip64) == "ZIP64 archive, not supported")
        #expect(throws: InputError(path: "z.docx", "ZIP64 archive, not supported")) {
            try FileIngestor().ingest(data: Data(zip64), path: "z.docx")
        }
    }

    @Test("a ZIP bomb is refused before it is unpacked")
    func zipBomb() throws {
        let zeros = Data(count: 2 * 1_048_576)
        let bomb = try DOCXBuilder.archive([("word/document.xml", zeros)])
        #expect(bomb.count < 64 * 1024)
        let reader = DOCXReader(limits: InputLimits(maxArchiveBytes: 1_048_576))
        #expect(throws: InputError(path: "b.docx", "ZIP archive would unpack to more than 1 MB (the limit); refused")) {
            try reader.read(bomb, path: "b.docx")
        }
    }
}

@Suite("Reading: PDF")
struct PDFReaderTests {
    @Test("without pdftotext a PDF is refused with a message saying how to install it")
    func refusedWithoutTool() throws {
        let empty = try TemporaryDirectory()
        let ingestor = FileIngestor(toolSearchPath: empty.url.path)
        #expect(throws: InputError(path: "a.pdf", "PDF needs pdftotext (apt-get install poppler-utils)")) {
            try ingestor.ingest(data: Data("%PDF-1.7\n".utf8), path: "a.pdf")
        }
    }

    @Test("with pdftotext its UTF-8 output is read like PDF text")
    func readsToolOutput() throws {
        let bin = try TemporaryDirectory()
        let script = bin.file("pdftotext")
        try "#!/bin/sh\n[ \"$1\" = \"-enc\" ] && [ \"$2\" = \"UTF-8\" ] || exit 3\nprintf '关于做好消费工作的通知\\n\\n国办发〔2024〕1号\\n\\n各省人民政府：\\n\\n一、总体要求\\n\\n— 1 —\\n'\n"
            .write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let file = try FileIngestor(toolSearchPath: bin.url.path).ingest(data: Data("%PDF-1.7\n".utf8), path: "a.pdf")
        #expect(file.format == .pdf)
        let document = try #require(file.documents.first).document
        #expect(document.title == "关于做好消费工作的通知")
        #expect(document.docNumber == "国办发〔2024〕1号")
        #expect(!file.normalized.string.contains("— 1 —"))
    }

    @Test("a failing pdftotext is reported, not a crash")
    func toolFails() throws {
        let bin = try TemporaryDirectory()
        let script = bin.file("pdftotext")
        try "#!/bin/sh\necho 'Syntax Error: Couldn'\\''t read xref table' >&2\nexit 1\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        #expect(throws: InputError(path: "a.pdf", "pdftotext failed (exit 1): Syntax Error: Couldn't read xref table")) {
            try FileIngestor(toolSearchPath: bin.url.path).ingest(data: Data("%PDF-1.7\n".utf8), path: "a.pdf")
        }
    }
}
