/// The kinds of typed records policyq extracts.
public enum RecordKind: String, Sendable, CaseIterable, Codable {
    case amount, percent, quantity, time, agency, citation
}

/// How a stated number bounds the real value.
public enum Qualifier: String, Sendable, CaseIterable, Codable {
    /// the number itself
    case exact
    /// a cap: 最高, 不超过, 以下, 以内, 上限 (and strict 低于, 不足)
    case max
    /// a floor: 不低于, 以上, 至少 (and strict 超过, 逾)
    case min
    /// about: 约, 左右, 余, 多
    case approx
    /// from `min` to `max`: 1万元至5万元
    case range
}

/// Value, qualifier and bounds shared by amounts, percentages and quantities.
public struct Magnitude: Sendable, Hashable {
    /// The number (nil for a range, which has `min`/`max`).
    public var value: Double?
    public var qualifier: Qualifier
    /// Whether a bound is inclusive: true for 以上/以下/不超过/不低于, false for 超过/低于/不足/不到;
    /// nil for `exact` and `approx`.
    public var inclusive: Bool?
    public var min: Double?
    public var max: Double?

    public init(value: Double?, qualifier: Qualifier = .exact, inclusive: Bool? = nil, min: Double? = nil, max: Double? = nil) {
        self.value = value
        self.qualifier = qualifier
        self.inclusive = inclusive
        self.min = min
        self.max = max
    }

    var jsonFields: [(String, JSONValue)] {
        [("value", JSONValue(value)), ("qualifier", .string(qualifier.rawValue)), ("inclusive", JSONValue(inclusive)),
         ("min", JSONValue(min)), ("max", JSONValue(max))]
    }
}

/// `relation` of a time record.
public enum TimeRelation: String, Sendable, CaseIterable, Codable {
    /// a date
    case on
    /// a deadline: 底前, 前, 之前, 截至
    case by
    /// a start: 起, 自…起施行, 以来
    case from
    /// a period: 下半年, 2023年—2027年
    case during
    /// a goal year: 到2027年
    case target
    /// 有效期N年
    case validity
}

/// `role` of an agency record.
public enum AgencyRole: String, Sendable, CaseIterable, Codable {
    case responsible, lead, cooperating, issuer, mentioned
}

/// The kind-specific part of a record.
public enum RecordValue: Sendable, Hashable {
    /// Money: `value` in the currency's base unit, ISO `currency`, `per` unit if stated.
    case amount(Magnitude, currency: String, per: String?)
    /// Percent value (`50%` → 50); `points` for 个百分点.
    case percent(Magnitude, points: Bool)
    /// A counted thing: `新增公共充电桩3万台` → 30000 台.
    case quantity(Magnitude, unit: String, per: String?)
    /// Dates, deadlines and periods; `duration` (ISO 8601) for validity.
    case time(relation: TimeRelation, start: CivilDate?, end: CivilDate?, duration: String?)
    /// A responsible, lead, cooperating, issuing or mentioned body.
    case agency(name: String, normalized: String, role: AgencyRole)
    /// A cited document: 《title》 and/or 发文字号; `target` is the id of the cited document when known.
    case citation(title: String?, docNumber: String?, target: String?)

    public var kind: RecordKind {
        switch self {
        case .amount: return .amount
        case .percent: return .percent
        case .quantity: return .quantity
        case .time: return .time
        case .agency: return .agency
        case .citation: return .citation
        }
    }

    /// The contract's kind-specific fields, in contract order.
    public var jsonFields: [(String, JSONValue)] {
        switch self {
        case let .amount(m, currency, per):
            return m.jsonFields + [("currency", .string(currency)), ("per", JSONValue(per))]
        case let .percent(m, points):
            return m.jsonFields + [("points", .bool(points))]
        case let .quantity(m, unit, per):
            return m.jsonFields + [("unit", .string(unit)), ("per", JSONValue(per))]
        case let .time(relation, start, end, duration):
            return [("relation", .string(relation.rawValue)), ("date_start", JSONValue(start?.iso)),
                    ("date_end", JSONValue(end?.iso)), ("duration", JSONValue(duration))]
        case let .agency(name, normalized, role):
            return [("name", .string(name)), ("normalized", .string(normalized)), ("role", .string(role.rawValue))]
        case let .citation(title, docNumber, target):
            return [("title", JSONValue(title)), ("doc_number", JSONValue(docNumber)), ("target", JSONValue(target))]
        }
    }
}

/// A typed record extracted from a document. Field names follow the data contract.
public struct PolicyRecord: Sendable, Hashable {
    public var id: String
    public var docId: String
    /// The clause that contains the record, nil if outside any clause.
    public var clauseId: String?
    /// The source text of `span`.
    public var text: String
    public var span: Span
    public var value: RecordValue

    public var kind: RecordKind { value.kind }

    public init(id: String, docId: String, clauseId: String?, text: String, span: Span, value: RecordValue) {
        self.id = id
        self.docId = docId
        self.clauseId = clauseId
        self.text = text
        self.span = span
        self.value = value
    }
}

extension PolicyRecord: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("type", .string("record")),
            ("id", .string(id)),
            ("doc_id", .string(docId)),
            ("clause_id", JSONValue(clauseId)),
            ("kind", .string(kind.rawValue)),
            ("text", .string(text)),
            ("start", .number(Double(span.start))),
            ("end", .number(Double(span.end))),
        ] + value.jsonFields)
    }
}
