import Testing
@testable import PolicyExtract

/// Money: `(text, records)` with records rendered by `RecordRendering` (only numeric and time
/// records of the text; the document date is 2023-11-04).
@Suite("Amounts of money")
struct AmountTests {
    @Test("values and currencies", arguments: [
        ("省级财政补贴资金2亿元", ["amount 200000000 CNY"]),
        ("冰雪经济总规模达到1.2万亿元", ["amount 1200000000000 CNY"]),
        ("奖池金额攀升至36.57亿元。", ["amount 3657000000 CNY"]),
        ("１欧元可以", ["amount 1 EUR"]),
        ("兑换１．０７５３美元", ["amount 1.0753 USD"]),
        ("兑换1.0092瑞士法郎", ["amount 1.0092 CHF"]),
        ("中国资金净流出1200亿美元", ["amount 120000000000 USD"]),
        ("央行到期定存单5306亿台币", ["amount 530600000000 TWD"]),
        ("东芝重组另需1万亿日元", ["amount 1000000000000 JPY"]),
        ("达到445奈拉兑换", ["amount 445 NGN"]),
        ("十五美元", ["amount 15 USD"]),
        ("25481港元", ["amount 25481 HKD"]),
        ("二十五万三千二百泰铢", ["amount 253200 THB"]),
        ("两个亿卢布", ["amount 200000000 RUB"]),
        ("我有一千元", ["amount 1000 CNY"]),
        ("8亿元人民币", ["amount 800000000 CNY"]),
        ("4人民币 5美元", ["amount 4 CNY", "amount 5 USD"]),
        ("人民币  50元", ["amount 50 CNY"]),
        ("人民币 8千元", ["amount 8000 CNY"]),
        ("港币两千九百六十元", ["amount 2960 HKD"]),
        ("新台币 177.1 亿元", ["amount 17710000000 TWD"]),
        ("三万元欧元", ["amount 30000 EUR"]),
        ("9000元日币", ["amount 9000 JPY"]),
        ("人民幣3.14", ["amount 3.14 CNY"]),
        ("港幣3.14", ["amount 3.14 HKD"]),
        ("3.14港幣", ["amount 3.14 HKD"]),
        ("￥300", ["amount 300 CNY"]),
        ("一百块钱", ["amount 100 CNY"]),
        ("打印费十块钱。", ["amount 10 CNY"]),
        ("利息9佰日元", ["amount 900 JPY"]),
        ("计划投资3541.07万元", ["amount 35410700 CNY"]),
        ("花费了47.264287亿元", ["amount 4726428700 CNY"]),
        ("支票上金额应写为：伍仟元整", ["amount 5000 CNY"]),
        ("5000元整", ["amount 5000 CNY"]),
        ("壹佰玖拾万叁仟玖佰柒拾壹元整", ["amount 1903971 CNY"]),
        ("零元整", ["amount 0 CNY"]),
        ("负壹元整", ["amount -1 CNY"]),
        ("金额一零一元", ["amount 101 CNY"]),
    ])
    func values(text: String, expected: [String]) {
        #expect(RecordRendering.records(text) == expected)
    }

    @Test("yuan, jiao and fen", arguments: [
        ("这个手机壳五元三毛", ["amount 5.3 CNY"]),
        ("50元6角三分", ["amount 50.63 CNY"]),
        ("123元1角1分", ["amount 123.11 CNY"]),
        ("六十四万零一百四十三元一角七分", ["amount 640143.17 CNY"]),
        ("十块三毛", ["amount 10.3 CNY"]),
        ("一百三十五块六角七分钱", ["amount 135.67 CNY"]),
        ("十二块五", ["amount 12.5 CNY"]),
        ("三块零四", ["amount 3.04 CNY"]),
        ("两毛五", ["amount 0.25 CNY"]),
        ("两角五分", ["amount 0.25 CNY"]),
        ("2角", ["amount 0.2 CNY"]),
        ("肆角叁分", ["amount 0.43 CNY"]),
        ("壹佰万零伍拾肆元肆角叁分", ["amount 1000054.43 CNY"]),
        ("壹元零壹分", ["amount 1.01 CNY"]),
        ("壹分", ["amount 0.01 CNY"]),
        ("负壹角", ["amount -0.1 CNY"]),
        ("这台电脑两美元又三美分", ["amount 2.03 USD"]),
        ("三千三百八十元五角八分", ["amount 3380.58 CNY"]),
        ("7块", ["amount 7 CNY"]),
    ])
    func minorUnits(text: String, expected: [String]) {
        #expect(RecordRendering.records(text) == expected)
    }

    @Test("caps, floors, strict bounds and approximations", arguments: [
        ("可享受每辆最高2000元补贴", ["amount 2000 max inclusive CNY per=辆"]),
        ("最高不超过100万元", ["amount 1000000 max inclusive CNY"]),
        ("补贴上限为50万元", ["amount 500000 max inclusive CNY"]),
        ("以50万元为限", ["amount 500000 max inclusive CNY"]),
        ("处100万元以下罚款", ["amount 1000000 max inclusive CNY"]),
        ("每人分摊的额度不能超过每月1000元", ["amount 1000 max inclusive CNY per=月"]),
        ("不得低于5000元", ["amount 5000 min inclusive CNY"]),
        ("在80000元限额内据实扣除", ["amount 80000 max inclusive CNY"]),
        ("累计超过15000元的部分", ["amount 15000 min strict CNY"]),
        ("按照每个子女每月1000元的标准定额扣除", ["amount 1000 CNY per=月"]),
        ("项目总投资5000万元以内", ["amount 50000000 max inclusive CNY"]),
        ("不到1.9万台币", ["amount 19000 max strict TWD"]),
        ("低于5000元的", ["amount 5000 max strict CNY"]),
        ("增加赔偿的金额不足一千元的", ["amount 1000 max strict CNY"]),
        ("1.2元以下", ["amount 1.2 max inclusive CNY"]),
        ("最多一块二角", ["amount 1.2 max inclusive CNY"]),
        ("最多一块二", ["amount 1.2 max inclusive CNY"]),
        ("销售额超过5000万元", ["amount 50000000 min strict CNY"]),
        ("逾10亿元", ["amount 1000000000 min strict CNY"]),
        ("投资不低于500万元", ["amount 5000000 min inclusive CNY"]),
        ("至少九千块钱以上", ["amount 9000 min inclusive CNY"]),
        ("3.04块以上", ["amount 3.04 min inclusive CNY"]),
        ("至少三块四分", ["amount 3.04 min inclusive CNY"]),
        ("至少三块零四", ["amount 3.04 min inclusive CNY"]),
        ("50万元（含）以上", ["amount 500000 min inclusive CNY"]),
        ("50万元以上（不含）", ["amount 500000 min strict CNY"]),
        ("亿元以上商品交易市场", ["amount 100000000 min inclusive CNY"]),
        ("约4.287亿美元", ["amount 428700000 approx USD"]),
        ("直辖市4亿元左右", ["amount 400000000 approx CNY"]),
        ("3000多欧元", ["amount 3000 approx EUR"]),
        ("大约十多欧元", ["amount 10 approx EUR"]),
        ("该车价值2000余元", ["amount 2000 approx CNY"]),
        ("投资十几万元", ["amount 100000 approx CNY"]),
    ])
    func qualifiers(text: String, expected: [String]) {
        #expect(RecordRendering.records(text) == expected)
    }

    @Test("ranges", arguments: [
        ("给予1万元至5万元奖励", ["amount 10000..50000 range CNY"]),
        ("1万-5万元", ["amount 10000..50000 range CNY"]),
        ("1万元--5万元", ["amount 10000..50000 range CNY"]),
        ("1万(含)-5万元", ["amount 10000..50000 range CNY"]),
        ("报账金额在1 万(含)-5 万元之间的交由上级批复", ["amount 10000..50000 range CNY"]),
        ("从8500到3万港元", ["amount 8500..30000 range HKD"]),
        ("10~15k元", ["amount 10000..15000 range CNY"]),
        ("2——3万港币", ["amount 20000..30000 range HKD"]),
        ("两到三万港元", ["amount 20000..30000 range HKD"]),
        ("十八至三十万日元", ["amount 180000..300000 range JPY"]),
        ("两到三仟澳元", ["amount 2000..3000 range AUD"]),
        ("两~3百日元", ["amount 200..300 range JPY"]),
        ("一百二十到一百五十万元", ["amount 1200000..1500000 range CNY"]),
        ("一千到两千万元人民币", ["amount 10000000..20000000 range CNY"]),
        ("七千到九千亿元", ["amount 700000000000..900000000000 range CNY"]),
        ("5.6到5.78元", ["amount 5.6..5.78 range CNY"]),
        ("五元六角-五元七毛八分", ["amount 5.6..5.78 range CNY"]),
        ("五块六到五块七毛八", ["amount 5.6..5.78 range CNY"]),
        ("处五千元至五万元罚款", ["amount 5000..50000 range CNY"]),
        ("处一万元以上十万元以下罚款", ["amount 10000..100000 range inclusive CNY"]),
        ("处1万元以上 10 万元以下罚款", ["amount 10000..100000 range inclusive CNY"]),
    ])
    func ranges(text: String, expected: [String]) {
        #expect(RecordRendering.records(text) == expected)
    }

    @Test("per unit", arguments: [
        ("2000元/辆", ["amount 2000 CNY per=辆"]),
        ("每场不超过300万元", ["amount 3000000 max inclusive CNY per=场"]),
        ("每人补贴500元", ["amount 500 CNY per=人"]),
        ("单个企业最高补贴50万元", ["amount 500000 max inclusive CNY per=企业"]),
        ("单家企业奖励不超过100万元", ["amount 1000000 max inclusive CNY per=企业"]),
        ("每家企业奖励20万元", ["amount 200000 CNY per=企业"]),
        ("以每股1.95港元", ["amount 1.95 HKD per=股"]),
        ("价格为0.5元/千瓦时", ["amount 0.5 CNY per=千瓦时"]),
        ("收费标准为3元/人·次", ["amount 3 CNY per=人·次"]),
        ("给予一次性补贴5000元", ["amount 5000 CNY"]),
        ("单位补贴10万元", ["amount 100000 CNY"]),
        ("重点支持单户担保金额500万元及以下的小微企业", ["amount 5000000 max inclusive CNY per=户"]),
    ])
    func perUnit(text: String, expected: [String]) {
        #expect(RecordRendering.records(text) == expected)
    }

    @Test("a unit carried to bare numbers before it", arguments: [
        ("销售额分别为5亿和7.5亿元人民币", ["amount 500000000 CNY", "amount 750000000 CNY"]),
        ("分别为30万和45万元人民币", ["amount 300000 CNY", "amount 450000 CNY"]),
        ("分别奖励10、20、30万元", ["amount 100000 CNY", "amount 200000 CNY", "amount 300000 CNY"]),
    ])
    func coordination(text: String, expected: [String]) {
        #expect(RecordRendering.records(text) == expected)
    }

    @Test("a qualifier away from its number", arguments: [
        ("按不超过各市实际支出的50%给予补贴", ["percent 50 max inclusive"]),
        ("最高可享受2000元补贴", ["amount 2000 max inclusive CNY"]),
        ("最高每辆补贴3000元", ["amount 3000 max inclusive CNY per=辆"]),
        ("不超过各市实际支出的50%,省级财政补贴资金2亿元", ["percent 50 max inclusive", "amount 200000000 CNY"]),
        ("最高人民法院2019年发布的规定中罚款10万元", ["time during 2019-01-01..2019-12-31", "amount 100000 CNY"]),
        ("数量标准最低值的百分之五十", ["percent 50"]),
    ])
    func distantQualifiers(text: String, expected: [String]) {
        #expect(RecordRendering.records(text, date: "2023-11-04") == expected)
    }
}
