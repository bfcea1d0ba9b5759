import PolicyCore

/// Administrative level and region of a document, from its issuers, its 发文字号 and its title.
///
/// Issuers decide first (`山西省人民政府办公厅` → provincial, 山西省; `商务部` → national;
/// `巫山县人民政府` → county), then the 发文字号 (`国发` → national, `晋政办发` → 山西省), then a
/// region at the start of the title (`聊城市文明行为促进条例` → municipal, 聊城市).
enum LevelResolver {
    struct Placement: Equatable {
        var level: DocumentLevel
        /// Full name of the province, city or county; nil for national and unknown.
        var region: String?

        static let unknown = Placement(level: .unknown, region: nil)
        static let national = Placement(level: .national, region: nil)
    }

    static func resolve(issuers: [String], docNumber: String?, title: String) -> Placement {
        // The most local issuer decides (a joint document of a province and a ministry is local).
        var best: Placement? = nil
        for issuer in issuers {
            guard let placement = placement(ofName: issuer, isBody: true) else { continue }
            if best == nil || rank(placement.level) > rank(best!.level) { best = placement }
        }
        // `山东省清洁生产促进条例` is Shandong's even if its history names a national body (copied
        // info lines); a title opening with a region's full name is that region's document.
        if let best, best.level == .national, let local = placement(ofName: title, isBody: false),
           local.level != .national, local.level != .unknown, titleStartsWithFullName(title) {
            return local
        }
        if let best { return best }
        if let docNumber, let placement = placement(ofDocNumber: docNumber) { return placement }
        if let placement = placement(ofName: title, isBody: false) { return placement }
        return isNationalLawTitle(title) ? .national : .unknown
    }

    /// `节约用水条例`, `行政复议法(2017修正)`: a 法 or 条例 whose title names no place. Laws and
    /// State Council regulations carry no region; local regulations open with their region's name
    /// (立法法 conventions), so a bare 法/条例 title from a legal database is national.
    static func isNationalLawTitle(_ title: String) -> Bool {
        var s = title.scalarArray
        while s.last == ")" || s.last == "）", let open = s.lastIndex(where: { $0 == "(" || $0 == "（" }) {
            s.removeSubrange(open...)
        }
        guard s.last == "法" || (s.count > 2 && s.suffix(2).elementsEqual("条例".unicodeScalars)) else { return false }
        return Gazetteer.shared.firstRegion(in: title) == nil
    }

    private static func rank(_ level: DocumentLevel) -> Int {
        switch level {
        case .unknown: return 0
        case .national: return 1
        case .provincial: return 2
        case .municipal: return 3
        case .county: return 4
        }
    }

    /// The place a body's name (or a title) starts with.
    static func placement(ofName name: String, isBody: Bool) -> Placement? {
        let s = name.scalarArray
        guard !s.isEmpty else { return nil }
        if name.hasPrefix("中华人民共和国") || name.hasPrefix("全国") || name.hasPrefix("国务院") || name.hasPrefix("中共中央")
            || name.hasPrefix("党中央") || name.hasPrefix("中办") || name.hasPrefix("国办") {
            return .national
        }
        if let (region, length) = Gazetteer.shared.match(in: s[...], at: 0) {
            let next = length < s.count ? s[length] : nil
            // `朝阳区`, `吉林县`: a county-level place that shares its first characters with a city.
            let byShortName = length == region.shortName.unicodeScalars.count && region.shortName != region.name
            if byShortName, region.level == .municipal, let next, next == "区" || next == "县" || next == "旗" {
                return Placement(level: .county, region: s[0...length].scalarString)
            }
            // After a city, a county or district: `太原市小店区人民政府`.
            if region.level == .municipal || region.level == .provincial, let county = countyName(s, from: length) {
                return Placement(level: .county, region: s[0..<county].scalarString)
            }
            // A city's short name in a title must be followed by its suffix or a body (`聊城市…`, `聊城老字号`
            // is accepted only for bodies); provinces are named by short name freely (`山东出台…`).
            if region.level == .municipal && !isBody && length == region.shortName.unicodeScalars.count
                && region.shortName != region.name {
                if let next, next != "市" && !["州", "盟"].contains(String(next)) { return nil }
            }
            return Placement(level: region.level, region: region.name)
        }
        if let county = countyName(s, from: 0), isBody || county == s.count || OrganizationNames.isOrganization(name) {
            return Placement(level: .county, region: s[0..<county].scalarString)
        }
        if isBody && OrganizationNames.isCentral(name) { return .national }
        return nil
    }

    /// Whether a title opens with the full name of a province or city (`山东省…`, not `海南自由贸易港法`).
    private static func titleStartsWithFullName(_ title: String) -> Bool {
        let s = title.scalarArray
        guard let (region, length) = Gazetteer.shared.match(in: s[...], at: 0) else { return false }
        return length == region.name.unicodeScalars.count
    }

    /// End of a county-level name (`巫山县`, `小店区`, `达拉特旗`) starting at `start`, if the text
    /// continues like the name of a body there.
    private static func countyName(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        // `彭水苗族土家族自治县`: names of autonomous counties are long.
        let longest = s[start...].containsScalars("自治") ? 12 : 6
        while i < s.count, i - start < longest, s[i].isHan {
            let c = s[i]
            if (c == "县" || c == "旗" || c == "区") && i > start {
                let rest = s[(i + 1)...].scalarString
                let bodyFollows = rest.isEmpty || ["人民政府", "委员会", "政府", "人民代表大会", "办公室", "委", "党委", "县委", "区委"]
                    .contains { rest.hasPrefix($0) } || OrganizationNames.isOrganization(rest)
                // `县乡村三级`: a 县 that starts a word is not a county's name.
                if bodyFollows && i - start >= 2 - (c == "县" ? 1 : 0) { return i + 1 }
                return nil
            }
            i += 1
        }
        return nil
    }

    /// Central 机关代字 (`国发`, `国办函`) and province abbreviations (`晋政办发` → 山西省).
    static func placement(ofDocNumber number: String) -> Placement? {
        let central = ["国发", "国办发", "国函", "国办函", "国令", "国务院令", "主席令", "国办发明电", "中发", "中办发", "厅字"]
        if central.contains(where: { number.hasPrefix($0) }) { return .national }
        guard let first = number.unicodeScalars.first else { return nil }
        if let province = Gazetteer.shared.province(abbreviation: String(first)) {
            // `国市监`, `商消费发`: central 代字 do not start with a province's abbreviation; a province's do.
            return Placement(level: .provincial, region: province.name)
        }
        return nil
    }
}
