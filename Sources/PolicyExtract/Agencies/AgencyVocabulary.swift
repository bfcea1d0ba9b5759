import PolicyCore

/// Words that make up and delimit names of bodies: agency suffixes, the extensions that may follow
/// a complete name (`省人民政府` + `办公厅`), role words of responsibility lists, and the characters
/// that may stand before a name in running text.
enum AgencyVocabulary {
    /// Endings of a body's name, longest first. Single characters that are also common word endings
    /// (院, 社, 会, 中心) are only accepted as part of a longer ending (检察院, 贸促会).
    static let suffixes: [[Unicode.Scalar]] = scalarsList([
        "领导小组办公室", "人民政府", "红十字会", "中心支行", "营业管理部", "领导小组", "工作小组", "执行小组", "工作专班",
        "工作组", "指挥部",
        "办公厅", "办公室", "委员会", "常委会", "监管局", "管理局", "检察院", "总工会", "工商联", "贸促会",
        "联合会", "调查总队",
        "政府", "总局", "分局", "银行", "分行", "支行", "公司", "集团", "海关", "法院", "工会", "妇联",
        "残联", "侨联", "科协", "团委", "总署",
        "厅", "局", "委", "办", "部", "署",
    ])

    /// Suffixes of working groups: their names are long (`省推进“三地一区”建设领导小组改革开放新高地执行
    /// 小组办公室`), so the core may be longer and hold a quoted label, and a group inside a group
    /// (`…领导小组` + `改革开放新高地执行小组`) extends the name.
    static let groupSuffixes: [[Unicode.Scalar]] = scalarsList([
        "领导小组办公室", "领导小组", "工作小组", "执行小组", "工作专班", "工作组", "指挥部",
    ])
    static let maximumGroupCore = 24

    /// Endings of list items that name the members of a group (`…工作专班成员单位`, `…牵头单位`).
    static let memberUnits: [[Unicode.Scalar]] = scalarsList(["成员单位", "牵头单位"])

    /// What may follow a complete name and still belong to it: `省人民政府` + `办公厅`,
    /// `省委` + `组织部`, `省发展改革委` + `员会`.
    static let extensions: [[Unicode.Scalar]] = scalarsList([
        "办公厅", "办公室", "研究室", "组织部", "宣传部", "统战部", "政法委", "网信办", "编办", "农办", "财经办",
        "外办", "政研室", "员会", "会", "中心支行", "营业管理部", "分行", "支行", "分局",
    ])

    /// Characters that do not occur inside a name of a body but are common right after or inside a
    /// clause: function words, measure words, dates.
    static let stopCharacters = ScalarBitSet(
        "的了在对将把按向与及并要应可等为于从以是有由被所其该各或但也都就还又再已得着过让使给同内做之前后年月日号个")

    /// Words that end in a suffix character but name no body: 举办 (hold), 全部 (all), 格局 (pattern),
    /// 部署 (deploy), 展厅 (hall). A name does not end inside them.
    static let falseEndings: [[Unicode.Scalar]] = scalarsList([
        "数字政府", "电子政府", "电子税务局", "转办", "经办", "批办", "举办", "创办", "承办", "主办", "协办", "督办", "交办", "代办", "兴办", "开办", "合办", "申办", "筹办", "自办", "试办",
        "全部", "内部", "外部", "局部", "东部", "西部", "中部", "北部", "南部", "干部", "总部", "本部", "乐部", "腹部", "头部",
        "格局", "布局", "结局", "大局", "开局", "变局", "当局", "邮局", "大厅", "餐厅", "客厅", "展厅", "部署", "签署",
    ])

    /// Characters after a suffix character that make it another word: 部门 (department of a kind),
    /// 办法 (measures), 办理 (handle), 委托 (entrust), 局面 (situation).
    static func isFalseContinuation(_ next: Unicode.Scalar, after suffix: Unicode.Scalar) -> Bool {
        switch suffix {
        case "部": return "门分件位".unicodeScalars.contains(next)
        case "办": return "法理事好".unicodeScalars.contains(next)
        case "委": return "托屈员".unicodeScalars.contains(next)  // 委员 (a member) — 委员会 is a longer suffix
        case "局": return "面势限".unicodeScalars.contains(next)
        case "署": return next == "名"
        default: return false
        }
    }

    /// Characters that may stand right before a name in running text besides punctuation and the
    /// start of a paragraph: prepositions and the last characters of verbs that take a body as
    /// object (`经省人民政府同意`, `会同省财政厅`, `对省政府确定…`, `率国务院有关部门`, `配合发展改革委`,
    /// `报请国务院核准`).
    static let leftBoundary = ScalarBitSet("经由对向和与及同请报将按据受被为给是会在从把以率待合调促导求动商示交至送用")

    /// Characters after `省` that make a class or a place, not a body (`省内`, `省级`, `省际`).
    static let notAfterProvincePrefix = ScalarBitSet("内外级际会份直长里域情县区道")
    /// Characters after `市` that make a word, not a body (`市场`, `市县`, `市民`).
    static let notAfterCityPrefix = ScalarBitSet("场县区级民内外里域值面容长辖")

    /// Roles named by a label or a verb of a responsibility list, in the order they are tried.
    static let roleWords: [(word: [Unicode.Scalar], role: AgencyRole)] = ([
        ("牵头", .lead), ("配合", .cooperating), ("参与", .cooperating), ("协助", .cooperating),
        ("协办", .cooperating), ("协同", .cooperating), ("负责", .responsible), ("责任", .responsible),
        ("主责", .responsible),
    ] as [(String, AgencyRole)]).map { (Array($0.0.unicodeScalars), $0.1) }

    /// Words between a list and its role verb: `按职责分工负责`, `分别负责`.
    static let verbTrailers: [[Unicode.Scalar]] = scalarsList([
        "按照职责分工", "按职责分工", "根据职责分工", "依职责分工", "按照职责", "按职责", "依职责", "按分工", "分别",
        "共同", "具体",
    ])

    /// Trailers of a list item: `全国总工会等`, `海关总署等有关部门`.
    static let itemTrailers: [[Unicode.Scalar]] = scalarsList([
        "等有关部门和单位", "等有关部门", "等相关部门", "等有关单位", "等相关单位", "等部门", "等单位", "等",
    ])

    /// Words joining two names inside one list item (`商务部、文化和旅游部和各地方人民政府`).
    static let conjunctions: [[Unicode.Scalar]] = scalarsList(["以及", "会同", "和", "及", "与"])

    /// Leading words of a class of bodies rather than a body, and what such a class is.
    static let genericLeads: [[Unicode.Scalar]] = scalarsList([
        "各有关", "各相关", "其他有关", "其他相关", "有关", "相关", "其他", "各",
    ])
    static let genericNames: Set<String> = [
        "部门", "单位", "部门和单位", "部门单位", "单位和部门", "机构", "地区", "方面", "部委", "直属机构",
        "部门和地区", "地区和部门", "成员单位", "市县", "地方", "省份", "企业", "部委和单位",
    ]

    static func scalarsList(_ words: [String]) -> [[Unicode.Scalar]] {
        words.map { Array($0.unicodeScalars) }
    }

    static func scalarSet(_ characters: String) -> ScalarBitSet {
        ScalarBitSet(characters)
    }
}

extension Array where Element == Unicode.Scalar {
    /// Whether `word` is written at `index`, ending at or before `limit`.
    @inline(__always)
    func has(_ word: [Unicode.Scalar], at index: Int, limit: Int) -> Bool {
        guard index >= 0, index + word.count <= limit else { return false }
        for k in 0..<word.count where self[index + k] != word[k] { return false }
        return true
    }

    /// Index of the first occurrence of `word` that ends at or before `limit`.
    func firstIndex(of word: [Unicode.Scalar], before limit: Int) -> Int? {
        var i = 0
        while i + word.count <= limit {
            if has(word, at: i, limit: limit) { return i }
            i += 1
        }
        return nil
    }

    /// Whether `word` ends exactly at `end` (exclusive), starting at or after `floor`.
    @inline(__always)
    func has(_ word: [Unicode.Scalar], endingAt end: Int, floor: Int) -> Bool {
        has(word, at: end - word.count, limit: end) && end - word.count >= floor
    }
}
