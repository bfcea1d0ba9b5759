import PolicyCore

/// Reads one document's metadata (title, 发文字号, issuers, date, level, region, type) from its
/// paragraphs and what the container states, and decides where its body starts.
struct MetadataReader {
    let p: Paragraphs
    let extracted: ExtractedText
    /// Markdown headings of the file, as paragraph indices.
    let headings: [(level: Int, paragraph: Int)]

    struct Result {
        var document: PolicyDocument
        /// First paragraph of the body.
        var bodyParagraph: Int
        var diagnostics: [Diagnostic]
    }

    func read(_ segment: DocumentSegment) -> Result {
        let range = segment.paragraphs
        let path = extracted.source.path
        var metadata: [(String, String)] = extracted.metadata
        var fields = extracted.fields
        // Markdown states its title as a heading; official headers are looked for in other text.
        let header = segment.header ?? (extracted.format == .markdown && !headings.isEmpty ? nil : leadingHeader(range))

        let found = title(of: segment, header: header, fields: fields, metadata: &metadata)
        let title = found.title
        var afterTitle = found.end
        // A law's history under its title: `（1994年…通过 … 修正）`.
        if let history = lawHistory(from: afterTitle, in: range) {
            var stated = StatedFields()
            LawHistory.apply(history.events, to: &stated, metadata: &metadata)
            fields.date = fields.date ?? stated.date
            fields.docNumber = fields.docNumber ?? stated.docNumber
            if fields.issuers.isEmpty { fields.issuers = stated.issuers }
            afterTitle = history.paragraph + 1
        }

        var docNumber = fields.docNumber ?? header?.docNumber
        if docNumber == nil, header == nil, let (number, line) = numberLine(after: bodyStart(after: afterTitle, in: range), in: range) {
            // Markdown that repeats the heading and the 发文字号 after its info lines.
            docNumber = number
            afterTitle = line + 1
        }
        let signature = self.signature(in: afterTitle..<range.upperBound)
        let issuers = self.issuers(in: range, fields: fields, signature: signature, header: header, docNumber: docNumber,
                                   title: metadata.first { $0.0 == "通知标题" }?.1 ?? title, announced: found.announcedIssuers)
        let date = fields.date ?? signature?.date ?? header?.date ?? leadingDate(range) ?? fields.fallbackDate
        if let published = header?.date, published != date { metadata.append(("发布日期", published.iso)) }

        let placement = LevelResolver.resolve(issuers: issuers, docNumber: docNumber, title: title)
        var docType = DocTypeClassifier.docType(ofTitle: title)
        if segment.kind == .news { docType = title.contains("解读") ? "解读" : "新闻" }

        let line = range.isEmpty ? 1 : p.line(range.lowerBound)
        var document = PolicyDocument(
            id: DocumentID.make(docNumber: docNumber, source: path, title: title), source: path, title: title,
            docNumber: docNumber, issuers: issuers, date: date, level: placement.level, region: placement.region,
            docType: docType, span: p.view.sourceSpan(of: p.viewRange(range)), format: extracted.format.rawValue,
            line: line, metadata: metadata)
        document.metadata = deduplicated(document.metadata)
        var diagnostics: [Diagnostic] = []
        if title.isEmpty { diagnostics.append(.warning("document without a title", path: path, line: line)) }
        if date == nil {
            let name = title.isEmpty ? "document" : "«\(title)»"
            diagnostics.append(.warning("\(name) has no date (no signature, date line or stated date)", path: path, line: line))
        }
        return Result(document: document, bodyParagraph: bodyStart(after: afterTitle, in: range), diagnostics: diagnostics)
    }

    // MARK: - Title

    struct TitleFinding {
        var title: String
        /// First paragraph after the title (and the rest of the header).
        var end: Int
        /// Bodies a news headline names (`中办国办印发《…》`).
        var announcedIssuers: [String]
    }

    /// The title: stated by the container, the header's, a Markdown heading, the first lines, a news
    /// headline, the file's properties — in that order. A notice that transmits a plan takes the
    /// plan's title (the notice's goes to metadata `通知标题`).
    private func title(of segment: DocumentSegment, header: DocumentHeader?, fields: StatedFields,
                       metadata: inout [(String, String)]) -> TitleFinding {
        let range = segment.paragraphs
        var titleLines: Range<Int>? = header?.title
        var title = fields.title ?? header.map { TitleRules.join(p, $0.title) } ?? ""
        if title.isEmpty, let heading = leadingHeadings(range) {
            titleLines = heading.lines
            title = heading.title
            if let subtitle = heading.subtitle { metadata.append(("副标题", subtitle)) }
        }
        if title.isEmpty && segment.kind != .news, let lines = leadingTitleLines(range) {
            titleLines = lines
            title = TitleRules.join(p, lines)
        }
        if title.isEmpty && segment.kind == .news, let lines = TitleRules.newsHeadline(p, range) {
            title = TitleRules.join(p, lines)
        }
        if title.isEmpty, let stated = fields.fallbackTitle { title = stated }
        let end = max(header?.end ?? range.lowerBound, titleLines?.upperBound ?? range.lowerBound)
        var announced: [String] = []
        if let announcement = TitleRules.announcement(title) {
            announced = announcement.issuers
            metadata.append(("标题", title))
            title = announcement.title
        }
        if let transmitted = TitleRules.transmittedTitle(title),
           let planLines = TitleRules.find(transmitted, in: p, end..<range.upperBound) {
            metadata.append(("通知标题", title))
            title = TitleRules.join(p, planLines)
        }
        return TitleFinding(title: title, end: end, announcedIssuers: announced)
    }

    /// Where the segmenter starts: after the header (and a Markdown file's info lines and a table
    /// of contents).
    private func bodyStart(after afterTitle: Int, in range: Range<Int>) -> Int {
        var body = afterTitle
        if let stated = extracted.bodyStart { body = max(body, p.firstParagraph(atOrAfterSource: stated)) }
        body = skippingTableOfContents(from: min(body, range.upperBound), in: range)
        return min(max(body, range.lowerBound), range.upperBound)
    }

    /// A 发文字号 on a line of its own among the first lines from `start` (before any running text).
    private func numberLine(after start: Int, in range: Range<Int>) -> (String, Int)? {
        for i in start..<min(start + 6, range.upperBound) {
            switch p.kind(i) {
            case .docNumber(let number): return (number, i)
            case .body, .label: return nil
            default: continue
            }
        }
        return nil
    }

    /// Issuers: stated by the container, the signature, a signature cut short at the end, the
    /// 版头, the decree, the title (`国务院办公厅关于…`), a news headline, a signer's body.
    private func issuers(in range: Range<Int>, fields: StatedFields, signature: Signature?, header: DocumentHeader?,
                         docNumber: String?, title: String, announced: [String]) -> [String] {
        var issuers = fields.issuers
        if issuers.isEmpty, let signature, !signature.issuers.isEmpty { issuers = signature.issuers }
        if issuers.isEmpty { issuers = trailingIssuers(range) }
        if issuers.isEmpty, let header, !header.fileHeadIssuers.isEmpty { issuers = header.fileHeadIssuers }
        if issuers.isEmpty, let decree = header?.decree ?? docNumber.flatMap(decreeName) { issuers = decreeIssuers(decree) }
        if issuers.isEmpty { issuers = titleIssuers(title: title) }
        if issuers.isEmpty { issuers = announced }
        if issuers.isEmpty, let body = leadingSignerBody(range) { issuers = [body] }
        return completeLocalNames(issuers, in: range)
    }

    // MARK: - Header, headings, first lines

    /// A header within the first lines of a document that was not split at one (single-document
    /// files: a gov.cn article, a database export).
    private func leadingHeader(_ range: Range<Int>) -> DocumentHeader? {
        var i = range.lowerBound
        while i < range.upperBound && i < range.lowerBound + 8 {
            if let header = HeaderParser.parse(p, at: i, limit: range.upperBound) { return header }
            switch p.kind(i) {
            case .body, .label, .byline, .dateline: return nil
            default: i += 1
            }
        }
        return nil
    }

    /// Markdown headings at the top: `# 中华人民共和国民法典` `# 总则` → title and subtitle;
    /// `# 强化全流程管理 引导技术向善` `## ——《…》解读` → one title.
    private func leadingHeadings(_ range: Range<Int>) -> (title: String, subtitle: String?, lines: Range<Int>)? {
        let inRange = headings.filter { range.contains($0.paragraph) }
        guard let first = inRange.first, first.paragraph <= range.lowerBound + 2 else { return nil }
        var title = TitleRules.join(p, first.paragraph..<(first.paragraph + 1))
        var subtitle: String? = nil
        var last = first.paragraph
        for next in inRange.dropFirst() where next.paragraph == last + 1 {
            let text = TitleRules.join(p, next.paragraph..<(next.paragraph + 1))
            if text.hasPrefix("—") || text.hasPrefix("-") {
                title += text
            } else if next.level == 1 && subtitle == nil {
                subtitle = text
            } else {
                break
            }
            last = next.paragraph
        }
        return (title, subtitle, first.paragraph..<(last + 1))
    }

    /// The first lines when they read as a title (a slide deck's cover, a law's heading).
    private func leadingTitleLines(_ range: Range<Int>) -> Range<Int>? {
        var start = range.lowerBound
        while start < range.upperBound, isSkippable(p.kind(start)) { start += 1 }
        if start < range.upperBound, p.text(start).first == "(" { return nil }
        var end = start
        while end < range.upperBound, end - start < 3, case .titleFragment = p.kind(end) {
            // A parenthesized note (`（2024年…通过）`) or a table of contents ends the title.
            let text = p.text(end)
            if end > start && (text.first == "(" || p.string(end).removingWhitespace == "目录" || Self.startsWithDate(text)) { break }
            end += 1
        }
        return end > start ? start..<end : nil
    }

    private func isSkippable(_ kind: LineKind) -> Bool {
        switch kind {
        case .note, .sectionLabel: return true
        default: return false
        }
    }

    // MARK: - Signature and issuers

    struct Signature {
        var issuers: [String]
        var date: CivilDate
    }

    /// The first date line with names of bodies (or a signer) right above it.
    private func signature(in range: Range<Int>) -> Signature? {
        for i in range {
            // Cheap test first: a date line is short and starts with a digit.
            guard i > range.lowerBound, p.length(i) <= 24, let first = p.view.scalars[p.ranges[i]].first,
                  first.isASCIIDigit || ChineseNumeral.digitValue(first) != nil,
                  case .date(let date) = p.kind(i) else { continue }
            var names: [String] = []
            var signed = false
            var k = i - 1
            scan: while k >= range.lowerBound && i - k <= 20 {
                switch p.kind(k) {
                case .issuers(let bodies): names = bodies + names
                case .signer: signed = true
                case .titleFragment where OrganizationNames.isOrganization(p.string(k)): names.insert(p.string(k), at: 0)
                default: break scan
                }
                k -= 1
            }
            if !names.isEmpty || signed { return Signature(issuers: names, date: date) }
        }
        return nil
    }

    /// Names of bodies on the last lines of a document that ends without a date (a signature
    /// whose date was cut off).
    private func trailingIssuers(_ range: Range<Int>) -> [String] {
        var names: [String] = []
        var k = range.upperBound - 1
        while k >= range.lowerBound, range.upperBound - k <= 12, case .issuers(let bodies) = p.kind(k) {
            names = bodies + names
            k -= 1
        }
        return names
    }

    /// `国务院令` → 国务院, `上海市人民政府令` → 上海市人民政府.
    private func decreeName(_ number: String) -> String? {
        guard let command = number.firstIndex(of: "令") else { return nil }
        return String(number[...command])
    }

    private func decreeIssuers(_ decree: String) -> [String] {
        let name = decree.hasSuffix("令") ? String(decree.dropLast()) : decree
        let parts = name.split(separator: "、").map(String.init).filter { OrganizationNames.isOrganization($0) }
        return parts
    }

    /// `国务院办公厅关于…` → 国务院办公厅; `商务部等9部门关于…` → 商务部.
    private func titleIssuers(title: String) -> [String] {
        guard let about = title.range(of: "关于") else { return [] }
        var head = String(title[..<about.lowerBound])
        if let etc = head.range(of: "等") { head = String(head[..<etc.lowerBound]) }
        guard !head.isEmpty else { return [] }
        if let expanded = OrganizationNames.expand(head) { return expanded }
        return OrganizationNames.issuerLine(head) ?? []
    }

    /// The body a signer line names at the top (`市商务局党组书记、局长 盛 强`).
    private func leadingSignerBody(_ range: Range<Int>) -> String? {
        for i in range.prefix(8) {
            if case .signer(_, let body?) = p.kind(i) { return body }
        }
        return nil
    }

    /// `市商务局` → `聊城市商务局` when the document is about one city (named far more often than
    /// any other); `省商务厅` likewise for a province.
    private func completeLocalNames(_ names: [String], in range: Range<Int>) -> [String] {
        let levels = names.map { name -> DocumentLevel? in
            let level = OrganizationNames.bareLocalLevel(name)
            return level == .municipal || level == .provincial ? level : nil
        }
        guard levels.contains(where: { $0 != nil }) else { return names }
        let counts = regionMentions(range)
        return zip(names, levels).map { name, level in
            guard let wanted = level else { return name }
            let ranked = counts.filter { $0.key.level == wanted }.sorted { $0.value > $1.value }
            guard let top = ranked.first, top.value >= 2, ranked.count == 1 || top.value >= 2 * ranked[1].value else { return name }
            return top.key.name + name.dropFirst()
        }
    }

    /// How often each province or city is named by its full name in the document (looked up at
    /// the characters full names end with, so a long text costs little).
    private func regionMentions(_ range: Range<Int>) -> [Region: Int] {
        var counts: [Region: Int] = [:]
        var budget = 40_000
        for i in range where budget > 0 {
            let text = p.text(i)
            budget -= text.count
            for k in text.indices where k >= 1 && Self.regionNameEndings.contains(text[k]) {
                for length in 2...min(9, k + 1) {
                    if let region = Self.regionsByFullName[text[(k + 1 - length)...k].scalarString] {
                        counts[region, default: 0] += 1
                        break
                    }
                }
            }
        }
        return counts
    }

    private static let regionsByFullName: [String: Region] = {
        var byName: [String: Region] = [:]
        for region in Gazetteer.shared.cities + Gazetteer.shared.provinces { byName[region.name] = region }
        return byName
    }()

    private static let regionNameEndings: Set<Unicode.Scalar> = Set(regionsByFullName.keys.compactMap { $0.unicodeScalars.last })

    // MARK: - Dates and body

    /// A date line among the first lines (a slide deck's cover date).
    private func leadingDate(_ range: Range<Int>) -> CivilDate? {
        for i in range.prefix(8) {
            if case .date(let date) = p.kind(i) { return date }
        }
        return nil
    }

    /// A law's history right under its title: `（1979年7月1日…通过 1997年3月14日…修订 …）` (on one
    /// line or several), or lines that each start with a date (`1994年7月5日…通过`, `自1995年1月1日起施行`).
    private func lawHistory(from start: Int, in range: Range<Int>) -> (events: [LawHistory.Event], paragraph: Int)? {
        guard start < range.upperBound else { return nil }
        var text: [Unicode.Scalar] = []
        var last = start
        if p.text(start).first == "(" {
            var i = start
            while i < range.upperBound, i - start < 16 {
                text += p.text(i)
                last = i
                if text.last == ")" { break }
                i += 1
            }
        } else {
            var i = start
            while i < range.upperBound, i - start < 8, Self.startsWithDate(p.text(i)) {
                text += p.text(i)
                last = i
                i += 1
            }
        }
        guard !text.isEmpty, text.count < 6000 else { return nil }
        let events = LawHistory.events(in: text)
        guard events.contains(where: { $0.kind == .adopted || $0.kind == .promulgated || $0.kind == .amended }) else { return nil }
        return (events, last)
    }

    /// `1994年7月5日…`, `自1995年1月1日起施行`, `根据2009年…修正`.
    static func startsWithDate(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        if s.hasScalarPrefix("根据") { i = 2 } else if s.first == "自" { i = 1 }
        return DateParser.date(in: s, at: i) != nil
    }

    /// Skips a table of contents (`目录` and the chapter headings listed under it).
    private func skippingTableOfContents(from start: Int, in range: Range<Int>) -> Int {
        guard start < range.upperBound, p.string(start).removingWhitespace == "目录" else { return start }
        var seen: Set<String> = []
        var i = start + 1
        while i < range.upperBound {
            let text = p.text(i)
            guard text.count <= 40, text.first == "第", let unit = text.firstIndex(where: { "编章节".unicodeScalars.contains($0) }),
                  unit <= 6 else { break }
            let key = TitleRules.comparable(text.scalarString)
            if seen.contains(key) { break }
            seen.insert(key)
            i += 1
        }
        return i
    }

    /// One entry per key (the JSON output is an object): repeated values are joined with `、`
    /// in order (`修正日期`: `2009-08-27、2017-09-01`).
    private func deduplicated(_ pairs: [(String, String)]) -> [(String, String)] {
        var keys: [String] = []
        var values: [String: [String]] = [:]
        for (key, value) in pairs {
            if values[key] == nil { keys.append(key) }
            if !(values[key]?.contains(value) ?? false) { values[key, default: []].append(value) }
        }
        return keys.map { ($0, values[$0, default: []].joined(separator: "、")) }
    }
}
