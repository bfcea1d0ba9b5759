import PolicyCore
import PolicyExtract
import PolicyPipeline
import PolicyQuery
import PolicyStore
import Testing
import TestSupport

/// `Fixtures/crossref` parsed and written into a fresh index: a national plan, a Shanxi plan
/// implementing it, a Taiyuan notice citing the Shanxi plan.
struct CrossReferenceIndex {
    let directory: TemporaryDirectory
    let database: IndexDatabase

    static let national = "国办发〔2024〕12号", shanxi = "晋政办发〔2024〕30号", taiyuan = "并商发〔2024〕5号"

    init() throws {
        directory = try TemporaryDirectory()
        let path = directory.file("crossref.db").path
        let writer = IndexWriter(database: try IndexDatabase.openForWriting(path: path))
        for name in ["national-car-trade-in-plan.txt", "shanxi-car-trade-in-measures.txt", "taiyuan-car-notice.txt"] {
            let file = try PolicyParser().parse(path: TestPaths.fixture("crossref/" + name).path)
            try writer.replace(file, stamp: FileStamp(key: "/crossref/" + name, source: name, size: 1, mtime: 1))
        }
        database = try IndexDatabase.openForReading(path: path)
    }
}

@Suite("Cross-references over the index")
struct CrossReferenceTests {
    @Test("citations resolve by 文号 and by title; what is not indexed stays unresolved")
    func resolution() throws {
        let index = try CrossReferenceIndex()
        let references = try CrossReferences(database: index.database)
        let shanxi = references.references(from: CrossReferenceIndex.shanxi)
        #expect(shanxi.count == 2)
        let byNumber = try #require(shanxi.first { $0.citedNumber != nil })
        #expect(byNumber.resolution?.target == CrossReferenceIndex.national)
        #expect(byNumber.resolution?.method == .docNumber)
        #expect(byNumber.targetTitle == "国务院办公厅关于推动汽车以旧换新的行动方案")
        let missing = try #require(shanxi.first { $0.citedTitle == "报废机动车回收管理办法" })
        #expect(missing.resolution == nil)
        #expect(missing.record.clauseId == CrossReferenceIndex.shanxi + "#一/(三)")

        // Title only: 《山西省推动汽车以旧换新实施方案》 is the plan the notice issues.
        let taiyuan = references.references(from: CrossReferenceIndex.taiyuan)
        #expect(taiyuan.compactMap(\.resolution?.target) == [CrossReferenceIndex.shanxi])
        #expect(taiyuan.first?.resolution?.method == .title)
    }

    @Test("cited-by lists the citing clauses; a clause path narrows refs to its subtree")
    func citedByAndClauses() throws {
        let references = try CrossReferences(database: try CrossReferenceIndex().database)
        #expect(references.citations(of: CrossReferenceIndex.national).map(\.record.docId) == [CrossReferenceIndex.shanxi])
        #expect(references.citations(of: CrossReferenceIndex.shanxi).map(\.record.docId) == [CrossReferenceIndex.taiyuan])
        #expect(references.citations(of: CrossReferenceIndex.taiyuan).isEmpty)
        #expect(references.references(from: CrossReferenceIndex.shanxi, clausePath: "一").map(\.citedTitle) == ["报废机动车回收管理办法"])
        #expect(references.references(from: CrossReferenceIndex.shanxi, clausePath: "二").isEmpty)
    }

    @Test("unresolved citations group by title or 文号, most cited first; self-citations are left out")
    func missingDocuments() {
        func citation(_ doc: String, _ n: Int, title: String?, number: String?) -> PolicyRecord {
            PolicyRecord(id: "\(doc)@\(n):citation", docId: doc, clauseId: nil, text: "", span: Span(start: n, end: n + 1),
                         value: .citation(title: title, docNumber: number, target: nil))
        }
        let documents = [CitationResolver.Document(id: "A", title: "甲省关于促进消费的措施", docNumber: "甲政发〔2024〕1号"),
                         CitationResolver.Document(id: "B", title: "乙省关于促进消费的措施", docNumber: nil)]
        let records = [
            citation("A", 1, title: "报废机动车回收管理办法", number: nil),
            citation("A", 2, title: "甲省关于促进消费的措施", number: "甲政发〔2024〕1号"),  // itself
            citation("B", 3, title: "报废机动车回收管理办法实施细则", number: "商务部令2020年第2号"),
            citation("B", 4, title: nil, number: "商务部令2020年第2号"),
            citation("B", 5, title: "《报废机动车回收管理办法》", number: nil),
            citation("B", 6, title: "甲省关于促进消费的措施", number: nil),
        ]
        let references = CrossReferences(documents: documents, citationRecords: records)
        #expect(references.citations.count == 5)
        let missing = references.missingDocuments()
        #expect(missing.map(\.title) == ["报废机动车回收管理办法", "报废机动车回收管理办法实施细则"])
        #expect(missing.map(\.citingDocuments) == [["A", "B"], ["B"]])
        #expect(missing.map(\.citations) == [2, 2])
        #expect(missing[1].docNumber == "商务部令2020年第2号")
    }
}

@Suite("Finding the national counterpart of a local document")
struct CounterpartFinderTests {
    @Test("the subject of a title: without issuer, region, wrapper and kind of document", arguments: [
        ("上海市优化营商环境条例", "优化营商环境"),
        ("优化营商环境条例", "优化营商环境"),
        ("山东省消费者权益保护条例", "消费者权益保护"),
        ("中华人民共和国消费者权益保护法", "消费者权益保护"),
        ("山西省人民政府办公厅关于印发山西省恢复和扩大消费若干政策措施的通知", "恢复和扩大消费"),
        ("国务院办公厅转发国家发展改革委关于恢复和扩大消费措施的通知", "恢复和扩大消费"),
        ("太原市促进夜间经济发展实施方案", "促进夜间经济发展"),
    ])
    func subject(title: String, expected: String) {
        #expect(CounterpartFinder.subject(of: title) == expected)
    }

    @Test("titles that cite the implemented law", arguments: [
        ("上海市实施《义务教育法》办法", ["义务教育法"]),
        ("浙江省实施«消费者权益保护法»办法", ["消费者权益保护法"]),
        ("关于修改〈山东省水资源条例〉的决定", ["山东省水资源条例"]),
        ("山西省恢复和扩大消费若干政策措施", []),
    ])
    func citedTitles(title: String, expected: [String]) {
        #expect(CounterpartFinder.citedTitles(in: title) == expected)
    }

    @Test("a region's documents find the national plan they implement; others are listed unmatched")
    func region() throws {
        let index = try CrossReferenceIndex()
        let finder = try CounterpartFinder(database: index.database)
        let shanxi = try finder.counterparts(in: try QueryFilters.region(named: "晋"))
        // The Taiyuan notice is a city's: a province includes its cities.
        #expect(Set(shanxi.matched.map(\.document)).union(shanxi.unmatched.map(\.id))
                == [CrossReferenceIndex.shanxi, CrossReferenceIndex.taiyuan])
        let plan = try #require(shanxi.matched.first { $0.document == CrossReferenceIndex.shanxi })
        #expect(plan.counterpart == CrossReferenceIndex.national)
        let taiyuanOnly = try finder.counterparts(in: try QueryFilters.region(named: "太原"))
        #expect(taiyuanOnly.matched.count + taiyuanOnly.unmatched.count == 1)
        #expect(try finder.counterparts(in: try QueryFilters.region(named: "上海")).matched.isEmpty)
    }
}
