import Foundation
import PolicyCore
import Testing
import TestSupport

/// The whole clause tree of real documents against golden files in `Fixtures/segment/`: one JSON
/// line per clause (contract fields plus kind and line), then one per warning.
/// `POLICYQ_UPDATE_GOLDEN=1 swift test --filter GoldenTree` rewrites them after a deliberate change.
@Suite("Golden clause trees")
struct GoldenTreeTests {
    static let documents: [(name: String, input: URL)] = [
        ("shanxi-measures-2023", TestPaths.corpusFile("shanxi-restore-expand-consumption-measures-2023.txt")),
        ("auction-law-2015", TestPaths.fixture("segment/auction-law-2015.md")),
    ]

    @Test("clause tree matches the golden file", arguments: documents.map(\.name))
    func golden(name: String) throws {
        let input = try #require(Self.documents.first { $0.name == name }).input
        let parsed = try IngestedSegmentation(input, documentID: name)
        var lines = parsed.clauses.map(\.json.compact)
        for diagnostic in parsed.documents.flatMap(\.segmentation.diagnostics) {
            lines.append(JSONValue.object([("type", .string("warning")), ("line", JSONValue(diagnostic.line)),
                                           ("message", .string(diagnostic.message))]).compact)
        }
        let actual = lines.joined(separator: "\n") + "\n"
        let goldenURL = TestPaths.fixture("segment/\(name).clauses.jsonl")
        if ProcessInfo.processInfo.environment["POLICYQ_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: goldenURL, atomically: true, encoding: .utf8)
        }
        let expected = try TestPaths.text(goldenURL)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = zip(expectedLines, actualLines).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("\(name): line \(first.offset + 1) differs\n  golden: \(first.element.0)\n  actual: \(first.element.1)")
        }
        #expect(actualLines.count == expectedLines.count, "\(name): \(actualLines.count) lines, golden has \(expectedLines.count)")
    }
}
