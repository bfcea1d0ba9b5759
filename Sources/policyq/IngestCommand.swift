import ArgumentParser
import Foundation
import PolicyCore
import PolicyStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add files and folders to the index, or bring it up to date.",
        discussion: """
            Folders are searched recursively for .txt, .md, .html, .htm and .docx files (hidden
            files and folders skipped); files named on the command line are always read. Each
            file is written in one transaction, so an interrupted ingest leaves every file either
            fully indexed or as it was.

            Incremental: a file whose size and modification time are unchanged is skipped without
            being read; a file whose content hash is unchanged is not parsed again; a changed file
            replaces what the index held from it. --prune removes documents whose file no longer
            exists; --force parses everything again (after upgrading policyq).

            A file that cannot be read is listed as `path: reason` on stderr and skipped, and the
            exit code is then 2; what the index held from it stays.

            Document ids: the 文号, else a slug of file and title. When another file already holds
            that id (the same 文号 in a GBK copy and its original), the later one gets `ID~2`,
            `ID~3` … — files are written in sorted path order — and keeps it when re-ingested.

            Examples:
              policyq ingest corpus/
              policyq ingest ../shared/corpora/laws-md --db laws.db --quiet
            """)

    @Argument(help: "Files and folders to ingest.")
    var paths: [String]

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "Remove documents whose file no longer exists.")
    var prune = false

    @Flag(name: .long, help: "Parse every file again, changed or not.")
    var force = false

    @Flag(name: .shortAndLong, help: "No progress bar and no summary (errors are still printed).")
    var quiet = false

    @Flag(name: .long, help: "Print the warnings of parsed files (`path:line: warning: …`).")
    var verbose = false

    @Option(name: .long, help: "Parsing threads, run at a lower priority than the writer (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to ingest") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let index: IndexDatabase
        do {
            index = try IndexDatabase.openForWriting(path: database.path)
        } catch {
            throw reportFailure(error)
        }
        var options = CorpusIngestor.Options()
        options.prune = prune
        options.force = force
        if let jobs { options.jobs = jobs }
        let bar = ProgressBar(enabled: !quiet && Terminal.stderrIsTerminal)
        let summary: CorpusIngestor.Summary
        do {
            summary = try CorpusIngestor(database: index, options: options).ingest(
                paths, progress: bar.update,
                diagnostic: { diagnostic in if verbose { bar.clear(); Terminal.err(diagnostic.description) } })
        } catch {
            bar.clear()
            throw reportFailure(error)
        }
        bar.clear()
        for failure in summary.failed { Terminal.err(failure.description) }
        if !quiet { Terminal.out(Self.describe(summary, index: index.path)) }
        Terminal.flush()
        if !summary.failed.isEmpty { throw ExitCode(2) }
    }

    static func describe(_ s: CorpusIngestor.Summary, index: String) -> String {
        var lines: [String] = []
        var files = "\(s.files) files: \(s.indexed) indexed, \(s.unchanged) unchanged, \(s.failed.count) failed"
        if s.pruned > 0 { files += ", \(s.pruned) removed (gone from disk)" }
        lines.append(files)
        if s.missing > 0 {
            lines.append("\(s.missing) indexed files no longer exist; --prune removes their documents")
        }
        lines.append("added \(s.added.documents) documents, \(s.added.clauses) clauses, \(s.added.records) records; "
                     + "\(s.warnings) warnings" + (s.warnings > 0 ? " (--verbose lists them)" : ""))
        let megabytes = Double(s.bytesParsed) / 1_000_000
        let rate = s.seconds > 0 ? megabytes / s.seconds : 0
        let size = "index \(index): \(format(Double(Self.size(of: index)) / 1_000_000)) MB"
        if s.indexed == 0 {
            lines.append("nothing to parse (\(format(s.seconds)) s); \(size)")
        } else {
            lines.append("parsed \(format(megabytes)) MB in \(format(s.seconds)) s (\(format(rate)) MB/s); \(size)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The index's size on disk, write-ahead log included.
    static func size(of path: String) -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// A one-line progress bar on stderr, redrawn in place (only on a terminal).
final class ProgressBar: @unchecked Sendable {
    let enabled: Bool
    private var shown = false
    private var lastDraw = ContinuousClock.now

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ progress: CorpusIngestor.Progress) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard progress.filesDone == progress.filesTotal || now - lastDraw > .milliseconds(100) else { return }
        lastDraw = now
        let width = 24
        let fraction = progress.bytesTotal > 0 ? Double(progress.bytesDone) / Double(progress.bytesTotal) : 1
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var line = "\(bar) \(progress.filesDone)/\(progress.filesTotal) files  \(progress.currentPath)"
        let columns = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
        if line.displayWidth > columns - 1 {
            var cut = String.UnicodeScalarView()
            var used = 0
            for c in line.unicodeScalars {
                if used + c.displayWidth > columns - 2 { break }
                cut.append(c)
                used += c.displayWidth
            }
            line = String(cut) + "…"
        }
        write("\r\u{1B}[2K" + line)
        shown = true
    }

    /// Removes the bar (before other stderr output and at the end).
    func clear() {
        guard shown else { return }
        write("\r\u{1B}[2K")
        shown = false
    }

    private func write(_ text: String) {
        Terminal.flush()
        FileHandle.standardError.write(Data(text.utf8))
    }
}
