import PolicyCore

/// One typed value that differs between paired measures.
public struct ValueDifference: Sendable, Hashable {
    /// `amount`, `percent`, `quantity`, `time` or `agency`.
    public var field: String
    /// The value in A (nil: A states none), e.g. `≤2000元/辆`.
    public var valueA: String?
    public var valueB: String?

    public init(field: String, valueA: String?, valueB: String?) {
        self.field = field
        self.valueA = valueA
        self.valueB = valueB
    }
}

/// Compares the typed values of two paired measures, kind by kind: amounts with amounts (by currency
/// and per-unit), percentages, quantities (by unit), time (by relation), and the set of agencies.
public enum ValueComparison {
    /// Kinds whose differences make a pair `changed`. Agencies are listed but do not count:
    /// a provincial measure always names provincial bodies where the national one names ministries.
    public static let substantiveFields: Set<String> = ["amount", "percent", "quantity", "time"]

    public static func differences(_ a: [PolicyRecord], _ b: [PolicyRecord]) -> [ValueDifference] {
        var result: [ValueDifference] = []
        for kind in [RecordKind.amount, .percent, .quantity, .time] {
            let va = a.filter { $0.kind == kind }.map { Described($0.value) }
            let vb = b.filter { $0.kind == kind }.map { Described($0.value) }
            result += compare(va, vb, field: kind.rawValue)
        }
        let agenciesA = orderedUnique(a.compactMap(agencyName))
        let agenciesB = orderedUnique(b.compactMap(agencyName))
        if Set(agenciesA) != Set(agenciesB) {
            result.append(ValueDifference(field: "agency",
                                          valueA: agenciesA.isEmpty ? nil : agenciesA.joined(separator: "、"),
                                          valueB: agenciesB.isEmpty ? nil : agenciesB.joined(separator: "、")))
        }
        return result
    }

    /// A value with its display text and the key it is paired by (per-unit, unit, relation).
    struct Described: Hashable {
        var text: String
        var key: String
        init(_ value: RecordValue) {
            text = ValueFormatter.describe(value)
            switch value {
            case let .amount(_, currency, per): key = currency + "/" + (per ?? "")
            case let .percent(_, points): key = points ? "points" : "percent"
            case let .quantity(_, unit, per): key = unit + "/" + (per ?? "")
            case let .time(relation, _, _, _): key = relation.rawValue
            default: key = ""
            }
        }
    }

    /// Removes values both sides state, then pairs the rest by key in text order; what is left
    /// over is compared with nothing.
    static func compare(_ a: [Described], _ b: [Described], field: String) -> [ValueDifference] {
        var restA = a, restB = b
        for value in a {
            if let j = restB.firstIndex(of: value), let i = restA.firstIndex(of: value) {
                restA.remove(at: i)
                restB.remove(at: j)
            }
        }
        var result: [ValueDifference] = []
        for value in restA {
            if let j = restB.firstIndex(where: { $0.key == value.key }) {
                result.append(ValueDifference(field: field, valueA: value.text, valueB: restB[j].text))
                restB.remove(at: j)
            } else {
                result.append(ValueDifference(field: field, valueA: value.text, valueB: nil))
            }
        }
        result += restB.map { ValueDifference(field: field, valueA: nil, valueB: $0.text) }
        return result
    }

    static func agencyName(_ record: PolicyRecord) -> String? {
        if case let .agency(_, normalized, role) = record.value, role != .mentioned { return normalized }
        return nil
    }

    static func orderedUnique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}

/// Short readable forms of typed values: `≤2000元/辆`, `≥10%`, `0.5%`, `3万台`, `by 2024-12-31`.
public enum ValueFormatter {
    public static func describe(_ value: RecordValue) -> String {
        switch value {
        case let .amount(m, currency, per):
            let unit = currency == "CNY" ? "元" : " " + currency
            return bounded(m) { money($0, unit: unit) } + (per.map { "/" + $0 } ?? "")
        case let .percent(m, points):
            return bounded(m) { JSONNumber.format($0) + (points ? "个百分点" : "%") }
        case let .quantity(m, unit, per):
            return bounded(m) { count($0) + unit } + (per.map { "/" + $0 } ?? "")
        case let .time(relation, start, end, duration):
            switch relation {
            case .on: return start?.iso ?? end?.iso ?? "?"
            case .by: return "by " + (end?.iso ?? "?")
            case .from: return "from " + (start?.iso ?? "?")
            case .target: return "target " + (end?.iso ?? "?")
            case .during: return (start?.iso ?? "…") + ".." + (end?.iso ?? "…")
            case .validity: return "validity " + (duration ?? "?") + (end.map { " (to \($0.iso))" } ?? "")
            }
        case let .agency(_, normalized, role):
            return normalized + " (" + role.rawValue + ")"
        case let .citation(title, number, _):
            return [title.map { "《\($0)》" }, number].compactMap { $0 }.joined(separator: " ")
        }
    }

    static func bounded(_ m: Magnitude, _ show: (Double) -> String) -> String {
        switch m.qualifier {
        case .exact: return m.value.map(show) ?? "?"
        case .approx: return "≈" + (m.value.map(show) ?? "?")
        case .max: return (m.inclusive == false ? "<" : "≤") + (m.value.map(show) ?? "?")
        case .min: return (m.inclusive == false ? ">" : "≥") + (m.value.map(show) ?? "?")
        case .range: return (m.min.map(show) ?? "?") + "–" + (m.max.map(show) ?? "?")
        }
    }

    /// `2000元`, `100万元`, `1.2万亿元`.
    static func money(_ v: Double, unit: String) -> String {
        count(v) + unit
    }

    /// `3万`, `5000`, `1.2亿`: large round numbers the way Chinese documents write them.
    static func count(_ v: Double) -> String {
        if abs(v) >= 1e12, (v / 1e12 * 100).rounded() == v / 1e12 * 100 { return JSONNumber.format(v / 1e12) + "万亿" }
        if abs(v) >= 1e8, (v / 1e8 * 100).rounded() == v / 1e8 * 100 { return JSONNumber.format(v / 1e8) + "亿" }
        if abs(v) >= 1e4, (v / 1e4 * 100).rounded() == v / 1e4 * 100 { return JSONNumber.format(v / 1e4) + "万" }
        return JSONNumber.format(v)
    }
}
