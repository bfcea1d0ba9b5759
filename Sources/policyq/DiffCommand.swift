import ArgumentParser
import PolicyCore
import PolicyDiff
import PolicyFormat
import PolicyQuery
import PolicyStore

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two documents measure by measure (typically provincial A against national B).",
        discussion: """
            A and B are files (parsed on the spot) or documents of the index (id, 文号 or a unique
            part of the title). Measures are paired by content, not by number: character bigrams
            with numbers masked, plus shared typed values. Each pair is matched (with its score),
            changed (same measure, different amounts, percentages, quantities or deadlines),
            only_in_A (a provincial addition) or only_in_B (a national measure not taken up);
            the values that differ are listed under their pair.

            --region R --against national compares every document of region R (a province
            includes its cities) with the national document it implements: the one its title or
            text cites, else the one whose title is closest.

            Rows of json/jsonl/csv: `type` pair (status, a_clause, b_clause, score) or value
            (field, value_a, value_b), with a_doc and b_doc. Exit codes, as diff(1): 0 no
            differences, 1 differences, 2 error.

            Examples:
              policyq diff corpus/shanxi-restore-expand-consumption-measures-2023.txt \\
                           corpus/national-documents-2024-compilation.txt
              policyq diff 上海市优化营商环境条例 优化营商环境条例 --format markdown
              policyq diff --region 山西 --against national --format csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl, csv, markdown
    }

    enum Against: String, ExpressibleByArgument, CaseIterable {
        case national
    }

    @Argument(help: "Document A (provincial) and B (national): files, ids, 文号 or title parts.")
    var documents: [String] = []

    @Option(name: .long, help: ArgumentHelp("Compare every document of this region (with --against).", valueName: "name"))
    var region: String?

    @Option(name: .long, help: "What --region documents are compared with: national.")
    var against: Against?

    @Option(name: .long, help: "Output format: text, json, jsonl, csv or markdown.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Lowest similarity at which two measures pair up (0–1).", valueName: "score"))
    var threshold: Double = ClauseAligner.defaultThreshold

    @Flag(name: .long, help: "Text report: only pairs that differ.")
    var changesOnly = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if region != nil || against != nil {
            guard region != nil, against != nil else { throw ValidationError("--region and --against go together") }
            guard documents.isEmpty else { throw ValidationError("give either two documents or --region/--against") }
        } else if documents.count != 2 {
            throw ValidationError("give two documents, A and B (or --region R --against national)")
        }
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
    }

    func run() throws {
        let aligner = ClauseAligner(threshold: threshold)
        let diffs: [(DocumentDiff, String?)]
        do {
            if let region {
                diffs = try regionalDiffs(region, aligner: aligner)
            } else {
                let a = try DiffInput.load(documents[0], database: database.openForReading)
                let b = try DiffInput.load(documents[1], database: database.openForReading)
                for note in [a.note, b.note].compactMap({ $0 }) { Terminal.err(note) }
                diffs = [(DocumentDiff(a.side, b.side, aligner: aligner), nil)]
            }
        } catch let error as ExitCode {
            throw error
        } catch let error as LookupError {
            Terminal.err(error.description)
            throw ExitCode(2)
        } catch {
            throw reportFailure(error)
        }
        write(diffs)
        Terminal.flush()
        if diffs.contains(where: { $0.0.hasDifferences }) { throw ExitCode(1) }
    }

    func regionalDiffs(_ name: String, aligner: ClauseAligner) throws -> [(DocumentDiff, String?)] {
        let regionValue: Region
        do {
            regionValue = try QueryFilters.region(named: name)
        } catch {
            throw ValidationError(error.description)
        }
        let index = try database.openForReading()
        let pairs = try CounterpartFinder(database: index).counterparts(in: regionValue)
        for missing in pairs.unmatched {
            Terminal.err("\(missing.id): no national counterpart found (\(missing.title))" + (missing.nearest.map { "; \($0)" } ?? ""))
        }
        let lookup = DocumentLookup(database: index, resolvesCitations: false)
        return try pairs.matched.map { pair in
            let a = try DiffInput.load(pair.document, lookup: lookup)
            let b = try DiffInput.load(pair.counterpart, lookup: lookup)
            return (DocumentDiff(a, b, aligner: aligner), pair.reason)
        }
    }

    func write(_ diffs: [(DocumentDiff, String?)]) {
        switch format {
        case .text:
            let width = max(30, ((Terminal.columns ?? 110) - 10) / 2)
            for (i, (diff, reason)) in diffs.enumerated() {
                if i > 0 { Terminal.out("\n") }
                if let reason { Terminal.out("(\(reason))\n") }
                var report = DiffReport(diff, color: Terminal.useColor, columnWidth: width)
                report.changesOnly = changesOnly
                Terminal.out(report.text)
            }
        case .markdown:
            for (diff, reason) in diffs {
                if let reason { Terminal.out("_\(reason)_\n\n") }
                Terminal.out(DiffReport(diff).markdown + "\n")
            }
        case .json:
            Terminal.out(JSONValue.array(diffs.flatMap(\.0.rows)).pretty + "\n")
        case .jsonl:
            for row in diffs.flatMap(\.0.rows) { Terminal.out(row.compact + "\n") }
        case .csv:
            let csv = CSVWriter(dialect: .csv)
            Terminal.out(csv.row(DocumentDiff.csvColumns))
            for row in diffs.flatMap(\.0.csvRows) { Terminal.out(csv.row(row)) }
        }
    }
}
