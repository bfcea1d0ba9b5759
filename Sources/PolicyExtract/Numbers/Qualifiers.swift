import PolicyCore

/// A word that bounds a number: `最高` (a cap), `不低于` (a floor), `约` (about), `以上` (a floor).
struct QualifierWord: Sendable, Equatable {
    var qualifier: Qualifier
    /// Whether the bound includes the number (PRC Civil Code art. 1259: 以上, 以下, 以内 include it;
    /// 超过, 低于, 不足 do not). Nil for `approx`.
    var inclusive: Bool?
    /// Applies even when other words stand between it and the number (`不超过各市实际支出的50%`).
    var reachesFar: Bool = false
}

/// Qualifier words before and after numbers.
enum Qualifiers {
    private static let capInclusive = QualifierWord(qualifier: .max, inclusive: true, reachesFar: true)
    private static let capStrict = QualifierWord(qualifier: .max, inclusive: false)
    private static let floorInclusive = QualifierWord(qualifier: .min, inclusive: true, reachesFar: true)
    private static let floorStrict = QualifierWord(qualifier: .min, inclusive: false)
    private static let about = QualifierWord(qualifier: .approx, inclusive: nil)

    /// Words before the number, stored backward: the longest one ending just before a position wins
    /// (`不超过`, not `超过`). Words mapped to nil look like qualifiers but are not (`最近`, `附近`).
    static let prefixes = WordTrie<QualifierWord?>(
        [("最高", capInclusive), ("不超过", capInclusive), ("不高于", capInclusive), ("不多于", capInclusive),
         ("最多", capInclusive), ("至多", capInclusive), ("上限", capInclusive), ("上限为", capInclusive),
         ("封顶", capInclusive), ("不大于", capInclusive), ("最高限额", capInclusive), ("限额", capInclusive),
         ("不能超过", capInclusive), ("不得超过", capInclusive), ("不应超过", capInclusive), ("不可超过", capInclusive),
         ("不宜超过", capInclusive), ("不能高于", capInclusive), ("不得高于", capInclusive),
         ("不能低于", floorInclusive), ("不得低于", floorInclusive), ("不应低于", floorInclusive), ("不能少于", floorInclusive),
         ("不得少于", floorInclusive), ("年满", floorInclusive), ("已满", floorInclusive),
         ("低于", capStrict), ("不足", capStrict), ("不到", capStrict), ("少于", capStrict), ("小于", capStrict),
         ("不满", capStrict), ("未满", capStrict), ("未达到", capStrict), ("未超过", capInclusive),
         ("不低于", floorInclusive), ("不少于", floorInclusive), ("至少", floorInclusive), ("最低", floorInclusive),
         ("最少", floorInclusive), ("不小于", floorInclusive), ("起码", floorInclusive),
         ("超过", floorStrict), ("逾", floorStrict), ("高于", floorStrict), ("多于", floorStrict), ("大于", floorStrict),
         ("突破", floorStrict), ("超出", floorStrict),
         ("约", about), ("大约", about), ("约为", about), ("近", about), ("将近", about), ("接近", about), ("大概", about),
         ("最近", nil), ("附近", nil), ("临近", nil), ("就近", nil), ("近年", nil), ("近期", nil), ("制约", nil),
         ("节约", nil), ("合约", nil), ("签约", nil), ("履约", nil), ("违约", nil), ("集约", nil)],
        backward: true)

    /// What a qualifier may have between itself and its number and still be next to it
    /// (`超过了百分之零点九`, `上限为50万元`, `最高可达2000元`).
    static let fillers: ScalarSet = ["为", "达", "到", "了", "是", "在", "可", "按", "以", "的", " "]

    /// After `最高`/`最低`: words that make it a name or a noun (`最高人民法院`, `最低值的50%`),
    /// not a bound.
    static let notBoundAfter = WordTrie(words: ["人民", "法院", "检察", "院", "法", "检", "级", "层", "领导", "水平", "标准",
                                                "值", "工资", "生活"])

    /// Words after the number and its unit.
    static let suffixes = WordTrie<QualifierWord>(
        [("以上", floorInclusive), ("及以上", floorInclusive), ("或以上", floorInclusive), ("以下", capInclusive),
         ("及以下", capInclusive), ("或以下", capInclusive), ("以内", capInclusive), ("之内", capInclusive),
         ("为限", capInclusive), ("为上限", capInclusive), ("封顶", capInclusive), ("起", floorInclusive),
         ("限额内", capInclusive), ("限额以内", capInclusive), ("的限额内", capInclusive),
         ("左右", about), ("上下", about), ("多", about), ("余", about), ("有余", about)])

    /// Suffix words that count only at the end of a phrase (`50万元上下` but not `上下游`,
    /// `500元起` but not `起步`, `3000元多` but not `多家`).
    static let suffixNeedsBoundary: Set<String> = ["上下", "起", "多", "余"]

    /// `(含)` and `(不含)` around 以上/以下: whether the bound includes the number.
    static func inclusionMark(_ s: [Unicode.Scalar], at i: Int, end: Int) -> (length: Int, inclusive: Bool)? {
        guard i < end, s[i] == "(" else { return nil }
        if i + 2 < end, s[i + 1] == "含", s[i + 2] == ")" { return (3, true) }
        if i + 3 < end, s[i + 1] == "不", s[i + 2] == "含", s[i + 3] == ")" { return (4, false) }
        return nil
    }
}
