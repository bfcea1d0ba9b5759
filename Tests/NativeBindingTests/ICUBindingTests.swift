import CLibXML2
import Foundation
import PolicyCore
import Testing
import TestSupport

@Suite("System ICU through the CICU target")
struct ICUBindingTests {
    @Test("NFKC folds full-width digits and brackets", arguments: [
        ("２０２３（一）", "2023(一)"),
        ("晋政办发〔２０２３〕６５号", "晋政办发〔2023〕65号"),
        ("ＡＢＣ，；：", "ABC,;:"),
        ("㈠", "(一)"),
        ("①", "1"),
        ("　", " "),
        ("山西省", "山西省"),
    ])
    func nfkc(input: String, expected: String) {
        #expect(ICU.nfkc(input) == expected)
    }

    @Test func isNFKC() {
        #expect(ICU.isNFKC("2023(一)"))
        #expect(!ICU.isNFKC("２０２３"))
    }

    /// GBK bytes of 山西省人民政府 (plus enough text for the detector to be sure).
    static let gbkShanxi: [UInt8] = [0xC9, 0xBD, 0xCE, 0xF7, 0xCA, 0xA1, 0xC8, 0xCB, 0xC3, 0xF1, 0xD5, 0xFE, 0xB8, 0xAE]

    @Test func detectsAndDecodesGBK() throws {
        // The detector needs some text to be confident: repeat the phrase with a separator.
        let sample = Array((0..<8).map { _ in Self.gbkShanxi + [0x0A] }.joined())
        let guess = try #require(ICU.detectCharset(sample))
        #expect(guess.name == "GB18030")
        #expect(guess.confidence >= 50)
        #expect(try ICU.decode(Self.gbkShanxi, charset: guess.name) == "山西省人民政府")
    }

    @Test func detectsRealGB18030File() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let url = TestPaths.corpora.appendingPathComponent("gbk/包头市2022年数字政府建设考评办法.gb18030.txt")
        let bytes = try [UInt8](Data(contentsOf: url))
        let guess = try #require(ICU.detectCharset(bytes))
        #expect(guess.name == "GB18030")
        let text = try ICU.decode(bytes, charset: guess.name)
        #expect(text.contains("包头市"))
    }

    @Test func decodeRefusesInvalidBytes() {
        // 0xFF is never valid in GB18030 lead position; 0x80 alone is invalid UTF-8.
        #expect(throws: ICU.DecodingFailure.self) { try ICU.decode([0x41, 0xFF, 0xFF, 0x42], charset: "GB18030") }
        #expect(throws: ICU.DecodingFailure.self) { try ICU.decode([0x41, 0x80], charset: "UTF-8") }
    }

    @Test func decodesUTF16() throws {
        let bytes: [UInt8] = [0x71, 0x5C, 0x7F, 0x89]  // 山西 in UTF-16LE
        #expect(try ICU.decode(bytes, charset: "UTF-16LE") == "山西")
    }

    @Test func pinyin() {
        #expect(ICU.pinyin("山西") == "shan xi")
        #expect(ICU.pinyin("政策") == "zheng ce")
    }

    @Test func wordBoundaries() {
        let text = "推动大规模设备更新"
        let boundaries = ICU.wordBoundaries(text)
        #expect(boundaries.first == 0)
        #expect(boundaries.last == text.unicodeScalars.count)
        // The dictionary splits the run into several words, not one token per run.
        #expect(boundaries.count > 3)
        #expect(boundaries.count < text.unicodeScalars.count + 1)
    }

    @Test func wordBoundariesAreScalarOffsets() {
        // 𠀀 is outside the BMP: two UTF-16 units, one scalar.
        let text = "a𠀀b"
        #expect(ICU.wordBoundaries(text).last == 3)
    }
}

@Suite("libxml2 through CLibXML2")
struct LibXML2BindingTests {
    @Test func parsesHTMLFragmentText() throws {
        let html = "<html><body><p>国务院&nbsp;关于</p><script>var x=1;</script></body></html>"
        let doc = try #require(html.withCString { htmlReadMemory($0, Int32(strlen($0)), nil, "utf-8",
                                                               Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)) })
        defer { xmlFreeDoc(doc) }
        let root = try #require(xmlDocGetRootElement(doc))
        #expect(String(cString: root.pointee.name) == "html")
        let content = try #require(xmlNodeGetContent(root))
        defer { pq_xml_free(content) }
        let text = String(cString: content)
        #expect(text.contains("国务院\u{00A0}关于"))
    }

    @Test func xmlParserDoesNotResolveExternalEntities() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <r>&xxe;</r>
            """
        let doc = try #require(xml.withCString { xmlReadMemory($0, Int32(strlen($0)), nil, "utf-8",
                                                              Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)) })
        defer { xmlFreeDoc(doc) }
        let content = try #require(xmlNodeGetContent(xmlDocGetRootElement(doc)))
        defer { pq_xml_free(content) }
        #expect(!String(cString: content).contains("root:"))
    }
}
