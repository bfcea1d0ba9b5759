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

    @Test("citations resolve among the files parsed together; the rest keep target null")
    func citationsLinkAcrossFiles() throws {
        var files = try ["national-car-trade-in-plan.txt", "shanxi-car-trade-in-measures.txt", "taiyuan-car-notice.txt"]
            .map { try PolicyParser().parse(path: TestPaths.fixture("crossref/" + $0).path) }
        func targets(_ file: ParsedFile) -> [String?] {
            file.documents.flatMap(\.records).compactMap { record in
                if case let .citation(_, _, target) = record.value { return target }
                return nil
            }
        }
        #expect(files.allSatisfy { targets($0).allSatisfy { $0 == nil } })
        CitationLinker.link(&files)
        #expect(targets(files[1]) == ["国办发〔2024〕12号", nil])
        #expect(targets(files[2]) == ["晋政办发〔2024〕30号", nil])
        // Alone, the Shanxi plan finds nothing to link to.
        var alone = [try PolicyParser().parse(path: TestPaths.fixture("crossref/shanxi-car-trade-in-measures.txt").path)]
        CitationLinker.link(&alone)
        #expect(targets(alone[0]) == [nil, nil])
    }
}
