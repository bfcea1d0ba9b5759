import Foundation
import PolicyCore
@testable import PolicyIngest
import Testing
import TestSupport

/// `InputLimits`: each limit refuses a file with `path: reason` before the work it guards.
@Suite("Input limits")
struct InputLimitTests {
    @Test("the documented defaults")
    func defaults() {
        let limits = InputLimits.standard
        #expect(limits.maxFileBytes == 64 * 1_048_576)
        #expect(limits.maxTextScalars == 4_000_000)
        #expect(limits.maxLineScalars == 100_000)
        #expect(limits.maxClauses == 20_000)
        #expect(limits.maxXMLPartBytes == 16 * 1_048_576)
        #expect(limits.maxArchiveBytes == 200 * 1_048_576)
        #expect(limits.maxArchiveEntries == 10_000)
    }

    @Test("a file above the size limit is refused from its size, before it is read")
    func fileSize() throws {
        #expect(throws: InputError(path: "x.txt", "file is 70.0 MB, above the 64 MB limit")) {
            try FileIngestor().ingest(data: Data(count: 70 * 1_048_576), path: "x.txt")
        }
        // On disk: a sparse file of 70 MB is refused by its size (reading it would take the memory).
        let directory = try TemporaryDirectory()
        let path = directory.file("big.txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 70 * 1_048_576)
        try handle.close()
        #expect(throws: InputError(path: path, "file is 70.0 MB, above the 64 MB limit")) {
            try FileIngestor().ingest(path: path)
        }
        let small = InputLimits(maxFileBytes: 1000)
        #expect(throws: InputError(path: "a.txt", "file is 1001 bytes, above the 1000 bytes limit")) {
            try FileIngestor(limits: small).ingest(data: Data(repeating: 0x41, count: 1001), path: "a.txt")
        }
    }

    @Test("HTML above the size limit is refused before it is parsed")
    func htmlSize() {
        // Deeply nested tags libxml2 would take long over: the size check comes first.
        let html = Data(("<html><body>" + String(repeating: "<div>", count: 300_000)).utf8)
        let limits = InputLimits(maxFileBytes: html.count - 1)
        #expect(throws: InputError(path: "deep.html", "file is \(InputLimits.megabytes(html.count)), above the \(InputLimits.megabytes(html.count - 1)) limit")) {
            try FileIngestor(limits: limits).ingest(data: html, path: "deep.html")
        }
    }

    @Test("a line above the line limit is refused, in text and after HTML extraction")
    func lineLength() {
        let line = "关于长行的通知\n" + String(repeating: "长", count: 100_001) + "\n"
        #expect(throws: InputError(path: "l.txt", "a line of 100001 characters, above the 100000 limit (no line breaks: not a text document?)")) {
            try FileIngestor().ingest(data: Data(line.utf8), path: "l.txt")
        }
        // Bytes without a line break that no line limit could allow are refused before decoding.
        let run = Data(repeating: UInt8(ascii: "a"), count: 400_001)
        #expect(throws: InputError(path: "r.txt", "a line of more than 100000 characters (0.4 MB without a line break); not a text document?")) {
            try FileIngestor().ingest(data: run, path: "r.txt")
        }
        let html = "<html><body><p>" + String(repeating: "长", count: 100_001) + "</p></body></html>"
        #expect(throws: InputError.self) { try FileIngestor().ingest(data: Data(html.utf8), path: "l.html") }
        // At the limit exactly: read.
        let fits = "关于长行的通知\n" + String(repeating: "长", count: 100_000) + "\n"
        #expect(throws: Never.self) { try FileIngestor().ingest(data: Data(fits.utf8), path: "fits.txt") }
    }

    @Test("text above the character limit is refused")
    func textLength() {
        let limits = InputLimits(maxTextScalars: 1_000)
        let text = String(repeating: "一二三四五六七八九\n", count: 101)
        #expect(throws: InputError(path: "t.txt", "text is 1010 characters, above the 1000 limit")) {
            try FileIngestor(limits: limits).ingest(data: Data(text.utf8), path: "t.txt")
        }
    }

    @Test("a DOCX part above the XML part limit is refused from the central directory")
    func xmlPart() throws {
        let xml = DOCXBuilder.document(body: String(repeating: DOCXBuilder.paragraph("第一条 正文。"), count: 2_000))
        let docx = try DOCXBuilder.archive([("word/document.xml", Data(xml.utf8))])
        let limits = InputLimits(maxXMLPartBytes: 64 * 1024)
        #expect(throws: InputError.self) { try DOCXReader(limits: limits).read(docx, path: "p.docx") }
        do {
            _ = try DOCXReader(limits: limits).read(docx, path: "p.docx")
        } catch {
            #expect(error.reason.hasPrefix("word/document.xml would unpack to"), "\(error.reason)")
            #expect(error.reason.hasSuffix("above the 65536 bytes limit for a part; refused"), "\(error.reason)")
        }
        #expect(throws: Never.self) { try DOCXReader().read(docx, path: "p.docx") }
    }

    @Test("a central directory that understates the size is caught while inflating")
    func lyingDirectory() throws {
        let xml = DOCXBuilder.document(body: String(repeating: DOCXBuilder.paragraph("第一条 正文。"), count: 4_000))
        var docx = [UInt8](try DOCXBuilder.archive([("word/document.xml", Data(xml.utf8))]))
        // Uncompressed size: offset 22 of the local header (PK\3\4), 24 of the central one (PK\1\2); say 100 bytes.
        var patched = 0
        for i in 0..<(docx.count - 4) {
            let offset: Int
            if docx[i..<(i + 4)].elementsEqual([0x50, 0x4B, 0x03, 0x04]) { offset = 22 }
            else if docx[i..<(i + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02]) { offset = 24 }
            else { continue }
            docx.replaceSubrange((i + offset)..<(i + offset + 4), with: [100, 0, 0, 0])
            patched += 1
        }
        #expect(patched == 2)
        let limits = InputLimits(maxXMLPartBytes: 64 * 1024)
        #expect(throws: InputError.self) { try DOCXReader(limits: limits).read(Data(docx), path: "lie.docx") }
        do {
            _ = try DOCXReader(limits: limits).read(Data(docx), path: "lie.docx")
        } catch {
            // Refused by the bytes inflated, never read whole.
            #expect(error.reason == "word/document.xml unpacks to more than its limit (65536 bytes a part, 200 MB the archive); refused", "\(error.reason)")
        }
    }

    @Test("an archive with more entries than the limit is refused")
    func entryCount() throws {
        let entries = (0..<12).map { ("word/media/\($0).txt", Data("x".utf8)) }
            + [("word/document.xml", Data(DOCXBuilder.document(body: DOCXBuilder.paragraph("正文")).utf8))]
        let docx = try DOCXBuilder.archive(entries)
        #expect(throws: InputError(path: "e.docx", "ZIP archive has more than 10 entries; refused")) {
            try DOCXReader(limits: InputLimits(maxArchiveEntries: 10)).read(docx, path: "e.docx")
        }
        #expect(throws: Never.self) { try DOCXReader().read(docx, path: "e.docx") }
    }

    @Test("messages: sizes in MB with one decimal, limits in whole MB")
    func messages() {
        #expect(InputLimits.megabytes(70 * 1_048_576) == "70.0 MB")
        #expect(InputLimits.limitDescription(64 * 1_048_576) == "64 MB")
        #expect(InputLimits.standard.fileSizeProblem(64 * 1_048_576) == nil)
        #expect(InputLimits.standard.textProblem("a\nb".unicodeScalars) == nil)
    }
}
