import PolicyCore

/// Decides whether a title in `《》` names a policy document (law, regulation, rule, normative
/// document, plan, standard, treaty, report of a government body) and so is a citation.
///
/// The rule, in order:
/// 1. A 发文字号 in the parentheses after it: a citation.
/// 2. An abbreviation standing for a title named before (`《条例》`, `本《办法》`, `《若干政策措施》`,
///    and anything right after `简称`): not a citation — it names the same document again.
/// 3. Newspapers and periodicals (`《人民日报》`, `《求是》`, titles ending in 日报, 晚报, 杂志, 周刊 …):
///    not citations.
/// 4. A title that ends with a kind of document (法, 条例, 办法, 规定, 细则, 决定, 意见, 通知, 方案,
///    计划, 规划, 纲要, 措施, 指南, 标准, 协定, 报告, 批复 …), ignoring a trailing `(试行)` or
///    `(2024-2026年)`, that starts with `关于`, or that starts with `中华人民共和国`: a citation.
/// 5. Anything else — books (`《红楼梦》`), campaigns, programmes, songs, reports by title only
///    (`《2023湖北质量状况》`): not a citation.
///
/// Standards cited by their subject alone (`《限制商品过度包装要求 生鲜食用农产品》`) fall under 5 and
/// are missed; so is a document title without a kind of document (`《中国制造2025》`) unless its
/// 发文字号 follows.
enum CitedTitleRule {
    static func isCitation(title: [Unicode.Scalar], hasDocumentNumber: Bool, afterAbbreviationMarker: Bool) -> Bool {
        if hasDocumentNumber { return true }
        if afterAbbreviationMarker { return false }
        var end = title.count
        // Trailing parentheticals: (试行), (2024-2026年), (修订)
        while end > 0 && title[end - 1] == ")", let open = title[..<end].lastIndex(of: "("), open > 0 {
            end = open
        }
        var start = 0
        for lead in anaphorLeads where title.has(lead, at: 0, limit: end) && end > lead.count { start = lead.count }
        guard end > start else { return false }
        let endsWith = { (word: [Unicode.Scalar]) in title.has(word, endingAt: end, floor: start) }
        if end - start <= maximumAbbreviation && abbreviations.contains(String(String.UnicodeScalarView(title[start..<end]))) {
            return false
        }
        if periodicals.contains(where: { $0.count == end - start && endsWith($0) }) || periodicalEndings.contains(where: endsWith) {
            return false
        }
        if title.has(about, at: start, limit: end) || title.has(prc, at: start, limit: end) { return true }
        if title[end - 1] == "法" {
            return end - start >= 2 && !notLawsBeforeFa.contains(title[end - 2])
        }
        return documentEndings.contains(where: endsWith)
    }

    /// Kinds of document a title ends with.
    static let documentEndings: [[Unicode.Scalar]] = AgencyVocabulary.scalarsList([
        "法典", "条例", "规定", "办法", "细则", "规则", "决定", "决议", "意见", "通知", "通告", "公告", "方案", "计划",
        "规划", "纲要", "措施", "指南", "指引", "目录", "清单", "标准", "规范", "准则", "协定", "公约", "条约", "章程",
        "报告", "批复", "复函", "函", "请示", "令", "守则", "导则", "名录", "大纲", "议定书", "备忘录", "汇报", "要点",
        "解释", "答复", "通报", "纪要", "意见稿", "白皮书", "宣言", "制度", "安排", "协议", "公报", "修正案", "解答",
    ].sorted { $0.count > $1.count })

    /// Titles that are only a kind of document: abbreviations of a title named before.
    static let abbreviations: Set<String> = [
        "法", "条例", "规定", "办法", "细则", "规则", "决定", "决议", "意见", "通知", "通告", "公告", "方案", "计划", "规划",
        "纲要", "措施", "若干措施", "政策措施", "若干政策措施", "指南", "指引", "目录", "清单", "标准", "规范", "准则",
        "协定", "公约", "章程", "报告", "批复", "函", "请示", "汇报", "实施意见", "指导意见", "实施方案", "行动方案",
        "工作方案", "行动计划", "实施细则", "暂行办法", "管理办法", "若干意见", "若干规定", "规划纲要", "决定稿",
        "总体规划", "总体方案", "专项规划", "实施计划", "实施办法", "管理规定",
    ]
    static let anaphorLeads: [[Unicode.Scalar]] = AgencyVocabulary.scalarsList(["本", "该", "上述", "此"])

    static let periodicals = AgencyVocabulary.scalarsList(["求是", "半月谈", "瞭望", "新华每日电讯", "人民日报海外版", "参考消息"])
    static let periodicalEndings: [[Unicode.Scalar]] = AgencyVocabulary.scalarsList([
        "日报", "晚报", "早报", "时报", "周报", "商报", "青年报", "杂志", "周刊", "月刊", "半月刊", "画报", "学报", "专刊",
    ])
    static let about = Array("关于".unicodeScalars)
    static let prc = Array("中华人民共和国".unicodeScalars)
    static let maximumAbbreviation = abbreviations.map(\.unicodeScalars.count).max() ?? 0
    /// `兵法`, `方法`, `做法`: words ending in 法 that are not laws.
    static let notLawsBeforeFa = AgencyVocabulary.scalarSet("兵方做写算手说看想用疗书语魔技笔章画心佛戏刀剑拳")
}
