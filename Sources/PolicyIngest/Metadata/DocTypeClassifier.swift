import PolicyCore

/// The kind of document, from the last word of its title: `…若干政策措施` → 措施,
/// `…实施意见` → 意见, `…暂行办法(试行)` → 办法, `刑法修正案(十一)` → 修正案, `…法` → 法.
enum DocTypeClassifier {
    /// Title endings and the type they give, longest first within each group of similar words.
    static let endings: [(String, String)] = [
        ("解读", "解读"), ("答记者问", "解读"), ("修正案", "修正案"), ("司法解释", "解释"), ("解释", "解释"), ("解答", "解释"),
        ("实施细则", "细则"), ("细则", "细则"),
        ("意见", "意见"), ("通知", "通知"), ("通报", "通报"), ("方案", "方案"), ("措施", "措施"), ("举措", "措施"),
        ("条例", "条例"), ("办法", "办法"), ("规定", "规定"), ("计划", "计划"), ("决定", "决定"), ("决议", "决定"),
        ("批复", "批复"), ("复函", "函"), ("函", "函"), ("公告", "公告"), ("通告", "通告"), ("纲要", "纲要"),
        ("规划", "规划"), ("预案", "预案"), ("指南", "指南"), ("指引", "指南"), ("规则", "规则"), ("守则", "规则"), ("规程", "规则"),
        ("答复", "答复"), ("清单", "清单"), ("目录", "清单"), ("章程", "章程"), ("规范", "规范"), ("安排", "安排"), ("标准", "标准"), ("报告", "报告"),
        ("命令", "令"), ("令", "令"), ("宪法", "法"), ("法典", "法"), ("法", "法"), ("政策", "措施"),
    ]

    /// Parenthesized endings that do not change the type: `(试行)`, `(2024-2026年)`, `(征求意见稿)`.
    static func strippingTrailingNotes(_ title: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        var s = title[...]
        while let last = s.last {
            if last == "》" || last == "”" || last == "\"" || last == "." || last == "。" { s = s.dropLast(); continue }
            if last == ")", let open = s.lastIndex(of: "(") { s = s[s.startIndex..<open]; continue }
            if last == "】", let open = s.lastIndex(of: "【") { s = s[s.startIndex..<open]; continue }
            break
        }
        // `….pdf`: a catalogue entry naming an attached file.
        for ext in [".pdf", ".doc", ".docx", ".wps", ".ofd"] where s.hasScalarSuffix(ext) { s = s.dropLast(ext.unicodeScalars.count) }
        return s
    }

    /// The type of a document with this title, or `其他`.
    static func docType(ofTitle title: String) -> String {
        let s = strippingTrailingNotes(title.scalarArray)
        for (ending, type) in endings where s.hasScalarSuffix(ending) {
            // `办法`/`方法`/`做法` end in 法 but only 办法 is a type; `…法` alone is a law.
            if type == "法" && ending == "法" && (s.hasScalarSuffix("方法") || s.hasScalarSuffix("做法") || s.hasScalarSuffix("说法")) {
                continue
            }
            return type
        }
        return "其他"
    }

    /// Endings too common at the end of ordinary phrases to mark a title on their own.
    static let weakEndings: Set<String> = ["政策", "标准", "报告", "目录", "令", "命令", "清单", "安排", "规范"]

    /// Whether a title ends like the title of a document (used to tell titles from other short lines).
    static func endsLikeTitle(_ title: [Unicode.Scalar]) -> Bool {
        let s = strippingTrailingNotes(title)
        return endings.contains { ending, _ in !weakEndings.contains(ending) && s.hasScalarSuffix(ending) }
    }
}
