import GRDB
import PolicyCore
import PolicyFormat
import PolicyStore

/// `policyq stats`: what the index holds, counted by level, region, type, year and record kind.
public struct IndexStatistics: Sendable {
    /// One count: `dimension` (`total`, `level`, `region`, `type`, `year`, `record_kind`),
    /// `value` within it, and how many documents (records, for `record_kind`).
    public struct Count: Sendable, Equatable {
        public var dimension: String
        public var value: String
        public var count: Int

        public var json: JSONValue {
            .object([("type", .string("count")), ("dimension", .string(dimension)), ("value", .string(value)),
                     ("count", .number(Double(count)))])
        }
    }

    public static let layout = ListingLayout(
        fields: ["dimension", "value", "count"],
        table: [.init("dimension", "dimension", maxWidth: 12), .init("value", "value", maxWidth: 40),
                .init("count", "count", maxWidth: 10, alignRight: true)])

    public let database: IndexDatabase

    public init(database: IndexDatabase) {
        self.database = database
    }

    /// Totals first, then each dimension, largest counts first (years newest first).
    public func counts() throws -> [Count] {
        try database.read { db in
            var counts: [Count] = []
            for table in ["files", "documents", "clauses", "records"] {
                let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
                counts.append(Count(dimension: "total", value: table, count: n))
            }
            let groups: [(String, String, String)] = [
                ("level", "SELECT level, count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1", ""),
                ("region", "SELECT region, count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1", "(none)"),
                ("type", "SELECT doc_type, count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1", ""),
                ("year", "SELECT year, count(*) FROM documents GROUP BY 1 ORDER BY 1 IS NULL, 1 DESC", "(no date)"),
                ("record_kind", "SELECT kind, count(*) FROM records GROUP BY 1 ORDER BY 2 DESC, 1", ""),
            ]
            for (dimension, sql, missing) in groups {
                for row in try Row.fetchAll(db, sql: sql) {
                    let value = row[0] as DatabaseValue
                    let text: String = value.isNull ? missing : (String.fromDatabaseValue(value)
                        ?? Int.fromDatabaseValue(value).map(String.init) ?? missing)
                    counts.append(Count(dimension: dimension, value: text, count: row[1]))
                }
            }
            return counts
        }
    }
}
