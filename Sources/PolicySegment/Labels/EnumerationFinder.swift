import PolicyCore

/// Finds `一是…二是…三是…` enumerations inside a clause's own text.
///
/// A member starts at a paragraph start or right after `。;:!?,`, and a sequence counts only when
/// it starts at 一是 and goes on with 二是 — so `统一是` or a lone `一是` in a sentence never
/// starts a clause.
struct EnumerationFinder {
    struct Member: Equatable {
        var ordinal: Int
        /// View index of the numeral.
        var start: Int
        /// View index after `是`.
        var bodyStart: Int
    }

    let view: NormalizedText

    /// Adds the members found in each clause's own text as its children (`limits`: where each
    /// numbering scope's clauses end).
    func addMembers(to drafts: inout [ClauseDraft], limits: [Int]) {
        let headings = HeadingReader(view: view)
        let count = drafts.count
        for index in 0..<count {
            let draft = drafts[index]
            let ownEnd = index + 1 < count ? min(drafts[index + 1].start, limits[draft.scope]) : limits[draft.scope]
            guard draft.bodyStart < ownEnd else { continue }
            for member in members(in: draft.bodyStart..<ownEnd) {
                let lineEnd = view.firstIndex(of: "\n", from: member.bodyStart, before: ownEnd) ?? ownEnd
                let heading = headings.heading(in: member.bodyStart..<lineEnd, style: .sentence).heading
                let label = ClauseLabel(kind: .enumeration, text: ChineseNumeral.chinese(member.ordinal) + "是",
                                        ordinal: member.ordinal, subordinal: 0, start: member.start,
                                        bodyStart: member.bodyStart)
                drafts.append(ClauseDraft(label: label, parent: index, heading: heading, scope: draft.scope,
                                          headingKeyRange: member.start..<member.start))
            }
        }
    }

    /// The members of every enumeration in `range`, in order.
    func members(in range: Range<Int>) -> [Member] {
        let s = view.scalars
        var result: [Member] = []
        var run: [Member] = []
        func closeRun() {
            if run.count >= 2 { result += run }
            run = []
        }
        var i = range.lowerBound
        while i < range.upperBound {
            guard LabelReader.isLabelNumeral(s[i]), isBoundary(before: i, from: range.lowerBound) else {
                i += 1
                continue
            }
            var j = i
            while j < range.upperBound && j - i < 3 && LabelReader.isLabelNumeral(s[j]) { j += 1 }
            guard j < range.upperBound, s[j] == "是", let ordinal = LabelReader.ordinal(s[i..<j]) else {
                i = j
                continue
            }
            let member = Member(ordinal: ordinal, start: i, bodyStart: j + 1)
            if ordinal == 1 {
                closeRun()
                run = [member]
            } else if let last = run.last, ordinal == last.ordinal + 1 {
                run.append(member)
            }
            i = j + 1
        }
        closeRun()
        return result
    }

    private func isBoundary(before i: Int, from start: Int) -> Bool {
        guard i > start else { return true }
        switch view.scalars[i - 1] {
        case "\n", "。", ";", ":", "!", "?", ",": return true
        default: return false
        }
    }
}
