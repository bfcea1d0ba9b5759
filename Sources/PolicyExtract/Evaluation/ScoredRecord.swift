import Foundation
import PolicyCore

/// A record as the evaluation compares it: kind, span and the contract's fields. Both gold
/// annotations (read from JSON) and the extractor's output (from `RecordValue`) become one.
public struct ScoredRecord: Sendable {
    public var kind: RecordKind
    public var text: String
    /// Source scalar offsets; nil in a gold record that is placed by the occurrence of its text.
    public var start: Int?
    public var end: Int?
    /// Contract fields of the kind (`value`, `currency`, `relation`, `date_end` …).
    public var fields: [String: JSONValue]

    public init(kind: RecordKind, text: String, start: Int?, end: Int?, fields: [String: JSONValue]) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.fields = fields
    }

    /// A record the extractor produced.
    public init(value: RecordValue, text: String, span: Span) {
        self.init(kind: value.kind, text: text, start: span.start, end: span.end,
                  fields: Dictionary(value.jsonFields, uniquingKeysWith: { a, _ in a }))
    }

    /// A contract-shaped JSON object (`kind`, `text`, optional `start`, the kind's fields).
    /// Fields left out count as null.
    public init?(json: JSONValue) {
        guard case .object(let pairs) = json, case .string(let kindName)? = json["kind"],
              let kind = RecordKind(rawValue: kindName), case .string(let text)? = json["text"] else { return nil }
        var start: Int? = nil
        if case .number(let n)? = json["start"] { start = Int(exactly: n) }
        self.init(kind: kind, text: text, start: start, end: start.map { $0 + text.unicodeScalars.count },
                  fields: Dictionary(pairs, uniquingKeysWith: { a, _ in a }))
    }

    /// The fields that must agree for a prediction to count as correct.
    public static let keyFields: [RecordKind: [String]] = [
        .amount: ["value", "min", "max", "currency", "qualifier", "per"],
        .percent: ["value", "min", "max", "qualifier", "points"],
        .quantity: ["value", "min", "max", "unit", "qualifier"],
        .time: ["relation", "date_start", "date_end"],
        .agency: ["normalized", "role"],
        .citation: ["title", "doc_number"],
    ]

    /// Whether the key fields of the two records agree (numbers to a relative 1e-9).
    public func agrees(with other: ScoredRecord, fields names: [String]? = nil) -> Bool {
        guard kind == other.kind else { return false }
        for name in names ?? Self.keyFields[kind] ?? [] where !Self.same(fields[name], other.fields[name]) {
            return false
        }
        return true
    }

    static func same(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (a ?? .null, b ?? .null) {
        case (.null, .null): return true
        case let (.number(x), .number(y)): return x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y))
        case let (x, y): return x == y
        }
    }

    /// Whether the two spans overlap (a record without a span overlaps nothing).
    public func overlaps(_ other: ScoredRecord) -> Bool {
        guard let a = start, let b = end, let c = other.start, let d = other.end else { return false }
        return a < d && c < b
    }

    /// `amount 2000 CNY max per=辆`: the key fields, for reports.
    public var summary: String {
        let names = Self.keyFields[kind] ?? []
        let parts = names.compactMap { name -> String? in
            guard let v = fields[name], v != .null else { return nil }
            if case .string(let s) = v { return name == "qualifier" && s == "exact" ? nil : "\(name)=\(s)" }
            return "\(name)=\(v.compact)"
        }
        return kind.rawValue + " [" + text + "] " + parts.joined(separator: " ")
    }
}

extension JSONValue {
    /// Parses one JSON document (object keys sorted).
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(DecodedJSON.self, from: data).value
    }
}

/// Reads any JSON into a `JSONValue` (booleans stay booleans, which `JSONSerialization` on Linux
/// does not promise).
struct DecodedJSON: Decodable {
    var value: JSONValue

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            value = .object(try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                ($0.stringValue, try object.decode(DecodedJSON.self, forKey: $0).value)
            })
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(DecodedJSON.self).value) }
            value = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = .null
        } else if let b = try? single.decode(Bool.self) {
            value = .bool(b)
        } else if let n = try? single.decode(Double.self) {
            value = .number(n)
        } else {
            value = .string(try single.decode(String.self))
        }
    }
}
