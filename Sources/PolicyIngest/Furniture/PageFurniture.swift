import PolicyCore

/// Page furniture of text copied out of PDFs: page numbers and page markers (`— 1 —`, `- 2 -`,
/// `第3页`, `4/20`, a lone `31`) and running headers or footers (a short line repeated across the
/// file, such as `CCAGM` in a compilation). Their source ranges are dropped from the normalized
/// view, so that a sentence broken by a page break joins up again.
enum PageFurniture {
    /// A line repeated this often is a running header or footer candidate.
    static let minimumRepeats = 3
    /// Longest line (in scalars, spaces removed) that can be a running header or footer.
    static let maximumRunningLength = 30

    static func ranges(in source: SourceText, excluding dropped: [Range<Int>]) -> [Range<Int>] {
        let s = source.scalars
        let lines = SourceLines(s).map { s.trimmed($0.content) }.filter { !$0.isEmpty }
        let droppedSet = dropped.sorted { $0.lowerBound < $1.lowerBound }
        func isDropped(_ r: Range<Int>) -> Bool { droppedSet.contains { $0.contains(r.lowerBound) } }

        var pageMarks: [Int] = []  // indices into `lines`
        for (k, line) in lines.enumerated() where !isDropped(line) {
            guard let mark = pageMark(s[line]) else { continue }
            if mark == .bareNumber {
                // A column of numbers (a table) is not a run of page numbers.
                let before = k > 0 ? pageMark(s[lines[k - 1]]) : nil
                let after = k + 1 < lines.count ? pageMark(s[lines[k + 1]]) : nil
                if before == .bareNumber || after == .bareNumber { continue }
            }
            pageMarks.append(k)
        }
        var result = pageMarks.map { lines[$0] }

        // Running headers and footers: short lines seen again and again.
        var occurrences: [String: [Int]] = [:]
        for (k, line) in lines.enumerated() where line.count <= maximumRunningLength * 2 {
            let key = s[line].filter { !$0.isInlineSpace }.scalarString
            guard !key.isEmpty, key.unicodeScalars.count <= maximumRunningLength else { continue }
            occurrences[key, default: []].append(k)
        }
        let marks = Set(pageMarks)
        for (key, found) in occurrences where found.count >= minimumRepeats {
            guard isRunningCandidate(key) else { continue }
            let hasHan = key.unicodeScalars.contains { $0.isHan }
            let nearPageMarks = found.filter { k in (max(0, k - 4)...(k + 4)).contains { marks.contains($0) } }.count
            if !hasHan || nearPageMarks * 2 >= found.count {
                result += found.map { lines[$0] }
            }
        }
        return result.sorted { $0.lowerBound < $1.lowerBound }
    }

    enum Mark { case bareNumber, decorated }

    /// `31`, `— 1 —`, `- 2 -`, `第3页`, `第3页共20页`, `3/20`.
    static func pageMark(_ line: ArraySlice<Unicode.Scalar>) -> Mark? {
        let s = line.filter { !$0.isInlineSpace }
        guard !s.isEmpty, s.count <= 14 else { return nil }
        let dashes: Set<Unicode.Scalar> = ["-", "—", "–", "－", "~", "·", "•"]
        var lower = 0, upper = s.count
        while lower < upper && dashes.contains(s[lower]) { lower += 1 }
        while upper > lower && dashes.contains(s[upper - 1]) { upper -= 1 }
        let core = Array(s[lower..<upper])
        let decorated = lower > 0 && upper < s.count
        if !core.isEmpty && core.allSatisfy({ $0.isASCIIDigit || ("０"..."９").contains($0) }) {
            if decorated && core.count <= 4 { return .decorated }
            if lower == 0 && upper == s.count && core.count <= 3 && core.first != "0" { return .bareNumber }
            return nil
        }
        // 第3页, 第3页共20页, 3/20
        if core.first == "第", core.last == "页" || core.hasScalarSuffix("页") { return .decorated }
        if let slash = core.firstIndex(of: "/"), slash > 0, slash < core.count - 1,
           core[..<slash].allSatisfy(\.isASCIIDigit), core[(slash + 1)...].allSatisfy(\.isASCIIDigit), core.count <= 9 {
            return .decorated
        }
        return nil
    }

    /// Lines that may repeat for good reasons are never running headers: dates, names of bodies
    /// (signatures of several documents), clause labels, titles and other lines of text.
    static func isRunningCandidate(_ key: String) -> Bool {
        let s = key.scalarArray
        if DateParser.wholeDate(s[...]) != nil || DocNumberParser.wholeLine(s[...]) != nil { return false }
        if OrganizationNames.isOrganization(key) || OrganizationNames.signerLine(key) != nil { return false }
        if TextNormalizer.startsWithLabel(s) { return false }
        if s.contains(where: { $0 == "。" || $0 == "," || $0 == "，" || $0 == ":" || $0 == "：" }) { return false }
        let letters = s.filter { $0.isHan || $0.isASCIIAlphanumeric }
        return letters.count >= 3
    }
}
