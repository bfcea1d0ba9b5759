import PolicyCore
@testable import PolicyExtract

/// Compact one-line renderings of extracted records, so that a table of cases reads like the
/// contract: `amount 2000 CNY max inclusive per=辆`, `time by ..2024-12-31`.
enum RecordRendering {
    static func render(_ value: RecordValue) -> String {
        switch value {
        case let .amount(m, currency, per):
            return "amount " + magnitude(m) + " " + currency + (per.map { " per=" + $0 } ?? "")
        case let .percent(m, points):
            return "percent " + magnitude(m) + (points ? " points" : "")
        case let .quantity(m, unit, per):
            return "quantity " + magnitude(m) + " " + unit + (per.map { " per=" + $0 } ?? "")
        case let .time(relation, start, end, duration):
            let bounds = relation == .on ? (start?.iso ?? "") : (start?.iso ?? "") + ".." + (end?.iso ?? "")
            return "time \(relation.rawValue) \(bounds)" + (duration.map { " " + $0 } ?? "")
        case let .agency(name, normalized, role):
            return "agency \(name) \(normalized) \(role.rawValue)"
        case let .citation(title, docNumber, _):
            return "citation \(title ?? "") \(docNumber ?? "")"
        }
    }

    static func magnitude(_ m: Magnitude) -> String {
        var out = m.qualifier == .range ? number(m.min) + ".." + number(m.max) : number(m.value)
        if m.qualifier != .exact { out += " " + m.qualifier.rawValue }
        if let inclusive = m.inclusive { out += inclusive ? " inclusive" : " strict" }
        return out
    }

    static func number(_ d: Double?) -> String { d.map { JSONNumber.format($0) } ?? "nil" }

    /// The numeric and time records of `text` (agencies and citations left out), rendered.
    static func records(_ text: String, date: String? = nil, withText: Bool = false) -> [String] {
        let view = NormalizedText(normalizing: text)
        let context = ExtractionContext(documentDate: date.flatMap { CivilDate(iso: $0) })
        return RecordExtractor().extract(view, range: 0..<view.count, context: context)
            .filter { [.amount, .percent, .quantity, .time].contains($0.value.kind) }
            .map { (withText ? "[" + view.string($0.range) + "] " : "") + render($0.value) }
    }
}
