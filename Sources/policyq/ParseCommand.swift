import ArgumentParser
import Foundation
import PolicyCore
import PolicyFormat
import PolicyPipeline

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the documents, clauses and records of files, without touching any database.",
        discussion: """
            Reads each FILE (or standard input for `-`) and prints one JSON object per line per the
            data contract: a document, then its clauses, then its records. A citation's `target` is
            the id of the cited document when it is among the files of the same run. Offsets are Unicode-scalar
            offsets into the file's source text; --with-text prints that text as a `source` line first.
            A file that cannot be read is reported as `path: reason` on stderr and skipped (exit 2).

            Examples:
              policyq parse corpus/shanxi-restore-expand-consumption-measures-2023.txt --format text
              echo '6月底前完成' | policyq parse - --date 2024-03-01
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, json, text
    }

    @Argument(help: "Files to parse; `-` reads standard input.")
    var files: [String]

    @Option(name: .long, help: "Output format: jsonl, json or text.")
    var format: Format = .jsonl

    @Flag(name: .long, help: "Also print each file's source text as a {\"type\": \"source\"} line.")
    var withText = false

    @Option(name: .long, help: "Document date to assume where the text gives none (YYYY-MM-DD).")
    var date: String?

    func validate() throws {
        if let date, CivilDate(iso: date) == nil {
            throw ValidationError("--date must be a date like 2024-06-01, not '\(date)'")
        }
        if files.isEmpty { throw ValidationError("give at least one FILE, or - for standard input") }
    }

    func run() throws {
        let parser = PolicyParser(options: .init(assumedDate: date.flatMap(CivilDate.init(iso:))))
        var failed = false
        var parsedFiles: [ParsedFile] = []
        for path in files {
            do {
                if path == "-" {
                    // Up to one byte past the size limit: the parser then refuses it by its size.
                    let input = (try? FileHandle.standardInput.read(upToCount: InputLimits.standard.maxFileBytes + 1)) ?? nil
                    parsedFiles.append(try parser.parse(data: input ?? Data(), path: "-"))
                } else {
                    parsedFiles.append(try parser.parse(path: path))
                }
            } catch {
                Terminal.err(error.description)
                failed = true
            }
        }
        CitationLinker.link(&parsedFiles)
        var jsonArray: [JSONValue] = []
        for parsed in parsedFiles {
            switch format {
            case .jsonl:
                for object in objects(of: parsed) { Terminal.out(object.compact + "\n") }
                for diagnostic in parsed.diagnostics { Terminal.err(diagnostic.description) }
            case .json:
                jsonArray += objects(of: parsed)
                for diagnostic in parsed.diagnostics { Terminal.err(diagnostic.description) }
            case .text:
                let renderer = OutlineRenderer()
                for document in parsed.documents {
                    let own = parsed.diagnostics.filter { d in
                        guard let line = d.line else { return false }
                        return document.clauses.isEmpty ? false
                            : line >= document.document.line && line <= parsed.source.lineNumber(at: document.document.span.end)
                    }
                    Terminal.out(renderer.render(document: document.document, clauses: document.clauses,
                                                 records: document.records, diagnostics: own) + "\n")
                }
                if parsed.documents.isEmpty { Terminal.out("\(parsed.source.path): no documents found\n") }
            }
        }
        if format == .json { Terminal.out(JSONValue.array(jsonArray).pretty + "\n") }
        Terminal.flush()
        if failed { throw ExitCode(2) }
    }

    func objects(of parsed: ParsedFile) -> [JSONValue] {
        var result: [JSONValue] = []
        if withText {
            result.append(.object([("type", .string("source")), ("path", .string(parsed.source.path)),
                                   ("text", .string(parsed.source.text))]))
        }
        for document in parsed.documents {
            result.append(document.document.json)
            result += document.clauses.map(\.json)
            result += document.records.map(\.json)
        }
        return result
    }
}
