import PolicyCore
import PolicyDiff
import Testing

/// Builds a small document from (label, text, records) triples, items under one section.
func side(_ id: String, _ items: [(String, String, [RecordValue])]) -> DiffSide {
    let document = PolicyDocument(id: id, source: id + ".txt", title: id, span: Span(start: 0, end: 0))
    var clauses: [Clause] = []
    var records: [PolicyRecord] = []
    for (n, (label, text, values)) in items.enumerated() {
        let clause = Clause(id: "\(id)#\(label)", docId: id, path: label, label: label, ordinal: n + 1, depth: 1,
                            heading: nil, text: label + text, span: Span(start: n * 100, end: n * 100 + 50),
                            kind: .item, parentPath: nil, line: n + 1)
        clauses.append(clause)
        for (k, value) in values.enumerated() {
            records.append(PolicyRecord(id: "\(clause.id)@\(k)", docId: id, clauseId: clause.id, text: "",
                                        span: Span(start: n * 100 + k, end: n * 100 + k + 1), value: value))
        }
    }
    return DiffSide(document: document, clauses: clauses, records: records)
}

let carSubsidyNational = "鼓励汽车更新换代。支持消费者报废旧车并购买新能源汽车,给予补贴,各地可结合实际加大支持力度。"
let carSubsidyProvincial = "鼓励汽车更新换代。消费者在省内报废个人名下汽车并购买新能源汽车,给予补贴,各市可结合实际加大支持力度。"
let chargingNational = "加快充电基础设施建设。推动居住区充电桩建设,完善高速公路服务区充电设施布局。"
let chargingProvincial = "加强充电基础设施建设。推动新建居住区充电桩建设,完善高速公路服务区快充设施布局。"
let tourismNational = "丰富文旅消费供给。推动景区提质升级,培育夜间文旅消费集聚区,发展冰雪旅游。"
let housingProvincial = "落实住房消费补贴。对购买新建商品住房的家庭按不同建筑面积给予购房补贴。"

func amount(_ v: Double, _ q: Qualifier = .max, per: String? = "辆") -> RecordValue {
    .amount(Magnitude(value: v, qualifier: q, inclusive: q == .exact ? nil : true), currency: "CNY", per: per)
}

@Suite("Aligning measures by content")
struct ClauseAlignerTests {
    @Test("renumbered and moved measures pair up; additions and omissions are unpaired")
    func renumberedAndMoved() {
        let national = side("国", [("(一)", carSubsidyNational, []), ("(二)", chargingNational, []),
                                   ("(三)", tourismNational, [])])
        let provincial = side("晋", [("(一)", chargingProvincial, []), ("(二)", housingProvincial, []),
                                     ("(三)", carSubsidyProvincial, [])])
        let diff = DocumentDiff(provincial, national)
        let pairs = diff.pairs.map { ($0.status, $0.a?.clause.label, $0.b?.clause.label) }
        #expect(pairs.contains { $0 == (.matched, "(一)", "(二)") })
        #expect(pairs.contains { $0 == (.matched, "(三)", "(一)") })
        #expect(pairs.contains { $0 == (.onlyInA, "(二)", nil) })
        #expect(pairs.contains { $0 == (.onlyInB, nil, "(三)") })
        #expect(diff.pairs.count == 4)
        #expect(diff.hasDifferences)
    }

    @Test("different values in the same measure make it changed, with one value row each")
    func changedValues() throws {
        let national = side("国", [("(一)", carSubsidyNational, [])])
        let provincial = side("晋", [("(三)", carSubsidyProvincial, [amount(2000), .time(relation: .by, start: nil, end: CivilDate(year: 2024, month: 12, day: 31), duration: nil)])])
        let diff = DocumentDiff(provincial, national)
        let pair = try #require(diff.pairs.first)
        #expect(pair.status == .changed)
        #expect(pair.differences.contains(ValueDifference(field: "amount", valueA: "≤2000元/辆", valueB: nil)))
        #expect(pair.differences.contains(ValueDifference(field: "time", valueA: "by 2024-12-31", valueB: nil)))
        let valueRows = diff.rows.filter { $0["type"] == .string("value") }
        #expect(valueRows.count == 2)
        #expect(valueRows[0]["a_clause"] == .string("晋#(三)"))
        #expect(valueRows[0]["b_clause"] == .string("国#(一)"))
    }

    @Test("equal values leave a pair matched; the same value stated twice counts once per side")
    func equalValues() throws {
        let national = side("国", [("(一)", carSubsidyNational, [amount(3000)])])
        let provincial = side("晋", [("(一)", carSubsidyProvincial, [amount(3000)])])
        let diff = DocumentDiff(provincial, national)
        #expect(diff.pairs.map(\.status) == [.matched])
        #expect(!diff.hasDifferences)
    }

    @Test("a measure split in two pairs both halves with the national one")
    func split() {
        let national = side("国", [("(一)", carSubsidyNational + chargingNational, [])])
        let provincial = side("晋", [("(一)", carSubsidyProvincial, []), ("(二)", chargingProvincial, [])])
        let diff = DocumentDiff(provincial, national)
        let paired = diff.pairs.filter { $0.a != nil && $0.b != nil }
        #expect(paired.count == 2)
        #expect(Set(paired.compactMap { $0.b?.clause.label }) == ["(一)"])
    }

    @Test("unrelated measures stay apart; a B-only measure with no paired predecessor comes first")
    func unrelated() {
        let diff = DocumentDiff(side("晋", [("(一)", housingProvincial, [])]), side("国", [("(一)", tourismNational, [])]))
        #expect(diff.pairs.map(\.status) == [.onlyInB, .onlyInA])
    }

    @Test("values are described the way documents write them", arguments: [
        (amount(2000), "≤2000元/辆"),
        (amount(1_000_000, .exact, per: nil), "100万元"),
        (RecordValue.amount(Magnitude(value: nil, qualifier: .range, min: 10000, max: 50000), currency: "CNY", per: nil), "1万元–5万元"),
        (RecordValue.percent(Magnitude(value: 10, qualifier: .min, inclusive: true), points: false), "≥10%"),
        (RecordValue.percent(Magnitude(value: 5, qualifier: .min, inclusive: false), points: true), ">5个百分点"),
        (RecordValue.quantity(Magnitude(value: 30000), unit: "台", per: nil), "3万台"),
        (RecordValue.time(relation: .target, start: nil, end: CivilDate(year: 2027, month: 12, day: 31), duration: nil), "target 2027-12-31"),
    ])
    func formatting(value: RecordValue, expected: String) {
        #expect(ValueFormatter.describe(value) == expected)
    }

    @Test("CSV rows have stable columns")
    func csvColumns() {
        let diff = DocumentDiff(side("晋", [("(一)", carSubsidyProvincial, [amount(2000)])]),
                                side("国", [("(一)", carSubsidyNational, [amount(3000)])]))
        #expect(DocumentDiff.csvColumns.prefix(8) == ["type", "status", "a_clause", "b_clause", "score", "field", "value_a", "value_b"])
        let rows = diff.csvRows
        #expect(rows.count == 2)
        #expect(rows[0][0] == "pair" && rows[0][1] == "changed")
        #expect(rows[1][0] == "value" && rows[1][5] == "amount" && rows[1][6] == "≤2000元/辆" && rows[1][7] == "≤3000元/辆")
    }

    @Test("below the threshold, two measures pair only when each is the other's best match")
    func mutualBest() {
        // Reworded: the same measure shares few bigrams (score between the floor and the threshold).
        let provincial = side("晋", [("(一)", "强化消费金融支持。鼓励银行创新产品，提高个人消费贷款额度。", []),
                                     ("(二)", housingProvincial, [])])
        let national = side("国", [("(一)", "强化信贷支持。引导金融机构加大个人贷款投放，合理确定贷款额度和期限。", []),
                                   ("(二)", tourismNational, [])])
        let aligner = ClauseAligner()
        let scored = aligner.align(MeasureUnit.units(of: provincial), MeasureUnit.units(of: national))
        let pair = scored.first { $0.a != nil && $0.b != nil }
        #expect(pair?.a?.clause.label == "(一)" && pair?.b?.clause.label == "(一)")
        #expect((pair?.score ?? 1) < ClauseAligner.defaultThreshold)
        // Without the mutual rule (floor = threshold) the reworded pair falls apart.
        let strict = ClauseAligner(mutualFloor: ClauseAligner.defaultThreshold)
        #expect(!strict.align(MeasureUnit.units(of: provincial), MeasureUnit.units(of: national)).contains { $0.a != nil && $0.b != nil })
        // A measure that is only someone's second best stays unpaired.
        let crowded = side("国", [("(一)", "强化信贷支持。引导金融机构加大个人消费贷款投放，合理确定消费贷款额度和期限。", []),
                                  ("(二)", "强化消费金融支持。鼓励金融机构创新消费信贷产品，提高个人消费贷款额度。", [])])
        let rows = aligner.align(MeasureUnit.units(of: provincial), MeasureUnit.units(of: crowded))
        #expect(rows.filter { $0.a != nil && $0.b != nil }.map { $0.b?.clause.label } == ["(二)"])
    }
}
