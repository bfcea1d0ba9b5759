import PolicyCore
@testable import PolicySegment
import Testing

@Suite("Numbering anomalies are reported, not repaired")
struct NumberingWarningTests {
    @Test("anomalies and their messages", arguments: [
        ("（三）甲。\n（四）乙。", ["(三): numbering starts at (三), (一)…(二) missing"]),
        ("（二）甲。\n（三）乙。", ["(二): numbering starts at (二), (一) missing"]),
        ("（一）甲。\n（二）乙。\n（四）丙。", ["(四): (三) missing between (二) and (四)"]),
        ("（一）甲。\n（二）乙。\n（二）丙。", ["(二)~2: duplicate (二) (also at line 2)"]),
        ("（一）甲。\n（三）乙。\n（二）丙。", ["(三): (二) missing between (一) and (三)", "(二): (二) follows (三)"]),
        ("一、甲\n三、乙", ["三: 二 missing between 一 and 三"]),
        ("1.甲\n2.乙\n5.丙", ["5: 3…4 missing between 2 and 5"]),
        ("第一条 甲。\n第二条 乙。\n第二条 丙。", ["第二条~2: duplicate 第二条 (also at line 2)"]),
        ("第一章 总则\n第一条 甲。\n第二条 乙。\n第二章 附则\n第五条 丙。", ["第二章/第五条: 第三条…第四条 missing between 第二条 and 第五条"]),
        ("第一章 总则\n第一条 甲。\n第三章 附则\n第二条 乙。", ["第三章: 第二章 missing between 第一章 and 第三章"]),
        ("第3条 甲。\n第4条 乙。", ["第3条: numbering starts at 第3条, 第1条…第2条 missing"]),
    ])
    func anomalies(text: String, messages: [String]) {
        let doc = Segmented(text)
        #expect(doc.warnings == messages)
    }

    @Test("regular numbering is quiet", arguments: [
        "一、甲\n（一）子。\n（二）子。\n二、乙\n（三）子。\n（四）子。",      // items continue across sections
        "一、甲\n（一）子。\n（二）子。\n二、乙\n（一）子。\n（二）子。",      // or restart
        "第一章 总则\n第一条 甲。\n第二章 附则\n第二条 乙。",               // articles count through chapters
        "第一章 甲\n第一节 子\n第一条 甲。\n第二节 子\n第二条 乙。\n第二章 乙\n第一节 子\n第三条 丙。",
        "第一编 总则\n第一章 甲\n第一条 甲。\n第二章 乙\n第二条 乙。\n第二编 分则\n第一章 丙\n第三条 丙。",  // 章 restart per 编
        "第一条 甲。\n第一条之一 乙。\n第一条之二 丙。\n第二条 丁。",
        "一、甲\n（一）子。\n附件1\n清单\n一、甲\n（一）子。",                // attachments restart
        "（一）甲。一是完善机制;二是加强协调。\n（二）乙。一是完善机制;二是加强协调。",
    ])
    func quiet(text: String) {
        let doc = Segmented(text)
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
    }

    @Test("warnings read path:line: warning: message")
    func diagnosticForm() throws {
        let doc = Segmented("一、扩大消费\n（三）多措并举促进农民增收。", path: "plan.txt")
        let diagnostic = try #require(doc.result.diagnostics.first)
        #expect(diagnostic.description == "plan.txt:2: warning: 一/(三): numbering starts at (三), (一)…(二) missing")
        #expect(diagnostic.severity == .warning)
    }
}
