import Foundation
import TestSupport
import ZIPFoundation

/// Writes a folder that mixes good files with every kind of bad input policyq must refuse (or read
/// without harm), for `BadInputFolderTests`. Large files are made here, at test time.
struct HostileFolder {
    /// A file the folder holds and what `policyq ingest` must make of it.
    struct Entry {
        var name: String
        /// nil: indexed; else a piece of the reason stderr must give after `path: `.
        var refusal: String?
    }

    let directory: TemporaryDirectory
    private(set) var entries: [Entry] = []
    /// Text that must never reach the index (the XXE target's content, the script's text).
    let secret = "XXESECRETCONTENT" + String(UUID().uuidString.prefix(8))
    let scriptWord = "SCRIPTONLYWORD"

    var good: [Entry] { entries.filter { $0.refusal == nil } }
    var bad: [Entry] { entries.filter { $0.refusal != nil } }

    init(directory: TemporaryDirectory) throws {
        self.directory = directory
        try writeGood()
        try writeBad()
    }

    private mutating func add(_ name: String, _ bytes: [UInt8], refusal: String? = nil) throws {
        try directory.write("in/" + name, bytes: bytes)
        entries.append(Entry(name: name, refusal: refusal))
    }

    private mutating func add(_ name: String, text: String, refusal: String? = nil) throws {
        try add(name, Array(text.utf8), refusal: refusal)
    }

    var folder: URL { directory.file("in") }

    private mutating func writeGood() throws {
        for (name, source) in [
            ("shanxi.txt", TestPaths.corpusFile("shanxi-restore-expand-consumption-measures-2023.txt")),
            ("national-car.txt", TestPaths.fixture("crossref/national-car-trade-in-plan.txt")),
            ("gbk notice.txt", TestPaths.fixture("ingest/gbk-notice-mixed-endings.txt")),
        ] {
            try add(name, Array(try Data(contentsOf: source)))
        }
        let notice = "关于做好测试工作的通知\n\n测办发〔2024〕1号\n\n一、总体要求\n请各单位认真落实。\n"
        // Names with spaces, brackets, quotes and a newline.
        try add("with space [1] 'single' \"double\".txt", text: notice.replacingOccurrences(of: "1号", with: "2号"))
        try add("new\nline (2).md", text: "# 新行条例\n\n第一条 为了测试，制定本条例。\n")
        // Absurd numbering and numbers with 200 digits: parsed, never a trap.
        let nines = String(repeating: "9", count: 200), chineseNines = String(repeating: "九", count: 200)
        try add("absurd numbering.txt", text: """
            关于荒谬编号的通知

            第九九九九九条 本条编号荒谬。
            第\(chineseNines)条 再一条。
            第\(nines)条 又一条。
            (\(chineseNines)) 一项。
            \(nines). 一项。
            一、补贴\(nines)元，比例\(nines)%，数量\(nines)个，\(nines)年\(nines)月\(nines)日前完成。
            二、补贴\(chineseNines)亿元，百分之\(chineseNines)，国发〔\(nines)〕\(nines)号。
            三、（一）（1）①一是 嵌套：（二）（2）②二是 \(String(repeating: "（一）", count: 500))
            """)
        // HTML whose script text must not be in the body.
        try add("script.html", text: """
            <html><head><title>关于脚本的通知</title><script>var a = "\(scriptWord)"; document.write("\(scriptWord)");</script></head>
            <body><h1>关于脚本的通知</h1><p>一、正文内容。</p><script>alert("\(scriptWord)")</script><p>二、更多内容。</p></body></html>
            """)
        // DOCX whose XML declares an external entity pointing at a local file: never loaded.
        let secretFile = try directory.write("secret.txt", secret)
        let prolog = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file://\(secretFile.path)\"><!ENTITY remote SYSTEM \"http://127.0.0.1:9/x\">]>"
        try add("xxe.docx", Array(try Self.docx(documentXML: Self.wordDocument(
            body: "<w:p><w:r><w:t>关于实体的通知</w:t></w:r></w:p><w:p><w:r><w:t>一、正文&xxe;&remote;内容。</w:t></w:r></w:p>",
            prolog: prolog))))
    }

    private mutating func writeBad() throws {
        try add("empty.txt", [], refusal: "empty file")
        try add("pdf bytes.txt", Array("%PDF-1.4\n%\u{E2}\u{E3}\n1 0 obj << /Type /Catalog >> endobj\n".utf8) + (0..<512).map { UInt8($0 % 256) },
                refusal: "pdf")
        try add("picture.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<256).map { UInt8($0) }, refusal: "image")
        try add("not-word.docx", Array(try Self.docx(entries: [("hello.txt", Data("hello".utf8))])), refusal: "not a DOCX")
        try add("neither utf8 nor gbk.txt", Array("正文".utf8) + Array(repeating: [0x80, 0xFF, 0xC0, 0xAF, 0xFE, 0xFF, 0x81, 0x7F], count: 40).flatMap { $0 },
                refusal: "cannot decode")
        let real = try Self.docx(documentXML: Self.wordDocument(body: String(repeating: "<w:p><w:r><w:t>第一条 正文。</w:t></w:r></w:p>", count: 200)))
        try add("truncated.docx", Array(real.prefix(real.count / 2)), refusal: "ZIP")
        // 20 MB of zeros in word/document.xml: a few KB compressed, above the 16 MB part limit.
        try add("bomb.docx", Array(try Self.docx(entries: [("word/document.xml", Data(count: 20 * 1_048_576))])),
                refusal: "refused")
        // Billion laughs: internal entities that expand a millionfold. libxml2 refuses the amplification.
        var entities = "<!ENTITY a0 \"汉字汉字\">"
        for i in 1...8 { entities += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        try add("laughs.docx", Array(try Self.docx(documentXML: Self.wordDocument(
            body: "<w:p><w:r><w:t>关于的通知</w:t></w:r></w:p><w:p><w:r><w:t>&a8;</w:t></w:r></w:p>",
            prolog: "<!DOCTYPE w:document [\(entities)]>"))), refusal: "not well-formed")
        // 50 MB on one line; and 1 MB on one line (under the size limits, above the line limit).
        try add("50 MB line.txt", [UInt8](repeating: UInt8(ascii: "a"), count: 50 * 1_048_576), refusal: "50.0 MB")
        try add("long line.txt", Array("关于长行的通知\n".utf8) + [UInt8](repeating: UInt8(ascii: "b"), count: 1_048_576),
                refusal: "line of more than 100000 characters")
    }

    // MARK: - DOCX

    static func wordDocument(body: String, prolog: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\(prolog)<w:document "
            + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)</w:body></w:document>"
    }

    static func docx(documentXML: String) throws -> Data {
        try docx(entries: [("word/document.xml", Data(documentXML.utf8))])
    }

    static func docx(entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
