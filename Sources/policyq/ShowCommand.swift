import ArgumentParser
import PolicyCore
import PolicyFormat
import PolicyQuery

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a document (metadata and clause tree) or a clause (text, records, citations).",
        discussion: """
            ID is a document id, its 文号, or a part of an id or title that only one document has;
            ID#path is one clause of it (晋政办发〔2023〕65号#二/(一)). Search hits and exports give
            both. Exit code 1 when nothing matches, with the candidates when several do.

            Examples:
              policyq show 晋政办发〔2023〕65号
              policyq show '晋政办发〔2023〕65号#二/(一)' --format json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl
    }

    @Argument(help: "A document id, 文号 or ID#path.")
    var id: String

    @Option(name: .long, help: "Output format: text, json or jsonl.")
    var format: Format = .text

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let index = try database.openForReading()
        let found: LookupResult
        do {
            found = try DocumentLookup(database: index).find(id)
        } catch let error as LookupError {
            Terminal.err(error.description)
            throw ExitCode(1)
        } catch {
            throw reportFailure(error)
        }
        let objects: [JSONValue]
        switch found {
        case .document(let stored):
            objects = [stored.document.json] + stored.clauses.map(\.json) + stored.records.map(\.json)
            if format == .text {
                Terminal.out(OutlineRenderer().render(document: stored.document, clauses: stored.clauses,
                                                      records: stored.records, diagnostics: []))
            }
        case .clause(let stored):
            objects = [stored.clause.json] + stored.records.map(\.json)
            if format == .text { Terminal.out(Self.render(stored)) }
        }
        switch format {
        case .text: break
        case .json: Terminal.out(JSONValue.array(objects).pretty + "\n")
        case .jsonl: for object in objects { Terminal.out(object.compact + "\n") }
        }
        Terminal.flush()
    }

    /// A clause as text: where it is, its text, its records and the documents it cites.
    static func render(_ stored: StoredClause) -> String {
        let d = stored.document, c = stored.clause
        var out = "■ \(d.title) › \(c.path)" + (c.heading.map { " 【\($0)】" } ?? "") + "\n"
        var facts = ["id: \(c.id)"]
        if let number = d.docNumber { facts.append("文号: \(number)") }
        if let date = d.date { facts.append("date: \(date.iso)") }
        out += "  " + facts.joined(separator: " · ") + "\n"
        out += "  source: \(d.source):\(c.line) [\(c.span.start), \(c.span.end))\n\n"
        for line in c.text.split(separator: "\n", omittingEmptySubsequences: true) { out += "  \(line)\n" }
        let citations = stored.records.filter { $0.kind == .citation }
        let others = stored.records.filter { $0.kind != .citation }
        if !others.isEmpty {
            out += "\n  records:\n"
            for record in others {
                let fields = record.value.jsonFields.filter { $0.1 != .null }.map { "\($0.0)=\($0.1.compact)" }
                out += "    \(record.kind.rawValue): \(oneLine(record.text))  {\(fields.joined(separator: ", "))}\n"
            }
        }
        if !citations.isEmpty {
            out += "\n  citations:\n"
            for record in citations {
                guard case let .citation(title, number, target) = record.value else { continue }
                var line = "    " + (title.map { "《\($0)》" } ?? oneLine(record.text))
                if let number { line += "(\(number))" }
                if let target { line += " → \(target)" }
                out += line + "\n"
            }
        }
        if !stored.children.isEmpty {
            out += "\n  clauses below: " + stored.children.map(\.label).joined(separator: " ") + "\n"
        }
        return out
    }

    static func oneLine(_ text: String) -> String { OutlineRenderer.oneLine(text) }
}
