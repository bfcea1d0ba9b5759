import Foundation
import PolicyCore
@testable import PolicyIngest
import Testing
import TestSupport

@Suite("Reading: decoding and format detection")
struct DecodingTests {
    func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: TestPaths.fixture("ingest/\(name)")))
    }

    @Test("GBK text decodes as GB18030 and keeps CRLF, CR and LF")
    func gbkMixedEndings() throws {
        let decoded = try TextDecoder().decode(try fixture("gbk-notice-mixed-endings.txt"), path: "n.txt")
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text.hasPrefix("山西省人民政府办公厅文件\r\n\r\n晋政办发〔2023〕65号"))
        #expect(decoded.text.contains("山西省人民政府办公厅\r关于印发山西省恢复和扩大消费\n若干政策措施的通知\r\n"))
    }

    @Test("GB18030 four-byte characters")
    func gb18030() throws {
        let decoded = try TextDecoder().decode(try fixture("gb18030-rare-characters.txt"), path: "r.txt")
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text == "第一条 𠀀字与䶮字（GB18030 四字节）\n")
    }

    @Test("UTF-16 with a byte-order mark, either byte order", arguments: [
        ("utf16le-bom.txt", TextDecoder.Encoding.utf16LE, "关于做好消费工作的通知\r\n一、总体要求\r\n"),
        ("utf16be-bom.txt", .utf16BE, "关于做好消费工作的通知\n一、总体要求\n"),
    ])
    func utf16(name: String, encoding: TextDecoder.Encoding, text: String) throws {
        let decoded = try TextDecoder().decode(try fixture(name), path: name)
        #expect(decoded.encoding == encoding)
        #expect(decoded.hadBOM)
        #expect(decoded.text == text)
    }

    @Test("UTF-8 with and without a byte-order mark; the mark is not part of the text")
    func utf8() throws {
        let plain = try TextDecoder().decode(Array("通知\n".utf8), path: "a.txt")
        let marked = try TextDecoder().decode([0xEF, 0xBB, 0xBF] + Array("通知\n".utf8), path: "b.txt")
        #expect(plain.text == "通知\n" && !plain.hadBOM)
        #expect(marked.text == "通知\n" && marked.hadBOM)
    }

    @Test("a declared charset is honoured, a wrong declaration is not fatal")
    func declared() throws {
        let gbk: [UInt8] = [0xB9, 0xFA, 0xCE, 0xF1, 0xD4, 0xBA]  // 国务院
        #expect(try TextDecoder().decode(gbk, path: "x", declared: "gb2312").text == "国务院")
        #expect(try TextDecoder().decode(Array("国务院".utf8), path: "x", declared: "gbk").text == "国务院")
    }

    @Test("undecodable bytes are refused with the offset of the first bad byte", arguments: [
        ([0x41, 0x42, 0xFF, 0xFE, 0xFD, 0x80] as [UInt8], "cannot decode: not UTF-8, UTF-16 or GB18030 (invalid bytes at offset 2)"),
        ([0xEF, 0xBB, 0xBF, 0x41, 0xC3] as [UInt8], "cannot decode: invalid UTF-8 after a UTF-8 byte-order mark (invalid bytes at offset 4)"),
        ([0xFF, 0xFE, 0x41] as [UInt8], "cannot decode: UTF-16LE text with an odd number of bytes"),
        ([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00] as [UInt8], "cannot decode: invalid UTF-16LE (invalid bytes at offset 2)"),
    ])
    func refused(bytes: [UInt8], reason: String) {
        #expect(throws: InputError(path: "bad.txt", reason)) { try TextDecoder().decode(bytes, path: "bad.txt") }
    }

    @Test("formats by content first, then by extension", arguments: [
        (Array("%PDF-1.7\n".utf8), "a.txt", SourceFormat.pdf),
        ([0x50, 0x4B, 0x03, 0x04, 0, 0], "a.bin", .docx),
        (Array("<!DOCTYPE html><html></html>".utf8), "a.txt", .html),
        (Array("  \n<HTML><body>x</body></HTML>".utf8), "page", .html),
        (Array("<p>国务院</p>".utf8), "page.htm", .html),
        (Array("# 标题\n".utf8), "law.md", .markdown),
        (Array("# 标题\n".utf8), "law.txt", .text),
        (Array("通知".utf8), "notice", .text),
        ([0xFF, 0xFE, 0x1A, 0x90], "u16.txt", .text),
    ])
    func detection(bytes: [UInt8], path: String, format: SourceFormat) throws {
        #expect(try FormatDetector.detect(bytes, path: path) == format)
    }

    @Test("files policyq cannot read are refused with a short reason", arguments: [
        ([] as [UInt8], "a.txt", "empty file"),
        ([0x41, 0x00, 0x42], "a.txt", "binary file (NUL bytes), not text"),
        (Array("plain text".utf8), "a.docx", "not a DOCX file (no ZIP signature)"),
        (Array("plain text".utf8), "a.pdf", "not a PDF file (no %PDF signature)"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1], "old.doc", "legacy Office file (.doc/.xls, OLE2), not supported; save it as .docx"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D], "scan.png", "image file, not text (policyq does no OCR)"),
    ])
    func refusedFormats(bytes: [UInt8], path: String, reason: String) {
        #expect(throws: InputError(path: path, reason)) { try FormatDetector.detect(bytes, path: path) }
    }

    @Test("the ingestor reports decoding and format problems as path: reason")
    func ingestorRefuses() throws {
        let directory = try TemporaryDirectory()
        let binary = try directory.write("data.txt", bytes: [0x41, 0x00, 0x42, 0x43])
        #expect(throws: InputError(path: binary.path, "binary file (NUL bytes), not text")) {
            try FileIngestor().ingest(path: binary.path)
        }
        #expect(throws: InputError(path: directory.url.path, "is a directory, not a file")) {
            try FileIngestor().ingest(path: directory.url.path)
        }
        let missing = directory.file("missing.txt").path
        #expect(throws: InputError(path: missing, "no such file")) { try FileIngestor().ingest(path: missing) }
    }
}
