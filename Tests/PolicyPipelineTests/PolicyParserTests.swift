import Foundation
import PolicyCore
import PolicyPipeline
import Testing
import TestSupport

@Suite("Pipeline")
struct PolicyParserTests {
    @Test("record and document spans index the source text")
    func spansIndexSource() throws {
        let text = "关于做好消费工作的通知\n\n一、到2027年，新增公共充电桩3万台。\n"
        let parsed = try PolicyParser().parse(data: Data(text.utf8), path: "notice.txt")
        let document = try #require(parsed.documents.first)
        #expect(parsed.source.text == text)
        #expect(parsed.source[document.document.span].hasPrefix("关于做好消费工作的通知"))
        for record in document.records { #expect(parsed.source[record.span] == record.text) }
        for clause in document.clauses { #expect(parsed.source[clause.span] == clause.text) }
    }

    @Test("an invalid file is refused with path: reason")
    func refusesInvalid() {
        #expect(throws: InputError.self) {
            try PolicyParser().parse(data: Data([0xFF, 0xFE, 0x00, 0xD8, 0x00]), path: "bad.txt")
        }
    }
}
