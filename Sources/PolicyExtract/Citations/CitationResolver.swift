import PolicyCore

/// Resolves citations to documents of a corpus: by 发文字号 first, else by title — exact after
/// normalization, then by close match of character bigrams, with the score kept.
///
/// Built once from the corpus's documents (id, title, doc number); `resolve` is then a few
/// dictionary lookups, and the close match reads only the documents that share a bigram with the
/// cited title.
///
/// **Exact title.** Both titles are NFKC-normalized and stripped of `《》`, whitespace and
/// punctuation; a leading `中华人民共和国` is dropped (`《中华人民共和国个人信息保护法》` =
/// `个人信息保护法`). A document titled `国务院关于印发X的通知` is also found by `X`: the notice and the
/// plan it issues are one document.
///
/// **Close match.** Dice coefficient of the character-bigram sets of *loose* keys: the exact key
/// without `的` and `若干`. A citation without an issuer (`关于…`) is compared with the titles
/// without theirs (`国务院关于…` → `关于…`); two different issuers never match. A candidate must also
/// name the same numbers (`2024`, `(三)`) and regions (`山东`, `青岛`) — else `青岛市物业管理条例`
/// would match `温州市物业管理条例` —, be the same kind of document (`…的请示` is not `…的批复`, a
/// `修正案` not the `规定` it amends), amend a document exactly when the citation does
/// (`关于修改〈X〉的决定` is not `X`), and beat the runner-up by `ambiguityMargin` (`…的解释(一)` vs
/// `…的解释(二)` when the citation gives no number). `(试行)` and `暂行` count: the final version of a
/// regulation is another document.
///
/// The threshold 0.85 was chosen on the 3,504 titles of `corpora/laws-md` (600 sampled): a title
/// missing from the corpus finds a *different* document at ≥ 0.85 in 1.8 % of cases (two of the
/// eleven are the same document written differently; 6.8 % at 0.80, 10.3 % at 0.75 —
/// `…危害药品安全…的解释` vs `…危害食品安全…的解释` score 0.94, so no threshold separates them all);
/// of the variants a citation really uses, 90 % with an inserted `的`, 91 % without the issuer,
/// 98 % without `若干` still resolve at 0.85, but only 47 % with a dropped character and 28 % with
/// a one-character typo (78 % / 60 % at 0.80). A wrong target hides a document that is missing
/// (`policyq refs --unresolved`), so precision wins.
public struct CitationResolver: Sendable {
    /// A document of the corpus as the resolver sees it.
    public struct Document: Sendable, Hashable {
        public var id: String
        public var title: String
        public var docNumber: String?

        public init(id: String, title: String, docNumber: String?) {
            self.id = id
            self.title = title
            self.docNumber = docNumber
        }
    }

    /// How a citation was resolved.
    public enum Method: String, Sendable, CaseIterable, Codable {
        /// Same 发文字号.
        case docNumber = "doc_number"
        /// Same title after normalization.
        case title
        /// Close match of the titles' character bigrams.
        case similarTitle = "similar_title"
    }

    public struct Resolution: Sendable, Hashable {
        /// Id of the cited document.
        public var target: String
        /// 1 for doc number and exact title; the Dice coefficient for a close match.
        public var score: Double
        public var method: Method

        public init(target: String, score: Double, method: Method) {
            self.target = target
            self.score = score
            self.method = method
        }
    }

    public static let defaultThreshold = 0.85
    public static let ambiguityMargin = 0.02

    public let threshold: Double

    private let byDocNumber: [String: String]
    private let byTitle: [String: String]
    private let candidates: [Candidate]
    /// Bigram → candidates whose loose key holds it.
    private let postings: [UInt64: [Int32]]

    private struct Candidate: Sendable {
        let id: String
        /// What a close match compares: the loose key, with and without the issuer.
        let title: LooseTitle
    }

    /// The parts of a title a close match compares.
    struct LooseTitle: Sendable {
        /// Text before `关于` (`国务院`), empty if none.
        let issuer: String
        /// Bigrams of the loose key with and without the issuer.
        let withIssuer: Set<UInt64>
        let withoutIssuer: Set<UInt64>
        let numbers: [String]
        let regions: Set<String>
        /// The kind of document the title ends with (`条例`, `请示`), nil if none.
        let kind: String?
        /// Amends, repeals or revises another document, or names one inside (`关于修改〈X〉的决定`).
        let amends: Bool

        init(_ title: String) {
            let key = CitationResolver.titleKey(title)
            let scalars = Array(key.unicodeScalars)
            let about = scalars.firstIndex(of: CitationResolver.about, before: min(scalars.count, 22)) ?? 0
            issuer = String(String.UnicodeScalarView(scalars[..<about]))
            let bare = String(String.UnicodeScalarView(scalars[about...]))
            withIssuer = CitationResolver.bigrams(CitationResolver.looseKey(key))
            withoutIssuer = CitationResolver.bigrams(CitationResolver.looseKey(bare))
            numbers = CitationResolver.numbers(title)
            regions = CitationResolver.regions(key)
            let normalized = ICU.nfkc(title)
            var end = Array(normalized.unicodeScalars)
            while end.last == ")", let open = end.lastIndex(of: "(") { end.removeSubrange(open...) }
            kind = CitedTitleRule.documentEndings.first { end.has($0, endingAt: end.count, floor: 0) }
                .map { String(String.UnicodeScalarView($0)) }
            amends = normalized.unicodeScalars.contains { $0 == "〈" || $0 == "《" }
                || CitationResolver.amendingWords.contains { end.firstIndex(of: $0, before: end.count) != nil }
        }

        /// Dice coefficient against a document's title, or nil if one of the guards fails.
        func similarity(to other: LooseTitle) -> Double? {
            guard numbers == other.numbers, regions == other.regions, amends == other.amends else { return nil }
            if let kind, let otherKind = other.kind, kind != otherKind { return nil }
            if !issuer.isEmpty && !other.issuer.isEmpty && issuer != other.issuer { return nil }
            let mine = issuer.isEmpty ? withoutIssuer : withIssuer
            let theirs = issuer.isEmpty ? other.withoutIssuer : other.withIssuer
            guard !mine.isEmpty, !theirs.isEmpty else { return nil }
            return 2 * Double(mine.intersection(theirs).count) / Double(mine.count + theirs.count)
        }
    }

    public init(documents: [Document], threshold: Double = CitationResolver.defaultThreshold) {
        self.threshold = threshold
        var byDocNumber: [String: String] = [:]
        var byTitle: [String: String] = [:]
        var candidates: [Candidate] = []
        var postings: [UInt64: [Int32]] = [:]
        for document in documents.sorted(by: { $0.id < $1.id }) {
            if let number = document.docNumber.map(Self.docNumberKey), !number.isEmpty, byDocNumber[number] == nil {
                byDocNumber[number] = document.id
            }
            let title = Self.titleKey(document.title)
            guard !title.isEmpty else { continue }
            for key in [title] + (Self.issuedTitle(title).map { [$0] } ?? []) where byTitle[key] == nil {
                byTitle[key] = document.id
            }
            let index = Int32(candidates.count)
            let candidate = Candidate(id: document.id, title: LooseTitle(document.title))
            for bigram in candidate.title.withIssuer.union(candidate.title.withoutIssuer) {
                postings[bigram, default: []].append(index)
            }
            candidates.append(candidate)
        }
        self.byDocNumber = byDocNumber
        self.byTitle = byTitle
        self.candidates = candidates
        self.postings = postings
    }

    /// The document a citation names, or nil.
    public func resolve(title: String?, docNumber: String?) -> Resolution? {
        if let docNumber, let id = byDocNumber[Self.docNumberKey(docNumber)] {
            return Resolution(target: id, score: 1, method: .docNumber)
        }
        guard let title else { return nil }
        let key = Self.titleKey(title)
        guard !key.isEmpty else { return nil }
        for exact in [key] + (Self.issuedTitle(key).map { [$0] } ?? []) {
            if let id = byTitle[exact] { return Resolution(target: id, score: 1, method: .title) }
        }
        return closestTitle(LooseTitle(title))
    }

    /// `resolve` for a citation record's value.
    public func resolve(_ value: RecordValue) -> Resolution? {
        guard case let .citation(title, docNumber, _) = value else { return nil }
        return resolve(title: title, docNumber: docNumber)
    }

    /// The value with `target` filled in when the citation resolves (other values unchanged).
    public func resolved(_ value: RecordValue) -> RecordValue {
        guard case let .citation(title, docNumber, _) = value else { return value }
        return .citation(title: title, docNumber: docNumber, target: resolve(value)?.target)
    }

    private func closestTitle(_ title: LooseTitle) -> Resolution? {
        let bigrams = title.issuer.isEmpty ? title.withoutIssuer : title.withIssuer
        var seen = Set<Int32>()
        var scored: [(score: Double, id: String)] = []
        for bigram in bigrams {
            for index in postings[bigram] ?? [] where seen.insert(index).inserted {
                let candidate = candidates[Int(index)]
                if let score = title.similarity(to: candidate.title) { scored.append((score, candidate.id)) }
            }
        }
        scored.sort { ($0.score, $1.id) > ($1.score, $0.id) }
        let runnerUp = scored.count > 1 ? scored[1].score : 0
        guard let best = scored.first, best.score >= threshold, best.score - runnerUp >= Self.ambiguityMargin else {
            return nil
        }
        return Resolution(target: best.id, score: best.score, method: .similarTitle)
    }

    // MARK: - Keys

    /// `国发〔2024〕7号`, `国发[2024]7号`, `国发（2024）7号` and `国发〔２０２４〕７号` are one key.
    public static func docNumberKey(_ number: String) -> String {
        var result = String.UnicodeScalarView()
        for c in ICU.nfkc(number).unicodeScalars where !c.isInlineSpace && !c.isLineTerminator {
            switch c {
            case "[", "(", "【", "〖", "﹝": result.append("〔")
            case "]", ")", "】", "〗", "﹞": result.append("〕")
            default: result.append(c)
            }
        }
        return String(result)
    }

    /// A title for exact comparison: NFKC, without `《》`, whitespace and punctuation, without a
    /// leading `中华人民共和国`.
    public static func titleKey(_ title: String) -> String {
        var result = String.UnicodeScalarView()
        for c in ICU.nfkc(title).unicodeScalars where c.isHan || c.isASCIIAlphanumeric || c.properties.isAlphabetic {
            result.append(c)
        }
        var key = String(result)
        if key.hasPrefix(prc) && key.count > prc.count { key.removeFirst(prc.count) }
        return key
    }

    /// `国务院关于印发X的通知` → `X`.
    public static func issuedTitle(_ key: String) -> String? {
        let scalars = Array(key.unicodeScalars)
        guard scalars.has(notice, endingAt: scalars.count, floor: 0) else { return nil }
        for verb in issuingVerbs {
            guard let start = scalars.firstIndex(of: verb, before: scalars.count - notice.count) else { continue }
            let inner = (start + verb.count)..<(scalars.count - notice.count)
            return inner.isEmpty ? nil : String(String.UnicodeScalarView(scalars[inner]))
        }
        return nil
    }

    /// The exact key without `的` and `若干`.
    public static func looseKey(_ key: String) -> String {
        let scalars = Array(key.unicodeScalars)
        var result = String.UnicodeScalarView()
        var i = 0
        scan: while i < scalars.count {
            for word in weakWords where scalars.has(word, at: i, limit: scalars.count) {
                i += word.count
                continue scan
            }
            result.append(scalars[i])
            i += 1
        }
        return String(result)
    }

    /// Digit runs and Chinese ordinals in parentheses (`(三)`) of a title.
    static func numbers(_ title: String) -> [String] {
        let scalars = Array(ICU.nfkc(title).unicodeScalars)
        var result: [String] = []
        var i = 0
        while i < scalars.count {
            if scalars[i].isASCIIDigit {
                var j = i
                while j < scalars.count && scalars[j].isASCIIDigit { j += 1 }
                result.append(String(String.UnicodeScalarView(scalars[i..<j])))
                i = j
            } else if scalars[i] == "(" {
                var j = i + 1
                while j < scalars.count && scalars[j].isChineseNumeral && !scalars[j].isASCIIDigit { j += 1 }
                if j > i + 1 && j < scalars.count && scalars[j] == ")" {
                    result.append(String(String.UnicodeScalarView(scalars[(i + 1)..<j])))
                }
                i = j
            } else {
                i += 1
            }
        }
        return result
    }

    /// Regions a title names (full or short names of provinces and cities).
    static func regions(_ key: String) -> Set<String> {
        let scalars = Array(key.unicodeScalars)[...]
        var result: Set<String> = []
        var i = 0
        while i < scalars.count {
            if let found = Gazetteer.shared.match(in: scalars, at: i) {
                result.insert(found.region.name)
                i += found.length
            } else {
                i += 1
            }
        }
        return result
    }

    static func bigrams(_ key: String) -> Set<UInt64> {
        let scalars = Array(key.unicodeScalars)
        if scalars.count == 1 { return [UInt64(scalars[0].value)] }
        var result = Set<UInt64>()
        for i in 0..<max(0, scalars.count - 1) {
            result.insert(UInt64(scalars[i].value) << 32 | UInt64(scalars[i + 1].value))
        }
        return result
    }

    private static let prc = "中华人民共和国"
    private static let notice = Array("的通知".unicodeScalars)
    fileprivate static let about = Array("关于".unicodeScalars)
    private static let issuingVerbs = AgencyVocabulary.scalarsList(["关于印发", "关于转发"])
    private static let weakWords = AgencyVocabulary.scalarsList(["若干", "的"])
    fileprivate static let amendingWords = AgencyVocabulary.scalarsList(["修改", "修正", "废止", "修订"])
}
