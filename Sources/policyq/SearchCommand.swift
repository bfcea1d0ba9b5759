import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import PolicyFormat
import PolicyQuery

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search of the index: clauses and documents, best first.",
        discussion: """
            Query: words must all occur (汽车 补贴); OR between alternatives (汽车 OR 家电 — it binds
            tighter than the spaces between words); -word leaves out what contains it; "…" keeps a
            phrase with spaces together. Chinese is matched by character bigrams, so words of any
            length work (税, 财政, 以旧换新); letters and digits are matched as words, ignoring
            case and full/half width (ＧＤＰ = gdp). Text without letters, digits or Chinese (★)
            is matched by scanning the text, unranked.

            A hit is a clause (its heading and text) or a document (its title and the text outside
            its clauses); all words must occur in the same hit. Hits are ranked by BM25: a match
            in a title counts most, then a heading, then text. Narrow by document with the
            filters (--region 山西 rather than the word 山西).

            Exit code: 0 hits, 1 no hits, 2 error, 64 bad usage.

            Examples:
              policyq search 以旧换新
              policyq search 汽车 OR 家电 补贴 --region 山西 --has amount
              policyq search 补贴 --min-amount 1000元 --since 2023-01-01 --format jsonl
            """)

    @Argument(parsing: .allUnrecognized, help: "The query (several arguments are joined with spaces).")
    var words: [String] = []

    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "At most this many hits.")
    var limit = 20

    /// The query: the words joined; after a `--` everything is query text, even `--word`.
    var queryText: String {
        guard let end = words.firstIndex(of: "--") else { return words.joined(separator: " ") }
        return (words[..<end] + words[(end + 1)...]).joined(separator: " ")
    }

    func validate() throws {
        if let unknown = words.prefix(while: { $0 != "--" }).first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("unknown option '\(unknown)'")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        do {
            _ = try SearchQuery(parsing: queryText)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let query = try SearchQuery(parsing: queryText)
        let index = try database.openForReading()
        let request = SearchRequest(query: query, filters: try filterOptions.filters(), limit: limit)
        let result: SearchResult
        do {
            result = try Searcher(database: index).search(request)
        } catch {
            throw reportFailure(error)
        }
        for note in result.notes { Terminal.err("note: \(note)") }
        if result.hits.isEmpty {
            Terminal.err("no hits for \(query)")
            throw ExitCode(1)
        }
        var layout = SearchHit.layout
        if let columns = Terminal.columns, let snippet = layout.table.indices.last {
            // On a terminal the snippet takes the width the other columns leave.
            let others = layout.table.dropLast().reduce(0) { $0 + $1.column.maxWidth + 2 }
            layout.table[snippet].column.maxWidth = max(24, min(60, columns - others - 1))
        }
        let writer = output.writer(layout: layout, default: .table)
        writer.start()
        for hit in result.hits { writer.add(hit.json) }
        writer.finish()
        if result.truncated {
            Terminal.err("showing the first \(limit) hits; --limit N shows more")
        }
        Terminal.flush()
    }
}
