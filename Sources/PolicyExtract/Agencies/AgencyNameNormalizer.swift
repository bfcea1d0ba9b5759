import PolicyCore

/// The `normalized` name of a body, per the contract's Agency conventions.
///
/// - Central bodies by the standard short name from `CentralBodyData.swift` (`发改委` →
///   `国家发展改革委`). A short name that local bodies share (`发展改革委`, `统计局`) means the local body
///   in a local document.
/// - `人行X` → `中国人民银行X`; a unit of a central body keeps its unit (`发展改革委办公厅` →
///   `国家发展改革委办公厅`).
/// - Names that already carry a region stay as written (`国家金融监督管理总局山西监管局`,
///   `国网山西省电力公司`, `合肥海关`).
/// - Local bodies get the document's region as a prefix to the name as written: `省商务厅` →
///   `山西省商务厅`, `各市人民政府` → `山西省各市人民政府`, `地方金融监管局` → `安徽省地方金融监管局`;
///   in a municipal document `市商务局` → `太原市商务局`. A `市` or `县` body named in a provincial
///   document, or a `县`/`区` body in a municipal one, cannot be placed and stays as written.
struct AgencyNameNormalizer: Sendable {
    let region: Region?
    let central = CentralBodies.shared
    let regions = RegionNames.shared

    init(region: Region?, level: DocumentLevel) {
        self.region = level == .national ? nil : region
    }

    func normalize(_ name: String) -> String {
        if name.hasPrefix("人行") && name.unicodeScalars.count > 2 {
            return "中国人民银行" + String(name.unicodeScalars.dropFirst(2))
        }
        if let body = central.body(named: name), !(body.alsoLocal && region != nil) {
            return body.normalized
        }
        if carriesRegion(name) { return name }
        // A unit of a central body: 发展改革委办公厅 → 国家发展改革委办公厅.
        let scalars = Array(name.unicodeScalars)
        if let body = central.longestMatch(in: scalars, at: 0, limit: scalars.count, includeListOnly: false),
           body.scalars.count < scalars.count, !(body.alsoLocal && region != nil) {
            return body.normalized + String(String.UnicodeScalarView(scalars.dropFirst(body.scalars.count)))
        }
        guard let region else { return name }
        let province = Gazetteer.shared.province(of: region)
        let rest = { (count: Int) in String(String.UnicodeScalarView(scalars.dropFirst(count))) }
        switch scalars.first {
        case "省":
            return province.name + rest(1)
        case "自" where name.hasPrefix("自治区") && province.name.hasSuffix("自治区"):
            return province.name + rest(3)
        case "市" where !name.hasPrefix("市场"):
            if region.level == .municipal { return region.name + rest(1) }
            if province.name.hasSuffix("市") { return province.name + rest(1) }  // 北京市, 重庆市
            return name
        case "县", "区":
            return name
        default:
            return (region.level == .municipal ? region.name : province.name) + name
        }
    }

    /// Whether a region is already named: a full name anywhere (`国网山西省电力公司`), a province's
    /// short name anywhere (`国家金融监督管理总局山西监管局`), a city's short name at the start
    /// (`合肥海关`).
    func carriesRegion(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        if let city = Gazetteer.shared.match(in: scalars[...], at: 0), city.region.level == .municipal {
            return true
        }
        for i in scalars.indices where regions.match(in: scalars, at: i, limit: scalars.count, fullNamesOnly: false) != nil {
            return true
        }
        return false
    }
}
