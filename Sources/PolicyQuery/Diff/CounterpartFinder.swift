import GRDB
import PolicyCore
import PolicyDiff
import PolicyExtract
import PolicyStore

/// Finds, for each document of a region, the national document it implements — what
/// `policyq diff --region R --against national` compares it with.
///
/// In order of trust:
/// 1. the national document its title cites (`上海市实施《义务教育法》办法`);
/// 2. the national document with the closest *subject*: the title without issuer, region names,
///    `关于`/`印发…的通知` wrappers, `的`/`若干` and the kind of document (`条例`, `实施办法`, `措施`),
///    compared by character-bigram Dice coefficient, at least `titleThreshold`
///    (`上海市优化营商环境条例` → `优化营商环境` = `优化营商环境条例`; `山东省消费者权益保护条例` →
///    `消费者权益保护` = `消费者权益保护法`);
/// 3. the national document its 第一条 cites (`根据《中华人民共和国X法》…，制定本条例`), else the one
///    its text cites most often;
/// 4. the national document whose whole text is most alike (TF-IDF cosine of character bigrams
///    with numbers masked, as the clause aligner compares measures): `textThreshold`, or
///    `textFloor` with a clear lead over the runner-up.
public struct CounterpartFinder: Sendable {
    /// A document and the national document it is compared with.
    public struct Pair: Sendable {
        public var document: String
        public var counterpart: String
        /// Why this counterpart: `cited in the title`, `subject 0.92`, `cited in the text`.
        public var reason: String
    }

    public struct Result: Sendable {
        public var matched: [Pair]
        /// Documents of the region with no national counterpart: id, title, and the nearest
        /// national document by text when there is one (`nearest`, a note for the analyst).
        public var unmatched: [(id: String, title: String, nearest: String?)]
    }

    /// The lowest subject similarity that makes a counterpart. On the 293 pairs of
    /// `corpora/laws-md/national_provincial_pairs.tsv` (see DEVELOPERS.md, "Diff threshold").
    public static let titleThreshold = 0.75
    /// Whole-text similarity that makes a counterpart when nothing else does; between `textFloor`
    /// and this, the best must beat the runner-up by `textMargin`. On `laws-md`, the 51 Shanghai
    /// regulations paired this way were checked by hand: at ≥ 0.2, 26 of 27 right; between 0.15
    /// and 0.2 the wrong ones all led their runner-up by less than 1.15×, the 4 with a lead of
    /// ≥ 1.2× are right. Shanxi's 2023 consumption measures score 0.19 against the national
    /// 提振消费专项行动方案 of the seeds and 0.18 against the runner-up: no counterpart (the national
    /// measures of 2023 they implement are not among the seeds), the nearest one named in the note.
    public static let textThreshold = 0.2
    public static let textFloor = 0.15
    public static let textMargin = 1.2
    /// Share of citing local documents above which a cited national document is a legal frame.
    public static let genericShare = 0.03

    struct Entry: Sendable {
        var id: String
        var title: String
        var level: DocumentLevel
        var regionName: String?
        var province: String?
    }

    let entries: [Entry]
    let references: CrossReferences
    let database: IndexDatabase

    public init(database: IndexDatabase) throws {
        self.database = database
        entries = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, title, level, region, province FROM documents ORDER BY pk").map {
                Entry(id: $0["id"], title: $0["title"], level: DocumentLevel(rawValue: $0["level"]) ?? .unknown,
                      regionName: $0["region"], province: $0["province"])
            }
        }
        references = try CrossReferences(database: database)
    }

    /// Counterparts of every document of `region` (a province includes its cities).
    public func counterparts(in region: Region) throws -> Result {
        let national = entries.filter { $0.level == .national }
        // Laws every local document cites (宪法, 行政处罚法, 行政复议法 …) are its legal frame, not
        // the document it implements: a national document cited by more than `genericShare` of the
        // local documents that cite anything is not taken as a counterpart by citation.
        let isLocal = Dictionary(entries.map { ($0.id, $0.level != .national) }, uniquingKeysWith: { a, _ in a })
        var citingLocals: [String: Set<String>] = [:]
        for citation in references.citations where isLocal[citation.record.docId] == true {
            if let target = citation.resolution?.target { citingLocals[target, default: []].insert(citation.record.docId) }
        }
        let citingAnything = Set(citingLocals.values.flatMap { $0 }).count
        let generic = Set(citingLocals.filter { Double($0.value.count) > Self.genericShare * Double(max(citingAnything, 20)) }.keys)
        let nationalIndex = NationalIndex(
            subjects: SubjectIndex(national.map { ($0.id, Self.subject(of: $0.title), Self.kind(of: $0.title)) }),
            titles: CitationResolver(documents: national.map { .init(id: $0.id, title: $0.title, docNumber: nil) }),
            ids: Set(national.map(\.id)).subtracting(generic))
        let local = entries.filter { entry in
            entry.level != .national
                && (entry.regionName == region.name || (region.level == .provincial && entry.province == region.name))
        }
        var result = Result(matched: [], unmatched: [])
        var unpaired: [Entry] = []
        for entry in local {
            if let pair = counterpart(of: entry, national: nationalIndex) {
                result.matched.append(pair)
            } else {
                unpaired.append(entry)
            }
        }
        guard !national.isEmpty else {
            result.unmatched = unpaired.map { ($0.id, $0.title, nil) }
            return result
        }
        // Last resort: the most alike whole text.
        let texts = try self.texts(of: unpaired.map(\.id) + national.map(\.id))
        let similarity = TextSimilarity(texts: unpaired.map { texts[$0.id] ?? $0.title } + national.map { texts[$0.id] ?? $0.title })
        for (i, entry) in unpaired.enumerated() {
            var best: (index: Int, score: Double)?
            var runnerUp = 0.0
            for j in national.indices {
                let score = TextSimilarity.cosine(similarity.vectors[i], similarity.vectors[unpaired.count + j])
                if score > (best?.score ?? 0) {
                    runnerUp = best?.score ?? 0
                    best = (j, score)
                } else if score > runnerUp {
                    runnerUp = score
                }
            }
            func percent(_ x: Double) -> String { JSONNumber.format((x * 100).rounded() / 100) }
            if let best, best.score >= Self.textThreshold
                || (best.score >= Self.textFloor && best.score >= Self.textMargin * runnerUp) {
                result.matched.append(Pair(document: entry.id, counterpart: national[best.index].id,
                                           reason: "text similarity \(percent(best.score)), next best \(percent(runnerUp))"))
            } else {
                let nearest = best.map {
                    "nearest by text: \(national[$0.index].id) \(percent($0.score)), next best \(percent(runnerUp))"
                }
                result.unmatched.append((entry.id, entry.title, nearest))
            }
        }
        return result
    }

    /// The clause texts of each document, joined.
    func texts(of ids: [String]) throws -> [String: String] {
        let wanted = Set(ids)
        return try database.read { db in
            var texts: [String: String] = [:]
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT \(StoredObjects.clauseColumns) FROM documents d JOIN clauses c ON c.document_pk = d.pk
                ORDER BY d.pk, c.position
                """)
            while let row = try cursor.next() {
                let id: String = row["doc_id"]
                guard wanted.contains(id) else { continue }
                texts[id, default: ""] += (row["text"] as String? ?? "") + "\n"
            }
            return texts
        }
    }

    struct NationalIndex: Sendable {
        var subjects: SubjectIndex
        var titles: CitationResolver
        var ids: Set<String>
    }

    func counterpart(of entry: Entry, national: NationalIndex) -> Pair? {
        for inner in Self.citedTitles(in: entry.title) {
            if let resolution = national.titles.resolve(title: inner, docNumber: nil) {
                return Pair(document: entry.id, counterpart: resolution.target, reason: "cited in the title")
            }
        }
        if let (id, score) = national.subjects.best(for: Self.subject(of: entry.title), kind: Self.kind(of: entry.title)),
           score >= Self.titleThreshold {
            return Pair(document: entry.id, counterpart: id, reason: "subject \(JSONNumber.format((score * 100).rounded() / 100))")
        }
        // The law article 1 names (`根据《X》…，制定本条例`), else the most cited national document.
        let cited = references.references(from: entry.id).filter { $0.resolution.map { national.ids.contains($0.target) } ?? false }
        if let basis = cited.first(where: { $0.record.clauseId?.hasSuffix("第一条") ?? false }) ?? Self.mostCited(cited),
           let target = basis.resolution?.target {
            return Pair(document: entry.id, counterpart: target, reason: "cited in the text")
        }
        return nil
    }

    /// The citation whose target is cited most often, the first among equals.
    static func mostCited(_ citations: [IndexedCitation]) -> IndexedCitation? {
        var counts: [String: Int] = [:]
        for citation in citations { counts[citation.resolution?.target ?? "", default: 0] += 1 }
        return citations.enumerated().max { a, b in
            (counts[a.element.resolution?.target ?? ""] ?? 0, -a.offset) < (counts[b.element.resolution?.target ?? ""] ?? 0, -b.offset)
        }?.element
    }

    // MARK: - Subjects

    /// `《X》` inside a title.
    public static func citedTitles(in title: String) -> [String] {
        var result: [String] = []
        var current: String.UnicodeScalarView?
        for c in ICU.nfkc(title).unicodeScalars {
            switch c {
            case "《", "〈", "«": current = String.UnicodeScalarView()
            case "》", "〉", "»":
                if let inner = current, !inner.isEmpty { result.append(String(inner)) }
                current = nil
            default: current?.append(c)
            }
        }
        return result
    }

    /// The subject of a title: the key `CitationResolver` compares, without the notice that
    /// issues it, the issuer before `关于`, leading region names, `的`/`若干`, and the kind of
    /// document at the end.
    public static func subject(of title: String) -> String { subjectAndKind(of: title).subject }

    /// The kind of document a title ends with (`条例`, `法`, `实施办法`), nil if none.
    public static func kind(of title: String) -> String? { subjectAndKind(of: title).kind }

    static func subjectAndKind(of title: String) -> (subject: String, kind: String?) {
        var key = CitationResolver.titleKey(title)
        if let issued = CitationResolver.issuedTitle(key) { key = issued }
        var scalars = Array(key.unicodeScalars)
        if let about = (0..<max(0, min(scalars.count, 24) - 1)).first(where: { scalars[$0] == "关" && scalars[$0 + 1] == "于" }) {
            scalars.removeSubrange(0..<(about + 2))
        }
        while let (_, length) = Gazetteer.shared.match(in: scalars[...], at: 0), length < scalars.count {
            scalars.removeFirst(length)
        }
        // `…措施的通知` → `…措施` → `…`; the kind is the last word of the title.
        var kind: String?
        stripping: while true {
            if scalars.last == "的" && scalars.count > 2 {
                scalars.removeLast()
                continue
            }
            for word in Self.kindWords where scalars.count > word.count + 1 && Array(scalars.suffix(word.count)) == word {
                scalars.removeLast(word.count)
                if kind == nil { kind = String(String.UnicodeScalarView(word)) }
                continue stripping
            }
            break
        }
        return (CitationResolver.looseKey(String(String.UnicodeScalarView(scalars))), kind)
    }

    /// Kinds of document a title ends with, longest first.
    static let kindWords: [[Unicode.Scalar]] = [
        "若干政策措施", "实施办法", "实施细则", "实施条例", "实施意见", "政策措施", "若干措施", "若干规定", "行动方案",
        "工作方案", "实施方案", "暂行办法", "暂行规定", "管理办法", "条例", "办法", "规定", "细则", "决定", "意见", "通知",
        "方案", "措施", "规划", "法",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
}

/// Subjects of the national documents by character bigram, for the closest-subject search.
struct SubjectIndex: Sendable {
    let ids: [String]
    let kinds: [String?]
    let bigrams: [Set<UInt64>]
    let postings: [UInt64: [Int32]]

    init(_ subjects: [(id: String, subject: String, kind: String?)]) {
        var postings: [UInt64: [Int32]] = [:]
        var bigrams: [Set<UInt64>] = []
        for (i, entry) in subjects.enumerated() {
            let set = Self.bigrams(entry.subject)
            for bigram in set { postings[bigram, default: []].append(Int32(i)) }
            bigrams.append(set)
        }
        ids = subjects.map(\.id)
        kinds = subjects.map(\.kind)
        self.bigrams = bigrams
        self.postings = postings
    }

    /// The document whose subject is closest (Dice coefficient); among equals the one of the same
    /// kind (`北京市中医药条例` → `中医药条例`, not `中医药法`), then the earlier one. A two-character
    /// subject (`信访`, `防汛`) must be equal.
    func best(for subject: String, kind: String?) -> (String, Double)? {
        let mine = Self.bigrams(subject)
        guard !mine.isEmpty else { return nil }
        var seen = Set<Int32>()
        var best: (index: Int, score: Double)?
        for bigram in mine {
            for index in postings[bigram] ?? [] where seen.insert(index).inserted {
                let theirs = bigrams[Int(index)]
                let score = 2 * Double(mine.intersection(theirs).count) / Double(mine.count + theirs.count)
                let better = best.map { best in
                    if score != best.score { return score > best.score }
                    let sameKind = kinds[Int(index)] == kind, bestSameKind = kinds[best.index] == kind
                    return sameKind != bestSameKind ? sameKind : Int(index) < best.index
                } ?? true
                if better {
                    best = (Int(index), score)
                }
            }
        }
        guard let best, mine.count > 1 || best.score == 1 else { return nil }
        return (ids[best.index], best.score)
    }

    static func bigrams(_ text: String) -> Set<UInt64> {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2 else { return [] }
        var result = Set<UInt64>()
        for i in 0..<(scalars.count - 1) {
            result.insert(UInt64(scalars[i].value) << 32 | UInt64(scalars[i + 1].value))
        }
        return result
    }
}
