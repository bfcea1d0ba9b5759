/// A province or prefecture-level city.
public struct Region: Sendable, Hashable, CustomStringConvertible {
    /// Full name: `山西省`, `内蒙古自治区`, `太原市`, `阿坝藏族羌族自治州`.
    public let name: String
    /// Name without the administrative suffix: `山西`, `内蒙古`, `太原`, `阿坝`.
    public let shortName: String
    /// One-character abbreviations of provinces (`晋`, `鲁`); used in 发文字号 (`晋政办发`).
    public let abbreviations: [String]
    /// `.provincial` for provinces, autonomous regions and the four municipalities; `.municipal`
    /// for prefecture-level cities, 自治州, 地区 and 盟.
    public let level: DocumentLevel
    /// Full name of the province a city belongs to.
    public let province: String?

    public var description: String { name }
}

/// Finds provinces and prefecture-level cities by full name, short name or abbreviation.
public struct Gazetteer: Sendable {
    public static let shared = Gazetteer(table: provinceTable)

    public let provinces: [Region]
    public let cities: [Region]
    /// Every full and short name → region. Provinces win over cities on a shared short name (吉林).
    private let byName: [String: Region]
    private let byAbbreviation: [String: Region]
    private let longestName: Int

    init(table: String) {
        var provinces: [Region] = []
        var cities: [Region] = []
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { continue }
            let province = Region(name: fields[0], shortName: fields[1],
                                  abbreviations: fields[2].split(separator: ",").map(String.init),
                                  level: .provincial, province: nil)
            provinces.append(province)
            for entry in fields[3].split(separator: ",") {
                let parts = entry.split(separator: ":").map(String.init)
                let full = parts.count == 2 ? parts[0] : parts[0] + "市"
                let short = parts.count == 2 ? parts[1] : parts[0]
                cities.append(Region(name: full, shortName: short, abbreviations: [], level: .municipal,
                                     province: province.name))
            }
        }
        var byName: [String: Region] = [:]
        for city in cities {
            byName[city.name] = city
            byName[city.shortName] = city
            // 阿坝州, 恩施州: the common short form of an autonomous prefecture.
            if city.name.hasSuffix("自治州") && !city.shortName.hasSuffix("州") {
                byName[city.shortName + "州"] = city
            }
        }
        var byAbbreviation: [String: Region] = [:]
        for province in provinces {
            byName[province.name] = province
            byName[province.shortName] = province
            for abbreviation in province.abbreviations where byAbbreviation[abbreviation] == nil {
                byAbbreviation[abbreviation] = province
            }
        }
        self.provinces = provinces
        self.cities = cities
        self.byName = byName
        self.byAbbreviation = byAbbreviation
        self.longestName = byName.keys.map(\.count).max() ?? 0
    }

    /// The region a name stands for: full (`山西省`), short (`山西`), autonomous-prefecture short
    /// form (`阿坝州`) or one-character province abbreviation (`晋`).
    public func region(named name: String) -> Region? {
        byName[name] ?? byAbbreviation[name]
    }

    /// The province whose one-character abbreviation this is (`晋` → 山西省).
    public func province(abbreviation: String) -> Region? { byAbbreviation[abbreviation] }

    /// The longest region name (full or short) starting at `index`, with its length in scalars.
    /// Meant for names of bodies and titles (`山西省人民政府`, `太原市商务局`): in running text a
    /// short name can be an ordinary word (`大同小异`, `长治久安`).
    public func match(in scalars: ArraySlice<Unicode.Scalar>, at index: Int) -> (region: Region, length: Int)? {
        let available = scalars.endIndex - index
        guard available >= 2 else { return nil }
        var length = min(longestName, available)
        while length >= 2 {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[index..<(index + length)])
            if let region = byName[String(view)] { return (region, length) }
            length -= 1
        }
        return nil
    }

    /// The first region named in `text`, scanning left to right (for titles and names of bodies).
    public func firstRegion(in text: String) -> Region? {
        let scalars = Array(text.unicodeScalars)[...]
        var i = 0
        while i < scalars.count {
            if scalars[i].isHan, let found = match(in: scalars, at: i) { return found.region }
            i += 1
        }
        return nil
    }

    /// The province of a region (itself for a province).
    public func province(of region: Region) -> Region {
        region.province.flatMap { byName[$0] } ?? region
    }
}
