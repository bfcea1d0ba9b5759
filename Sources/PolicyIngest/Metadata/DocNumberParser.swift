import PolicyCore

/// 发文字号 (document numbers) in normalized text.
///
/// GB/T 9704-2012 §7.2.5: 机关代字 + 〔year〕 + number + 号 (`国发〔2024〕7号`). In the wild also
/// `[2024]`, `(2024)`, `【2024】`, a `第` before the number, and decrees: `国务院令第790号`,
/// `中华人民共和国国务院令 第790号`, `上海市人民政府令(第19号)`, `商务部令2020年第2号`.
///
/// Output form: brackets around the year become `〔〕`, the rest is kept as written (the view is
/// NFKC already, so digits are ASCII); `中华人民共和国` before 国务院令/主席令 is dropped.
enum DocNumberParser {
    static let openBrackets: Set<Unicode.Scalar> = ["〔", "[", "(", "【", "〈", "﹝", "<", "{"]
    static let closeBrackets: Set<Unicode.Scalar> = ["〕", "]", ")", "】", "〉", "﹞", ">", "}"]

    /// The whole text (brackets around it allowed) is one 发文字号.
    static func wholeLine(_ s: ArraySlice<Unicode.Scalar>) -> String? {
        let inner = Array(strippingEnclosingBrackets(s))
        guard !inner.isEmpty else { return nil }
        if let (number, end) = standard(inner, prefixStart: 0), end == inner.count { return number }
        if let (number, end) = decree(inner, at: 0), end == inner.count { return number }
        return nil
    }

    /// `第790号` or `(第19号)` on a line of its own (the decree's name stands on the line before).
    static func bareNumber(_ s: ArraySlice<Unicode.Scalar>) -> String? {
        let inner = Array(strippingEnclosingBrackets(s))
        guard inner.count >= 3, inner.first == "第", inner.last == "号" else { return nil }
        let digits = inner[1..<(inner.count - 1)]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCIIDigit || $0.isChineseNumeral }) else { return nil }
        return inner.scalarString
    }

    /// The first 发文字号 anywhere in a text (for titles, table cells and info lines).
    static func first(in s: [Unicode.Scalar]) -> (number: String, range: Range<Int>)? {
        var i = 0
        while i < s.count {
            if openBrackets.contains(s[i]), i > 0 {
                // Walk back over the 机关代字.
                var start = i
                while start > 0, i - start < 15, isPrefixScalar(s[start - 1]) { start -= 1 }
                if start < i, let (number, end) = standard(s, prefixStart: start) { return (number, start..<end) }
            }
            if s[i] == "令", let range = decreeRange(s, commandIndex: i), let (number, end) = decree(s, at: range.lowerBound) {
                return (number, range.lowerBound..<end)
            }
            if s[i] == "令", i > 2, s[i - 1] == "号", let found = numberBeforeCommand(s, commandIndex: i) {
                return found
            }
            i += 1
        }
        return nil
    }

    /// A decree header line (`中华人民共和国国务院令`, `上海市人民政府令`): the body's name + 令.
    static func decreeHeader(_ s: ArraySlice<Unicode.Scalar>) -> String? {
        guard s.count >= 3, s.last == "令" else { return nil }
        let body = s.dropLast()
        guard body.allSatisfy({ $0.isHan }), body.count <= 16 else { return nil }
        let name = body.scalarString
        guard OrganizationNames.isOrganization(name) || name.hasSuffix("主席") || name == "国" else { return nil }
        return canonicalDecreeName(name + "令")
    }

    /// Joins a decree header and a bare number: `国务院令` + `第790号` → `国务院令第790号`.
    static func joinDecree(_ header: String, _ number: String) -> String { header + number }

    // MARK: - Forms

    static func isPrefixScalar(_ c: Unicode.Scalar) -> Bool {
        (c.isHan || c.isASCIILetter) && c != "(" && c != "《" && c != "》"
    }

    /// `国发〔2024〕7号`, `国发[2024]第7号` starting at `prefixStart`.
    private static func standard(_ s: [Unicode.Scalar], prefixStart: Int) -> (String, Int)? {
        var i = prefixStart
        while i < s.count, isPrefixScalar(s[i]), i - prefixStart < 15 { i += 1 }
        let prefixEnd = i
        guard prefixEnd > prefixStart, i < s.count, openBrackets.contains(s[i]) else { return nil }
        let prefix = s[prefixStart..<prefixEnd]
        // A title or a sentence is not a 机关代字.
        if prefix.containsScalars("关于") || prefix.containsScalars("印发") || prefix.containsScalars("通知") { return nil }
        i += 1
        let yearStart = i
        while i < s.count, s[i].isASCIIDigit { i += 1 }
        guard i - yearStart == 4, i < s.count, closeBrackets.contains(s[i]) else { return nil }
        let year = s[yearStart..<i]
        i += 1
        if i < s.count && s[i] == "第" { i += 1 }
        let numberStart = i
        while i < s.count, s[i].isASCIIDigit, i - numberStart < 6 { i += 1 }
        guard i > numberStart, i < s.count, s[i] == "号" else { return nil }
        let number = s[numberStart..<i]
        var out = prefix.scalarString
        out += "〔" + year.scalarString + "〕"
        if s[numberStart - 1] == "第" { out += "第" }
        out += number.scalarString + "号"
        return (out, i + 1)
    }

    /// Characters a body's name never contains: walking back from `令` stops there
    /// (`2019年10月22日国务院令…`, `经国务院令…`).
    static let decreeNameStops: Set<Unicode.Scalar> = ["第", "经", "日", "月", "年", "的", "以", "由", "及", "与", "或", "据"]

    /// Where a decree name (`…令`) begins, given the index of its `令`.
    private static func decreeRange(_ s: [Unicode.Scalar], commandIndex: Int) -> Range<Int>? {
        var start = commandIndex
        while start > 0, commandIndex - start < 16, s[start - 1].isHan, !decreeNameStops.contains(s[start - 1]) {
            start -= 1
        }
        guard start < commandIndex else { return nil }
        // The decree's issuer is the shortest tail of the run that names one (`…修正主席令` → 主席令).
        for k in start..<commandIndex {
            let name = s[k..<commandIndex].scalarString
            if name == "主席" || name == "国" || name.hasPrefix("中华人民共和国") || OrganizationNames.isOrganization(name) {
                if k > start, name.hasPrefix("国务院") || name == "主席" || name == "国",
                   s[start..<k].scalarString.hasSuffix("中华人民共和国") {
                    return (k - 7)..<(commandIndex + 1)
                }
                return k..<(commandIndex + 1)
            }
        }
        return start..<(commandIndex + 1)
    }

    /// `国务院令第790号`, `中华人民共和国国务院令第722号`, `商务部令2020年第2号` at `start`.
    private static func decree(_ s: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        guard let command = s[start...].firstIndex(of: "令"), command > start, command - start <= 16 else { return nil }
        let name = s[start..<command]
        guard name.allSatisfy({ $0.isHan }) else { return nil }
        var i = command + 1
        var yearPart = ""
        if i + 4 < s.count, s[i..<(i + 4)].allSatisfy({ $0.isASCIIDigit }), s[i + 4] == "年" {
            yearPart = s[i..<(i + 5)].scalarString
            i += 5
        }
        if i < s.count && s[i] == "(" { i += 1 }  // 上海市人民政府令(第19号)
        guard i < s.count, s[i] == "第" else { return nil }
        i += 1
        let numberStart = i
        while i < s.count, s[i].isASCIIDigit || s[i].isChineseNumeral, i - numberStart < 8 { i += 1 }
        guard i > numberStart, i < s.count, s[i] == "号" else { return nil }
        var end = i + 1
        if end < s.count && s[end] == ")" && s[command + 1] == "(" { end += 1 }
        let title = canonicalDecreeName(name.scalarString + "令")
        return (title + yearPart + "第" + s[numberStart..<i].scalarString + "号", end)
    }

    /// `食品药品监管局、海关总署第4号令`: the number before the `令`, kept as written.
    private static func numberBeforeCommand(_ s: [Unicode.Scalar], commandIndex: Int) -> (String, Range<Int>)? {
        var i = commandIndex - 2  // before 号
        while i >= 0, s[i].isASCIIDigit || s[i].isChineseNumeral { i -= 1 }
        guard i >= 0, i < commandIndex - 2, s[i] == "第" else { return nil }
        var start = i
        while start > 0, i - start < 20, s[start - 1].isHan || s[start - 1] == "、", !decreeNameStops.contains(s[start - 1]) {
            start -= 1
        }
        guard start < i else { return nil }
        return (s[start...commandIndex].scalarString, start..<(commandIndex + 1))
    }

    /// `中华人民共和国国务院令` → `国务院令` (the form every citation uses).
    static func canonicalDecreeName(_ name: String) -> String {
        for short in ["国务院令", "主席令", "国务院、中央军事委员会令", "国务院、中央军委令"]
        where name == "中华人民共和国" + short {
            return short
        }
        if name.hasPrefix("中华人民共和国国务院、中华人民共和国中央军事委员会令") { return "国务院、中央军事委员会令" }
        return name
    }
}
