import PolicyCore

/// The unit an amount or quantity is per: `每辆` → 辆, `每场` → 场, `单个企业` → 企业, `元/辆` → 辆.
/// Only what the text says; nothing is inferred.
enum PerUnit {
    /// Measure words after 每, 单 and `/`.
    static let perWords = WordTrie(words: Units.measureList.map(\.word) + [
        "年", "月", "日", "天", "季度", "周", "学年", "年度", "股", "笔", "车", "批", "期", "届", "轮", "例", "吨公里",
        "小时", "分钟", "平方米", "千瓦时", "人·次", "人次", "亩", "床", "标准箱", "箱", "单", "宗", "公斤",
    ])

    /// Measure words after which a noun names what is counted (`每家企业` → 企业, `单个企业` → 企业);
    /// others are the unit themselves (`单户担保金额` → 户, `每辆车` → 辆).
    static let takesNoun: Set<String> = ["个", "家", "所", "座", "位", "名"]

    /// Characters that end the noun of a per-phrase (`单个企业最高补贴` → 企业).
    static let nounStops: ScalarSet = [
        "最", "不", "给", "的", "可", "按", "奖", "补", "享", "予", "达", "为", "每", "至", "超", "低", "高", "以", "一",
        "年", "获", "资", "金", "额", "支", "持", "限", "上", "下", "减", "免", "贴", "费", "元", "万", "亿", "累", "计",
        "共", "总", "均", "应", "须", "需", "将", "并", "或", "和", "及", "在", "于", "从", "对", "其", "该",
    ]

    /// The per-unit of `/辆`, `/人·次`, `/平方米` at `r`.
    static func afterSlash(_ s: [Unicode.Scalar], at r: Int, end: Int) -> (Int, String)? {
        guard r + 1 < end, s[r] == "/" else { return nil }
        if let (length, _) = perWords.longestMatch(in: s, at: r + 1, limit: end) {
            return (r + 1 + length, string(s, (r + 1)..<(r + 1 + length)))
        }
        var j = r + 1
        while j < end && j - r <= 3 && (s[j].isHan || (s[j] == "·" && j > r + 1)) { j += 1 }
        return j > r + 1 ? (j, string(s, (r + 1)..<j)) : nil
    }

    /// A per-phrase starting at `k` with `每` (`每辆`, `每家企业`, `每年`) or `单` (`单个企业`,
    /// `单家`, `单笔`): its end and the unit.
    static func phrase(_ s: [Unicode.Scalar], at k: Int, end: Int) -> (Int, String)? {
        guard k + 1 < end, s[k] == "每" || s[k] == "单" else { return nil }
        var j = k + 1
        var measure: String? = nil
        if let (length, _) = perWords.longestMatch(in: s, at: j, limit: end) {
            measure = string(s, j..<(j + length))
            j += length
        }
        guard let m = measure, !(s[k] == "单" && m == "位") else { return nil }  // 单位: an organisation
        if !takesNoun.contains(m) { return (j, m) }
        let nounStart = j
        while j < end && j - nounStart < 4 && s[j].isHan && !nounStops.contains(s[j]) && !NumeralScanner.canStart(s[j]) {
            j += 1
        }
        return j > nounStart ? (j, string(s, nounStart..<j)) : (j, m)
    }

    static func string(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(s[range]))
    }
}
