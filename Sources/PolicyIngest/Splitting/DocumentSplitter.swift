import PolicyCore

/// One document's paragraphs within a file, before its metadata is read.
struct DocumentSegment {
    enum Kind { case official, news, plain }

    /// Paragraph indices.
    var paragraphs: Range<Int>
    var kind: Kind
    /// The header found where the document starts (official documents).
    var header: DocumentHeader?
}

/// Splits a file's paragraphs into documents.
///
/// - Official documents start at a header (title + date line / 发文字号 / decree / addressees, or
///   版头 + 发文字号): a compilation holds many (seed 004). A document that transmits a plan
///   (`关于印发《X》的通知` followed by X) is one document, so a header titled X right after it is
///   not a new start.
/// - A text that begins with a substantial stretch before its first header quotes documents (a
///   slide deck showing the 通知 it discusses): it is one document.
/// - News pages split at level-1 headings and bylines (`新华社记者 …`); a dateline
///   (`（新华社北京3月16日电）`) ends an article, and short leftovers after it (photo captions)
///   belong to no document.
struct DocumentSplitter {
    /// Text before the first header longer than this (scalars of running text) makes the file one document.
    static let quotingPreamble = 200
    /// Leftover text after a dateline shorter than this is dropped (captions, page furniture).
    static let minimumLeftover = 120

    func split(_ p: Paragraphs, headingParagraphs: [(level: Int, paragraph: Int)]) -> [DocumentSegment] {
        guard p.count > 0 else { return [] }
        let headers = officialHeaders(p)
        if let first = headers.first {
            if runningText(p, 0..<first.start) > Self.quotingPreamble {
                return [DocumentSegment(paragraphs: trimmed(p, 0..<p.count), kind: .plain, header: nil)]
            }
            var segments: [DocumentSegment] = []
            for (k, header) in headers.enumerated() {
                let end = k + 1 < headers.count ? headers[k + 1].start : p.count
                segments.append(DocumentSegment(paragraphs: trimmed(p, header.start..<end), kind: .official, header: header))
            }
            return segments
        }
        let news = newsSegments(p, headingParagraphs: headingParagraphs)
        if !news.isEmpty { return news }
        return [DocumentSegment(paragraphs: trimmed(p, 0..<p.count), kind: looksLikeNews(p) ? .news : .plain, header: nil)]
    }

    // MARK: - Official documents

    func officialHeaders(_ p: Paragraphs) -> [DocumentHeader] {
        var headers: [DocumentHeader] = []
        var i = 0
        while i < p.count {
            guard canStartHeader(p.kind(i)), let header = HeaderParser.parse(p, at: i, limit: p.count) else {
                i += 1
                continue
            }
            if let previous = headers.last, continuesTransmittal(p, previous: previous, next: header) {
                i = header.end
                continue
            }
            headers.append(header)
            i = header.end
        }
        return headers
    }

    private func canStartHeader(_ kind: LineKind) -> Bool {
        switch kind {
        case .fileHead, .docNumber, .titleFragment, .issuers: return true
        default: return false
        }
    }

    /// The plan a 印发 notice transmits, with a header of its own (a date under its title) but no
    /// number: it continues the notice.
    private func continuesTransmittal(_ p: Paragraphs, previous: DocumentHeader, next: DocumentHeader) -> Bool {
        guard next.docNumber == nil, next.decree == nil, next.fileHeadIssuers.isEmpty else { return false }
        let notice = TitleRules.join(p, previous.title)
        guard let transmitted = TitleRules.transmittedTitle(notice) else { return false }
        return TitleRules.sameTitle(TitleRules.join(p, next.title), transmitted)
    }

    /// Markdown: a document starts at each level-1 heading that does not directly follow another
    /// (`# 中华人民共和国民法典` `# 总则` is one title with its subtitle).
    func headingSegments(_ p: Paragraphs, headingParagraphs: [(level: Int, paragraph: Int)]) -> [DocumentSegment] {
        guard p.count > 0 else { return [] }
        let top = Set(headingParagraphs.filter { $0.level == 1 }.map(\.paragraph))
        var starts = top.filter { !top.contains($0 - 1) }.sorted()
        if starts.first != 0 { starts.insert(0, at: 0) }
        return starts.enumerated().map { k, start in
            let end = k + 1 < starts.count ? starts[k + 1] : p.count
            return DocumentSegment(paragraphs: start..<end, kind: .plain, header: nil)
        }
    }

    // MARK: - News

    func newsSegments(_ p: Paragraphs, headingParagraphs: [(level: Int, paragraph: Int)]) -> [DocumentSegment] {
        let headingSet = Set(headingParagraphs.map(\.paragraph))
        let topHeadings = Set(headingParagraphs.filter { $0.level == 1 }.map(\.paragraph))
        var starts: [Int] = []
        var endsAfter: Set<Int> = []
        var sawNews = false
        for i in p.indices {
            switch p.kind(i) {
            case .byline:
                sawNews = true
                // A byline right under a headline belongs to that headline.
                let underHeading = (1...2).contains { i - $0 >= 0 && headingSet.contains(i - $0) }
                if !underHeading { starts.append(i) }
            case .dateline:
                sawNews = true
                endsAfter.insert(i)
            default:
                if topHeadings.contains(i) && !(i > 0 && topHeadings.contains(i - 1)) { starts.append(i) }
            }
        }
        guard sawNews || starts.count > 1 else { return [] }
        if starts.first != 0 { starts.insert(0, at: 0) }
        starts = Array(Set(starts)).sorted()
        var segments: [DocumentSegment] = []
        for (k, start) in starts.enumerated() {
            let limit = k + 1 < starts.count ? starts[k + 1] : p.count
            var piece = start
            // A dateline ends the article; what follows until the next start is a leftover.
            while piece < limit {
                var end = limit
                if let dateline = (piece..<limit).first(where: { endsAfter.contains($0) }) { end = dateline + 1 }
                let isNews = (piece..<end).contains { i in
                    switch p.kind(i) { case .byline, .dateline: return true; default: return false }
                }
                let range = trimmed(p, piece..<end)
                if !range.isEmpty && (piece == start || runningText(p, range) >= Self.minimumLeftover) {
                    segments.append(DocumentSegment(paragraphs: range, kind: isNews ? .news : .plain, header: nil))
                }
                piece = end
            }
        }
        return segments
    }

    /// A newspaper page: its first lines name a paper or a news agency (`青岛财经日报/首页新闻讯`,
    /// `本报讯`, `新华社北京3月16日电`).
    func looksLikeNews(_ p: Paragraphs) -> Bool {
        let markers = ["新闻讯", "本报讯", "日报", "晚报", "新华社", "中新社", "本报记者", "记者"]
        for i in p.indices.prefix(3) {
            let head = String(p.string(i).unicodeScalars.prefix(30).map(Character.init))
            if markers.contains(where: head.contains) { return true }
        }
        return false
    }

    // MARK: - Helpers

    /// Scalars of running text (not titles, labels of sections, notes or furniture) in a range.
    func runningText(_ p: Paragraphs, _ range: Range<Int>) -> Int {
        var total = 0
        for i in range {
            switch p.kind(i) {
            case .body, .label: total += p.length(i)
            default: break
            }
        }
        return total
    }

    /// Without section labels of a compilation at either end (`部委相关文件`).
    func trimmed(_ p: Paragraphs, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isSectionLabel(p, lower) { lower += 1 }
        while upper > lower, isSectionLabel(p, upper - 1) { upper -= 1 }
        return lower..<upper
    }

    private func isSectionLabel(_ p: Paragraphs, _ i: Int) -> Bool {
        switch p.kind(i) {
        case .sectionLabel: return true
        case .fileHead:
            // A 版头 without a 发文字号 under it labels a section of a compilation.
            if i + 1 < p.count, case .docNumber = p.kind(i + 1) { return false }
            return true
        default: return false
        }
    }
}
