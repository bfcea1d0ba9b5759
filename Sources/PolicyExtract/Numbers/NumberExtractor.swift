import PolicyCore

/// Amounts of money, percentages and quantities of counted things in one paragraph.
///
/// Works in four steps: read every number with its unit (`NumberItemReader`); join ranges
/// (`1万元至5万元`, `1-2家`, `5-20%`) and lend a unit to bare numbers before it (`5亿和7.5亿元`);
/// join `A以上B以下` into a range; then look in front of each number for its qualifier
/// (`最高`, `不超过…的`) and per-unit (`每辆`, `单个企业`), and emit the records.
struct NumberExtractor: Sendable {
    /// How far back (in scalars) a qualifier or per-unit is looked for.
    static let lookBehind = 24

    func extract(_ s: [Unicode.Scalar], paragraph: Range<Int>, protected: ProtectedSpans,
                 taken: [Range<Int>]) -> [Extraction] {
        var items = readItems(s, paragraph: paragraph, protected: protected, taken: taken)
        guard !items.isEmpty else { return [] }
        markOrdinals(s, &items)
        joinRanges(s, paragraph: paragraph, &items)
        lendUnits(s, &items)
        joinBounds(s, &items)
        var result: [Extraction] = []
        var previousEnd = paragraph.lowerBound
        for item in items {
            if let extraction = record(item, s, paragraph: paragraph, protected: protected, previousEnd: previousEnd) {
                result.append(extraction)
            }
            if item.unit.isRecord || item.numeral.isArabic { previousEnd = item.range.upperBound }
        }
        return result
    }

    // MARK: - Reading

    func readItems(_ s: [Unicode.Scalar], paragraph: Range<Int>, protected: ProtectedSpans,
                   taken: [Range<Int>]) -> [NumberItem] {
        let reader = NumberItemReader(s: s, paragraph: paragraph)
        let numerals = NumeralScanner.chineseNumeralCharacters
        var sealed = RangeCursor(protected.sealedRanges)
        var times = RangeCursor(taken)
        var items: [NumberItem] = []
        var i = paragraph.lowerBound
        let end = paragraph.upperBound
        while i < end {
            if let next = sealed.skip(at: i) ?? times.skip(at: i) {
                i = next
                continue
            }
            let c = s[i]
            if mayStart(s, at: i, paragraph: paragraph, numerals: numerals), let item = reader.item(at: i) {
                // A number may not run into a time record (`3月` is taken, `3` is not a count).
                if times.overlapsCurrent(item.range) {
                    i = item.numeral.range.upperBound
                    continue
                }
                // A bare number matters only if a neighbour may lend it a unit (统一, 一是 do not).
                let joinsPrevious = items.last.map {
                    isWord(s, from: $0.range.upperBound, to: item.range.lowerBound, in: Self.rangeSeparators)
                        || isWord(s, from: $0.range.upperBound, to: item.range.lowerBound, in: Self.coordinators)
                } ?? false
                if item.unit.isRecord || item.ordinal || joinsPrevious || mayJoin(s, after: item.range.upperBound, end: end) {
                    items.append(item)
                }
                i = item.range.upperBound
                continue
            }
            if c.isASCIIAlphanumeric {
                while i < end && s[i].isASCIIAlphanumeric { i += 1 }
                continue
            }
            i += 1
        }
        return items
    }

    /// Whether a number item may start at `i`: a numeral at the start of its run, a sign, or a
    /// currency sign or word.
    @inline(__always)
    func mayStart(_ s: [Unicode.Scalar], at i: Int, paragraph: Range<Int>, numerals: ScalarSet) -> Bool {
        let c = s[i]
        let previous: Unicode.Scalar = i > paragraph.lowerBound ? s[i - 1] : " "
        if c.isASCIIDigit {
            if previous.isASCIIAlphanumeric { return false }
            if (previous == "." || previous == ",") && i >= paragraph.lowerBound + 2 && s[i - 2].isASCIIDigit { return false }
            return true
        }
        if numerals.contains(c) { return !numerals.contains(previous) }
        switch c {
        case "负", "人", "港", "新", "台", "澳", "美", "¥", "￥", "$", "€", "£", "R", "H", "U":
            return true
        case "-":
            return i + 1 < paragraph.upperBound && s[i + 1].isASCIIDigit && !previous.isASCIIAlphanumeric
        default:
            return false
        }
    }

    /// Whether what follows a bare number may join it to another one: a range dash or word,
    /// a coordinator, `(含)`.
    func mayJoin(_ s: [Unicode.Scalar], after i: Int, end: Int) -> Bool {
        var j = i
        while j < end && s[j] == " " { j += 1 }
        guard j < end else { return false }
        return Self.rangeSeparators.matches(s, at: j, limit: end) || Self.coordinators.matches(s, at: j, limit: end) || s[j] == "("
    }

    // MARK: - Joining numbers

    /// Whether exactly one word of `words` stands between `a` and `b` (spaces aside).
    func isWord(_ s: [Unicode.Scalar], from a: Int, to b: Int, in words: WordTrie<Bool>) -> Bool {
        var i = a
        while i < b && s[i] == " " { i += 1 }
        guard let (length, _) = words.longestMatch(in: s, at: i, limit: b) else { return false }
        var j = i + length
        while j < b && s[j] == " " { j += 1 }
        return j == b
    }

    static let rangeSeparators = WordTrie(words: ["至", "到", "-", "—", "——", "~", "〜", "～", "--", "起至", "至到", "到至"])
    static let coordinators = WordTrie(words: ["、", "和", "与", "及", "或", "或者", "以及"])

    /// `第1、2、3项`, `第十二条至十五条`: numbers joined to an ordinal are ordinals.
    func markOrdinals(_ s: [Unicode.Scalar], _ items: inout [NumberItem]) {
        for k in 1..<items.count where items[k - 1].ordinal && !items[k].ordinal {
            let (a, b) = (items[k - 1].range.upperBound, items[k].range.lowerBound)
            if isWord(s, from: a, to: b, in: Self.coordinators) || isWord(s, from: a, to: b, in: Self.rangeSeparators) {
                items[k].ordinal = true
            }
        }
    }

    /// `1万元至5万元`, `1万-5万元`, `1-2家`, `5%-20%`, `5-20%`, `百分之三十到四十一`, `从8500到3万港元`.
    func joinRanges(_ s: [Unicode.Scalar], paragraph: Range<Int>, _ items: inout [NumberItem]) {
        var k = 0
        while k + 1 < items.count {
            if let joined = range(of: items[k], items[k + 1], s, paragraph: paragraph) {
                items[k] = joined
                items.remove(at: k + 1)
            }
            k += 1
        }
    }

    func range(of a: NumberItem, _ b0: NumberItem, _ s: [Unicode.Scalar], paragraph: Range<Int>) -> NumberItem? {
        guard !a.ordinal, !b0.ordinal, !a.isRange, !b0.isRange, a.suffix == nil,
              a.unit != .fraction, b0.unit != .fraction else { return nil }
        var b = b0
        var g = a.range.upperBound
        if let (length, _) = Qualifiers.inclusionMark(s, at: g, end: paragraph.upperBound) { g += length }
        if let sign = b.signStart, s[sign] == "-", isWord(s, from: g, to: sign + 1, in: Self.rangeSeparators) {
            // `5%-20%`, `1万元--5万元`: the dash was read as a sign.
            b.signStart = nil
            b.value = b.value?.negated
        } else {
            guard b.signStart == nil, isWord(s, from: g, to: b.range.lowerBound, in: Self.rangeSeparators) else { return nil }
        }
        var low = a
        switch (a.unit, b.unit) {
        case (.none, let unit) where unit.isRecord:
            low.unit = unit
            if !b.percentWord, !a.numeral.hasMagnitude, let lent = lend(a, to: b) { low.value = lent }
        case (let unit, .none) where unit.isRecord && a.percentWord:
            b.unit = unit
        case let (x, y) where x == y && x.isRecord:
            break
        default:
            return nil
        }
        guard let minimum = low.value, let maximum = b.value, minimum.doubleValue < maximum.doubleValue else { return nil }
        var joined = b
        joined.range = a.range.lowerBound..<b.range.upperBound
        if a.range.lowerBound > paragraph.lowerBound && s[a.range.lowerBound - 1] == "从" {
            joined.range = (a.range.lowerBound - 1)..<b.range.upperBound
        }
        joined.numberStart = a.numberStart
        joined.numeral = a.numeral
        joined.value = nil
        joined.min = minimum
        joined.max = maximum
        joined.isRange = true
        joined.approximate = false
        joined.per = b.per ?? a.per
        return joined
    }

    /// The first bound of a range takes the magnitude of the second: `2——3万` → 20000,
    /// `十八至三十万` → 180000, `一千到两千万` → 10000000, but `从8500到3万` stays 8500.
    func lend(_ a: NumberItem, to b: NumberItem) -> DecimalNumber? {
        guard let av = a.value, let bv = b.value else { return nil }
        for power in b.numeral.lendablePowers.reversed() {
            let candidate = av.scaled(byPowerOfTen: power)
            if candidate.doubleValue <= bv.doubleValue { return candidate }
        }
        return nil
    }

    /// `5亿和7.5亿元人民币`, `30万和45万元`, `10、20、30万元`: a bare number joined to a number with
    /// a unit takes that unit (and its magnitude, if it has none).
    func lendUnits(_ s: [Unicode.Scalar], _ items: inout [NumberItem]) {
        guard items.count > 1 else { return }
        // The magnitude handed on along the chain (`10、20、30万元`: 万 reaches 10 through 20).
        var carried: Int? = nil
        for k in stride(from: items.count - 2, through: 0, by: -1) {
            let b = items[k + 1]
            guard items[k].unit == .none, b.unit.isRecord, !b.isRange, !items[k].ordinal, items[k].suffix == nil,
                  isWord(s, from: items[k].range.upperBound, to: b.range.lowerBound, in: Self.coordinators),
                  var value = items[k].value else {
                carried = nil
                continue
            }
            let power = b.numeral.hasMagnitude ? b.numeral.lendablePowers.first : carried
            if !items[k].numeral.hasMagnitude, let power {
                value = value.scaled(byPowerOfTen: power)
                carried = power
            } else {
                carried = nil
            }
            items[k].unit = b.unit
            items[k].value = value
        }
    }

    /// `五千元以上五万元以下`: a floor and a cap of the same unit, side by side, are one range.
    func joinBounds(_ s: [Unicode.Scalar], _ items: inout [NumberItem]) {
        var k = 0
        while k + 1 < items.count {
            let a = items[k], b = items[k + 1]
            if a.unit.isRecord, a.unit == b.unit, !a.isRange, !b.isRange, a.suffix?.qualifier == .min,
               b.suffix?.qualifier == .max, a.range.upperBound == b.range.lowerBound,
               let low = a.value, let high = b.value, low.doubleValue < high.doubleValue {
                var joined = b
                joined.range = a.range.lowerBound..<b.range.upperBound
                joined.numberStart = a.numberStart
                joined.value = nil
                joined.min = low
                joined.max = high
                joined.isRange = true
                joined.suffix = QualifierWord(qualifier: .range, inclusive: a.suffix?.inclusive == true && b.suffix?.inclusive == true)
                items[k] = joined
                items.remove(at: k + 1)
            }
            k += 1
        }
    }

    // MARK: - Records

    /// Characters a qualifier or per-unit in front of a number does not reach across.
    static let phraseStops: ScalarSet = [",", ";", "。", ":", "!", "?", "(", ")", "、", "“", "”", "《", "》", "\n"]

    func record(_ item: NumberItem, _ s: [Unicode.Scalar], paragraph: Range<Int>, protected: ProtectedSpans,
                previousEnd: Int) -> Extraction? {
        guard item.unit.isRecord, !item.ordinal else { return nil }
        // 收入/医疗收入×100%: a formula's factor, not a share.
        if case .percent = item.unit, item.range.lowerBound > paragraph.lowerBound,
           s[item.range.lowerBound - 1] == "×" || s[item.range.lowerBound - 1] == "*" {
            return nil
        }
        var magnitude = Magnitude(value: item.value?.doubleValue)
        var start = item.range.lowerBound
        let windowStart = max(previousEnd, paragraph.lowerBound, start - Self.lookBehind)
        let prefix = prefixQualifier(s, before: start, windowStart: windowStart)
        if item.isRange {
            magnitude = Magnitude(value: nil, qualifier: .range, inclusive: item.suffix?.qualifier == .range ? item.suffix?.inclusive : nil,
                                  min: item.min?.doubleValue, max: item.max?.doubleValue)
        } else {
            guard item.value != nil else { return nil }
            if item.approximate { magnitude.qualifier = .approx }
            let bound = [item.suffix, prefix?.word].compactMap { $0 }.first { $0.qualifier == .min || $0.qualifier == .max }
            if let bound {
                magnitude.qualifier = bound.qualifier
                magnitude.inclusive = bound.inclusive
            } else if item.suffix?.qualifier == .approx || prefix?.word.qualifier == .approx {
                magnitude.qualifier = .approx
            }
        }
        if let prefix, prefix.adjacent { start = prefix.start }
        var per = item.per
        if per == nil, let (perStart, perEnd, unit) = perPhrase(s, before: item.range.lowerBound, windowStart: windowStart) {
            per = unit
            if perEnd == start || s[perEnd..<start].allSatisfy({ Qualifiers.fillers.contains($0) }) { start = perStart }
        }
        let range = start..<item.range.upperBound
        switch item.unit {
        case .currency(let code):
            return Extraction(value: .amount(magnitude, currency: code, per: per), range: range)
        case .percent(let points):
            return Extraction(value: .percent(magnitude, points: points), range: range)
        case .measure(let unit):
            if protected.blocksQuantity(item.numberStart) { return nil }
            // 一个平台, 一次立减: 一 is an article here, unless a bound or a per-unit is put on it
            // (至少一个, 每个省培育一家); and 最多跑一次 is a slogan, while 至少举行一次 is a rule.
            if item.numeral.isLoneOne && !item.isRange {
                let bounded = magnitude.qualifier == .min || (magnitude.qualifier == .max && unit != "次")
                if !bounded && per == nil { return nil }
            }
            return Extraction(value: .quantity(magnitude, unit: unit, per: per), range: range)
        case .none, .fraction:
            return nil
        }
    }

    /// The nearest qualifier word in front of a number: its position, the word, and whether only
    /// filler words stand between it and the number.
    func prefixQualifier(_ s: [Unicode.Scalar], before k: Int,
                         windowStart: Int) -> (start: Int, word: QualifierWord, adjacent: Bool)? {
        var j = k
        while j > windowStart {
            if Self.phraseStops.contains(s[j - 1]) { return nil }
            if let (length, found) = Qualifiers.prefixes.longestMatch(in: s, endingAt: j, lowerLimit: windowStart) {
                if let word = found {
                    let adjacent = s[j..<k].allSatisfy { Qualifiers.fillers.contains($0) }
                    let isName = length == 2 && s[j - 2] == "最"
                        && Qualifiers.notBoundAfter.matches(s, at: j, limit: min(s.count, j + 4))
                    if !isName && (adjacent || word.reachesFar) { return (j - length, word, adjacent) }
                }
                j -= length
                continue
            }
            j -= 1
        }
        return nil
    }

    /// The nearest per-phrase (`每辆`, `单个企业`) in front of a number; a parenthesis is passed
    /// over (`每个省（自治区、直辖市）培育一家`).
    func perPhrase(_ s: [Unicode.Scalar], before k: Int, windowStart: Int) -> (Int, Int, String)? {
        var j = k - 1
        while j >= windowStart {
            if s[j] == ")", let open = s[windowStart..<j].lastIndex(of: "(") {
                j = open - 1
                continue
            }
            if Self.phraseStops.contains(s[j]) { return nil }
            if s[j] == "每" || s[j] == "单", let (close, unit) = PerUnit.phrase(s, at: j, end: k), close <= k {
                return (j, close, unit)
            }
            j -= 1
        }
        return nil
    }
}
