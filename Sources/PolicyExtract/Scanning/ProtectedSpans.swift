import PolicyCore

/// Parts of a paragraph whose digits are not amounts, percentages, quantities or dates:
/// 《titles》, 发文字号 (`国发〔2024〕7号`, `商务部令2020年第2号`, `第2号`), quoted slogans
/// (`“千名医师下基层”`), web addresses, phone and identity numbers.
struct ProtectedSpans: Sendable {
    enum Kind: UInt8, Sendable {
        /// 《…》: nothing inside is a record of ours.
        case title
        /// a 发文字号 or another identifier: nothing inside is a record of ours.
        case identifier
        /// a short quotation (a slogan or a name): no quantities inside; dates and money still count.
        case quotation
    }

    struct Zone: Sendable, Equatable {
        var range: Range<Int>
        var kind: Kind
    }

    /// Zones in text order (they do not overlap).
    private(set) var zones: [Zone] = []

    /// A quotation longer than this is quoted text, not a slogan: its quantities count.
    static let longestSlogan = 30

    init(_ s: [Unicode.Scalar], paragraph: Range<Int>) {
        var i = paragraph.lowerBound
        let end = paragraph.upperBound
        let triggers = Self.triggers
        while i < end {
            let c = s[i]
            guard c.isASCIIDigit || triggers.contains(c) else {
                i += 1
                continue
            }
            switch c {
            case "《":
                if let close = Self.closing(s, from: i, end: end, open: "《", close: "》") {
                    add(i..<(close + 1), .title)
                    i = close + 1
                    continue
                }
            case "“", "「", "\"":
                let close: Unicode.Scalar = c == "“" ? "”" : c == "「" ? "」" : "\""
                var j = i + 1
                while j < end && s[j] != close && j - i <= Self.longestSlogan + 1 { j += 1 }
                if j < end && s[j] == close && j - i - 1 <= Self.longestSlogan {
                    add(i..<(j + 1), .quotation)
                    i = j + 1
                    continue
                }
            case "〔", "[", "【", "(":
                if let zone = Self.documentNumber(s, bracket: i, paragraph: paragraph) {
                    add(zone, .identifier)
                    i = zone.upperBound
                    continue
                }
            case "第":
                if let close = Self.ordinalNumber(s, at: i, end: end) {
                    add(i..<close, .identifier)
                    i = close
                    continue
                }
            case "令":
                if let close = Self.decreeNumber(s, at: i, end: end) {
                    add(i..<close, .identifier)
                    i = close
                    continue
                }
            case "h", "w", "H", "W":
                if let close = Self.webAddress(s, at: i, end: end) {
                    add(i..<close, .identifier)
                    i = close
                    continue
                }
            case "电", "热", "传", "手", "联", "咨":
                if let zone = Self.phoneAfterLabel(s, at: i, end: end) {
                    add(zone, .identifier)
                    i = zone.upperBound
                    continue
                }
            default:
                if c.isASCIIDigit && (i == paragraph.lowerBound || !s[i - 1].isASCIIAlphanumeric) {
                    if let close = Self.identifierDigits(s, at: i, end: end, paragraphStart: paragraph.lowerBound) {
                        add(i..<close, .identifier)
                        i = close
                        continue
                    }
                    // Skip the rest of the digit run: an identifier starts at its first digit.
                    while i < end && s[i].isASCIIDigit { i += 1 }
                    continue
                }
            }
            i += 1
        }
    }

    /// Characters a zone may start with (besides digits).
    static let triggers = ScalarSet(characters: "《“「\"〔[【(第令hwHW电热传手联咨")

    private mutating func add(_ range: Range<Int>, _ kind: Kind) {
        zones.append(Zone(range: range, kind: kind))
    }

    /// The zone containing `i`, if any (binary search).
    func zone(at i: Int) -> Zone? {
        var low = 0, high = zones.count
        while low < high {
            let mid = (low + high) / 2
            if zones[mid].range.upperBound <= i { low = mid + 1 } else { high = mid }
        }
        return low < zones.count && zones[low].range.contains(i) ? zones[low] : nil
    }

    /// Titles and identifiers, where no record of a numeric kind may start.
    var sealedRanges: [Range<Int>] { zones.filter { $0.kind != .quotation }.map(\.range) }

    /// Whether a quantity may not start at `i`.
    func blocksQuantity(_ i: Int) -> Bool { zone(at: i) != nil }

    /// Whether any sealed zone overlaps `range`.
    func sealsAny(of range: Range<Int>) -> Bool {
        zones.contains { $0.kind != .quotation && $0.range.overlaps(range) }
    }

    // MARK: - Recognizers

    /// The index of the bracket closing the one at `i` (nesting counted), within `end`.
    static func closing(_ s: [Unicode.Scalar], from i: Int, end: Int, open: Unicode.Scalar, close: Unicode.Scalar) -> Int? {
        var depth = 0
        var j = i
        while j < end {
            if s[j] == open { depth += 1 } else if s[j] == close {
                depth -= 1
                if depth == 0 { return j }
            }
            j += 1
        }
        return nil
    }

    /// `〔2024〕7号`, `[2023]65号`, `(2024)7号` after an issuer abbreviation: from the bracket
    /// to 号 (the abbreviation is left to the agency and citation extractors).
    static func documentNumber(_ s: [Unicode.Scalar], bracket i: Int, paragraph: Range<Int>) -> Range<Int>? {
        let end = paragraph.upperBound
        var j = i + 1
        var digits = 0
        while j < end && s[j].isASCIIDigit { j += 1; digits += 1 }
        guard digits == 4, j < end, s[j] == "〕" || s[j] == "]" || s[j] == "】" || s[j] == ")" else { return nil }
        // `(2024)` alone is a year in parentheses unless an issuer abbreviation stands before it
        // or a number with 号 follows.
        j += 1
        if j < end && s[j] == "第" { j += 1 }
        let numberStart = j
        while j < end && (s[j].isASCIIDigit || ChineseNumeral.digitValue(s[j]) != nil || ChineseNumeral.unitValue(s[j]) != nil) {
            j += 1
        }
        guard j > numberStart, j < end, s[j] == "号" || s[j] == "號" else { return nil }
        return i..<(j + 1)
    }

    /// `第2号`, `第790号`, `第十二号`: an ordinal number of a decree or an announcement.
    static func ordinalNumber(_ s: [Unicode.Scalar], at i: Int, end: Int) -> Int? {
        var j = i + 1
        while j < end && (s[j].isASCIIDigit || ChineseNumeral.digitValue(s[j]) != nil || ChineseNumeral.unitValue(s[j]) != nil) {
            j += 1
        }
        guard j > i + 1, j < end, s[j] == "号" || s[j] == "號" else { return nil }
        return j + 1
    }

    /// `令2020年第2号`, `令第790号`: the number of a decree, year included.
    static func decreeNumber(_ s: [Unicode.Scalar], at i: Int, end: Int) -> Int? {
        var j = i + 1
        let yearStart = j
        while j < end && s[j].isASCIIDigit { j += 1 }
        if j > yearStart {
            guard j - yearStart == 4, j < end, s[j] == "年" else { return nil }
            j += 1
        }
        guard j < end, s[j] == "第" else { return nil }
        return ordinalNumber(s, at: j, end: end)
    }

    /// `http://…`, `https://…`, `www.…` up to the next space or wide character.
    static func webAddress(_ s: [Unicode.Scalar], at i: Int, end: Int) -> Int? {
        func has(_ word: String) -> Bool {
            var j = i
            for w in word.unicodeScalars {
                guard j < end, s[j] == w || (s[j].isASCIILetter && s[j].value | 0x20 == w.value) else { return false }
                j += 1
            }
            return true
        }
        guard i == 0 || !s[i - 1].isASCIILetter, has("http") || has("www.") else { return nil }
        var j = i
        while j < end && !s[j].isWide && s[j] != " " { j += 1 }
        return j - i >= 8 ? j : nil
    }

    /// Digits that name something rather than count it: an identity or order number (15 digits
    /// or more), a phone number (`0351-4046012`, `888-000-9999`, `13912345678`), an index number
    /// (`000014349/2018-00229`), a number of the form `财税2016 36号`.
    static func identifierDigits(_ s: [Unicode.Scalar], at i: Int, end: Int, paragraphStart: Int) -> Int? {
        var groups: [Int] = []
        var separators: [Unicode.Scalar] = []
        var j = i
        while j < end {
            let start = j
            while j < end && s[j].isASCIIDigit { j += 1 }
            groups.append(j - start)
            guard j + 1 < end, s[j] == "-" || s[j] == "/" || s[j] == " ", s[j + 1].isASCIIDigit else { break }
            separators.append(s[j])
            j += 1
        }
        // An identifier does not run on into letters (`A2021…` is caught by the scanner).
        let total = groups.reduce(0, +)
        let first = groups[0]
        if groups.count == 1 {
            if first >= 15 { return j }
            // 2023年第23号, 2024年第4期: the number of an issue or a decree, year included.
            if first == 4, j + 1 < end, s[j] == "年" || (s[j] == " " && j + 2 < end && s[j + 1] == "年") {
                var k = s[j] == "年" ? j + 1 : j + 2
                if k < end && s[k] == " " { k += 1 }
                if k < end, s[k] == "第" {
                    k += 1
                    let numberStart = k
                    while k < end && (s[k].isASCIIDigit || s[k] == " " || NumeralScanner.isChineseNumeralCharacter(s[k])) { k += 1 }
                    if k > numberStart, k < end, s[k] == "号" || s[k] == "期" || s[k] == "號" { return k + 1 }
                }
            }
            if first == 11 && s[i] == "1" { return j }  // a mobile number
            return nil
        }
        if separators.allSatisfy({ $0 == "-" }) {
            // 0351-4046012, 400-800-1234, 888-000-9999: no date has groups like these.
            if groups.count == 2 && (3...4).contains(first) && s[i] == "0" && (7...8).contains(groups[1]) { return j }
            if groups.count == 3 && first == 3 && groups[1] >= 3 && groups[2] == 4 { return j }
            return nil
        }
        if separators.contains("/") && first >= 6 && total >= 12 { return j }
        // 财税2016 36号
        if separators == [" "], groups.count == 2, first == 4, groups[1] <= 4, j < end, s[j] == "号",
           i > paragraphStart, s[i - 1].isHan {
            return j + 1
        }
        return nil
    }

    /// The number after `电话`, `热线`, `传真`, `手机`, `联系电话`, `咨询电话` and a colon.
    static func phoneAfterLabel(_ s: [Unicode.Scalar], at i: Int, end: Int) -> Range<Int>? {
        guard let (length, _) = phoneLabels.longestMatch(in: s, at: i, limit: end) else { return nil }
        var j = i + length
        if j < end && (s[j] == ":" || s[j] == "为" || s[j] == "是") { j += 1 }
        while j < end && s[j] == " " { j += 1 }
        let start = j
        while j < end && (s[j].isASCIIDigit || s[j] == "-" || s[j] == " " || s[j] == "(" || s[j] == ")") { j += 1 }
        let digits = s[start..<j].filter(\.isASCIIDigit).count
        return digits >= 5 ? start..<j : nil
    }

    static let phoneLabels = WordTrie(words: ["电话", "热线", "传真", "手机", "联系电话", "咨询电话", "手机号", "电话号码",
                                              "热线电话", "联系方式", "服务热线", "举报电话", "投诉电话"])
}
