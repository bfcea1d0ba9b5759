import ArgumentParser
import PolicyCore
import PolicyFormat
import PolicyQuery
import PolicyStore

/// `--db`: which index file (shared by every command that uses the index).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index file (default: $POLICYQ_DB, else ./policyq.db).",
                                            valueName: "path"))
    var db: String?

    var path: String { db ?? IndexDatabase.defaultPath() }

    /// Opens the index read-only; an unusable index is reported (`path: reason`) with exit 2.
    func openForReading() throws -> IndexDatabase {
        do {
            return try IndexDatabase.openForReading(path: path)
        } catch {
            throw reportFailure(error)
        }
    }
}

/// Prints an error the way policyq reports errors (`path: reason` on stderr) and gives exit 2.
func reportFailure(_ error: any Error) -> ExitCode {
    Terminal.err(String(describing: error))
    return ExitCode(2)
}

/// The formats of listing commands.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, tsv, json, jsonl

    var output: OutputFormat {
        switch self {
        case .table: return .table
        case .csv: return .csv
        case .tsv: return .tsv
        case .json: return .json
        case .jsonl: return .jsonl
        }
    }
}

/// `--format` and `--excel`: the same on every listing command.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, csv, tsv, json or jsonl.")
    var format: ListingFormat?

    @Flag(name: .long, help: "CSV/TSV for Excel: a UTF-8 byte-order mark, cells starting with = + - @ guarded by '.")
    var excel = false

    /// A listing writer on standard output; tables are coloured on a terminal unless NO_COLOR.
    func writer(layout: ListingLayout, default defaultFormat: ListingFormat) -> ListingWriter {
        let writer = ListingWriter(format: (format ?? defaultFormat).output, layout: layout, excel: excel,
                                   write: Terminal.out)
        writer.tableHighlight = Terminal.useColor ? .ansi : .brackets
        return writer
    }
}

/// The filters of `search` and `export`.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Province or city: 山西, 山西省, 晋, 太原 (a province includes its cities).",
                                            valueName: "name"))
    var region: String?

    @Option(name: .long, help: ArgumentHelp("national, provincial, municipal, county or unknown (repeatable).",
                                            valueName: "level"))
    var level: [DocumentLevel] = []

    @Option(name: .customLong("type"), help: ArgumentHelp("Document type: 意见, 通知, 方案, 措施 … (repeatable).",
                                                          valueName: "type"))
    var docType: [String] = []

    @Option(name: .long, help: ArgumentHelp("An issuing body whose name contains this.", valueName: "name"))
    var issuer: String?

    @Option(name: .long, help: ArgumentHelp("A responsible, lead or cooperating agency whose name contains this (商务厅).",
                                            valueName: "name"))
    var agency: String?

    @Option(name: .long, help: ArgumentHelp("Documents dated on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Documents dated on or before this day.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Records of this kind present: amount, percent, quantity, time, agency, citation (repeatable).",
                                            valueName: "kind"))
    var has: [RecordKind] = []

    @Option(name: .long, help: ArgumentHelp("An amount of at least this much: 100万, 100万元, 2亿, 50000.",
                                            valueName: "amount"))
    var minAmount: String?

    @Option(name: .customLong("doc"), help: ArgumentHelp("Only this document (id or 文号).", valueName: "id"))
    var documentID: String?

    func validate() throws {
        _ = try filters()
    }

    /// The filters, or a usage error (exit 64) naming the bad value.
    func filters() throws -> QueryFilters {
        var filters = QueryFilters()
        do {
            filters.region = try region.map(QueryFilters.region(named:))
            filters.minimumAmount = try minAmount.map(AmountParser.yuan)
        } catch {
            throw ValidationError(error.description)
        }
        func date(_ text: String?, _ option: String) throws -> CivilDate? {
            guard let text else { return nil }
            guard let date = CivilDate(iso: text) else {
                throw ValidationError("--\(option) must be a date like 2024-06-01, not '\(text)'")
            }
            return date
        }
        filters.since = try date(since, "since")
        filters.until = try date(until, "until")
        filters.levels = level
        filters.docTypes = docType
        filters.issuer = issuer
        filters.agency = agency
        filters.has = has
        filters.documentID = documentID
        return filters
    }
}

extension DocumentLevel: ExpressibleByArgument {}
extension RecordKind: ExpressibleByArgument {}
