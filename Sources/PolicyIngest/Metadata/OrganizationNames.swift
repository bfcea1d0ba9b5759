import PolicyCore

/// Names of issuing bodies: what a name of a body looks like, which bodies are central, the
/// short forms news reports use (`中办`, `国办`), and signature lines (`总理  李强`).
enum OrganizationNames {
    /// Endings of names of bodies, longest first.
    static let suffixes: [String] = [
        "常务委员会", "管理委员会", "人民政府", "办公厅", "办公室", "委员会", "管委会", "检察院", "领导小组",
        "团中央", "工商联", "总工会", "贸促会", "总局", "总署", "总社", "中心", "法院", "政协",
        "部", "委", "局", "厅", "署", "院", "办", "会", "行", "社", "司", "处", "室", "组", "联", "馆", "所", "站",
        "政府", "党委", "集团", "公司", "协会",
    ]

    /// Words that never occur in the name of a body (they mark titles, sentences and groups of
    /// bodies). `和` alone does occur (`工业和信息化部`), so only `和各` is listed.
    static let nonNameWords: [String] = ["关于", "印发", "通知", "意见", "《", "》", "的", "。", ",", ":", "等", "和各", "各"]

    /// Whether `name` looks like the name of a body (`商务部`, `山西省人民政府办公厅`, `国家金融监督管理总局`).
    static func isOrganization(_ name: String) -> Bool {
        let s = name.scalarArray
        guard (2...40).contains(s.count) else { return false }
        guard s.allSatisfy({ $0.isHan || $0 == "(" || $0 == ")" || $0 == "、" || $0 == "“" || $0 == "”" || $0.isASCIIDigit })
        else { return false }
        if s.first == "第" || s.first == "(" { return false }
        if nonNameWords.contains(where: { s.containsScalars($0) }) { return false }
        return suffixes.contains { s.hasScalarSuffix($0) } && !isOfficeTitle(name)
    }

    /// Bodies whose short names policy texts use without `国家`/`国务院` in front.
    static let centralBodies: Set<String> = [
        "国务院", "国务院办公厅", "中共中央", "中共中央办公厅", "中央军委", "中央军事委员会", "中央军委办公厅",
        "全国人民代表大会", "全国人民代表大会常务委员会", "全国人大常委会", "最高人民法院", "最高人民检察院",
        "外交部", "国防部", "教育部", "科技部", "科学技术部", "工业和信息化部", "公安部", "国家安全部", "民政部", "司法部",
        "财政部", "人力资源社会保障部", "人力资源和社会保障部", "自然资源部", "生态环境部", "住房城乡建设部",
        "住房和城乡建设部", "交通运输部", "水利部", "农业农村部", "商务部", "文化和旅游部", "退役军人事务部",
        "应急管理部", "审计署", "海关总署", "税务总局", "市场监管总局", "广电总局", "体育总局", "统计局",
        "金融监管总局", "中国人民银行", "人民银行", "中国证监会", "证监会", "国资委", "国务院国资委", "供销合作总社",
        "中央宣传部", "中宣部", "中央网信办", "中央组织部", "中央编办", "共青团中央", "全国总工会", "全国妇联",
        "全国工商联", "中国贸促会", "中国残联", "中国科协", "中国气象局", "中国民航局", "国家邮政局",
    ]

    /// Beginnings of names of central bodies.
    static let centralPrefixes: [String] = [
        "国务院", "中共中央", "中央", "全国", "最高人民", "国家", "中华人民共和国", "中国人民银行", "中国证券",
        "中国银行保险", "中国人民",
    ]

    /// Sub-units that do not change whose the body is (`商务部办公厅` is central like `商务部`).
    static let subUnits: [String] = ["办公厅", "办公室", "综合司", "秘书局", "(室)"]

    /// Whether `name` is a central (national) body.
    static func isCentral(_ name: String) -> Bool {
        if isLocal(name) { return false }
        var base = name
        for unit in subUnits where base.hasSuffix(unit) && base.count > unit.count + 1 {
            base = String(base.dropLast(unit.count))
        }
        if centralBodies.contains(base) || centralBodies.contains(name) { return true }
        if centralPrefixes.contains(where: { base.hasPrefix($0) }) { return true }
        // `商务部`, `国家发展改革委`: a ministry name without a region in front.
        return base.hasSuffix("部") && base.count <= 12 && !base.hasSuffix("部门")
    }

    /// Names that start with a region or a bare local prefix (`省商务厅`, `市商务局`, `太原市人民政府`).
    static func isLocal(_ name: String) -> Bool {
        let s = name.scalarArray
        if bareLocalLevel(name) != nil { return true }
        if name.hasPrefix("中华人民共和国") || name.hasPrefix("中国") || name.hasPrefix("国家") { return false }
        return Gazetteer.shared.match(in: s[...], at: 0) != nil
    }

    /// The level a name starting with a bare `省`/`市`/`县` stands for (`省商务厅`, `市商务局`), as
    /// local documents name their own bodies; nil otherwise (`市场监管总局` is not one).
    static func bareLocalLevel(_ name: String) -> DocumentLevel? {
        guard let first = name.unicodeScalars.first else { return nil }
        for word in ["市场", "县域", "区域", "省级", "市级", "县级", "州级"] where name.hasPrefix(word) { return nil }
        switch first {
        case "省": return .provincial
        case "市", "州", "盟": return .municipal
        case "县", "区", "旗": return .county
        default: return nil
        }
    }

    /// Short forms news reports and catalogue titles use.
    static let shortForms: [(String, [String])] = [
        ("中办国办", ["中共中央办公厅", "国务院办公厅"]), ("两办", ["中共中央办公厅", "国务院办公厅"]),
        ("中共中央国务院", ["中共中央", "国务院"]), ("党中央国务院", ["中共中央", "国务院"]),
        ("中办", ["中共中央办公厅"]), ("国办", ["国务院办公厅"]), ("党中央", ["中共中央"]),
        ("国家发改委", ["国家发展改革委"]), ("发改委", ["国家发展改革委"]), ("国家网信办", ["国家互联网信息办公室"]),
        ("工信部", ["工业和信息化部"]), ("人社部", ["人力资源社会保障部"]), ("住建部", ["住房城乡建设部"]),
        ("央行", ["中国人民银行"]), ("国务院", ["国务院"]), ("中共中央", ["中共中央"]),
    ]

    /// The bodies a short form stands for (`中办国办` → 中共中央办公厅, 国务院办公厅), or the names of
    /// a list joined with `、`/`和` (`国务院、中央军委`).
    static func expand(_ text: String) -> [String]? {
        let cleaned = text.replacingOccurrences(of: "、", with: "").replacingOccurrences(of: "和", with: "")
        if let form = shortForms.first(where: { $0.0 == cleaned }) { return form.1 }
        let parts = text.split(whereSeparator: { $0 == "、" || $0 == " " }).map(String.init)
        if parts.count > 1 {
            let expanded = parts.map { part in shortForms.first { $0.0 == part }?.1 ?? (isOrganization(part) ? [part] : []) }
            if expanded.allSatisfy({ !$0.isEmpty }) { return expanded.flatMap { $0 } }
        }
        return isOrganization(text) ? [text] : nil
    }

    // MARK: - Signature lines

    /// Offices a signer holds (`总理  李强`, `省长　马兴瑞`, `市商务局党组书记、局长 盛 强`).
    static let officeTitles: [String] = [
        "国务院总理", "总理", "副总理", "代省长", "省长", "代市长", "市长", "县长", "区长", "州长", "盟长", "旗长", "主席",
        "部长", "局长", "主任", "书记", "署长", "行长", "院长", "检察长", "厅长", "委员长", "秘书长",
    ]

    static func isOfficeTitle(_ text: String) -> Bool { officeTitles.contains(text) }

    /// The bodies of a signature line written with spaces between names (`商务部 国家发展改革委
    /// 工业和信息化部`), read from the source text so that the spaces are still there. Nil unless
    /// every part is a name of a body.
    static func issuerLine(_ sourceLine: String) -> [String]? {
        let tokens = sourceLine.whitespaceTokens.map { ICU.nfkc($0) }
        guard !tokens.isEmpty, tokens.count <= 20 else { return nil }
        var names: [String] = []
        for token in tokens {
            guard isOrganization(token) else { return nil }
            names.append(token)
        }
        return names
    }

    /// A signer's line: an office and a person's name (`总理  李强`, `市长 危伟汉`). Returns the office
    /// and, when the line names one, the body before it (`市商务局党组书记、局长` → `市商务局`).
    static func signerLine(_ sourceLine: String) -> (office: String, body: String?)? {
        let tokens = sourceLine.whitespaceTokens.map { ICU.nfkc($0) }
        guard tokens.count >= 2, tokens.count <= 4 else { return nil }
        let nameParts = tokens.dropFirst()
        let nameLength = nameParts.reduce(0) { $0 + $1.count }
        guard (2...4).contains(nameLength), nameParts.allSatisfy({ $0.unicodeScalars.allSatisfy(\.isHan) }) else { return nil }
        let head = tokens[0]
        guard head.count <= 24, let office = officeTitles.first(where: { head.hasSuffix($0) }) else { return nil }
        var body: String? = nil
        var rest = String(head.dropLast(office.count))
        for trailer in ["、", "党组书记", "党委书记", "书记", "党组"] {
            while rest.hasSuffix(trailer) { rest = String(rest.dropLast(trailer.count)) }
        }
        if !rest.isEmpty, isOrganization(rest) { body = rest }
        return (office, body)
    }
}
