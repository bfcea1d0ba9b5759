import PolicyCore

/// Finds 发文字号 (document numbers) in the normalized view:
///
/// - `国发〔2024〕7号`, `国办发〔2023〕65号`, `发改农经〔2004〕1933号`: an issuer code, the year in
///   brackets (`〔〕`, `[]`, `()`, `【】`, `〖〗`), the serial number and `号`;
/// - `商务部令2020年第2号`, `国务院令第790号`: an order number, `令` with an optional year;
/// - `国家税务总局公告2024年第1号`: a numbered announcement.
///
/// The issuer code is the run of Hanzi before the bracket (or `令`/`公告`), cut after function words
/// and verbs that introduce a number (`根据`, `印发`, `的`), at most `maximumCode` characters.
struct DocumentNumberScanner: Sendable {
    static let maximumCode = 12

    /// The document numbers anchored at `marks` (positions of `令`, `公` and year brackets).
    func numbers(in s: [Unicode.Scalar], marks: [Int], range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for i in marks where result.last.map({ $0.upperBound <= i }) ?? true {
            if let found = number(in: s, near: i, range: range),
               result.last.map({ $0.upperBound <= found.lowerBound }) ?? true {
                result.append(found)
            }
        }
        return result
    }

    /// The document number that starts exactly at `index`, if any.
    func number(in s: [Unicode.Scalar], startingAt index: Int, limit: Int) -> Range<Int>? {
        var i = index
        while i < limit && i < index + Self.maximumCode + 1 {
            if let found = number(in: s, near: i, range: index..<limit) {
                return found.lowerBound == index ? found : nil
            }
            i += 1
        }
        return nil
    }

    /// A document number whose bracket, `令` or `公告` is at `index`.
    private func number(in s: [Unicode.Scalar], near index: Int, range: Range<Int>) -> Range<Int>? {
        let limit = range.upperBound
        let c = s[index]
        var end: Int?
        if let close = Self.closingYearBracket(c) {
            end = bracketedTail(s, open: index, close: close, limit: limit)
        } else if c == "令" {
            end = orderTail(s, from: index + 1, limit: limit, yearRequired: false)
        } else if c == "公", index + 1 < limit, s[index + 1] == "告" {
            end = orderTail(s, from: index + 2, limit: limit, yearRequired: true)
        }
        guard let end else { return nil }
        guard let start = codeStart(s, before: index, floor: range.lowerBound) else { return nil }
        return start..<end
    }

    /// `〔2024〕7号`: the year, the closing bracket, the serial and `号`; returns the end.
    private func bracketedTail(_ s: [Unicode.Scalar], open: Int, close: Unicode.Scalar, limit: Int) -> Int? {
        var i = open + 1
        guard let afterYear = year(s, at: i, limit: limit), afterYear < limit, s[afterYear] == close else { return nil }
        i = afterYear + 1
        if i < limit && s[i] == "第" { i += 1 }
        guard let afterSerial = digits(s, at: i, limit: limit, maximum: 6), afterSerial < limit,
              s[afterSerial] == "号" else { return nil }
        return afterSerial + 1
    }

    /// `2020年第2号` or `第790号` after `令` (year required after `公告`); returns the end.
    private func orderTail(_ s: [Unicode.Scalar], from index: Int, limit: Int, yearRequired: Bool) -> Int? {
        var i = index
        if let afterYear = year(s, at: i, limit: limit), afterYear < limit, s[afterYear] == "年" {
            i = afterYear + 1
        } else if yearRequired {
            return nil
        }
        guard i < limit, s[i] == "第" else { return nil }
        i += 1
        let serialEnd = digits(s, at: i, limit: limit, maximum: 6) ?? chineseNumeral(s, at: i, limit: limit)
        guard let serialEnd, serialEnd < limit, s[serialEnd] == "号" else { return nil }
        return serialEnd + 1
    }

    /// Where the issuer code before `index` begins, or nil if there is none.
    private func codeStart(_ s: [Unicode.Scalar], before index: Int, floor: Int) -> Int? {
        var start = index
        while start > floor && index - start < Self.maximumCode {
            let c = s[start - 1]
            guard c.isHan || c.isASCIILetter, !Self.codeStops.contains(c) else { break }
            start -= 1
        }
        // Leading verbs that introduce a number: 根据国发…, 印发国办发…
        var trimmed = true
        while trimmed {
            trimmed = false
            for lead in Self.leadingWords where s.has(lead, at: start, limit: index) && index - start > lead.count {
                start += lead.count
                trimmed = true
            }
        }
        return start < index ? start : nil
    }

    private func year(_ s: [Unicode.Scalar], at index: Int, limit: Int) -> Int? {
        guard let end = digits(s, at: index, limit: limit, maximum: 4), end - index == 4 else { return nil }
        return end
    }

    private func digits(_ s: [Unicode.Scalar], at index: Int, limit: Int, maximum: Int) -> Int? {
        var i = index
        while i < limit && s[i].isASCIIDigit && i - index < maximum { i += 1 }
        return i > index ? i : nil
    }

    private func chineseNumeral(_ s: [Unicode.Scalar], at index: Int, limit: Int) -> Int? {
        var i = index
        while i < limit && s[i].isChineseNumeral && !s[i].isASCIIDigit && i - index < 8 { i += 1 }
        return i > index ? i : nil
    }

    /// The closer of an opening year bracket.
    @inline(__always)
    static func closingYearBracket(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case "〔": return "〕"
        case "[": return "]"
        case "(": return ")"
        case "【": return "】"
        case "〖": return "〗"
        case "﹝": return "﹞"
        default: return nil
        }
    }
    static let codeStops = AgencyVocabulary.scalarSet("的和与及将把按照据依对见于是为以在了从由即号等")
    static let leadingWords: [[Unicode.Scalar]] = AgencyVocabulary.scalarsList([
        "根据", "依据", "按照", "参照", "对照", "印发", "转发", "落实", "执行", "贯彻", "结合", "废止", "关于",
        // the end of a title run into the number when line breaks are lost (…的通知国办发〔2018〕109号)
        "通知", "意见", "决定", "办法", "方案",
    ])
}
