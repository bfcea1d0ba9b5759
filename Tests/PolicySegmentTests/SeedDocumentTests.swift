import Foundation
import PolicyCore
import PolicyIngest
@testable import PolicySegment
import Testing
import TestSupport

/// The five seed documents, read through the real ingest.
@Suite("Seed documents")
struct SeedDocumentTests {
    /// Shanxi's sections and the items under each (晋政办发〔2023〕65号).
    static let shanxiSections: [(String, String, ClosedRange<Int>?)] = [
        ("一", "总体要求", nil), ("二", "扩大汽车消费", 1...6), ("三", "支持住房需求", 7...11), ("四", "扩大服务消费", 12...18),
        ("五", "促进农村消费", 19...22), ("六", "拓展品质消费", 23...25), ("七", "扩大有效供给", 26...28),
        ("八", "优化消费环境", 29...32),
    ]

    static let shanxiHeadings = [
        "鼓励汽车更新换代", "活跃二手车交易市场", "支持报废机动车回收利用", "推广应用新能源汽车", "加强电动汽车充(换)电基础设施建设",
        "增加停车位供给", "做好“保交楼”工作", "落实住房消费补贴", "加强住房信贷支持", "优化住房公积金政策供给", "提升家装家居和家电消费",
        "扩大餐饮消费", "丰富文旅业态", "激活文旅消费", "促进文娱体育消费", "推动会展业提质升级", "支持康养消费", "提升健康服务消费",
        "完善农村电子商务和快递物流配送体系", "推动特色产品进城", "加大消费帮扶力度", "大力发展乡村旅游", "壮大数字消费", "推广绿色消费",
        "促进品牌消费", "培育消费品重点产业链", "做强消费品特色专业镇", "加快预制菜产业发展", "培育多层级消费中心", "补齐消费基础设施短板",
        "强化消费金融支持", "提升消费服务质量水平",
    ]

    @Test("Shanxi (seed 003): sections 一…八 and items (一)…(三十二) with headings and full text, nothing else")
    func shanxi() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let parsed = try IngestedSegmentation(TestPaths.seed("003"))
        var expected: [String] = []
        for (section, _, items) in Self.shanxiSections {
            expected.append(section)
            for n in items.map(Array.init) ?? [] { expected.append("\(section)/(\(ChineseNumeral.chinese(n)))") }
        }
        let clauses = parsed.clauses
        #expect(clauses.map(\.path) == expected)
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        for (section, heading, _) in Self.shanxiSections {
            let clause = clauses.first { $0.path == section }
            #expect(clause?.heading == heading)
            #expect(clause?.depth == 1)
            #expect(clause?.kind == .outline)
        }
        let items = clauses.filter { $0.kind == .item }
        #expect(items.map(\.ordinal) == Array(1...32))
        #expect(items.compactMap(\.heading) == Self.shanxiHeadings)
        for item in items {
            #expect(item.depth == 2)
            #expect(parsed.file.source[item.span] == item.text)
            // The full text, responsibility parenthesis included, and nothing after it.
            let flat = item.text.filter { !$0.isNewline }
            #expect(flat.contains("(责任单位:") && (flat.hasSuffix(")") || flat.hasSuffix("）")), "\(item.path): \(flat.suffix(30))")
        }
        let first = try #require(clauses.first { $0.path == "二/(一)" })
        #expect(first.text.hasPrefix("(一)鼓励汽车更新换代.２０２３年下半年"))
        #expect(first.text.hasSuffix("(责任单位:省商务厅、省公安厅、省财政厅,各市人民政府)"))
        #expect(first.line == 55)
        let last = try #require(clauses.last)
        #expect(last.text.hasSuffix("(责任单位:省市场监\n\n管局)"))
    }

    @Test("national plan (seed 002): sections and items (三)…(三十), a warning for (一)(二), no clauses from the news")
    func nationalPlan() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let parsed = try IngestedSegmentation(TestPaths.seed("002"))
        let clauses = parsed.clauses
        let items = clauses.filter { $0.kind == .item }
        #expect(items.map(\.ordinal) == Array(3...30))
        #expect(clauses.filter { $0.kind == .outline }.map(\.label) == ["二", "三", "四", "五", "六", "七"])
        #expect(clauses.count == items.count + 6)
        #expect(items.allSatisfy { $0.heading != nil && $0.depth == 2 })
        #expect(clauses.first { $0.path == "二/(五)" }?.heading == "加大生育养育保障力度")
        #expect(clauses.first { $0.path == "(三)" }?.heading == "多措并举促进农民增收")
        #expect(parsed.warnings.contains("(三): numbering starts at (三), (一)…(二) missing"), "\(parsed.warnings)")
        #expect(parsed.warnings.contains("二: numbering starts at 二, 一 missing"), "\(parsed.warnings)")
        #expect(parsed.warnings.count == 2, "\(parsed.warnings)")
        let last = try #require(clauses.last)
        #expect(last.label == "(三十)")
        #expect(last.text.hasSuffix("完善全口径消费统计制度。"))
        #expect(!clauses.contains { $0.text.contains("新华社") })
    }

    @Test("网络数据安全管理条例 in the 2024 compilation (seed 004): 9 chapters, 第一条…第六十四条")
    func dataSecurityRegulation() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let parsed = try IngestedSegmentation(TestPaths.seed("004"))
        let regulation = try #require(parsed.document(titled: "网络数据安全管理条例", before: "国务院关于促进服务消费高质量发展的意见"))
        let clauses = regulation.clauses
        let chapters = clauses.filter { $0.kind == .chapter }
        #expect(chapters.map(\.ordinal) == Array(1...9))
        #expect(chapters.first?.heading == "总则")
        #expect(chapters.last?.heading == "附则")
        let articles = clauses.filter { $0.kind == .article }
        #expect(articles.map(\.ordinal) == Array(1...64))
        #expect(articles.allSatisfy { $0.depth == 2 && $0.heading == nil })
        #expect(articles.first?.path == "第一章/第一条")
        #expect(articles.last?.path == "第九章/第六十四条")
        #expect(regulation.warnings.isEmpty, "\(regulation.warnings)")
        #expect(regulation.invariantViolations.isEmpty, "\(regulation.invariantViolations)")
        // 款 and items of an article
        #expect(clauses.contains { $0.path == "第一章/第二条/第二款" })
        #expect(clauses.contains { $0.path == "第一章/第二条/第三款" })
        #expect(clauses.contains { $0.path == "第三章/第二十一条/(四)" })
        #expect(clauses.contains { $0.path == "第四章/第三十一条/第二款/(六)" })
        let article = try #require(clauses.first { $0.path == "第一章/第二条" })
        #expect(article.text == "第二条 在中华人民共和国境内开展网络数据处理活动及其安全监督管理，\n\n适用本条例。")
    }

    @Test("every seed segments with spans that index the source", arguments: ["000", "001", "002", "003", "004"])
    func invariants(seed: String) throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let parsed = try IngestedSegmentation(TestPaths.seed(seed))
        for (draft, segmentation) in parsed.documents {
            let segmented = Segmented(source: parsed.file.source, view: parsed.file.normalized,
                                      range: draft.bodyStart..<draft.range.upperBound)
            #expect(segmented.invariantViolations.isEmpty, "\(segmented.invariantViolations.prefix(5))")
            #expect(segmented.clauses.map(\.span) == segmentation.clauses.map(\.span))
        }
    }

    @Test("slide deck (seed 001): repeated slide headings do not repeat clauses")
    func slideDeck() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let parsed = try IngestedSegmentation(TestPaths.seed("001"))
        let paths = parsed.clauses.map(\.path)
        #expect(paths.starts(with: ["一", "一/(一)", "一/(一)/一是", "一/(一)/二是", "一/(一)/三是", "一/(二)", "一/(二)/1", "一/(二)/2",
                                    "一/(二)/3", "一/(二)/4", "一/(三)"]), "\(paths.prefix(12))")
        #expect(paths.contains("三/(六)"))
    }
}
