import Foundation
import Synchronization
import PolicyCore
@testable import PolicyQuery
import PolicyStore
import Testing
import TestSupport

/// Whatever a user types, FTS5 syntax never reaches SQLite and no SQL error reaches the user: a
/// query is run (hits or none) or refused with a `SearchQueryError` that says what to type instead.
@Suite("Hostile queries")
struct HostileQueryTests {
    static let long = String(repeating: "消费补贴", count: 2_500)            // 10,000 characters, one term
    static let manyWords = Array(repeating: "消费", count: 5_000).joined(separator: " ")  // 10,000+ characters

    static let queries: [String] = [
        "\"", "\"\"", "\"\"\"", "\"消费", "消费\"", "\"消费 补贴", "\"消费\" \"", "a\"b\"c\"",
        "*", "消费*", "*消费", "消费 * 补贴", "\"消费\"*",
        "NEAR", "NEAR(", "NEAR(消费", "NEAR(消费 补贴)", "NEAR(消费 补贴, 5)", "消费 NEAR 补贴", "NEAR/3",
        "AND", "OR", "NOT", "AND OR NOT", "消费 AND 补贴", "消费 NOT 补贴", "消费 OR", "OR 消费", "消费 OR OR 补贴",
        "^", "^消费", "消费^", ":", "title:消费", "title:x", "heading:消费 body:补贴", "{title heading}:消费",
        "-", "--", "-消费", "消费 -", "消费 --补贴", "- - -", "|", "消费 | 补贴 |",
        "(", ")", "(消费", "消费)", "((消费 补贴)", ")(", "(消费 OR 补贴) -(汽车",
        "消费\u{0}补贴", "消费\u{1}\u{2}\u{7F}补贴", "\t消费\n补贴\r", "\u{1B}[31m消费", "消费\u{200B}补贴",
        "😀", "消费😀补贴", "👨‍👩‍👧 消费", "\u{FFFD}", "\u{FEFF}消费",
        "'", "'; DROP TABLE documents; --", "消费' OR '1'='1", "%", "_", "\\", "消费\\\"",
        "", " ", "\u{3000}\u{3000}", "\n\t",
        long, manyWords,
    ]

    @Test("parsed and run, or refused with a message", arguments: queries)
    func hostile(query: String) throws {
        let index = try Self.index()
        let parsed: SearchQuery
        do {
            parsed = try SearchQuery(parsing: query)
        } catch {
            #expect(!error.description.isEmpty)
            return
        }
        // Every term reaches FTS5 as a quoted string: no operator of the user's survives.
        let plan = SearchPlan(parsed)
        if let match = plan.match {
            #expect(!match.contains("NEAR(") || match.contains("\"NEAR("), "\(match)")
        }
        do {
            _ = try Searcher(database: index.database).search(SearchRequest(query: parsed, filters: QueryFilters(), limit: 5))
        } catch {
            Issue.record("\(query.debugDescription): \(error)")
        }
    }

    @Test("control characters separate words like spaces")
    func controlCharacters() throws {
        #expect(try SearchQuery(parsing: "消费\u{1}补贴").description == "消费 补贴")
        #expect(try SearchQuery(parsing: "消费\u{0}\u{7F}补贴").description == "消费 补贴")
        #expect(throws: SearchQueryError.empty) { try SearchQuery(parsing: "\u{1}\u{2}\u{3}") }
    }

    @Test("a hostile query through the binary: hits, none, or a usage message — never an SQL error",
          arguments: ["\"消费", "NEAR(", "AND OR NOT", "title:消费", "(消费", "消费^", "消费\u{1}补贴", "😀", "*", "", long])
    func throughBinary(query: String) throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("q.db").path
        let ingest = try PolicyqBinary.run(["ingest", TestPaths.corpusFile("shanxi-restore-expand-consumption-measures-2023.txt").path,
                                            "--db", db, "--quiet"])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        let result = try PolicyqBinary.run(["search", "--db", db, "--", query])
        #expect([0, 1, 64].contains(result.status), "\(query.debugDescription): \(result.status) \(result.stderr)")
        for word in ["SQL", "fts5", "syntax error", "malformed", "unterminated"] {
            #expect(!result.stderr.localizedCaseInsensitiveContains(word), "\(query.debugDescription): \(result.stderr)")
        }
        if result.status == 64 { #expect(result.stderr.contains("query")) }
    }

    /// One fixture index for all cases of this suite.
    static func index() throws -> FixtureIndex {
        try shared.withLock { index in
            if let index { return index }
            let made = try FixtureIndex()
            index = made
            return made
        }
    }
    private static let shared = Mutex<FixtureIndex?>(nil)
}
