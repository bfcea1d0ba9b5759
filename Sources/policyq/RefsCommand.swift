import ArgumentParser
import PolicyCore
import PolicyFormat
import PolicyQuery
import PolicyStore

struct RefsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refs",
        abstract: "List what a document or clause cites, resolved to indexed documents where possible.",
        discussion: """
            ID is a document id, its 文号 or a unique part of its title; ID#path limits the list to
            one clause and the clauses below it. Citations are resolved against the whole index by
            文号, then exact title, then close title match (method and score are shown).
            With --unresolved (and no ID): the documents the index cites but does not hold, most
            cited first — what to go and fetch. Exit code 1 when the list is empty.

            Examples:
              policyq refs 晋政办发〔2023〕65号
              policyq refs --unresolved --format csv > to-fetch.csv
            """)

    @Argument(help: "A document id, 文号, title part or ID#path (omit with --unresolved).")
    var id: String?

    @Flag(name: .long, help: "List cited documents missing from the index instead.")
    var unresolved = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if id == nil && !unresolved { throw ValidationError("give a document ID, or --unresolved") }
    }

    func run() throws {
        let index = try database.openForReading()
        let references: CrossReferences
        do {
            references = try CrossReferences(database: index)
        } catch {
            throw reportFailure(error)
        }
        guard let id else {
            let missing = references.missingDocuments()
            try list(missing.map(\.json), layout: MissingDocument.layout)
            return
        }
        let (documentID, path) = try findDocument(id, in: index)
        var found = references.references(from: documentID, clausePath: path)
        if unresolved { found = found.filter { $0.resolution == nil } }
        try list(found.map(\.json), layout: IndexedCitation.layout)
    }

    func list(_ rows: [JSONValue], layout: ListingLayout) throws {
        let writer = output.writer(layout: layout, default: .table)
        writer.start()
        rows.forEach(writer.add)
        writer.finish()
        Terminal.flush()
        if rows.isEmpty { throw ExitCode(1) }
    }
}

struct CitedByCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cited-by",
        abstract: "List the clauses, anywhere in the index, that cite a document.",
        discussion: """
            ID is a document id, its 文号 or a unique part of its title. Exit code 1 when nothing
            cites it.

            Example:
              policyq cited-by 国发〔2024〕7号 --format jsonl
            """)

    @Argument(help: "A document id, 文号 or unique part of a title.")
    var id: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let index = try database.openForReading()
        let (documentID, _) = try findDocument(id, in: index)
        let references: CrossReferences
        do {
            references = try CrossReferences(database: index)
        } catch {
            throw reportFailure(error)
        }
        let found = references.citations(of: documentID)
        let writer = output.writer(layout: IndexedCitation.layout, default: .table)
        writer.start()
        found.forEach { writer.add($0.json) }
        writer.finish()
        Terminal.flush()
        if found.isEmpty { throw ExitCode(1) }
    }
}

/// The document (and clause path) `reference` names, as `show` finds it; exit 1 when none or
/// several match.
func findDocument(_ reference: String, in index: IndexDatabase) throws -> (String, String?) {
    do {
        switch try DocumentLookup(database: index, resolvesCitations: false).find(reference) {
        case .document(let stored): return (stored.document.id, nil)
        case .clause(let stored): return (stored.document.id, stored.clause.path)
        }
    } catch let error as LookupError {
        Terminal.err(error.description)
        throw ExitCode(1)
    } catch {
        throw reportFailure(error)
    }
}
