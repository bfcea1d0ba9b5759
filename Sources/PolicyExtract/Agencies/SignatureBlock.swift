import PolicyCore

/// The signature block of a document: the issuing bodies on the lines right above the date line
/// (`山西省人民政府办公厅` / `2023年11月4日`), several for joint documents, either one per line or
/// several on one line (the normalized view drops the spaces between them, so a line of names is
/// split name by name).
///
/// A block is found wherever a date line follows lines that consist of names only — at the end of
/// a notice with an attachment this is in the middle of the file. A line holding names and the
/// date together (`国务院办公厅 2018年12月30日`) also counts; the 印发 line of the 版记
/// (`山西省人民政府办公厅 2023年11月6日印发`) does not.
struct SignatureBlock: Sendable {
    static let maximumLines = 12

    let scanner = AgencyNameScanner()

    /// Names of issuers in the signature blocks of `document`.
    func issuers(in text: NormalizedText, document: Range<Int>) -> [Range<Int>] {
        let s = text.scalars
        let paragraphs = Self.paragraphs(s, in: document)
        var result: [Range<Int>] = []
        for (index, paragraph) in paragraphs.enumerated() {
            guard let dateStart = dateLineStart(s, paragraph) else { continue }
            var block: [Range<Int>] = []
            if dateStart > paragraph.lowerBound {
                guard let names = names(s, paragraph.lowerBound..<dateStart) else { continue }
                block = names
            }
            var k = index - 1
            while k >= 0 && index - k <= Self.maximumLines, let names = names(s, paragraphs[k]) {
                block = names + block
                k -= 1
            }
            result += block
        }
        return result
    }

    /// Whether `paragraph` is a line of names in a signature block (the names are issuers, not
    /// mentions).
    func isNameLine(in text: NormalizedText, paragraph: Range<Int>) -> Bool {
        let s = text.scalars
        guard paragraph.count <= 80, names(s, paragraph) != nil else { return false }
        var next = paragraph.upperBound + 1
        for _ in 0..<Self.maximumLines {
            var end = next
            while end < s.count && s[end] != "\n" { end += 1 }
            guard end > next else { return false }
            let line = next..<end
            if dateLineStart(s, line) == line.lowerBound { return true }
            guard names(s, line) != nil else { return false }
            next = end + 1
        }
        return false
    }

    /// The names a line consists of, or nil if it holds anything else.
    func names(_ s: [Unicode.Scalar], _ line: Range<Int>) -> [Range<Int>]? {
        var result: [Range<Int>] = []
        var i = line.lowerBound
        while i < line.upperBound {
            if s[i].isInlineSpace { i += 1; continue }
            guard let end = scanner.nameEnd(in: s, at: i, limit: line.upperBound, context: .nameList) else { return nil }
            result.append(i..<end)
            i = end
        }
        return result.isEmpty ? nil : result
    }

    /// Where a date ending the line begins (`2023年11月4日`, `二〇〇四年八月三十日`), or nil. The
    /// line may start with names; nothing may follow the date.
    func dateLineStart(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Int? {
        var end = line.upperBound
        while end > line.lowerBound && s[end - 1].isInlineSpace { end -= 1 }
        guard end > line.lowerBound, s[end - 1] == "日" else { return nil }
        var i = end - 1
        for unit in ["月", "年"] as [Unicode.Scalar] {
            let digitsEnd = i
            while i > line.lowerBound && Self.isDateDigit(s[i - 1]) { i -= 1 }
            guard digitsEnd - i >= 1, i > line.lowerBound, s[i - 1] == unit else { return nil }
            i -= 1
        }
        let yearEnd = i
        while i > line.lowerBound && Self.isDateDigit(s[i - 1]) { i -= 1 }
        guard yearEnd - i == 4 else { return nil }
        return i
    }

    static func isDateDigit(_ c: Unicode.Scalar) -> Bool {
        c.isASCIIDigit || "〇零一二三四五六七八九十".unicodeScalars.contains(c)
    }

    static func paragraphs(_ s: [Unicode.Scalar], in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where s[i] == "\n" {
            if i > start { result.append(start..<i) }
            start = i + 1
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
        return result
    }
}
