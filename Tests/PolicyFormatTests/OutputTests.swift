import PolicyCore
import PolicyFormat
import Testing

@Suite("CSV and tables")
struct OutputTests {
    @Test("RFC 4180 quoting", arguments: [
        (["a", "b"], "a,b\r\n"),
        (["a,b", "c"], "\"a,b\",c\r\n"),
        (["say \"hi\"", ""], "\"say \"\"hi\"\"\",\r\n"),
        (["line1\nline2"], "\"line1\nline2\"\r\n"),
        (["=1+1", "-5"], "=1+1,-5\r\n"),
    ])
    func csv(fields: [String], expected: String) {
        #expect(CSVWriter().row(fields) == expected)
    }

    @Test("Excel profile guards formulas and adds a BOM")
    func excel() {
        let writer = CSVWriter(excel: true)
        #expect(writer.preamble == "\u{FEFF}")
        #expect(writer.row(["=HYPERLINK(\"x\")", "+1", "@SUM", "山西"]) == "\"'=HYPERLINK(\"\"x\"\")\",'+1,'@SUM,山西\r\n")
    }

    @Test func tsv() {
        #expect(CSVWriter(dialect: .tsv).row(["a\tb", "c\nd"]) == "a b\tc d\n")
    }

    @Test("tables align Chinese by display width")
    func table() {
        let table = TableRenderer(columns: [.init("地区"), .init("n", alignRight: true)])
        let text = table.render([["山西省", "3"], ["Beijing", "12"]])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines == ["地区      n", "-------  --", "山西省    3", "Beijing  12"])
        #expect(lines.allSatisfy { $0.displayWidth == lines[0].displayWidth })
    }

    @Test func truncation() {
        #expect(TableRenderer.truncate("山西省恢复和扩大消费", toWidth: 7) == "山西省…")
        #expect(TableRenderer.truncate("short", toWidth: 10) == "short")
    }
}
