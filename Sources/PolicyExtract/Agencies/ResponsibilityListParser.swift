import PolicyCore

/// Bodies listed with a role, in parentheses or in a paragraph that starts with a role label:
///
/// - `(责任单位:省商务厅、省公安厅、省财政厅,各市人民政府)` — a label (责任单位, 牵头单位, 配合单位,
///   负责部门, 牵头考核单位 …) and a list; `;` or `,` may start another label
///   (`牵头单位:A;配合单位:B`, `持续推进,牵头考核单位:市委网信办`).
/// - `(省商务厅牵头,省外办、省贸促会按职责分工配合)` — lists that end in a role verb (牵头 → lead,
///   配合/参与/协助 → cooperating, 负责 → responsible), with trailers such as 按职责分工, 分别.
///   Lists without a verb before one that has it share its role
///   (`各有关部门和单位,各省级人民政府按职责分工负责`); lists after the last verb are responsible.
/// - Items are separated by `、` `,` `;` and by `和`/`及`/`会同` where both sides are names
///   (`商务部、文化和旅游部和各地方人民政府` — but not inside `文化和旅游部`); `等` and
///   `等有关部门` are trimmed; classes of bodies (`有关部门`, `各有关部门和单位`) are dropped.
struct ResponsibilityListParser: Sendable {
    struct Entry: Sendable, Hashable {
        let range: Range<Int>
        let role: AgencyRole
    }

    struct List: Sendable {
        /// The whole group, parentheses included (its text is not scanned for mentions).
        let range: Range<Int>
        let entries: [Entry]
    }

    let scanner = AgencyNameScanner()

    /// The responsibility lists of a paragraph whose `(` are at `parentheses`.
    func lists(in s: [Unicode.Scalar], paragraph: Range<Int>, parentheses: [Int], hasColon: Bool) -> [List] {
        var result: [List] = []
        if hasColon, let label = leadingLabelEnd(s, paragraph) {
            var end = paragraph.upperBound
            while end > label && (s[end - 1] == "。" || s[end - 1] == ";") { end -= 1 }
            let entries = parse(s, paragraph.lowerBound..<end)
            if !entries.isEmpty { return [List(range: paragraph, entries: entries)] }
        }
        for group in Brackets.groups(s, openers: parentheses, limit: paragraph.upperBound) {
            let entries = parse(s, (group.lowerBound + 1)..<(group.upperBound - 1))
            if !entries.isEmpty { result.append(List(range: group, entries: entries)) }
        }
        return result
    }

    /// Entries of the content of one group; empty if it is no responsibility list.
    func parse(_ s: [Unicode.Scalar], _ content: Range<Int>) -> [Entry] {
        // Cheap rejection of the many parentheses that hold no list: neither a label nor a role word.
        guard content.count >= 3, content.contains(where: { Self.listMarkers.contains(s[$0]) }) else { return [] }
        var entries: [Entry] = []
        var labelRole: AgencyRole?
        var inLabelledList = false
        var pending: [Range<Int>] = []
        var sawVerb = false
        for segment in Brackets.split(s, content, at: [";", ","]) {
            let segment = trimmed(s, segment)
            guard !segment.isEmpty else { continue }
            var items = segment
            if let colon = firstColon(s, segment) {
                let label = segment.lowerBound..<colon
                labelRole = roleOfLabel(s, label)
                inLabelledList = labelRole != nil
                pending.removeAll()
                items = (colon + 1)..<segment.upperBound
            }
            if let (role, listEnd) = roleVerb(s, items) {
                let names = trimmedTrailers(s, items.lowerBound..<listEnd)
                for range in pending { entries += self.items(s, range, role: role, requireNames: true) }
                pending.removeAll()
                entries += self.items(s, names, role: role, requireNames: !inLabelledList)
                sawVerb = true
            } else if inLabelledList, let labelRole {
                entries += self.items(s, items, role: labelRole, requireNames: false)
            } else if !inLabelledList && labelRole == nil {
                pending.append(items)
            }
        }
        // Lists after the last verb (省商务厅牵头,省财政厅、省税务局): responsible, if they are names.
        if sawVerb {
            for range in pending where namesOnly(s, range) {
                entries += items(s, range, role: .responsible, requireNames: true)
            }
        }
        return entries
    }

    // MARK: - Labels and verbs

    /// `责任单位:` at the start of a paragraph: returns the index after the colon.
    func leadingLabelEnd(_ s: [Unicode.Scalar], _ paragraph: Range<Int>) -> Int? {
        guard let colon = firstColon(s, paragraph), colon - paragraph.lowerBound <= 8,
              roleOfLabel(s, paragraph.lowerBound..<colon) != nil else { return nil }
        return colon + 1
    }

    /// The role a label names: `责任单位`, `牵头单位`, `配合部门`, `牵头考核单位`, `负责部门`.
    func roleOfLabel(_ s: [Unicode.Scalar], _ label: Range<Int>) -> AgencyRole? {
        let label = trimmed(s, label)
        guard label.count <= 8, Self.labelEndings.contains(where: { s.has($0, endingAt: label.upperBound, floor: label.lowerBound) })
        else { return nil }
        for (word, role) in AgencyVocabulary.roleWords {
            var i = label.lowerBound
            while i + word.count <= label.upperBound {
                if s.has(word, at: i, limit: label.upperBound) { return role }
                i += 1
            }
        }
        return nil
    }

    /// A role verb ending the segment (`…负责`, `…牵头`, `…按职责分工配合`): the role and where the
    /// list before it ends. `牵头负责` is lead.
    func roleVerb(_ s: [Unicode.Scalar], _ segment: Range<Int>) -> (AgencyRole, Int)? {
        for (word, role) in AgencyVocabulary.roleWords where s.has(word, endingAt: segment.upperBound, floor: segment.lowerBound) {
            var end = segment.upperBound - word.count
            var role = role
            if role == .responsible, s.has(Self.lead, endingAt: end, floor: segment.lowerBound) {
                role = .lead
                end -= Self.lead.count
            }
            guard role != .responsible || word == Self.responsible else { return nil }  // 责任, 主责 are labels
            return (role, end)
        }
        return nil
    }

    // MARK: - Items

    /// The names of a list, split and trimmed, with `role`.
    /// Lists that are recognized only by a verb must consist of names (`(企业自主负责)` is no list);
    /// after a label, any item counts (`各基础电信企业`).
    func items(_ s: [Unicode.Scalar], _ list: Range<Int>, role: AgencyRole, requireNames: Bool) -> [Entry] {
        var result: [Entry] = []
        for part in Brackets.split(s, list, at: ["、", ",", ";"]) {
            for name in splitAtConjunctions(s, trimmedItem(s, part))
            where isListItem(s, name) && (!requireNames || scanner.isName(s, name)) {
                result.append(Entry(range: name, role: role))
            }
        }
        return result
    }

    /// `文化和旅游部和各地方人民政府` → two names; `文化和旅游部` stays one: a conjunction splits only
    /// where a name ends before it and a name (or a class of bodies) starts after it.
    func splitAtConjunctions(_ s: [Unicode.Scalar], _ item: Range<Int>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = item.lowerBound
        var i = start + 2
        scan: while i < item.upperBound - 1 {
            for word in AgencyVocabulary.conjunctions where s.has(word, at: i, limit: item.upperBound) {
                let left = trimmedItem(s, start..<i)
                if scanner.isName(s, left) && startsWithName(s, (i + word.count)..<item.upperBound) {
                    parts.append(left)
                    start = i + word.count
                    i = start + 2
                    continue scan
                }
            }
            i += 1
        }
        parts.append(trimmedItem(s, start..<item.upperBound))
        return parts
    }

    /// Whether a name or a class of bodies begins `range`, ending at its end or at a conjunction.
    private func startsWithName(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        let whole = trimmedItem(s, range)
        if scanner.isName(s, whole) || isGeneric(s, whole) { return true }
        for k in (range.lowerBound + 2)..<max(range.lowerBound + 2, range.upperBound) {
            if AgencyVocabulary.conjunctions.contains(where: { s.has($0, at: k, limit: range.upperBound) }),
               scanner.isName(s, trimmedItem(s, range.lowerBound..<k)) {
                return true
            }
        }
        return false
    }

    func isListItem(_ s: [Unicode.Scalar], _ item: Range<Int>) -> Bool {
        guard item.count >= 2, item.count <= 40, !isGeneric(s, item) else { return false }
        var depth = 0
        for i in item {
            let c = s[i]
            switch c {
            case "(", "“": depth += 1
            case ")", "”": depth -= 1
            default: if depth == 0 && !(c.isHan || c == "·") { return false }
            }
        }
        return depth == 0
    }

    /// Whether every item of a list without a role looks like a name.
    func namesOnly(_ s: [Unicode.Scalar], _ list: Range<Int>) -> Bool {
        let parts = Brackets.split(s, list, at: ["、"]).map { trimmedItem(s, $0) }
        return parts.allSatisfy { isListItem(s, $0) && scanner.isName(s, $0) }
    }

    /// `有关部门`, `各有关部门和单位`, `相关单位`: classes of bodies.
    func isGeneric(_ s: [Unicode.Scalar], _ item: Range<Int>) -> Bool {
        var start = item.lowerBound
        for lead in AgencyVocabulary.genericLeads where s.has(lead, at: start, limit: item.upperBound) {
            start += lead.count
            break
        }
        let rest = String(String.UnicodeScalarView(s[start..<item.upperBound]))
        return rest.isEmpty || AgencyVocabulary.genericNames.contains(rest) || (start > item.lowerBound && rest.count == 1)
    }

    /// Trims spaces, a leading `由`, and trailers (`等`, `等有关部门`).
    func trimmedItem(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var item = trimmed(s, range)
        for lead in Self.itemLeads where s.has(lead, at: item.lowerBound, limit: item.upperBound) && item.count > lead.count + 1 {
            item = (item.lowerBound + lead.count)..<item.upperBound
            break
        }
        for trailer in AgencyVocabulary.itemTrailers
        where s.has(trailer, endingAt: item.upperBound, floor: item.lowerBound) && item.count > trailer.count + 1 {
            item = item.lowerBound..<(item.upperBound - trailer.count)
            break
        }
        return item
    }

    /// Removes `按职责分工`, `分别` and the like before a verb.
    func trimmedTrailers(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var end = range.upperBound
        var changed = true
        while changed {
            changed = false
            for trailer in AgencyVocabulary.verbTrailers where s.has(trailer, endingAt: end, floor: range.lowerBound) {
                end -= trailer.count
                changed = true
            }
        }
        return range.lowerBound..<end
    }

    func trimmed(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && s[lower].isInlineSpace { lower += 1 }
        while upper > lower && s[upper - 1].isInlineSpace { upper -= 1 }
        return lower..<upper
    }

    func firstColon(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
        var depth = 0
        for i in range {
            switch s[i] {
            case "(": depth += 1
            case ")": depth -= 1
            case ":" where depth == 0: return i
            default: break
            }
        }
        return nil
    }

    static let labelEndings: [[Unicode.Scalar]] = AgencyVocabulary.scalarsList(["单位", "部门", "机构", "处室", "责任人"])
    /// A colon or the first character of a role word.
    static let listMarkers = ScalarBitSet(":" + AgencyVocabulary.roleWords.map { String($0.word[0]) }.joined())
    static let itemLeads: [[Unicode.Scalar]] = AgencyVocabulary.scalarsList(["具体由", "分别由", "均由", "由"])
    static let lead = Array("牵头".unicodeScalars)
    static let responsible = Array("负责".unicodeScalars)
}
