import PolicyCore
import PolicyFormat
import Testing

@Suite("Outline of the clause tree (parse --format text)")
struct OutlineRendererTests {
    static func clause(_ path: String, label: String, depth: Int, heading: String?, text: String, line: Int) -> Clause {
        Clause(id: "d#" + path, docId: "d", path: path, label: label, ordinal: 1, depth: depth, heading: heading,
               text: text, span: Span(start: line * 10, end: line * 10 + 5), kind: .item, parentPath: nil, line: line)
    }

    @Test("labels indented by depth, headings in brackets, first words after them, warnings under their clause")
    func outline() {
        let document = PolicyDocument(id: "d", source: "plan.txt", title: "提振消费专项行动方案", span: Span(start: 0, end: 100))
        let clauses = [
            Self.clause("二", label: "二", depth: 1, heading: "消费能力保障支持行动", text: "## 二、消费能力保障支持行动", line: 3),
            Self.clause("二/(三)", label: "(三)", depth: 2, heading: "加大生育养育保障力度",
                        text: "（三）加大生育养育保障力度。研究建立育儿补贴制度。", line: 5),
            Self.clause("第一条", label: "第一条", depth: 1, heading: "目的和依据", text: "第一条（目的和依据）\n为了推进建设，制定本办法。",
                        line: 9),
        ]
        let warnings = [Diagnostic.warning("二/(三): numbering starts at (三), (一)…(二) missing", path: "plan.txt", line: 5),
                        Diagnostic.warning("elsewhere", path: "plan.txt", line: 40)]
        let lines = OutlineRenderer().render(document: document, clauses: clauses, records: [], diagnostics: warnings)
            .split(separator: "\n").map(String.init)
        #expect(lines.contains("  二 【消费能力保障支持行动】"))
        #expect(lines.contains("    (三) 【加大生育养育保障力度】 研究建立育儿补贴制度。"))
        #expect(lines.contains("  第一条 【目的和依据】 为了推进建设,制定本办法。"))
        let clauseLine = lines.firstIndex { $0.hasPrefix("    (三)") } ?? -1
        #expect(lines[clauseLine + 1] == "      ⚠ plan.txt:5: warning: 二/(三): numbering starts at (三), (一)…(二) missing")
        #expect(lines.last == "  ⚠ plan.txt:40: warning: elsewhere")
    }
}
