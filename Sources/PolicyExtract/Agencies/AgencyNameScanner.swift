import PolicyCore

/// Region names written in names of bodies, by first scalar: full names of provinces and cities
/// (`山西省`, `太原市`) and the short names of provinces (`山西`), longest first.
struct RegionNames: Sendable {
    struct Name: Sendable {
        let scalars: [Unicode.Scalar]
        let isFullName: Bool
    }

    static let shared = RegionNames(gazetteer: .shared)

    private let byFirstScalar: ScalarMap<[Name]>
    let firstScalars: ScalarBitSet
    let firstScalarList: [Unicode.Scalar]

    init(gazetteer: Gazetteer) {
        var names: [String: Bool] = [:]
        for region in gazetteer.provinces + gazetteer.cities { names[region.name] = true }
        for province in gazetteer.provinces where names[province.shortName] == nil {
            names[province.shortName] = false
        }
        var byFirstScalar: [Unicode.Scalar: [Name]] = [:]
        for (name, full) in names {
            let scalars = Array(name.unicodeScalars)
            guard scalars.count >= 2, let first = scalars.first else { continue }
            byFirstScalar[first, default: []].append(Name(scalars: scalars, isFullName: full))
        }
        for key in byFirstScalar.keys { byFirstScalar[key]?.sort { $0.scalars.count > $1.scalars.count } }
        self.byFirstScalar = ScalarMap(byFirstScalar)
        self.firstScalars = ScalarBitSet(byFirstScalar.keys)
        self.firstScalarList = Array(byFirstScalar.keys)
    }

    /// The longest region name written at `index` (before `limit`).
    func match(in scalars: [Unicode.Scalar], at index: Int, limit: Int, fullNamesOnly: Bool) -> Name? {
        guard index < limit, firstScalars.contains(scalars[index]), let candidates = byFirstScalar[scalars[index]] else {
            return nil
        }
        for name in candidates where (name.isFullName || !fullNamesOnly) && scalars.has(name.scalars, at: index, limit: limit) {
            return name
        }
        return nil
    }
}

/// Finds where the name of a body that starts at a given position ends.
///
/// A name is either a central body from the table (`国家发展改革委`, `人民银行`), possibly followed by
/// a region and a branch suffix (`国家金融监督管理总局` + `山西` + `监管局`), or a local body: a region
/// prefix (`山西省`, `太原市`, `省`, `市`, `自治区`), a short core and an agency suffix (`商务厅`,
/// `人民政府`). The core stops at the first suffix, so a name never runs into the next one
/// (`省商务厅会同省财政厅`), and never crosses punctuation or a function word (`的`, `等`, `在`).
struct AgencyNameScanner: Sendable {
    /// Running text is scanned conservatively; lists and signature blocks hold nothing but names.
    enum Context { case runningText, nameList }

    static let maximumCore = 10

    /// Whether a suffix may follow the prefix directly: after a region prefix only 政府, 人民政府 and
    /// 委 (`省政府`, `省委`); after a central body and a region any suffix (`山西省分行`).
    enum EmptyCore { case bareSuffixOnly, anySuffix }

    let central = CentralBodies.shared
    let regions = RegionNames.shared

    /// Scalars a name can start with: the first of a central body's or a region's name, 省, 市, 自, 县, 区.
    static let nameStarts: ScalarBitSet = {
        var set = CentralBodies.shared.firstScalars
        for c in "省市自县区".unicodeScalars { set.insert(c) }
        for c in RegionNames.shared.firstScalarList { set.insert(c) }
        return set
    }()

    /// Scalars that end an agency suffix.
    static let suffixEnds = ScalarBitSet(AgencyVocabulary.suffixes.compactMap(\.last))

    /// End (exclusive) of the name starting at `index`, or nil.
    func nameEnd(in s: [Unicode.Scalar], at index: Int, limit: Int, context: Context) -> Int? {
        guard Self.nameStarts.contains(s[index]) else { return nil }
        if let variant = central.longestMatch(in: s, at: index, limit: limit,
                                              includeListOnly: context == .nameList) {
            let end = index + variant.scalars.count
            // 财政部门, 商务部门: departments of a kind, not the ministry.
            if context == .runningText, let last = variant.scalars.last, end < limit,
               AgencyVocabulary.isFalseContinuation(s[end], after: last) { return nil }
            if let branch = branchEnd(in: s, at: end, limit: limit) { return extended(s, branch, limit: limit) }
            return extended(s, end, limit: limit)
        }
        guard let coreStart = localPrefixEnd(in: s, at: index, limit: limit, context: context) else { return nil }
        guard let end = suffixEnd(in: s, from: coreStart, limit: limit, emptyCore: .bareSuffixOnly) else { return nil }
        return extended(s, end, limit: limit)
    }

    /// Whether `range` is a whole name by itself (used to split `A和B` inside lists).
    func isName(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard range.count >= 2 else { return false }
        if central.longestMatch(in: s, at: range.lowerBound, limit: range.upperBound, includeListOnly: true)?
            .scalars.count == range.count { return true }
        return endsWithSuffix(s, range)
    }

    /// Whether `range` ends with an agency suffix (or names the members of a group: `…成员单位`).
    func endsWithSuffix(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        (AgencyVocabulary.suffixes + AgencyVocabulary.memberUnits).contains {
            s.has($0, endingAt: range.upperBound, floor: range.lowerBound)
        }
    }

    /// Where the core of a local name begins: after `山西省`, `太原市`, `省`, `市` or `自治区`.
    func localPrefixEnd(in s: [Unicode.Scalar], at index: Int, limit: Int, context: Context) -> Int? {
        if let region = regions.match(in: s, at: index, limit: limit, fullNamesOnly: true) {
            return index + region.scalars.count
        }
        guard index + 1 < limit else { return nil }
        let next = s[index + 1]
        switch s[index] {
        case "省":
            if next == "市" && !(index + 2 < limit && s[index + 2] == "场") { return nil }
            return AgencyVocabulary.notAfterProvincePrefix.contains(next) ? nil : index + 1
        case "市":
            return AgencyVocabulary.notAfterCityPrefix.contains(next) ? nil : index + 1
        case "自":
            return s.has(Self.autonomousRegion, at: index, limit: limit) ? index + 3 : nil
        case "县", "区":
            // Bare county and district prefixes are too ambiguous in running text.
            return context == .nameList ? index + 1 : nil
        default:
            return nil
        }
    }

    /// The first end of an agency suffix at or after `start` (within `maximumCore` characters, or
    /// `maximumGroupCore` for working groups, whose names may hold a quoted label: `“三地一区”`).
    func suffixEnd(in s: [Unicode.Scalar], from start: Int, limit: Int, emptyCore: EmptyCore) -> Int? {
        var j = start
        while j < limit && j < start + AgencyVocabulary.maximumGroupCore + 8 {
            let c = s[j]
            if c == "“", let close = quoteEnd(s, j, limit: limit) {
                j = close + 1
                continue
            }
            guard c.isHan, !AgencyVocabulary.stopCharacters.contains(c) else { return nil }
            // A second region prefix inside the core means the name ended before it
            // (山东省商务系统贯彻省委); 省市场监管局 keeps its 市场.
            if j > start && (c == "省" || (c == "市" && !(j + 1 < limit && s[j + 1] == "场"))) { return nil }
            j += 1
            guard Self.suffixEnds.contains(c) else { continue }
            // 部门, 办法, 委员 (but 委员会): no name
            if j < limit, AgencyVocabulary.isFalseContinuation(s[j], after: c),
               !(c == "委" && j + 1 < limit && s[j + 1] == "会") { return nil }
            if AgencyVocabulary.falseEndings.contains(where: { s.has($0, endingAt: j, floor: 0) }) { continue }
            for suffix in AgencyVocabulary.suffixes where s.has(suffix, endingAt: j, floor: start) {
                let coreLength = j - suffix.count - start
                if coreLength == 0 && emptyCore == .bareSuffixOnly && !Self.bareSuffixes.contains(suffix) { continue }
                if AgencyVocabulary.groupSuffixes.contains(suffix) {
                    guard coreLength <= AgencyVocabulary.maximumGroupCore else { return nil }
                    return groupEnd(s, j, limit: limit)
                }
                if coreLength > Self.maximumCore || s[start..<j].contains("“") { return nil }
                return longerSuffixEnd(s, j, suffix: suffix, limit: limit)
            }
        }
        return nil
    }

    /// A group named inside a group: `…领导小组` + `改革开放新高地执行小组`; the furthest group end
    /// that follows without a stop character.
    private func groupEnd(_ s: [Unicode.Scalar], _ end: Int, limit: Int) -> Int {
        var best = end
        var j = end
        while j < limit && j < end + AgencyVocabulary.maximumGroupCore {
            let c = s[j]
            guard c.isHan, !AgencyVocabulary.stopCharacters.contains(c), c != "省", c != "市" else { break }
            j += 1
            if AgencyVocabulary.groupSuffixes.contains(where: { s.has($0, endingAt: j, floor: end) }) { best = j }
        }
        return best
    }

    /// The closing `”` of a short quoted label inside a name.
    private func quoteEnd(_ s: [Unicode.Scalar], _ open: Int, limit: Int) -> Int? {
        var k = open + 1
        while k < limit && k <= open + 10 {
            if s[k] == "”" { return k > open + 1 ? k : nil }
            guard s[k].isHan else { return nil }
            k += 1
        }
        return nil
    }

    /// After `国家金融监督管理总局`: a region and a branch suffix (`山西监管局`, `山西省分行`).
    func branchEnd(in s: [Unicode.Scalar], at index: Int, limit: Int) -> Int? {
        guard let region = regions.match(in: s, at: index, limit: limit, fullNamesOnly: false) else { return nil }
        return suffixEnd(in: s, from: index + region.scalars.count, limit: limit, emptyCore: .anySuffix)
    }

    /// `省政协办` → `省政协办公厅`: a one-character suffix that is the start of a longer one.
    private func longerSuffixEnd(_ s: [Unicode.Scalar], _ end: Int, suffix: [Unicode.Scalar], limit: Int) -> Int {
        guard suffix.count == 1 else { return end }
        for longer in AgencyVocabulary.suffixes where longer.count > 1 && longer[0] == suffix[0] {
            if s.has(longer, at: end - 1, limit: limit) { return end - 1 + longer.count }
        }
        return end
    }

    /// Applies `extensions` while one follows: `省人民政府` → `省人民政府办公厅`, `省委` → `省委组织部`.
    private func extended(_ s: [Unicode.Scalar], _ end: Int, limit: Int) -> Int {
        var end = end
        var changed = true
        while changed {
            changed = false
            for ext in AgencyVocabulary.extensions where s.has(ext, at: end, limit: limit) {
                // 员会 completes a 委 (委员会), 会 only a 常委 (常委会): 国家发展改革委会同… is no 委会.
                if ext.first == "员", s[end - 1] != "委" { continue }
                if ext.first == "会", !s.has(Self.standingCommittee, endingAt: end, floor: 0) { continue }
                end += ext.count
                changed = true
                break
            }
        }
        return end
    }

    private static let autonomousRegion = Array("自治区".unicodeScalars)
    private static let standingCommittee = Array("常委".unicodeScalars)
    /// Suffixes that make a name right after a prefix: 省政府, 市人民政府, 省委.
    private static let bareSuffixes: [[Unicode.Scalar]] = AgencyVocabulary.scalarsList(["人民政府", "政府", "委"])
}
