import PolicyCore

/// A currency word and what one of it is worth in the currency's base unit (`角` → CNY 0.1).
struct CurrencyUnit: Sendable, Equatable {
    var code: String
    /// Power of ten of the unit in the base unit: 0 for 元, -1 for 角/毛, -2 for 分/美分.
    var power: Int = 0
    /// 元, 圆, 块: the yuan, whose 角 and 分 may follow (`五元三毛`, `十二块五`).
    var isYuan: Bool = false

    var isMinor: Bool { power < 0 }
}

/// What a number is followed by when it is a percentage.
enum PercentSign: Sendable, Equatable {
    /// `%`, `百分之`
    case percent
    /// `‰`, `千分之`: tenths of a percent
    case permille
    /// `个百分点`
    case points
}

/// Lexicons of the number extractor: currency names, percent signs and measure words.
enum Units {
    // MARK: Currencies

    /// Currency words written after the number (`2000元`, `1.95港元`, `445奈拉`).
    static let currencySuffixes = WordTrie<CurrencyUnit>(
        [("元", CurrencyUnit(code: "CNY", isYuan: true)), ("圆", CurrencyUnit(code: "CNY", isYuan: true)),
         ("圓", CurrencyUnit(code: "CNY", isYuan: true)), ("块", CurrencyUnit(code: "CNY", isYuan: true)),
         ("塊", CurrencyUnit(code: "CNY", isYuan: true)), ("块钱", CurrencyUnit(code: "CNY", isYuan: true)),
         ("塊錢", CurrencyUnit(code: "CNY", isYuan: true)),
         ("人民币", CurrencyUnit(code: "CNY")), ("人民幣", CurrencyUnit(code: "CNY")),
         ("角", CurrencyUnit(code: "CNY", power: -1)), ("毛", CurrencyUnit(code: "CNY", power: -1)),
         ("美元", CurrencyUnit(code: "USD")), ("美金", CurrencyUnit(code: "USD")), ("美圆", CurrencyUnit(code: "USD")),
         ("美圓", CurrencyUnit(code: "USD")), ("美分", CurrencyUnit(code: "USD", power: -2)),
         ("欧元", CurrencyUnit(code: "EUR")), ("歐元", CurrencyUnit(code: "EUR")),
         ("港元", CurrencyUnit(code: "HKD")), ("港币", CurrencyUnit(code: "HKD")), ("港幣", CurrencyUnit(code: "HKD")),
         ("港圆", CurrencyUnit(code: "HKD")),
         ("澳门元", CurrencyUnit(code: "MOP")), ("澳门币", CurrencyUnit(code: "MOP")), ("澳門幣", CurrencyUnit(code: "MOP")),
         ("澳元", CurrencyUnit(code: "AUD")), ("澳币", CurrencyUnit(code: "AUD")), ("澳大利亚元", CurrencyUnit(code: "AUD")),
         ("新台币", CurrencyUnit(code: "TWD")), ("台币", CurrencyUnit(code: "TWD")), ("新台幣", CurrencyUnit(code: "TWD")),
         ("台幣", CurrencyUnit(code: "TWD")),
         ("日元", CurrencyUnit(code: "JPY")), ("日币", CurrencyUnit(code: "JPY")), ("日圆", CurrencyUnit(code: "JPY")),
         ("日圓", CurrencyUnit(code: "JPY")), ("日幣", CurrencyUnit(code: "JPY")),
         ("英镑", CurrencyUnit(code: "GBP")), ("英鎊", CurrencyUnit(code: "GBP")),
         ("瑞士法郎", CurrencyUnit(code: "CHF")), ("加元", CurrencyUnit(code: "CAD")), ("加币", CurrencyUnit(code: "CAD")),
         ("加拿大元", CurrencyUnit(code: "CAD")), ("韩元", CurrencyUnit(code: "KRW")), ("韩币", CurrencyUnit(code: "KRW")),
         ("韓元", CurrencyUnit(code: "KRW")), ("新加坡元", CurrencyUnit(code: "SGD")), ("新西兰元", CurrencyUnit(code: "NZD")),
         ("泰铢", CurrencyUnit(code: "THB")), ("泰銖", CurrencyUnit(code: "THB")), ("卢布", CurrencyUnit(code: "RUB")),
         ("盧布", CurrencyUnit(code: "RUB")), ("印度卢比", CurrencyUnit(code: "INR")), ("卢比", CurrencyUnit(code: "INR")),
         ("奈拉", CurrencyUnit(code: "NGN")), ("瑞典克朗", CurrencyUnit(code: "SEK")), ("挪威克朗", CurrencyUnit(code: "NOK")),
         ("丹麦克朗", CurrencyUnit(code: "DKK")), ("林吉特", CurrencyUnit(code: "MYR")), ("越南盾", CurrencyUnit(code: "VND")),
         ("南非兰特", CurrencyUnit(code: "ZAR")), ("兰特", CurrencyUnit(code: "ZAR")), ("雷亚尔", CurrencyUnit(code: "BRL"))])

    /// Currency words and signs written before the number (`人民币50元`, `港币3.14`, `¥300`).
    static let currencyPrefixes = WordTrie<String>(
        [("人民币", "CNY"), ("人民幣", "CNY"), ("RMB", "CNY"), ("¥", "CNY"), ("￥", "CNY"),
         ("港币", "HKD"), ("港幣", "HKD"), ("港元", "HKD"), ("HK$", "HKD"), ("美元", "USD"), ("US$", "USD"), ("$", "USD"),
         ("新台币", "TWD"), ("新台幣", "TWD"), ("台币", "TWD"), ("澳门币", "MOP"), ("€", "EUR"), ("£", "GBP")])

    /// Words after 元 that make it no currency: 二元结构, 一元化, 元素, 元旦.
    static let notYuanAfter: ScalarSet = ["化", "素", "旦", "宵", "件", "结", "论", "次", "首", "老", "帅", "月"]

    // MARK: Percent

    /// Signs after the number: `%`, `‰`, `个百分点`.
    static let percentSuffixes = WordTrie<PercentSign>(
        [("%", .percent), ("‰", .permille), ("个百分点", .points), ("個百分點", .points), ("个百分點", .points),
         ("個百分点", .points), ("百分点", .points), ("百分點", .points)])

    // MARK: Measure words

    /// A measure word of a counted thing and the characters after it that make it part of another
    /// word (`家` but not `家庭`; `个` but not `个人`).
    struct MeasureWord: Sendable {
        var word: String
        var notBefore: ScalarSet
    }

    static let measureWords = WordTrie<MeasureWord>(measureList.map { ($0.word, $0) })

    /// Counted things and measured quantities. Durations (年, 个月, 天, 小时), ranks (级, 届, 期,
    /// 批, 轮) and multiples (倍) are not quantities under the contract.
    static let measureList: [MeasureWord] = {
        let table: [(String, String)] = [
            ("个", "人体性税案别"), ("個", "人體性"), ("家", "庭居具电政乡属长园"), ("台", "湾账阶风资州商胞站"),
            ("辆", ""), ("輛", ""), ("场", "所景地馆面合站主内外"), ("场次", ""), ("人", "民大口均力才文造工事身格性权类寿保社员群"),
            ("人次", ""), ("户次", ""), ("车次", ""), ("架次", ""), ("名", "单称义牌片誉额录次字胜"), ("位", "置于数次"),
            ("项", "目规"), ("所", "有以得在属需述称谓长"), ("座", "谈位右"), ("套", "餐"), ("条", "件例款约线码文"),
            ("件", "事"), ("只", "要有能是"), ("头", "部号等"), ("张", "家"), ("户", "籍口外型"), ("次", "性数要级日年月会全代贷序"),
            ("种", "子植类业养"), ("类", "似型别"), ("处", "理罚置分长室"), ("栋", ""), ("幢", ""), ("间", "隔接断"),
            ("片", "区面"), ("枚", ""), ("株", ""), ("棵", ""), ("架", "构"), ("艘", ""), ("款", "项式"), ("份", "额子"),
            ("篇", "章"), ("门", "户类槛诊店口票"), ("支", "持付出撑部援柱行"), ("组", "织建成合长团"), ("层", "次级面"),
            ("部门", ""), ("部分", ""), ("床", "位"), ("颗", ""), ("粒", ""), ("根", "本据源"),
            ("吨", ""), ("万吨", ""), ("亩", ""), ("公顷", ""), ("平方米", ""), ("平方公里", ""), ("平方千米", ""),
            ("立方米", ""), ("公里", ""), ("千米", ""), ("米", "面粮饭"), ("千瓦", ""), ("千瓦时", ""), ("兆瓦", ""),
            ("千伏", ""), ("千克", ""), ("公斤", ""), ("克", "服难隆"), ("斤", ""), ("毫升", ""), ("岁", "月"), ("周岁", ""),
        ]
        return table.map { MeasureWord(word: $0.0, notBefore: ScalarSet($0.1.unicodeScalars)) }
    }()

    /// Words after `个` that make the number a duration, not a count: 3个月, 5个工作日.
    static let durationsAfterGe = WordTrie(words: ["月", "工作日", "小时", "季度", "星期", "学期", "年头", "交易日", "自然日",
                                                   "日历日", "钟头", "礼拜"])
}
