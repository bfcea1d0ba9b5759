import PolicyCore
import Testing

@Suite("Contract JSON, ids, gazetteer")
struct ModelTests {
    @Test func recordJSONFollowsContract() {
        let record = PolicyRecord(
            id: "晋政办发〔2023〕65号@100:amount", docId: "晋政办发〔2023〕65号", clauseId: "晋政办发〔2023〕65号#二/(一)",
            text: "每辆最高２０００元", span: Span(start: 100, end: 109),
            value: .amount(Magnitude(value: 2000, qualifier: .max, inclusive: true), currency: "CNY", per: "辆"))
        #expect(record.json.compact == #"{"type":"record","id":"晋政办发〔2023〕65号@100:amount","doc_id":"晋政办发〔2023〕65号","clause_id":"晋政办发〔2023〕65号#二/(一)","kind":"amount","text":"每辆最高２０００元","start":100,"end":109,"value":2000,"qualifier":"max","inclusive":true,"min":null,"max":null,"currency":"CNY","per":"辆"}"#)
    }

    @Test func numbersPrintLikeTheContract() {
        #expect(JSONNumber.format(200_000_000) == "200000000")
        #expect(JSONNumber.format(1_200_000_000_000) == "1200000000000")
        #expect(JSONNumber.format(0.5) == "0.5")
        #expect(JSONNumber.format(36.57) == "36.57")
    }

    @Test func stringsAreEscaped() {
        #expect(JSONValue.string("a\"b\\c\nd\u{1}").compact == #""a\"b\\c\nd\u0001""#)
    }

    @Test func documentIDs() {
        #expect(DocumentID.make(docNumber: "晋政办发〔2023〕65号", source: "x.txt", title: "t") == "晋政办发〔2023〕65号")
        #expect(DocumentID.make(docNumber: nil, source: "laws/优化营商环境条例(2019-10-22).md", title: "优化营商环境条例")
                == "优化营商环境条例(2019-10-22)")
        #expect(DocumentID.make(docNumber: nil, source: "/a/news page.txt", title: "强化全流程管理 引导技术向善")
                == "news-page--强化全流程管理-引导技术向善")
    }

    @Test("regions by full name, short name and abbreviation", arguments: [
        ("山西省", "山西省"), ("山西", "山西省"), ("晋", "山西省"), ("鲁", "山东省"), ("内蒙古", "内蒙古自治区"),
        ("太原市", "太原市"), ("太原", "太原市"), ("阿坝州", "阿坝藏族羌族自治州"), ("吉林", "吉林省"), ("吉林市", "吉林市"),
        ("包头", "包头市"), ("京", "北京市"),
    ])
    func regions(name: String, expected: String) {
        #expect(Gazetteer.shared.region(named: name)?.name == expected)
    }

    @Test func regionCounts() {
        #expect(Gazetteer.shared.provinces.count == 34)
        #expect(Gazetteer.shared.cities.count >= 330)
        #expect(Gazetteer.shared.region(named: "太原市")?.province == "山西省")
        #expect(Gazetteer.shared.firstRegion(in: "太原市商务局")?.name == "太原市")
        #expect(Gazetteer.shared.firstRegion(in: "山西省人民政府办公厅")?.name == "山西省")
    }

    @Test func displayWidth() {
        #expect("山西省".displayWidth == 6)
        #expect("abc".displayWidth == 3)
        #expect("２０".displayWidth == 4)
    }
}
