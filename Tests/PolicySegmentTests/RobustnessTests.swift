import PolicyCore
@testable import PolicySegment
import Testing

/// Random documents stitched from labels, quotes, attachments, tables of contents and punctuation:
/// the segmenter must neither crash nor break its invariants on any of them.
@Suite("Robustness on scrambled input")
struct RobustnessTests {
    static let fragments = [
        "一、", "二、", "十二、", "(一)", "（三）", "(1)", "1.", "2、", "①", "第一条 ", "第二条", "第一百条之一 ", "第一章 总则", "第二节",
        "第一编", "附件", "附件1", "附件:", "目录", "目  录", "之一", "一是", "二是", "“", "”", "《", "》", "。", ",", ";", ":", "\n",
        "\n\n", "\r\n", " ", "　", "#", "## ", "- ", "2023年11月4日", "各地区各部门要", "本文件自印发之日起执行", "抄送:", "(此件公开发布)",
        "新华社记者", ".pdf", "鼓励汽车更新换代", "支持20个县", "1.5倍", "第二十条规定", "【立法目的】", "（目的和依据）", "〇", "零",
    ]

    @Test("random documents keep the invariants", arguments: 0..<8)
    func scrambled(seed: Int) {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<60 {
            var text = ""
            for _ in 0..<next(120) { text += Self.fragments[next(Self.fragments.count)] }
            let doc = Segmented(text)
            #expect(doc.invariantViolations.isEmpty, "\(text.debugDescription): \(doc.invariantViolations.prefix(3))")
            // And on any part of the view.
            let view = doc.view
            if view.count > 2 {
                let start = next(view.count), end = start + next(view.count - start + 1)
                let part = Segmented(source: doc.source, view: view, range: start..<end)
                #expect(part.invariantViolations.isEmpty, "\(text.debugDescription) [\(start), \(end))")
            }
        }
    }
}

@Suite("Clause texts from scalars")
struct ScalarStringTests {
    @Test("String(scalars:) round-trips 1- to 4-byte UTF-8", arguments: ["", "abc", "é·«»", "汉字（一）　。", "𠀀𪚥😀", "a汉é𠀀\n\r\t"])
    func roundTrip(text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(String(scalars: scalars[...]) == text)
        #expect(String(scalars: scalars.dropFirst()) == String(String.UnicodeScalarView(scalars.dropFirst())))
    }
}
