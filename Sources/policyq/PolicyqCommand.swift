import ArgumentParser
import PolicyCore

/// `policyq` — the command-line front end. Each subcommand parses its arguments, calls the
/// library and prints; all logic lives in the Policy* modules.
@main
struct PolicyqCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "policyq",
        abstract: "Read, index, search and compare Chinese government policy documents.",
        discussion: """
            Exit codes: 0 success, 1 no results (search) or differences (diff), 2 errors, 64 bad usage.
            Data contract (fields of documents, clauses, records): ../shared/spec/records.md.
            """,
        version: "policyq \(version)",
        subcommands: [ParseCommand.self, IngestCommand.self, SearchCommand.self, ShowCommand.self, ExportCommand.self,
                      StatsCommand.self, RefsCommand.self, CitedByCommand.self, DiffCommand.self]
    )
}
