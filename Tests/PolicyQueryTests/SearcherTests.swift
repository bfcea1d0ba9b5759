import PolicyCore
import PolicyFormat
import PolicyQuery
import PolicyStore
import Testing
import TestSupport

/// The fixture corpus in a fresh index (the directory goes when the value does).
struct FixtureIndex {
    let directory: TemporaryDirectory
    let database: IndexDatabase

    init() throws {
        directory = try TemporaryDirectory()
        let writable = try IndexDatabase.openForWriting(path: directory.file("fixture.db").path)
        let writer = IndexWriter(database: writable)
        for file in PolicyFixtures.corpusFiles {
            let path = file.source.path
            try writer.replace(file, stamp: FileStamp(key: "/fixtures/" + path, source: path, size: 1, mtime: 1))
        }
        database = try IndexDatabase.openForReading(path: directory.file("fixture.db").path)
    }

    func search(_ text: String, limit: Int = 50, _ configure: (inout QueryFilters) throws -> Void = { _ in })
        throws -> SearchResult {
        var filters = QueryFilters()
        try configure(&filters)
        return try Searcher(database: database).search(
            SearchRequest(query: try SearchQuery(parsing: text), filters: filters, limit: limit))
    }

    /// Hits as `doc_id#path`, or the doc id alone for a document hit.
    func hits(_ text: String, _ configure: (inout QueryFilters) throws -> Void = { _ in }) throws -> [String] {
        try search(text, configure).hits.map { $0.clauseID ?? $0.docID }
    }
}

let shanxi = "晋政办发〔2023〕65号", national = "国发〔2024〕7号", taiyuan = "并商发〔2024〕12号"
let nightEconomy = "taiyuan-notice--太原市促进夜间经济发展实施方案"

@Suite("search")
struct SearcherTests {
    @Test("Chinese of 1, 2 and 4 characters, ASCII words and numbers", arguments: [
        ("税", ["\(national)#三"]),
        ("财政", ["\(national)#一", "\(shanxi)#一/(二)"]),
        ("更新换代", ["\(shanxi)#一/(一)"]),
        ("GDP", ["\(national)#二"]),
        ("ｇｄｐ", ["\(national)#二"]),
        ("5G", ["\(national)#二"]),
        ("3000", ["\(shanxi)#一/(一)"]),
        ("2027", ["\(national)#三"]),
    ])
    func terms(query: String, expected: [String]) throws {
        #expect(Set(try FixtureIndex().hits(query)) == Set(expected))
    }

    @Test("a title match is a document hit (no clause) and ranks first")
    func titleHits() throws {
        let index = try FixtureIndex()
        #expect(try index.hits("扩容提质") == [national])
        let cars = try index.search("汽车").hits
        #expect(cars.first?.clauseID == nil)
        #expect(cars.first?.docID == taiyuan)
        #expect(cars.contains { $0.clauseID == "\(shanxi)#一/(一)" })
        // Scores are positive and descending.
        #expect(cars.allSatisfy { $0.score > 0 })
        #expect(cars.map(\.score) == cars.map(\.score).sorted(by: >))
    }

    @Test("words only in a title match the document, not its clauses; all words must be in one row")
    func titleWords() throws {
        let index = try FixtureIndex()
        #expect(Set(try index.hits("太原")) == [taiyuan, nightEconomy])
        #expect(try index.hits("太原 补贴").isEmpty)
        #expect(try index.hits("补贴") { $0.region = try QueryFilters.region(named: "太原") } == ["\(taiyuan)#二"])
    }

    @Test("OR, exclusion and phrases")
    func operators() throws {
        let index = try FixtureIndex()
        #expect(Set(try index.hits("家电 OR 夜市")) == ["\(shanxi)#一/(二)", nightEconomy])
        let subsidies = try index.hits("补贴")
        #expect(subsidies.contains("\(shanxi)#一/(二)"))
        #expect(!(try index.hits("补贴 -家电")).contains("\(shanxi)#一/(二)"))
        #expect(try index.hits("\"以旧 换新\"") == ["\(shanxi)#一/(二)"])
        #expect(try index.hits("\"换新 以旧\"").isEmpty)
    }

    @Test("filters", arguments: [
        ("region 山西 takes in its cities", "补贴", ["\(shanxi)#一/(一)", "\(shanxi)#一/(二)", "\(taiyuan)#二"]),
        ("region 太原", "补贴", ["\(taiyuan)#二"]),
        ("level national", "补贴", []),
        ("type 措施", "补贴", ["\(shanxi)#一/(一)", "\(shanxi)#一/(二)"]),
        ("issuer 商务局", "补贴", ["\(taiyuan)#二"]),
        ("agency 商务厅", "补贴", ["\(shanxi)#一/(一)", "\(shanxi)#一/(二)"]),
        ("agency 财政厅", "补贴", ["\(shanxi)#一/(二)"]),
        ("since 2024-01-01", "支持", ["\(national)#一"]),
        ("until 2023-12-31", "支持", ["\(shanxi)#一/(二)", nightEconomy]),
        ("has percent", "补贴", ["\(shanxi)#一/(二)"]),
        ("has amount", "补贴", ["\(shanxi)#一/(一)", "\(taiyuan)#二"]),
        ("min-amount 1000元", "补贴", ["\(shanxi)#一/(一)", "\(taiyuan)#二"]),
        ("min-amount 10万", "补贴", ["\(taiyuan)#二"]),
        ("doc", "补贴", ["\(taiyuan)#二"]),
    ])
    func filters(name: String, query: String, expected: [String]) throws {
        let hits = try FixtureIndex().hits(query) { filters in
            switch name.split(separator: " ").first.map(String.init) {
            case "region": filters.region = try QueryFilters.region(named: String(name.split(separator: " ")[1]))
            case "level": filters.levels = [.national]
            case "type": filters.docTypes = ["措施"]
            case "issuer": filters.issuer = "商务局"
            case "agency": filters.agency = String(name.split(separator: " ")[1])
            case "since": filters.since = CivilDate(iso: "2024-01-01")
            case "until": filters.until = CivilDate(iso: "2023-12-31")
            case "has": filters.has = [RecordKind(rawValue: String(name.split(separator: " ")[1]))!]
            case "min-amount": filters.minimumAmount = try AmountParser.yuan(String(name.split(separator: " ")[1]))
            default: filters.documentID = taiyuan
            }
        }
        #expect(Set(hits) == Set(expected), "\(name)")
    }

    @Test("snippets mark every match")
    func snippets() throws {
        let hit = try #require(try FixtureIndex().search("以旧换新").hits.first)
        #expect(hit.snippet.contains("\(Highlight.openString)以旧换新\(Highlight.closeString)"))
        #expect(hit.path == "一/(二)")
        #expect(hit.heading == "支持家电以旧换新")
        #expect(hit.docNumber == shanxi)
        #expect(hit.date == "2023-06-01")
        let json = hit.json
        #expect(json["type"] == .string("hit"))
        #expect(ListingWriter.bracketed(json)["snippet"]?.compact.contains("[以旧换新]") == true)
    }

    @Test("text the index cannot serve is scanned, with a note; symbols are checked literally")
    func scanAndLiterals() throws {
        let index = try FixtureIndex()
        let star = try index.search("★")
        #expect(star.hits.map(\.docID) == [nightEconomy])
        #expect(star.hits.first?.score == 0)
        #expect(star.hits.first?.snippet.contains("\(Highlight.openString)★\(Highlight.closeString)") == true)
        #expect(star.notes.count == 1)
        // 5% must not find 5G, and the literal part also matches the full-width form.
        #expect(try index.hits("5%") == ["\(national)#三"])
        #expect(try index.hits("10％") == ["\(shanxi)#一/(二)"])
        #expect(try index.hits("夜市 ★") == [nightEconomy])
    }

    @Test("limit and truncation")
    func limit() throws {
        let result = try FixtureIndex().search("补贴", limit: 1)
        #expect(result.hits.count == 1)
        #expect(result.truncated)
    }

    @Test("hostile input never reaches SQLite as syntax", arguments: [
        "\"", "\"\"", "NEAR(", "a AND", "(", ")", "^汽车", "{title}:汽车", "title:汽车", "OR OR OR", "- -",
        "\"a\" \"b", "\u{0}汽车", "汽车\u{0}", "💰补贴", "补贴*", "*补贴", "a NOT b", "NOT", "AND",
        "'; DROP TABLE documents; --", "汽车\" OR \"家电", "{", "}", "+", "[", "]", "\\", "%", "_",
        String(repeating: "汽车 ", count: 64), String(repeating: "长", count: 256),
    ])
    func hostile(input: String) throws {
        let index = try FixtureIndex()
        guard let query = try? SearchQuery(parsing: input) else { return }
        _ = try Searcher(database: index.database).search(SearchRequest(query: query))
    }
}
