import Testing
@testable import PolicyExtract

@Suite("Percentages")
struct PercentTests {
    @Test("values", arguments: [
        ("省级财政按各市实际财政支出的５０％给予补贴", ["percent 50"]),
        ("百分之五十", ["percent 50"]),
        ("0.5%", ["percent 0.5"]),
        ("按其二手车销售额的０５％给予奖励", ["percent 0.5"]),
        ("减按05%征收率征收增值税", ["percent 0.5"]),
        ("百分之２．４", ["percent 2.4"]),
        ("百分之1,111", ["percent 1111"]),
        ("百分之一百二十点五", ["percent 120.5"]),
        ("百分之百", ["percent 100"]),
        ("百分百", ["percent 100"]),
        ("百分三十", ["percent 30"]),
        ("千分之２．４", ["percent 0.24"]),
        ("仟分之贰", ["percent 0.2"]),
        ("万分之三", ["percent 0.03"]),
        ("百万分之五", ["percent 0.0005"]),
        ("千分之一百一十一点一一二", ["percent 11.1112"]),
        ("5‰", ["percent 0.5"]),
        ("-22.2%", ["percent -22.2"]),
        ("负3.9%", ["percent -3.9"]),
        ("负的百分之二十", ["percent -20"]),
        ("百分之负三点八", ["percent -3.8"]),
        ("第2天股价下降了-3.8%", ["percent -3.8"]),
        ("百分之6酒精含量的啤酒和32.5%的白酒", ["percent 6", "percent 32.5"]),
        ("二％", ["percent 2"]),
    ])
    func values(text: String, expected: [String]) {
        #expect(RecordRendering.records(text) == expected)
    }

    @Test("percentage points", arguments: [
        ("比上年提高3.1个百分点", ["percent 3.1 points"]),
        ("六个百分点", ["percent 6 points"]),
        ("一百五十    个百分点", ["percent 150 points"]),
        ("四點五個百分點", ["percent 4.5 points"]),
        ("七十五萬個百分點", ["percent 750000 points"]),
        ("2,123个百分点", ["percent 2123 points"]),
        ("同比升高零点六个百分点", ["percent 0.6 points"]),
        ("增速5.9和5.5个百分点", ["percent 5.9 points", "percent 5.5 points"]),
        ("提高5个百分点以上", ["percent 5 min inclusive points"]),
    ])
    func points(text: String, expected: [String]) {
        #expect(RecordRendering.records(text) == expected)
    }

    @Test("bounds and ranges", arguments: [
        ("不低于10%", ["percent 10 min inclusive"]),
        ("当年增速达到10%以上的", ["time during 2023-01-01..2023-12-31", "percent 10 min inclusive"]),
        ("收视率超过了百分之零点九", ["percent 0.9 min strict"]),
        ("比例不高于30%", ["percent 30 max inclusive"]),
        ("低于5%的", ["percent 5 max strict"]),
        ("提高至40%左右", ["percent 40 approx"]),
        ("约20%", ["percent 20 approx"]),
        ("增长5%-20%", ["percent 5..20 range"]),
        ("找出酒精量在5-20%之间的产品", ["percent 5..20 range"]),
        ("百分之三十到四十一", ["percent 30..41 range"]),
        ("百分之三十一到百分之百", ["percent 31..100 range"]),
        ("增长5%至10%", ["percent 5..10 range"]),
        ("并处分包金额千分之五以上千分之十以下罚款", ["percent 0.5..1 range inclusive"]),
        ("各级预算单位按照不低于１０％的比例预留", ["percent 10 min inclusive"]),
    ])
    func bounds(text: String, expected: [String]) {
        #expect(RecordRendering.records(text, date: "2023-11-04") == expected)
    }

    @Test("not percentages", arguments: [
        "五百分之2.2", "有十分之一的概率", "三分之一的资金", "http://example.com/search?q=30%25%2020%", "十分重要",
    ])
    func negatives(text: String) {
        #expect(RecordRendering.records(text).filter { $0.hasPrefix("percent") }.isEmpty)
    }
}

@Suite("Quantities")
struct QuantityTests {
    @Test("counted things", arguments: [
        ("２０２３年新增公共充电桩３万台", ["time during 2023-01-01..2023-12-31", "quantity 30000 台"]),
        ("举办50场以上", ["quantity 50 min inclusive 场"]),
        ("举办５０场以上促销活动", ["quantity 50 min inclusive 场"]),
        ("对２０２３年拆解５０００台以上的报废机动车回收拆解企业", ["time during 2023-01-01..2023-12-31", "quantity 5000 min inclusive 台"]),
        ("全年完成２５万个５G基站新建任务", ["time during 2023-01-01..2023-12-31", "quantity 250000 个"]),
        ("推动十大晋菜、十大山西面食、５０种山西特色小吃", ["quantity 50 种"]),
        ("支持市县举办２００余场全民体育健身活动", ["quantity 200 approx 场"]),
        ("推动全省１２１个公共体育场馆", ["quantity 121 个"]),
        ("打造１－２家预制菜示范企业", ["quantity 1..2 range 家"]),
        ("在三个“一号旅游公路”沿线", ["quantity 3 个"]),
        ("给予每年不超过４场", ["quantity 4 max inclusive 场 per=年"]),
        ("全年新增“中华老字号”企业力争突破８家", ["time during 2023-01-01..2023-12-31", "quantity 8 min strict 家"]),
        ("培育1000家左右县域数字流通龙头企业", ["quantity 1000 approx 家"]),
        ("建设3—5个全球知名冰雪旅游度假地", ["quantity 3..5 range 个"]),
        ("市县设立的平台不超过一个", ["quantity 1 max inclusive 个"]),
        ("至少编制一套方案", ["quantity 1 min inclusive 套"]),
        ("原则上每个省（自治区、直辖市）培育一家龙头机构", ["quantity 1 家 per=省"]),
        ("商务部等9部门印发", ["quantity 9 部门"]),
        ("由患者满意度和医务人员满意度两部分组成", ["quantity 2 部分"]),
        ("存储超过1万人人脸信息", ["quantity 10000 min strict 人"]),
        ("新建居住区按照人均用地不少于0.1平方米的标准", ["quantity 0.1 min inclusive 平方米"]),
        ("大麻油五千克、大麻脂十千克", ["quantity 5 千克", "quantity 10 千克"]),
        ("非法种植大麻五千株以上不满三万株的", ["quantity 5000 min inclusive 株", "quantity 30000 max strict 株"]),
        ("年满十六周岁的外国人", ["quantity 16 min inclusive 周岁"]),
        ("被赡养人是指年满60岁的父母", ["quantity 60 min inclusive 岁"]),
        ("纳税人赡养一位及以上被赡养人的赡养支出", ["quantity 1 min inclusive 位"]),
        ("参与企业3.1万余家", ["quantity 31000 approx 家"]),
        ("举办促销活动364场次", ["quantity 364 场次"]),
        ("高标准农田1亿亩", ["quantity 100000000 亩"]),
        ("新增装机100万千瓦", ["quantity 1000000 千瓦"]),
        ("分别新增3、5家", ["quantity 3 家", "quantity 5 家"]),
        ("十几个城市", ["quantity 10 approx 个"]),
    ])
    func counts(text: String, expected: [String]) {
        #expect(RecordRendering.records(text, date: "2023-11-04") == expected)
    }

    @Test("not quantities", arguments: [
        "加快培育一批高品质旅游星级饭店", "发放一次性购房补贴", "新一轮技术改造", "推动十大晋菜", "等五大中心运营管理",
        "实施县乡村三级充电基础设施全覆盖工程", "推进５A级景区梯队建设", "国三及以下排放标准", "全年完成5G基站建设",
        "开展“千名医师下基层”活动", "实现“最多跑一次”目标", "举办第八届中国山西面食文化节", "第三批国家“千兆城市”",
        "贯彻落实省委十二届六次全会精神", "党的二十大精神", "生育二孩、三孩", "享受一次立减", "建立一个统一的平台",
        "中央八项规定", "本条前两款规定的情形", "依照第十二条、十三条处理", "第1、2、3项", "千家万户", "千万不要",
        "连续3个月均下降", "售后1年内", "用户增长最快的城市之一", "“一网通办、一次办好、一日办结”",
        "长三角一体化", "五角大楼宣布了作战计划", "家庭", "发展个人养老金", "部分地区", "大部分企业",
    ])
    func negatives(text: String) {
        #expect(RecordRendering.records(text).filter { $0.hasPrefix("quantity") }.isEmpty)
    }
}
