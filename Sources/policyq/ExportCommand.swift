import ArgumentParser
import Foundation
import PolicyFormat
import PolicyQuery

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the index's documents, clauses or records as CSV, TSV or JSON Lines.",
        discussion: """
            One row per object, with the data contract's fields as columns (CSV: RFC 4180, CRLF line
            ends; arrays such as issuers joined by "; "). --excel adds the UTF-8 byte-order mark
            Excel needs for Chinese and puts ' before cells starting with = + - @ (formula
            injection). Rows stream from the index: memory stays flat on any corpus. With -o the
            file appears only when complete.

            The filters are those of `search`. For documents and clauses, --has, --min-amount and
            --agency keep those whose records match; for records they choose the records themselves
            (--has amount: amount records; --min-amount 100万: amounts of at least 100万元).

            Examples:
              policyq export records --has amount --region 山西 -o amounts.csv --excel
              policyq export clauses --doc 晋政办发〔2023〕65号 --format jsonl
            """)

    @Argument(help: "What to export: documents, clauses or records.")
    var table: Exporter.Table

    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.",
                                                                         valueName: "file"))
    var file: String?

    func run() throws {
        let filters = try filterOptions.filters()
        let index = try database.openForReading()
        let sink: OutputFile
        do {
            sink = try file.map(OutputFile.init(path:)) ?? OutputFile()
        } catch {
            throw reportFailure(error)
        }
        let writer = ListingWriter(format: (output.format ?? .csv).output, layout: Exporter.layout(of: table),
                                   excel: output.excel, write: sink.write)
        do {
            writer.start()
            try Exporter(database: index).export(table, filters: filters) { writer.add($0) }
            writer.finish()
            try sink.close()
        } catch {
            sink.discard()
            throw reportFailure(error)
        }
    }
}

extension Exporter.Table: ExpressibleByArgument {}

/// Standard output, or a file written beside its destination and renamed into place when
/// complete (a failed export leaves no half-written file).
final class OutputFile {
    private let path: String?
    private let temporary: String?
    private let handle: FileHandle?
    private var buffer: [UInt8] = []

    /// Writes through `Terminal.out`.
    init() {
        path = nil
        temporary = nil
        handle = nil
    }

    init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw OutputError(path: path)
        }
        self.path = path
        self.temporary = temporary
        self.handle = handle
    }

    func write(_ text: String) {
        guard let handle else {
            Terminal.out(text)
            return
        }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flushBuffer(handle) }
    }

    func close() throws {
        guard let handle, let path, let temporary else {
            Terminal.flush()
            return
        }
        flushBuffer(handle)
        try handle.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
    }

    func discard() {
        guard let handle, let temporary else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }

    private func flushBuffer(_ handle: FileHandle) {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

struct OutputError: Error, CustomStringConvertible {
    var path: String
    var description: String { "\(path): cannot create the file" }
}
