import PolicyCore

/// The Markdown the law collections use (see `laws-md/法律法规模版.md`): YAML front matter,
/// `# title` (and `# subtitle`), info lines before `<!-- INFO END -->` (`2019年10月22日
/// 中华人民共和国国务院令第722号公布`, `2020年1月1日 施行`), `##` section headings and HTML comments.
/// Heading markers, comments and front matter are dropped from the normalized view so that the
/// segmenter sees `第一章总则`; info lines become metadata.
enum MarkdownSyntax {
    static let infoEnd = "<!-- INFO END -->"

    /// Whether a text has ATX headings (`# …` at a line start): then it is read as Markdown even
    /// when the file is `.txt` (news pages copied from Markdown sources).
    static func hasHeadings(_ s: [Unicode.Scalar]) -> Bool {
        var atLineStart = true
        var i = 0
        let limit = min(s.count, 200_000)
        while i < limit {
            let c = s[i]
            if atLineStart && c == "#" {
                var j = i
                while j < s.count && s[j] == "#" && j - i < 6 { j += 1 }
                if j < s.count && (s[j] == " " || s[j] == "\u{3000}") { return true }
            }
            atLineStart = c.isLineTerminator
            i += 1
        }
        return false
    }

    static func read(into out: inout ExtractedText, frontMatter: Bool) {
        let s = out.source.scalars
        let comments = commentRanges(s)
        for comment in comments {
            out.drop(comment)
            if s[comment].hasScalarPrefix(infoEnd) {
                // The body starts on the line after the marker.
                var end = comment.upperBound
                while end < s.count && !s[end].isLineTerminator { end += 1 }
                out.bodyStart = out.bodyStart ?? end
            }
        }
        let lines = Array(SourceLines(s))
        var index = frontMatter ? readFrontMatter(lines, s, into: &out) : 0
        var infoLines: [Range<Int>] = []
        var titleSeen = false
        var commentIndex = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            var content = s.trimmed(line.content)
            // Leave out the parts of the line inside comments.
            while commentIndex < comments.count && comments[commentIndex].upperBound <= content.lowerBound { commentIndex += 1 }
            if commentIndex < comments.count, comments[commentIndex].lowerBound <= content.lowerBound {
                content = s.trimmed(min(comments[commentIndex].upperBound, content.upperBound)..<content.upperBound)
            }
            if commentIndex < comments.count, content.contains(comments[commentIndex].lowerBound) {
                content = s.trimmed(content.lowerBound..<comments[commentIndex].lowerBound)
            }
            if content.isEmpty { continue }
            if let heading = heading(s, content) {
                out.drop(content.lowerBound..<heading.text.lowerBound)
                out.headings.append((heading.level, heading.text))
                if heading.level == 1 { titleSeen = true }
                continue
            }
            let beforeBody = out.bodyStart.map { content.lowerBound < $0 } ?? false
            if titleSeen && beforeBody && startsWithDate(s, content) { infoLines.append(content) }
        }
        if !infoLines.isEmpty {
            LawHistory.apply(infoLines.map { s[$0].scalarString }, to: &out.fields, metadata: &out.metadata)
        }
    }

    /// `<!-- … -->` anywhere, also across lines (an unclosed comment runs to the end).
    static func commentRanges(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        while let open = s.firstScalarIndex(of: "<!--", from: i) {
            let close = s.firstScalarIndex(of: "-->", from: open + 4).map { $0 + 3 } ?? s.count
            ranges.append(open..<close)
            i = close
        }
        return ranges
    }

    /// `---` … `---` at the start: `key: value` pairs become metadata; the block is dropped.
    private static func readFrontMatter(_ lines: [SourceLines.Line], _ s: [Unicode.Scalar], into out: inout ExtractedText) -> Int {
        guard let first = lines.first, s[s.trimmed(first.content)].scalarString == "---" else { return 0 }
        var i = 1
        while i < lines.count {
            let content = s.trimmed(lines[i].content)
            let text = s[content].scalarString
            if text == "---" || text == "..." {
                out.drop(lines[0].full.lowerBound..<lines[i].full.upperBound)
                return i + 1
            }
            if let colon = text.firstIndex(of: ":") {
                let key = String(text[..<colon]).trimmingWhitespace
                let value = String(text[text.index(after: colon)...]).trimmingWhitespace
                if !key.isEmpty { out.metadata.append((key, value)) }
            }
            i += 1
        }
        return 0  // never closed: not front matter
    }

    /// `## 第一章 总则` → level 2 and the range of `第一章 总则`.
    static func heading(_ s: [Unicode.Scalar], _ content: Range<Int>) -> (level: Int, text: Range<Int>)? {
        var i = content.lowerBound
        while i < content.upperBound && s[i] == "#" && i - content.lowerBound < 7 { i += 1 }
        let level = i - content.lowerBound
        guard (1...6).contains(level), i < content.upperBound, s[i].isInlineSpace else { return nil }
        while i < content.upperBound && s[i].isInlineSpace { i += 1 }
        var end = content.upperBound
        // A closing sequence: `## 标题 ##`.
        var j = end
        while j > i && s[j - 1] == "#" { j -= 1 }
        if j < end && j > i && s[j - 1].isInlineSpace {
            end = j
            while end > i && s[end - 1].isInlineSpace { end -= 1 }
        }
        guard end > i else { return nil }
        return (level, i..<end)
    }

    private static func startsWithDate(_ s: [Unicode.Scalar], _ content: Range<Int>) -> Bool {
        guard !content.isEmpty else { return false }
        let head = s[content.lowerBound..<min(content.upperBound, content.lowerBound + 24)].scalarString
        return DateParser.date(in: ICU.nfkc(head).removingWhitespace.scalarArray, at: 0) != nil
    }
}

/// The history of a law as its info lines or its opening parenthesis state it:
/// `1994年8月31日 第八届全国人民代表大会常务委员会第九次会议通过`, `2019年10月22日 中华人民共和国
/// 国务院令第722号公布`, `2020年1月1日 施行`.
enum LawHistory {
    enum Kind: String {
        case adopted = "通过日期", promulgated = "公布日期", amended = "修正日期", approved = "批准日期",
             effective = "施行日期", other = "日期"
    }

    struct Event {
        var date: CivilDate
        var kind: Kind
        var text: String
    }

    /// Events in a text (NFKC, spaces removed): each date and what the words after it say happened.
    static func events(in s: [Unicode.Scalar]) -> [Event] {
        let dates = DateParser.dates(in: s)
        var events: [Event] = []
        for (k, found) in dates.enumerated() {
            let end = k + 1 < dates.count ? dates[k + 1].range.lowerBound : s.count
            let words = Array(s[found.range.upperBound..<end])
            events.append(Event(date: found.date, kind: kind(of: words), text: words.scalarString))
        }
        return events
    }

    static func kind(of s: [Unicode.Scalar]) -> Kind {
        func has(_ words: String...) -> Bool { words.contains { s.containsScalars($0) } }
        if has("公布", "发布") { return .promulgated }
        if has("修正", "修订", "修改") { return .amended }
        if has("通过") { return .adopted }
        if has("批准") { return .approved }
        if has("施行", "实施") { return .effective }
        return .other
    }

    /// Fills stated fields from info lines: the date of the latest version (the last event that is
    /// not 施行), the decree number it was promulgated with, the body that adopted it.
    static func apply(_ lines: [String], to fields: inout StatedFields, metadata: inout [(String, String)]) {
        var all: [Event] = []
        for line in lines { all += events(in: ICU.nfkc(line).removingWhitespace.scalarArray) }
        apply(all, to: &fields, metadata: &metadata)
    }

    static func apply(_ all: [Event], to fields: inout StatedFields, metadata: inout [(String, String)]) {
        for event in all { metadata.append((event.kind.rawValue, event.date.iso)) }
        if let latest = all.last(where: { $0.kind != .effective && $0.kind != .other }) { fields.date = latest.date }
        for event in all where event.kind == .promulgated || event.kind == .adopted || event.kind == .amended {
            if let (number, _) = DocNumberParser.first(in: event.text.scalarArray) { fields.docNumber = number }
        }
        if fields.issuers.isEmpty,
           let first = all.first(where: { $0.kind == .adopted || $0.kind == .promulgated }) {
            fields.issuers = bodies(in: first.text)
        }
    }

    /// The body an event names: `第十一届全国人民代表大会常务委员会第七次会议通过` → 全国人民代表大会
    /// 常务委员会; `中华人民共和国国务院令第722号公布` → 国务院; `最高人民法院审判委员会第1820次会议通过` → 最高人民法院.
    static func bodies(in text: String) -> [String] {
        var s = text.scalarArray
        // A decree: the body is the decree's issuer.
        if let (number, _) = DocNumberParser.first(in: s),
           let nameEnd = number.hasSuffix("号令") ? number.lastIndex(of: "第") : number.firstIndex(of: "令") {
            let names = String(number[..<nameEnd]).split(separator: "、").map { String($0) }
            return names.map { $0.hasPrefix("中华人民共和国") && $0.count > 7 ? String($0.dropFirst(7)) : $0 }
        }
        if s.hasScalarPrefix("根据") || s.first == "经" { return [] }
        // Skip a leading ordinal of the body's term: `第十一届`.
        if s.first == "第", let term = s.firstIndex(of: "届"), term < 8 { s.removeFirst(term + 1) }
        var end = s.count
        for stop in ["第", "公告", "批准", "发布", "公布", "通过", "会议"] {
            if let at = s.firstScalarIndex(of: stop), at < end { end = at }
        }
        var name = s[..<end].scalarString
        for committee in ["审判委员会", "检察委员会"] where name.hasSuffix(committee) && name.count > committee.count {
            name = String(name.dropLast(committee.count))
        }
        // `聊城市第十七届人民代表大会常务委员会`: the region before the term, the body after it.
        if let termStart = s.firstScalarIndex(of: "第"), termStart == end, let term = s.firstIndex(of: "届"), term > termStart {
            let rest = Array(s[(term + 1)...])
            var restEnd = rest.count
            for stop in ["第", "会议"] { if let at = rest.firstScalarIndex(of: stop), at < restEnd { restEnd = at } }
            let body = rest[..<restEnd].scalarString
            if !body.isEmpty { name += body }
        }
        return name.split(separator: "、").map(String.init).filter(OrganizationNames.isOrganization)
    }
}
