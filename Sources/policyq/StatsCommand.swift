import ArgumentParser
import PolicyQuery

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count what the index holds: totals, documents by level, region, type and year, records by kind.",
        discussion: """
            One row per count: dimension (total, level, region, type, year, record_kind), value,
            count — documents for the document dimensions, records for record_kind.
            """)

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let index = try database.openForReading()
        let counts: [IndexStatistics.Count]
        do {
            counts = try IndexStatistics(database: index).counts()
        } catch {
            throw reportFailure(error)
        }
        let writer = output.writer(layout: IndexStatistics.layout, default: .table)
        writer.start()
        for count in counts { writer.add(count.json) }
        writer.finish()
        Terminal.flush()
    }
}
