import PolicyCore
import PolicyFormat
import PolicyQuery
import Testing
import TestSupport

/// Everything an export writes, as text, in `format`.
func exported(_ table: Exporter.Table, _ format: OutputFormat, excel: Bool = false, index: FixtureIndex,
              _ configure: (inout QueryFilters) throws -> Void = { _ in }) throws -> String {
    var filters = QueryFilters()
    try configure(&filters)
    var text = ""
    let writer = ListingWriter(format: format, layout: Exporter.layout(of: table), excel: excel) { text += $0 }
    writer.start()
    try Exporter(database: index.database).export(table, filters: filters) { writer.add($0) }
    writer.finish()
    return text
}

@Suite("export, show, stats")
struct ExportShowStatsTests {
    @Test("documents as CSV read back by an RFC 4180 reader: the contract's columns, every value")
    func documentsCSV() throws {
        let index = try FixtureIndex()
        let records = try CSVReader.records(try exported(.documents, .csv, index: index))
        #expect(records.first == ["id", "source", "title", "doc_number", "issuers", "date", "level", "region",
                                  "doc_type", "start", "end"])
        let rows = try CSVReader.rows(try exported(.documents, .csv, index: index))
        #expect(rows.count == 4)
        let shanxiRow = try #require(rows.first { $0["id"] == shanxi })
        #expect(shanxiRow["title"] == "山西省恢复和扩大消费若干政策措施")
        #expect(shanxiRow["issuers"] == "山西省人民政府办公厅")
        #expect(shanxiRow["date"] == "2023-06-01")
        #expect(shanxiRow["level"] == "provincial")
        #expect(shanxiRow["region"] == "山西省")
        #expect(rows.first { $0["id"] == national }?["region"] == "")
    }

    @Test("clause text with commas, quotes and line breaks survives CSV; Excel adds a BOM")
    func clausesCSV() throws {
        let index = try FixtureIndex()
        let csv = try exported(.clauses, .csv, excel: true, index: index)
        #expect(csv.hasPrefix("\u{FEFF}id,"))
        let rows = try CSVReader.rows(csv)
        #expect(rows.count == 10)
        let car = try #require(rows.first { $0["id"] == "\(shanxi)#一/(一)" })
        #expect(rows.first { $0["id"] == "\(taiyuan)#三" }?["text"] == "三、咨询方式。电话:0351-1234567,联系人\"王\"\n(节假日除外)")
        #expect(car["text"] == PolicyFixtures.corpus[0].documents[0].clauses[1].text)
        #expect(car["ordinal"] == "1")
        #expect(car["depth"] == "2")
    }

    @Test("records: filters choose the records themselves")
    func recordsExport() throws {
        let index = try FixtureIndex()
        let amounts = try CSVReader.rows(try exported(.records, .csv, index: index) { $0.has = [.amount] })
        #expect(amounts.count == 4)
        #expect(amounts.allSatisfy { $0["kind"] == "amount" })
        let large = try CSVReader.rows(try exported(.records, .csv, index: index) {
            $0.minimumAmount = try AmountParser.yuan("10万")
        })
        #expect(large.map { $0["text"] } == ["2亿元", "不超过100万元"])
        #expect(large.last?["per"] == "企业")
        #expect(large.last?["qualifier"] == "max")
        #expect(large.last?["inclusive"] == "true")
        let agencies = try CSVReader.rows(try exported(.records, .csv, index: index) { $0.agency = "商务厅" })
        #expect(agencies.map { $0["normalized"] } == ["山西省商务厅", "山西省商务厅"])
    }

    @Test("JSON Lines export is the contract's objects, one per line; JSON is one array")
    func jsonExport() throws {
        let index = try FixtureIndex()
        let lines = try exported(.records, .jsonl, index: index) { $0.region = try QueryFilters.region(named: "太原") }
            .split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"type\":\"record\",\"id\":\"\(taiyuan)@") })
        let array = try exported(.documents, .json, index: index) { $0.levels = [.national] }
        #expect(array.hasPrefix("[\n  {\n    \"type\": \"document\""))
        #expect(array.hasSuffix("}\n]\n"))
        #expect(try exported(.documents, .json, index: index) { $0.levels = [.county] } == "[]\n")
    }

    @Test("TSV has one line per object, tabs only between fields")
    func tsvExport() throws {
        let tsv = try exported(.clauses, .tsv, index: try FixtureIndex())
        let lines = tsv.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 11)
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 10 })
    }

    @Test("show finds documents by id, 文号 or a unique part, and clauses by ID#path")
    func lookup() throws {
        let lookup = DocumentLookup(database: try FixtureIndex().database)
        guard case .document(let byID) = try lookup.find(shanxi) else { Issue.record("not a document"); return }
        #expect(byID.clauses.count == 4)
        #expect(byID.records.count == 6)
        guard case .document(let byPart) = try lookup.find("夜间经济") else { Issue.record("not found"); return }
        #expect(byPart.document.id == nightEconomy)
        guard case .clause(let clause) = try lookup.find("\(shanxi)#一/（一）") else { Issue.record("no clause"); return }
        #expect(clause.clause.heading == "鼓励汽车更新换代")
        #expect(clause.records.map(\.kind) == [.amount, .agency])
        guard case .clause(let parent) = try lookup.find("\(shanxi)#一") else { Issue.record("no clause"); return }
        #expect(parent.children.map(\.path) == ["一/(一)", "一/(二)"])
        #expect(throws: LookupError.noDocument("火星")) { try lookup.find("火星") }
        #expect(throws: LookupError.ambiguous("太原市", candidates: [
            "\(taiyuan)  太原市商务局关于开展汽车促消费活动的通知", "\(nightEconomy)  太原市促进夜间经济发展实施方案",
        ])) { try lookup.find("太原市") }
        #expect(throws: LookupError.noClause(document: shanxi, path: "九", available: ["一", "一/(一)", "一/(二)", "二"])) {
            try lookup.find("\(shanxi)#九")
        }
    }

    @Test("stats count documents by level, region, type and year, records by kind")
    func stats() throws {
        let counts = try IndexStatistics(database: try FixtureIndex().database).counts()
        func count(_ dimension: String, _ value: String) -> Int? {
            counts.first { $0.dimension == dimension && $0.value == value }?.count
        }
        #expect(count("total", "documents") == 4)
        #expect(count("total", "clauses") == 10)
        #expect(count("total", "files") == 3)
        #expect(count("level", "municipal") == 2)
        #expect(count("region", "太原市") == 2)
        #expect(count("region", "(none)") == 1)
        #expect(count("type", "意见") == 1)
        #expect(count("year", "2024") == 2)
        #expect(count("record_kind", "amount") == 4)
        #expect(counts.filter { $0.dimension == "year" }.map(\.value) == ["2024", "2023", "2022"])
    }

    @Test("tables align Chinese by display width and show highlights as brackets or colour")
    func tables() throws {
        let layout = ListingLayout(fields: ["a", "b"], table: [.init("a", "标题", maxWidth: 8), .init("b", "n")])
        var text = ""
        let writer = ListingWriter(format: .table, layout: layout) { text += $0 }
        writer.add(.object([("a", .string("山西省恢复和扩大消费")), ("b", .number(3))]))
        writer.add(.object([("a", .string("x\(Highlight.openString)汽车\(Highlight.closeString)y")), ("b", .null)]))
        writer.finish()
        #expect(text == "标题      n\n--------  -\n山西省…   3\nx[汽车]y\n")
        var coloured = ""
        let colourWriter = ListingWriter(format: .table, layout: layout) { coloured += $0 }
        colourWriter.tableHighlight = .ansi
        colourWriter.add(.object([("a", .string("\(Highlight.openString)汽车补贴标准\(Highlight.closeString)")), ("b", .null)]))
        colourWriter.finish()
        #expect(coloured.contains("\(Highlight.ansiOpen)汽车补\(Highlight.ansiClose)…\n"))
    }
}
