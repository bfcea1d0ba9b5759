import PolicyCore
@testable import PolicyExtract
import Testing
import TestSupport

/// Random text built from the characters the agency and citation scanners react to: every
/// extraction must lie inside its paragraph, be non-empty, and its source text must be non-empty.
@Suite("Agencies and citations: random input")
struct AgencyCitationRobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "《", "》", "«", "»", "(", ")", "（", "）", "“", "”", "〈", "〉", ":", "：", "、", ",", "，", ";", "。", "\n", " ",
        "省", "市", "自治区", "山西省", "太原市", "国务院", "办公厅", "商务厅", "人民政府", "发展改革委", "人行", "国家金融监督管理总局",
        "责任单位", "牵头", "配合", "负责", "按职责分工", "等", "和", "各", "有关", "部门", "领导小组", "委", "员会",
        "国发", "〔", "〕", "[", "]", "2024", "7", "号", "令", "第", "公告", "年", "月", "日", "〇", "二", "十",
        "办法", "条例", "通知", "简称", "以下", "关于", "印发", "的", "红楼梦",
    ]

    @Test("never out of bounds", arguments: 0..<100)
    func random(seed: Int) {
        var generator = SplitMix(state: UInt64(seed) &* 7919 &+ 1)
        var text = ""
        for _ in 0..<Int.random(in: 1...400, using: &generator) {
            text += Self.pieces.randomElement(using: &generator) ?? ""
        }
        let source = SourceText(path: "-", text: text)
        let view = TextNormalizer().normalize(source)
        let region = Gazetteer.shared.region(named: "山西省")
        let context = ExtractionContext(region: region, level: .provincial)
        for extraction in RecordExtractor().extract(view, range: 0..<view.count, context: context) {
            #expect(!extraction.range.isEmpty && extraction.range.upperBound <= view.count, "seed \(seed): \(text)")
            guard !extraction.range.isEmpty, extraction.range.upperBound <= view.count else { continue }
            #expect(!view.string(extraction.range).contains("\n"), "seed \(seed): \(text)")
            #expect(!source[view.sourceSpan(of: extraction.range)].isEmpty)
        }
        // The resolver takes any title.
        _ = CitationResolver(documents: [.init(id: "a", title: text, docNumber: text)]).resolve(title: text, docNumber: text)
    }
}
