import PolicyCore
import Testing
@testable import PolicyExtract

/// Every example of issue 5 and of the data contract (`../shared/spec/records.md`) for the
/// numeric and time kinds, as written there.
@Suite("Examples of the issue and the contract")
struct ContractExampleTests {
    @Test("examples", arguments: [
        // issue 5
        ("每辆最高2000元", ["amount 2000 max inclusive CNY per=辆"]),
        ("不低于10%", ["percent 10 min inclusive"]),
        ("2024年12月底前", ["time by ..2024-12-31"]),
        ("《推动大规模设备更新和消费品以旧换新行动方案》（国发〔2024〕7号）", []),
        ("三千五百万元", ["amount 35000000 CNY"]),
        ("1.2万亿元", ["amount 1200000000000 CNY"]),
        ("3万台", ["quantity 30000 台"]),
        ("十几万元", ["amount 100000 approx CNY"]),
        ("资金的四分之一", []),
        ("最高补贴500元", ["amount 500 max inclusive CNY"]),
        ("不超过100万元", ["amount 1000000 max inclusive CNY"]),
        ("上限50万元", ["amount 500000 max inclusive CNY"]),
        ("50家以上", ["quantity 50 min inclusive 家"]),
        ("至少3个", ["quantity 3 min inclusive 个"]),
        ("超过5000万元", ["amount 50000000 min strict CNY"]),
        ("低于10%", ["percent 10 max strict"]),
        ("不足100人", ["quantity 100 max strict 人"]),
        ("约200亿元", ["amount 20000000000 approx CNY"]),
        ("20%左右", ["percent 20 approx"]),
        ("200余场", ["quantity 200 approx 场"]),
        ("3000多家", ["quantity 3000 approx 家"]),
        ("1万元至5万元", ["amount 10000..50000 range CNY"]),
        ("1－2家", ["quantity 1..2 range 家"]),
        ("5%-20%", ["percent 5..20 range"]),
        ("2000元/辆", ["amount 2000 CNY per=辆"]),
        ("每场300万元", ["amount 3000000 CNY per=场"]),
        ("每人500元", ["amount 500 CNY per=人"]),
        ("提高2个百分点", ["percent 2 points"]),
        ("下半年", ["time during 2023-07-01..2023-12-31"]),
        ("一季度", ["time during 2023-01-01..2023-03-31"]),
        ("2023年—2027年", ["time during 2023-01-01..2027-12-31"]),
        ("2022年10月至2025年", ["time during 2022-10-01..2025-12-31"]),
        ("到2027年", ["time target ..2027-12-31"]),
        ("自2025年1月1日起施行", ["time from 2025-01-01.."]),
        ("有效期5年", ["time validity 2023-11-04..2028-11-03 P5Y"]),
        ("底前", []),
        ("截至2023年底", ["time by ..2023-12-31"]),
        ("国发〔2024〕7号", []),
        ("商务部令第2号", []),
        ("全年完成2万个5G基站", ["time during 2023-01-01..2023-12-31", "quantity 20000 个"]),
        ("举办第八届面食文化节", []),
        ("联系电话:0351-4046012,补贴标准为每人1000元", ["amount 1000 CNY per=人"]),
        ("咨询热线12345", []),
        // the contract
        ("2亿元", ["amount 200000000 CNY"]),
        ("50%", ["percent 50"]),
        ("百分之五十", ["percent 50"]),
        ("0.5%", ["percent 0.5"]),
        ("新增公共充电桩3万台", ["quantity 30000 台"]),
        ("举办50场以上", ["quantity 50 min inclusive 场"]),
        ("6月底前", ["time by ..2023-06-30"]),
        ("年底前", ["time by ..2023-12-31"]),
        ("今年", ["time during 2023-01-01..2023-12-31"]),
        ("2025年前", ["time by ..2025-12-31"]),
        ("较2023年", ["time during 2023-01-01..2023-12-31"]),
        ("“十四五”期间", ["time during 2021-01-01..2025-12-31"]),
        ("年底", ["time by ..2023-12-31"]),
        ("自印发之日起执行", ["time from 2023-11-04.."]),
        ("自印发之日起施行", ["time from 2023-11-04.."]),
        ("售后1年内", []),
        ("连续3个月", []),
        ("贴息期不超过3年", []),
        ("开展质量月活动", []),
        ("一批", []),
        ("一次性", []),
        ("新一轮", []),
        ("十大晋菜", []),
        ("五大中心", []),
        ("三级", []),
        ("5A级", []),
        ("国三", []),
        ("5G", []),
        ("“千名医师下基层”", []),
        ("最多跑一次", []),
        ("三个“一号旅游公路”", ["quantity 3 个"]),
        ("单个企业最高奖励50万元", ["amount 500000 max inclusive CNY per=企业"]),
        ("不超过各市实际支出的50%", ["percent 50 max inclusive"]),
        ("亿元以上", ["amount 100000000 min inclusive CNY"]),
    ])
    func example(text: String, expected: [String]) {
        #expect(RecordRendering.records(text, date: "2023-11-04") == expected)
    }

    @Test("records carry the text they were read from")
    func spans() {
        let records = RecordRendering.records("可享受每辆最高２０００元补贴,２０２４年１２月底前完成", date: "2023-11-04", withText: true)
        #expect(records == ["[每辆最高2000元] amount 2000 max inclusive CNY per=辆", "[2024年12月底前] time by ..2024-12-31"])
    }

    @Test("no crash on hostile input", arguments: [
        "二分之" + String(repeating: "九", count: 40), String(repeating: "亿", count: 3000) + "元", String(repeating: "9", count: 400) + "元",
        "百分之" + String(repeating: "九", count: 30), "有效期999年", "公元九九九九年十二月三十一日", "9999年12月31日前", "-", "负",
        "1万-", "至", "第", "《", "“十", "2023年—", "自", "0", String(repeating: "一", count: 5000) + "个",
    ])
    func hostile(text: String) {
        _ = RecordRendering.records(text, date: "9999-12-31")
        _ = RecordRendering.records(text)
    }

    @Test("inclusive is null for exact and approximate values")
    func inclusiveNull() {
        let view = NormalizedText(normalizing: "补贴2000元，约3000元")
        let values = RecordExtractor().extract(view, range: 0..<view.count, context: ExtractionContext()).map(\.value)
        for case let .amount(m, _, _) in values { #expect(m.inclusive == nil) }
        #expect(values.count == 2)
    }
}
