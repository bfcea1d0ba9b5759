import PolicyCore
import PolicyExtract
import Testing
import TestSupport

@Suite("Citations: resolving to documents of the corpus")
struct CitationResolverTests {
    static let corpus = CitationResolver(documents: [
        .init(id: "国发〔2024〕7号", title: "国务院关于印发推动大规模设备更新和消费品以旧换新行动方案的通知", docNumber: "国发〔2024〕7号"),
        .init(id: "晋政办发〔2023〕65号", title: "山西省人民政府办公厅关于印发山西省恢复和扩大消费若干政策措施的通知",
              docNumber: "晋政办发〔2023〕65号"),
        .init(id: "pipl", title: "中华人民共和国个人信息保护法", docNumber: "中华人民共和国主席令第91号"),
        .init(id: "商务部令2020年第2号", title: "报废机动车回收管理办法实施细则", docNumber: "商务部令2020年第2号"),
        .init(id: "国发〔2004〕20号", title: "国务院关于投资体制改革的决定", docNumber: "国发〔2004〕20号"),
        .init(id: "qd", title: "青岛市物业管理条例", docNumber: nil),
        .init(id: "js1", title: "最高人民法院关于适用《保险法》若干问题的解释(一)", docNumber: nil),
        .init(id: "js2", title: "最高人民法院关于适用《保险法》若干问题的解释(二)", docNumber: nil),
        .init(id: "food", title: "最高人民法院、最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释", docNumber: nil),
        .init(id: "ai", title: "生成式人工智能服务管理暂行办法", docNumber: nil),
        .init(id: "youth", title: "关于推动青年就业创业的若干措施", docNumber: nil),
        .init(id: "cq", title: "重庆市各级人民代表大会常务委员会人事任免工作条例", docNumber: nil),
        .init(id: "ip", title: "最高人民法院关于知识产权侵权诉讼中被告以原告滥用权利为由请求赔偿合理开支问题的批复", docNumber: nil),
        .init(id: "tax", title: "国务院关于外商投资企业和外国企业适用增值税、消费税、营业税等税收暂行条例有关问题的通知", docNumber: nil),
    ])

    @Test("by document number, whatever the brackets and digits", arguments: [
        ("国发〔2024〕7号", "国发〔2024〕7号"), ("国发[2024]7号", "国发〔2024〕7号"), ("国发（2024）7号", "国发〔2024〕7号"),
        ("国发〔２０２４〕７号", "国发〔2024〕7号"), ("国发〔2024〕 7 号", "国发〔2024〕7号"),
        ("商务部令2020年第2号", "商务部令2020年第2号"),
    ])
    func docNumber(number: String, target: String) throws {
        let resolution = try #require(Self.corpus.resolve(title: "某某办法", docNumber: number))
        #expect(resolution == .init(target: target, score: 1, method: .docNumber))
    }

    @Test("by exact title after normalization", arguments: [
        ("《推动大规模设备更新和消费品以旧换新行动方案》", "国发〔2024〕7号"),
        ("山西省恢复和扩大消费若干政策措施", "晋政办发〔2023〕65号"),
        ("个人信息保护法", "pipl"),
        ("《中华人民共和国个人信息保护法》", "pipl"),
        ("国务院关于投资体制改革的决定", "国发〔2004〕20号"),
        ("国务院 关于 投资体制改革的决定", "国发〔2004〕20号"),
        ("国务院关于印发《推动大规模设备更新和消费品以旧换新行动方案》的通知", "国发〔2024〕7号"),
    ])
    func exactTitle(title: String, target: String) throws {
        let resolution = try #require(Self.corpus.resolve(title: title, docNumber: nil))
        #expect(resolution == .init(target: target, score: 1, method: .title))
    }

    @Test("an unknown doc number falls back to the title")
    func fallback() throws {
        let resolution = try #require(Self.corpus.resolve(title: "报废机动车回收管理办法实施细则", docNumber: "商务部令2099年第9号"))
        #expect(resolution.target == "商务部令2020年第2号" && resolution.method == .title)
    }

    @Test("by close match, with the score kept", arguments: [
        ("关于推动青年就业创业若干措施", "youth"),            // 的 dropped
        ("关于推动青年就业创业的措施", "youth"),              // 若干 dropped
        ("国务院关于投资体制改革决定", "国发〔2004〕20号"),    // 的 dropped, issuer kept
        ("关于投资体制改革的决定", "国发〔2004〕20号"),        // issuer dropped
        ("最高人民法院、最高人民检察院关于办理危害食品安全刑事按件适用法律若干问题的解释", "food"),  // a typo
    ])
    func similar(title: String, target: String) throws {
        let resolution = try #require(Self.corpus.resolve(title: title, docNumber: nil))
        #expect(resolution.target == target)
        #expect(resolution.method == .similarTitle)
        // Loose keys that are equal score 1 (`的`, `若干`, `暂行` and the issuer are left out).
        #expect(resolution.score >= CitationResolver.defaultThreshold && resolution.score <= 1)
    }

    @Test("no match: other regions, other numbers, ambiguous, too different", arguments: [
        "温州市物业管理条例",                                                       // region differs
        "最高人民法院关于适用《保险法》若干问题的解释(三)",                          // ordinal differs
        "最高人民法院关于适用《保险法》若干问题的解释",                              // (一) or (二)?
        "关于推动青年就业的通知",
        "红楼梦",
        "生成式人工智能服务管理办法",                                    // 暂行: the final version is another document
        "关于修改〈重庆市各级人民代表大会常务委员会人事任免工作条例〉的决定",   // the amending decision, not the regulation
        "关于知识产权侵权诉讼中被告以原告滥用权利为由请求赔偿合理开支问题的请示",  // the request, not the reply
        "全国人民代表大会常务委员会关于外商投资企业和外国企业适用增值税、消费税、营业税等税收暂行条例有关问题的通知",  // another issuer
    ])
    func unresolved(title: String) {
        #expect(Self.corpus.resolve(title: title, docNumber: nil) == nil)
    }

    @Test("a short title with a typo stays unresolved")
    func shortTypo() {
        #expect(Self.corpus.resolve(title: "国务院关于投资体制改草的决定", docNumber: nil) == nil)
    }

    @Test("records get their target")
    func records() {
        let value = RecordValue.citation(title: "推动大规模设备更新和消费品以旧换新行动方案", docNumber: nil, target: nil)
        #expect(Self.corpus.resolved(value) == .citation(title: "推动大规模设备更新和消费品以旧换新行动方案", docNumber: nil,
                                                          target: "国发〔2024〕7号"))
        let other = RecordValue.agency(name: "省商务厅", normalized: "山西省商务厅", role: .responsible)
        #expect(Self.corpus.resolved(other) == other)
    }

    @Test("keys", arguments: [
        ("国发［２０２４］７号", "国发〔2024〕7号"), ("国办发【2023】65号", "国办发〔2023〕65号"),
    ])
    func keys(number: String, key: String) {
        #expect(CitationResolver.docNumberKey(number) == key)
    }

    @Test("title keys strip punctuation, spaces and the 中华人民共和国 prefix")
    func titleKeys() {
        #expect(CitationResolver.titleKey("《中华人民共和国 个人信息保护法》") == "个人信息保护法")
        #expect(CitationResolver.titleKey("中共中央、国务院关于加快建设全国统一大市场的意见")
            == CitationResolver.titleKey("中共中央 国务院关于加快建设全国统一大市场的意见"))
    }
}
