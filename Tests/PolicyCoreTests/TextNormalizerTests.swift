import Foundation
import PolicyCore
import Testing
import TestSupport

@Suite("Normalized view with offset map")
struct TextNormalizerTests {
    @Test("characters and whitespace", arguments: [
        ("２０２３（一）", "2023(一)"),
        ("晋政办发〔２０２３〕６５号", "晋政办发〔2023〕65号"),
        ("«报废机动车回收管理办法实施细则»", "《报废机动车回收管理办法实施细则》"),
        ("到 2027 年，达到 1.2万亿元", "到2027年,达到1.2万亿元"),
        ("2024 年 11 月 6 日", "2024年11月6日"),
        ("GDP  growth 4.3%", "GDP growth 4.3%"),
        ("第一条　为了", "第一条为了"),
        ("请认真贯彻执行.", "请认真贯彻执行。"),
        ("绿色.“以旧换新”", "绿色。“以旧换新”"),
        ("一.总体要求", "一.总体要求"),
        ("增长1.5倍", "增长1.5倍"),
        ("2024年－2027年", "2024年-2027年"),
        ("①鼓励", "①鼓励"),
        ("\u{FEFF}通知", "通知"),
        ("  缩进  ", "缩进"),
    ])
    func characters(input: String, expected: String) {
        let view = NormalizedText(normalizing: input)
        #expect(view.string == expected + "\n")
    }

    @Test("paragraph mode keeps every line, drops blank ones")
    func paragraphs() {
        let view = NormalizedText(normalizing: "第一条 甲。\r\n\r\n第二条 乙\r第三条 丙\n", lineMode: .paragraphs)
        #expect(view.string == "第一条甲。\n第二条乙\n第三条丙\n")
        #expect(view.paragraphs.count == 3)
    }

    @Test("hard-wrapped text is reflowed; short lines and sentence ends keep their break")
    func hardWrapped() {
        let text = """
            为深入贯彻落实党中央、国务院关于恢复和扩大消费系列决
            策部署,加快释放消费潜力,着力扩大有效需求,推动全省经济持
            续回升向好,现制定如下政策措施.
            一、总体要求
            坚持以习近平新时代中国特色社会主义思想为指导,全面贯
            彻落实党的二十大精神。
            """
        let view = TextNormalizer(lineMode: .hardWrapped).normalize(SourceText(path: "t", text: text))
        let paragraphs = view.paragraphs.map { view.string($0) }
        #expect(paragraphs == [
            "为深入贯彻落实党中央、国务院关于恢复和扩大消费系列决策部署,加快释放消费潜力,着力扩大有效需求,推动全省经济持续回升向好,现制定如下政策措施。",
            "一、总体要求",
            "坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻落实党的二十大精神。",
        ])
    }

    @Test("dropped ranges vanish and a sentence is joined across them")
    func dropping() {
        let text = "网络数据处理者应当履行数据安全保护义务并且依法承担相应\n— 12 —\n的法律责任。\n"
        let source = SourceText(path: "t", text: text)
        let scalars = Array(text.unicodeScalars)
        let pageStart = scalars.firstIndex(of: "—")!
        let pageEnd = pageStart + "— 12 —".unicodeScalars.count
        let view = TextNormalizer(lineMode: .hardWrapped).normalize(source, dropping: [pageStart..<pageEnd])
        #expect(view.string == "网络数据处理者应当履行数据安全保护义务并且依法承担相应的法律责任。\n")
    }

    @Test("every mapped range lies inside the source and is ordered")
    func mapIsMonotonic() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        for prefix in ["000", "001", "002", "003", "004"] {
            let source = SourceText(path: prefix, text: try TestPaths.text(TestPaths.seed(prefix)))
            let view = TextNormalizer().normalize(source)
            var last = 0
            for i in 0..<view.count {
                let start = Int(view.sourceStarts[i]), end = Int(view.sourceEnds[i])
                #expect(start >= last || view.scalars[i] == " ", "\(prefix) at \(i)")
                #expect(start <= end && end <= source.count)
                last = start
            }
        }
    }

    /// The Shanxi seed: PDF text with full-width digits, hard line breaks and blank lines between
    /// every line. Spans found in the normalized view must point at the exact original text.
    @Test("Shanxi seed: spans map back to the original text")
    func shanxiOffsets() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let source = SourceText(path: "003", text: try TestPaths.text(TestPaths.seed("003")))
        #expect(TextNormalizer.looksHardWrapped(source))
        let view = TextNormalizer().normalize(source)
        let cases: [(normalized: String, original: String)] = [
            ("每辆最高2000元补贴", "每辆最高２０００元补贴"),
            ("每辆最高3000元补贴", "每辆最\n\n高３０００元补贴"),
            ("晋政办发〔2023〕65号", "晋政办发〔２０２３〕６５号"),
            ("《报废机动车回收管理办法实施细则》", "«报废机动车回收管理办法实施细则»"),
            ("系列决策部署", "系列决\n\n策部署"),
            ("2023年新增公共充电桩3万台", "２０２３年新增公共充电桩３万台"),
        ]
        for (normalized, original) in cases {
            let index = try #require(view.firstIndex(of: normalized), "\(normalized) not in the normalized view")
            let span = view.sourceSpan(of: index..<(index + normalized.unicodeScalars.count))
            #expect(source[span] == original)
        }
        // A clause label starts its own paragraph and the clause's sentences are joined.
        let paragraphs = view.paragraphs.map { view.string($0) }
        #expect(paragraphs.contains { $0.hasPrefix("(一)鼓励汽车更新换代。2023年下半年,消费者通过省内已备案的二手车企,转出个人名下汽车") })
        #expect(paragraphs.contains("一、总体要求"))
        #expect(paragraphs.contains("二、扩大汽车消费"))
    }

    @Test("markdown laws are not reflowed")
    func lawsNotReflowed() throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let url = TestPaths.corpora.appendingPathComponent("laws-md/行政法规/优化营商环境条例(2019-10-22).md")
        let source = SourceText(path: "law", text: try TestPaths.text(url))
        #expect(!TextNormalizer.looksHardWrapped(source))
        let view = TextNormalizer().normalize(source)
        #expect(view.paragraphs.map { view.string($0) }.contains { $0.hasPrefix("第二条本条例所称营商环境") })
    }
}
