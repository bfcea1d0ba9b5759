import Foundation
import GRDB
import PolicyCore

/// The filters `search` and `export` share: on documents (region, level, type, issuer, dates,
/// id) and on the records of the hit or row (record kinds present, a minimum amount, a
/// responsible agency).
public struct QueryFilters: Sendable, Equatable {
    /// A province matches its own documents and those of its cities; a city only its own.
    public var region: Region?
    /// Any of these levels.
    public var levels: [DocumentLevel] = []
    /// Any of these document types (意见, 通知 …).
    public var docTypes: [String] = []
    /// An issuer whose name contains this.
    public var issuer: String?
    /// A responsible, lead or cooperating agency (agency records) whose name contains this.
    public var agency: String?
    /// Documents dated on or after / on or before (documents without a date are left out).
    public var since: CivilDate?
    public var until: CivilDate?
    /// Records of each of these kinds must be present.
    public var has: [RecordKind] = []
    /// An amount record of at least this many yuan (its value, else its upper bound).
    public var minimumAmount: Double?
    /// Only this document (its id or its 文号).
    public var documentID: String?

    public init() {}

    /// The agency roles `--agency` looks at.
    public static let agencyRoles: [AgencyRole] = [.responsible, .lead, .cooperating]

    public var isEmpty: Bool { self == QueryFilters() }

    /// Resolves `--region`: a full name, short name (`山西`, `太原`) or abbreviation (`晋`).
    public static func region(named name: String) throws(FilterError) -> Region {
        guard let region = Gazetteer.shared.region(named: name.trimmingCharacters(in: .whitespaces)) else {
            throw .unknownRegion(name)
        }
        return region
    }

    // MARK: - SQL

    /// Conditions on the documents table under `alias`.
    func documentConditions(_ d: String) -> SQLConditions {
        var conditions = SQLConditions()
        if let region {
            if region.level == .provincial {
                conditions.add("(\(d).region = ? OR \(d).province = ?)", region.name, region.name)
            } else {
                conditions.add("\(d).region = ?", region.name)
            }
        }
        if !levels.isEmpty {
            conditions.add("\(d).level IN (\(SQLConditions.placeholders(levels.count)))", levels.map(\.rawValue))
        }
        if !docTypes.isEmpty {
            conditions.add("\(d).doc_type IN (\(SQLConditions.placeholders(docTypes.count)))", docTypes)
        }
        if let issuer { conditions.add("instr(\(d).issuers_text, ?) > 0", issuer) }
        if let since { conditions.add("\(d).date >= ?", since.iso) }
        if let until { conditions.add("\(d).date <= ?", until.iso) }
        if let documentID { conditions.add("(\(d).id = ? OR \(d).doc_number = ?)", documentID, documentID) }
        return conditions
    }

    /// The record conditions, each as the body of an `EXISTS (SELECT 1 FROM records r WHERE …)`
    /// that `scope` ties to the row (`r.clause_pk = c.pk`).
    func recordExistsConditions(scope: String) -> SQLConditions {
        var conditions = SQLConditions()
        for kind in has {
            conditions.add("EXISTS (SELECT 1 FROM records r WHERE \(scope) AND r.kind = ?)", kind.rawValue)
        }
        if let minimumAmount {
            conditions.add("""
                EXISTS (SELECT 1 FROM records r WHERE \(scope) AND r.kind = 'amount'
                        AND COALESCE(r.value, r.max, r.min) >= ?)
                """, minimumAmount)
        }
        if let agency {
            let roles = Self.agencyRoles.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            conditions.add("""
                EXISTS (SELECT 1 FROM records r WHERE \(scope) AND r.kind = 'agency' AND r.role IN (\(roles))
                        AND (instr(r.normalized, ?) > 0 OR instr(r.name, ?) > 0))
                """, agency, agency)
        }
        return conditions
    }

    /// Record conditions on the records table itself under `alias` (`export records`): kinds
    /// among `has`, amounts of at least `minimumAmount`, agencies named like `agency`.
    func recordRowConditions(_ r: String) -> SQLConditions {
        var conditions = SQLConditions()
        var kinds = has
        if minimumAmount != nil && !kinds.contains(.amount) { kinds.append(.amount) }
        if agency != nil && !kinds.contains(.agency) { kinds.append(.agency) }
        if !kinds.isEmpty {
            conditions.add("\(r).kind IN (\(SQLConditions.placeholders(kinds.count)))", kinds.map(\.rawValue))
        }
        if let minimumAmount {
            conditions.add("(\(r).kind <> 'amount' OR COALESCE(\(r).value, \(r).max, \(r).min) >= ?)", minimumAmount)
        }
        if let agency {
            let roles = Self.agencyRoles.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            conditions.add("""
                (\(r).kind <> 'agency' OR (\(r).role IN (\(roles))
                 AND (instr(\(r).normalized, ?) > 0 OR instr(\(r).name, ?) > 0)))
                """, agency, agency)
        }
        return conditions
    }
}

/// Why a filter value cannot be used.
public enum FilterError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownRegion(String)
    case badAmount(String)

    public var description: String {
        switch self {
        case .unknownRegion(let name):
            return "'\(name)' is not a province or prefecture-level city (try 山西, 山西省, 晋 or 太原)"
        case .badAmount(let text):
            return "'\(text)' is not an amount (try 100万, 100万元, 2亿 or 50000)"
        }
    }
}

/// A conjunction of SQL conditions with their arguments.
struct SQLConditions {
    var clauses: [String] = []
    var arguments: [(any DatabaseValueConvertible)?] = []

    mutating func add(_ sql: String, _ values: (any DatabaseValueConvertible)?...) {
        clauses.append(sql)
        arguments += values
    }

    mutating func add(_ sql: String, _ values: [String]) {
        clauses.append(sql)
        arguments += values.map { $0 }
    }

    mutating func append(_ other: SQLConditions) {
        clauses += other.clauses
        arguments += other.arguments
    }

    /// `AND`-joined, or `1` when there is nothing.
    var sql: String { clauses.isEmpty ? "1" : clauses.map { "(\($0))" }.joined(separator: " AND ") }

    static func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }
}

/// Reads `--min-amount` the way the extractor reads amounts: a numeral (Arabic, Chinese or mixed,
/// with 万/亿) and an optional 元 / 万元 / 亿元 unit, in yuan.
public enum AmountParser {
    public static func yuan(_ text: String) throws(FilterError) -> Double {
        var scalars = Array(ICU.nfkc(text).unicodeScalars.filter { !$0.isInlineSpace })
        for prefix in ["人民币", "¥", "￥"] {
            let p = Array(prefix.unicodeScalars)
            if scalars.starts(with: p) { scalars.removeFirst(p.count) }
        }
        if scalars.last == "元" { scalars.removeLast() }
        guard !scalars.isEmpty, let value = ChineseNumeral.value(of: scalars[...]) else { throw .badAmount(text) }
        return value.doubleValue
    }
}
