import PolicyCore

/// Titles: joining title lines, the plan a 印发 notice transmits, news headlines announcing a
/// document (`中办国办印发《提振消费专项行动方案》`), headlines of untitled news pages.
enum TitleRules {
    /// The title on paragraphs `lines`, joined across line breaks. A space stays only where the
    /// source has one between two Chinese words on the same line (`关于完善再生资源回收体系 支持家电…`);
    /// a line that repeats the line before it (a database's title above the document's own) counts once.
    static func join(_ p: Paragraphs, _ lines: Range<Int>) -> String {
        var out = String.UnicodeScalarView()
        var previous: [Unicode.Scalar] = []
        for i in lines {
            let range = p.ranges[i]
            let text = Array(p.view.scalars[range])
            if text == previous { continue }
            previous = text
            for k in range {
                let c = p.view.scalars[k]
                if k > range.lowerBound, let last = out.last, spaceBetween(last, c),
                   sourceHasSpace(p, from: Int(p.view.sourceEnds[k - 1]), to: Int(p.view.sourceStarts[k])) {
                    out.append(" ")
                }
                out.append(c)
            }
        }
        var title = collapsingLetterSpacing(String(out))
        // `《中华人民共和国选举法》` as a heading: the brackets are not part of the title.
        if title.hasPrefix("《"), title.hasSuffix("》"), title.filter({ $0 == "《" }).count == 1 {
            title = String(title.dropFirst().dropLast())
        }
        return title
    }

    /// `国 务 院 工 作 规 则` (a heading spaced out letter by letter) → `国务院工作规则`.
    static func collapsingLetterSpacing(_ title: String) -> String {
        let parts = title.split(separator: " ")
        guard parts.count >= 3, parts.filter({ $0.count == 1 }).count * 10 >= parts.count * 8 else { return title }
        return parts.joined()
    }

    private static func spaceBetween(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        (a.isHan || a == "》" || a == "”") && (b.isHan || b == "《" || b == "“")
    }

    private static func sourceHasSpace(_ p: Paragraphs, from: Int, to: Int) -> Bool {
        guard from < to else { return false }
        let s = p.source.scalars
        return (from..<min(to, s.count)).contains { s[$0].isInlineSpace }
            && !(from..<min(to, s.count)).contains { s[$0].isLineTerminator }
    }

    /// The title of what a notice transmits: `…关于印发《X》的通知` → X, `…印发X的通知` → X,
    /// `…转发…关于X的通知` is left alone (the forwarded text keeps its own form).
    static func transmittedTitle(_ title: String) -> String? {
        let s = title.scalarArray
        guard let verb = s.lastScalarIndex(of: "印发") ?? s.lastScalarIndex(of: "颁布") else { return nil }
        var rest = Array(s[(verb + 2)...])
        for ending in ["的通知", "的函", "的决定", "的公告", "的通告"] where rest.hasScalarSuffix(ending) {
            rest.removeLast(ending.unicodeScalars.count)
            if rest.first == "《", rest.last == "》", rest.filter({ $0 == "《" }).count == 1 {
                rest = Array(rest.dropFirst().dropLast())
            }
            return rest.isEmpty ? nil : rest.scalarString
        }
        return nil
    }

    /// The lines (up to three consecutive title lines) in `range` that spell `title`.
    static func find(_ title: String, in p: Paragraphs, _ range: Range<Int>) -> Range<Int>? {
        let wanted = comparable(title)
        for i in range where p.kind(i).isTitleFragment {
            var joined = ""
            var j = i
            while j < range.upperBound, j - i < 3, p.kind(j).isTitleFragment {
                joined += comparable(p.string(j))
                j += 1
                if joined == wanted { return i..<j }
                if !wanted.hasPrefix(joined) { break }
            }
        }
        return nil
    }

    /// Titles compared without spaces, brackets of titles and width differences.
    static func sameTitle(_ a: String, _ b: String) -> Bool { comparable(a) == comparable(b) }

    static func comparable(_ title: String) -> String {
        String(String.UnicodeScalarView(ICU.nfkc(title).unicodeScalars.filter {
            !$0.isInlineSpace && $0 != "《" && $0 != "》" && $0 != "〈" && $0 != "〉"
        }))
    }

    /// `中办国办印发《提振消费专项行动方案》`: the bodies and the document a news headline announces.
    static func announcement(_ headline: String) -> (issuers: [String], title: String)? {
        let s = headline.scalarArray
        guard s.last == "》", let open = s.firstIndex(of: "《"), open > 2 else { return nil }
        let inner = s[(open + 1)..<(s.count - 1)]
        guard !inner.contains("《") else { return nil }
        var head = s[..<open].scalarString
        var matchedVerb = false
        for verb in ["联合印发", "印发", "发布", "公布", "出台", "颁布"] where head.hasSuffix(verb) {
            head = String(head.dropLast(verb.count))
            matchedVerb = true
            break
        }
        guard matchedVerb, let issuers = OrganizationNames.expand(head) else { return nil }
        return (issuers, inner.scalarString)
    }

    /// A headline for a news page that has none at its top: the short line that most looks like
    /// one (`山东出台40条措施进一步提振扩大消费`). Nil when no line is convincing.
    static func newsHeadline(_ p: Paragraphs, _ range: Range<Int>) -> Range<Int>? {
        var best: (score: Int, index: Int)? = nil
        for i in range {
            guard case .titleFragment = p.kind(i) else { continue }
            let text = p.string(i)
            let count = text.unicodeScalars.count
            guard (8...32).contains(count) else { continue }
            var score = 0
            if ["出台", "印发", "发布", "推出", "部署", "实施", "召开", "出炉"].contains(where: text.contains) { score += 2 }
            if ["措施", "方案", "意见", "政策", "条例", "办法", "规定", "通知", "行动"].contains(where: text.contains) { score += 2 }
            if LevelResolver.placement(ofName: text, isBody: false) != nil { score += 1 }
            if text.unicodeScalars.contains(where: \.isASCIIDigit) { score += 1 }
            if score >= 4, best == nil || score > best!.score { best = (score, i) }
        }
        return best.map { $0.index..<($0.index + 1) }
    }
}
