import PolicyCore
@testable import PolicyExtract
import Testing
import TestSupport

@Suite("Agencies: normalized names")
struct AgencyNameNormalizerTests {
    static func normalized(_ name: String, region: String?) -> String {
        let region = region.flatMap { Gazetteer.shared.region(named: $0) }
        return AgencyNameNormalizer(region: region, level: region?.level ?? .national).normalize(name)
    }

    @Test("local bodies get the document's region", arguments: [
        ("省商务厅", "山西省", "山西省商务厅"),
        ("省文旅厅", "山西省", "山西省文旅厅"),
        ("各市人民政府", "山西省", "山西省各市人民政府"),
        ("相关市人民政府", "山西省", "山西省相关市人民政府"),
        ("地方金融监管局", "安徽省", "安徽省地方金融监管局"),
        ("省发展改革委", "山西省", "山西省发展改革委"),
        ("省国资委", "山西省", "山西省国资委"),
        ("自治区商务厅", "内蒙古自治区", "内蒙古自治区商务厅"),
        ("市商务局", "北京市", "北京市商务局"),
        // municipal documents
        ("市商务局", "太原市", "太原市商务局"),
        ("市市场监管局", "太原市", "太原市市场监管局"),
        ("省商务厅", "太原市", "山西省商务厅"),
        ("各县(市、区)人民政府", "太原市", "太原市各县(市、区)人民政府"),
        // a body that cannot be placed stays as written
        ("市商务局", "山西省", "市商务局"),
        ("区商务局", "太原市", "区商务局"),
        // the short name of a local counterpart is local in a local document
        ("发展改革委", "山西省", "山西省发展改革委"),
        ("统计局", "山西省", "山西省统计局"),
    ])
    func local(name: String, region: String, expected: String) {
        #expect(Self.normalized(name, region: region) == expected)
    }

    @Test("names that carry a region stay as written; 人行 is expanded", arguments: [
        ("国家金融监督管理总局山西监管局", "国家金融监督管理总局山西监管局"),
        ("国网山西省电力公司", "国网山西省电力公司"),
        ("山西省人民政府办公厅", "山西省人民政府办公厅"),
        ("合肥海关", "合肥海关"),
        ("安徽银保监局", "安徽银保监局"),
        ("太原市人民政府", "太原市人民政府"),
        ("人行山西省分行", "中国人民银行山西省分行"),
        ("人行合肥中心支行", "中国人民银行合肥中心支行"),
    ])
    func regionPresent(name: String, expected: String) {
        #expect(Self.normalized(name, region: "山西省") == expected)
    }

    @Test("central bodies by the State Council's standard short names", arguments: [
        ("发展改革委", "国家发展改革委"), ("发改委", "国家发展改革委"), ("国家发展和改革委员会", "国家发展改革委"),
        ("卫生健康委", "国家卫生健康委"), ("国资委", "国务院国资委"), ("人民银行", "中国人民银行"), ("央行", "中国人民银行"),
        ("市场监管总局", "市场监管总局"), ("国家市场监督管理总局", "市场监管总局"), ("广电总局", "广电总局"),
        ("供销合作总社", "供销合作总社"), ("中华全国供销合作总社", "供销合作总社"), ("工信部", "工业和信息化部"),
        ("人力资源和社会保障部", "人力资源社会保障部"), ("住房和城乡建设部", "住房城乡建设部"), ("扶贫办", "国务院扶贫办"),
        ("国家税务总局", "税务总局"), ("证监会", "中国证监会"), ("邮政局", "国家邮政局"), ("粮食和储备局", "国家粮食和储备局"),
        ("中华人民共和国商务部", "商务部"), ("中共中央办公厅", "中央办公厅"), ("环保总局", "国家环保总局"),
        ("国家林业和草原局", "国家林草局"), ("民航局", "中国民航局"), ("国管局", "国管局"),
    ])
    func central(name: String, expected: String) {
        #expect(Self.normalized(name, region: nil) == expected)
        // In a local document a central name that is not shared with local bodies stays central.
        if CentralBodies.shared.body(named: name)?.alsoLocal != true {
            #expect(Self.normalized(name, region: "山西省") == expected)
        }
    }

    @Test("national documents: local names stay as written", arguments: ["各省级人民政府", "各有关省级人民政府", "各地方人民政府"])
    func national(name: String) {
        #expect(Self.normalized(name, region: nil) == name)
    }
}

@Suite("Agencies: table of central bodies")
struct AgencyCentralBodyTableTests {
    @Test("size and consistency")
    func table() {
        let table = CentralBodies.shared
        #expect(table.bodyCount >= 150)
        // Every standard short name is itself a name of its body.
        for line in centralBodyTable.split(separator: "\n") {
            guard let normalized = line.split(separator: "|").first.map(String.init) else { continue }
            #expect(table.body(named: normalized)?.normalized == normalized, "\(normalized)")
        }
    }

    @Test("no variant names two bodies")
    func uniqueVariants() {
        var seen: [String: String] = [:]
        for line in centralBodyTable.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
            guard fields.count == 2 else { continue }
            for variant in [fields[0]] + fields[1].split(separator: ",") {
                let name = String(variant.filter { $0 != "*" && $0 != "!" })
                #expect(seen[name] == nil || seen[name] == String(fields[0]), "\(name) names \(seen[name] ?? "") and \(fields[0])")
                seen[name] = String(fields[0])
            }
        }
    }
}
