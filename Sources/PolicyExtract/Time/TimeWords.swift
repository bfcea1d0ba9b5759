import PolicyCore

/// Lexicons of the time extractor.
enum TimeWords {
    /// Years named relative to the document's date: 今年 (0), 明年 (+1), 去年 (-1) …
    static let relativeYears = WordTrie<Int>(
        [("今年", 0), ("本年", 0), ("这一年", 0), ("這一年", 0), ("明年", 1), ("下年", 1), ("下一年", 1), ("来年", 1),
         ("去年", -1), ("上年", -1), ("上一年", -1), ("前年", -2), ("后年", 2), ("後年", 2)])

    /// Characters before 上年/前年/本年/… that make them part of another word (`以上年龄`,
    /// `提前年度`, `基本年`, `健全年度`).
    static let notBeforeRelativeYear: ScalarSet = [
        "以", "之", "提", "事", "基", "文", "相", "安", "完", "超", "此", "其", "最", "向", "往", "线", "健", "齐", "周",
        "半", "年", "多", "几", "每", "个", "一", "两", "逐", "历", "近", "元", "长", "中", "青", "少", "老",
    ]
    /// Characters after a year word that make it part of another word (`年龄`, `年级`, `年轻`).
    static let notAfterYear: ScalarSet = [
        "龄", "级", "轻", "纪", "华", "限", "薪", "金", "鉴", "糕", "画", "息", "利", "费", "检", "票", "均", "化", "终", "报",
        "货", "会", "节", "夜", "味", "景", "号",
    ]

    /// Days named relative to the document's date.
    static let relativeDays = WordTrie<Int>(
        [("今天", 0), ("今日", 0), ("本日", 0), ("当天", 0), ("明天", 1), ("明日", 1), ("后天", 2), ("後天", 2),
         ("大后天", 3), ("大後天", 3), ("昨天", -1), ("昨日", -1), ("前天", -2), ("前日", -2), ("大前天", -3)])

    /// Months named relative to the document's date.
    static let relativeMonths = WordTrie<Int>(
        [("本月", 0), ("当月", 0), ("这个月", 0), ("這個月", 0), ("本月份", 0), ("上月", -1), ("上个月", -1),
         ("上個月", -1), ("上一个月", -1), ("上一個月", -1), ("下月", 1), ("下个月", 1), ("下個月", 1), ("下一个月", 1),
         ("下一個月", 1)])

    /// Quarters named relative to the document's date.
    static let relativeQuarters = WordTrie<Int>(
        [("本季度", 0), ("当季", 0), ("这个季度", 0), ("上季度", -1), ("上个季度", -1), ("上個季度", -1), ("上一季度", -1),
         ("上一个季度", -1), ("下季度", 1), ("下个季度", 1), ("下個季度", 1), ("下一季度", 1), ("下一个季度", 1)])

    /// Half years: 1 for the first, 2 for the second.
    static let halves = WordTrie<Int>(
        [("上半年", 1), ("前半年", 1), ("下半年", 2), ("后半年", 2), ("後半年", 2)])

    /// Words after a date that make it a deadline (`2025年前`, `6月底前` is read as 底 + 前).
    static let byAfter = WordTrie(words: ["前", "之前", "以前", "或之前", "及以前", "及之前", "或以前", "为止", "止"])

    /// Words after a date that make it a start (`2023年以来`, `自2025年1月1日起`).
    static let fromAfter = WordTrie(words: ["起", "开始", "以来", "或之后", "及之后", "及以后", "或以后", "以后", "之后",
                                            "后", "起至今", "至今"])

    /// Words after `后` or `起` that make it no time word (`2025年后续`, `起草`).
    static let notAfterFromWord: ScalarSet = ["续", "期", "草", "步", "点", "源", "诉", "来", "者", "劲", "台"]

    /// Prefixes: `自`/`从` (a start), `截至` (a deadline), `到`/`至` (a target).
    enum Prefix: Sendable { case from, by, target }
    static let prefixes = WordTrie<Prefix>(
        [("自", .from), ("从", .from), ("自从", .from), ("由", .from), ("截至", .by), ("截止", .by), ("截止到", .by),
         ("截止至", .by), ("截至到", .by), ("直到", .by), ("直至", .by), ("到", .target), ("至", .target),
         ("延长至", .by), ("延长到", .by), ("延续至", .by), ("延续到", .by), ("延至", .by), ("持续至", .by),
         ("持续到", .by), ("执行至", .by), ("执行到", .by), ("实施至", .by), ("有效至", .by)])

    /// Characters before `到`/`至` that make them part of a verb or another word (`达到`, `甚至`).
    static let notBeforeTarget: ScalarSet = [
        "达", "得", "提", "遇", "做", "受", "感", "看", "找", "收", "送", "回", "来", "想", "等", "以", "甚", "乃", "直",
        "截", "降", "升", "增", "减", "涨", "跌", "落", "调", "改", "延", "推", "迟", "放", "移", "转", "下", "上", "前",
        "报", "传", "递", "交", "寄", "发", "扩", "用", "归", "划", "拨", "至", "到",
    ]

    /// Separators between the two ends of a period (`2023年—2027年`, `8月至11月`).
    static let rangeSeparators = WordTrie(words: ["至", "到", "-", "—", "——", "~", "〜", "～", "--", "起至", "起到",
                                                  "－", "–"])

    /// Words after the end of a period that belong to it (`至2020-05-29止`, `2020至2025年前`).
    static let rangeClosers = WordTrie(words: ["止", "期间", "之间", "前", "以前", "为止"])

    /// What `自…之日起` may name: the document's own date.
    static let issueEvents = WordTrie(words: ["印发", "发布", "公布", "颁布", "下发", "签发", "发文", "公告", "发出", "印发实施"])
}
