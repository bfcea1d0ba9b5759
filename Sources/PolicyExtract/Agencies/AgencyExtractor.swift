import PolicyCore

/// Responsible, lead, cooperating, issuing and mentioned bodies (`(责任单位:省商务厅、省公安厅…)`).
///
/// Per paragraph:
/// 1. Lines that name recipients are skipped: the 主送 line (`各市、县人民政府,省人民政府各委、办、
///    厅、局:`) and the 抄送/分送 lines of the 版记.
/// 2. Lines of a signature block are skipped here; `extractSignatureBlock` reports them as issuers.
/// 3. Responsibility lists (`ResponsibilityListParser`) give responsible, lead and cooperating
///    bodies.
/// 4. The rest of the running text — outside those lists, titles in `《》` and document numbers —
///    is scanned for names (`AgencyNameScanner`): each is `mentioned`. Only names that start at a
///    word boundary count (after punctuation or a function word such as `经`, `由`, `会同`) and not
///    inside a quotation (`“省商务厅杯”`); classes of bodies (`各市政府`, `有关部门`) do not count,
///    and neither does a body named as part of a meeting (`省委十二届六次全会`).
///
/// One pass per paragraph (`ParagraphTriggers`) finds the places worth looking at; the rest reads
/// only those.
struct AgencyExtractor: Sendable {
    let lists = ResponsibilityListParser()
    let scanner = AgencyNameScanner()
    let signature = SignatureBlock()
    let citations = CitationExtractor()

    func extract(_ text: NormalizedText, paragraph: Range<Int>, context: ExtractionContext) -> [Extraction] {
        let s = text.scalars
        if isRecipientLine(s, paragraph) || isSignatureLine(text, paragraph) { return [] }
        let normalizer = AgencyNameNormalizer(region: context.region, level: context.level)
        let triggers = ParagraphTriggers(s, paragraph, collectingNameStarts: true)
        var found: [Extraction] = []
        var excluded: [Range<Int>] = []
        for list in triggers.hasRoleCharacter || triggers.hasColon
            ? lists.lists(in: s, paragraph: paragraph, parentheses: triggers.parentheses, hasColon: triggers.hasColon) : [] {
            excluded.append(list.range)
            for entry in list.entries { found.append(record(text, entry.range, role: entry.role, normalizer)) }
        }
        excluded += citations.citedRanges(in: s, paragraph: paragraph, triggers: triggers)
        // A name never starts inside a quotation (slogans, campaigns) but may hold one (`…“三地一区”…`).
        let quotations = Brackets.groups(s, openers: triggers.quotes, limit: paragraph.upperBound)
        let candidates = triggers.nameStarts.filter { start in !quotations.contains { $0.contains(start) } }
        for name in mentions(s, paragraph: paragraph, candidates: candidates, excluding: excluded) {
            found.append(record(text, name, role: .mentioned, normalizer))
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Issuers named in the document's signature block (role `issuer`).
    func extractSignatureBlock(_ text: NormalizedText, document: Range<Int>, context: ExtractionContext) -> [Extraction] {
        let normalizer = AgencyNameNormalizer(region: context.region, level: context.level)
        return signature.issuers(in: text, document: document).map { record(text, $0, role: .issuer, normalizer) }
    }

    // MARK: - Mentions

    /// Names in running text outside `excluded`, starting at `candidates` (ascending positions at a
    /// word boundary) or right after another name (`省委省政府`).
    func mentions(_ s: [Unicode.Scalar], paragraph: Range<Int>, candidates: [Int], excluding excluded: [Range<Int>]) -> [Range<Int>] {
        let excluded = excluded.sorted { $0.lowerBound < $1.lowerBound }
        var next = 0
        var result: [Range<Int>] = []
        var previousEnd = -1
        for candidate in candidates where candidate >= previousEnd {
            var i = candidate
            while i < paragraph.upperBound {
                while next < excluded.count && excluded[next].upperBound <= i { next += 1 }
                if next < excluded.count && excluded[next].contains(i) { break }
                let limit = next < excluded.count ? min(excluded[next].lowerBound, paragraph.upperBound) : paragraph.upperBound
                guard let end = scanner.nameEnd(in: s, at: i, limit: limit, context: .runningText),
                      !namesMeeting(s, end, limit: limit) else { break }
                result.append(i..<end)
                previousEnd = end
                i = end
            }
        }
        return result
    }

    /// `省委十二届六次全会`: a numbered session of the body, not the body acting.
    func namesMeeting(_ s: [Unicode.Scalar], _ end: Int, limit: Int) -> Bool {
        var i = end
        while i < limit && i < end + 4 && (s[i].isChineseNumeral || s[i].isASCIIDigit) { i += 1 }
        return i > end && i < limit && (s[i] == "届" || s[i] == "次")
    }

    // MARK: - Lines that are not running text

    /// The 主送 line (`各省、自治区、直辖市人民政府,国务院各部委、各直属机构:`, `四川省人民政府:`) and
    /// 抄送/分送 lines.
    func isRecipientLine(_ s: [Unicode.Scalar], _ paragraph: Range<Int>) -> Bool {
        for label in Self.recipientLabels where s.has(label, at: paragraph.lowerBound, limit: paragraph.upperBound) {
            return true
        }
        guard let last = paragraph.last, s[last] == ":" else { return false }
        if s[paragraph.lowerBound] == "各" { return true }
        // Names only, separated by 、 or ,
        return Brackets.split(s, paragraph.lowerBound..<last, at: ["、", ","]).allSatisfy { part in
            !part.isEmpty && scanner.nameEnd(in: s, at: part.lowerBound, limit: part.upperBound, context: .nameList) == part.upperBound
        }
    }

    func isSignatureLine(_ text: NormalizedText, _ paragraph: Range<Int>) -> Bool {
        let s = text.scalars
        if let dateStart = signature.dateLineStart(s, paragraph), dateStart > paragraph.lowerBound,
           signature.names(s, paragraph.lowerBound..<dateStart) != nil {
            return true
        }
        return signature.isNameLine(in: text, paragraph: paragraph)
    }

    func record(_ text: NormalizedText, _ range: Range<Int>, role: AgencyRole, _ normalizer: AgencyNameNormalizer) -> Extraction {
        let name = text.string(range)
        return Extraction(value: .agency(name: name, normalized: normalizer.normalize(name), role: role), range: range)
    }

    static let recipientLabels: [[Unicode.Scalar]] = AgencyVocabulary.scalarsList([
        "主送:", "抄送:", "分送:", "抄报:", "报送:", "发送:",
    ])
}
