import Foundation
import PolicyCore
import PolicyIngest
import PolicyPipeline

/// `policyq ingest`: brings the index up to date with files and folders.
///
/// A file whose size and modification time match what the index recorded is skipped without
/// being read; otherwise its content hash decides: unchanged (only the time is recorded) or
/// changed (parsed again and replaced: old rows deleted and new ones inserted in the same
/// transaction). Files are read and parsed on all cores while this thread writes, in sorted path
/// order, several whole files per transaction. A file that cannot be read is reported
/// and skipped; what the index held from it stays.
public struct CorpusIngestor: Sendable {
    public struct Options: Sendable {
        /// Remove documents whose file no longer exists.
        public var prune = false
        /// Parse and replace every file, changed or not (after a policyq upgrade).
        public var force = false
        /// Parsing threads (default: one per core).
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        public var parser = PolicyParser.Options()
        /// An ingest of at least this much text (and a fifth of what is indexed) is a bulk load:
        /// index segments are merged once at the end (`BulkLoad`).
        public var bulkBytes = 4 << 20
        public init() {}
    }

    /// Where an ingest is, for a progress bar.
    public struct Progress: Sendable {
        public var filesDone: Int
        public var filesTotal: Int
        public var bytesDone: Int
        public var bytesTotal: Int
        public var currentPath: String
    }

    /// What an ingest did.
    public struct Summary: Sendable {
        /// Files found (given and under the folders given).
        public var files = 0
        /// Files parsed and written (new or changed).
        public var indexed = 0
        public var unchanged = 0
        /// Files that could not be read or parsed, with the reason.
        public var failed: [InputError] = []
        /// Indexed files that no longer exist and were removed (`--prune`).
        public var pruned = 0
        /// Indexed files that no longer exist and were kept (no `--prune`).
        public var missing = 0
        /// What the written files contained.
        public var added = WriteCounts()
        /// Warnings of the parsed files.
        public var warnings = 0
        /// Bytes of the files parsed.
        public var bytesParsed = 0
        public var seconds = 0.0
    }

    public let database: IndexDatabase
    public var options: Options

    /// A transaction is committed after this much parsed text …
    static let batchBytes = 32 << 20
    /// … or this much time, whichever comes first.
    static let batchDuration = Duration.seconds(2)
    /// At most this many bytes of files are parsed ahead of the writer (always at least one file).
    static let bytesAhead = 32 << 20

    public init(database: IndexDatabase, options: Options = Options()) {
        self.database = database
        self.options = options
    }

    /// Ingests `paths`. `progress` is called after each file written, `diagnostic` for each
    /// warning of a parsed file. Throws only for errors of the index itself (`StoreError`).
    public func ingest(_ paths: [String], progress: (Progress) -> Void = { _ in },
                       diagnostic: (Diagnostic) -> Void = { _ in }) throws -> Summary {
        let clock = ContinuousClock.now
        let writer = IndexWriter(database: database)
        var summary = Summary()
        let walk = FileWalker().expand(paths)
        summary.failed = walk.errors
        summary.files = walk.files.count
        let known = try writer.indexedFiles()

        var pending: [FileStamp] = []
        for stamp in walk.files {
            if !options.force, let old = known[stamp.key], old.size == stamp.size, old.mtime == stamp.mtime {
                summary.unchanged += 1
            } else {
                pending.append(stamp)
            }
        }

        let parser = PolicyParser(options: options.parser)
        let knownHashes = options.force ? [:] : known.mapValues(\.contentHash)
        let work = pending
        // Parsing runs well ahead of the writer, so that one slow file does not leave the writer
        // waiting while the other workers have nothing they may start (laws-md, 2 cores: the
        // writer waited 0.55 s with 6 files ahead, under 0.1 s with 64); the bytes ahead bound
        // the memory parsed files take.
        let queue = OrderedWorkQueue<FileOutcome>(count: work.count, workers: options.jobs,
                                                  window: options.jobs * 32, weightLimit: Self.bytesAhead,
                                                  weight: { work[$0].size }) { index in
            FileOutcome.make(work[index], knownHash: knownHashes[work[index].key], parser: parser)
        }
        let bytesTotal = pending.reduce(0) { $0 + $1.size }
        // A large load merges index segments once at the end instead of all along the way.
        let indexedBytes = known.values.reduce(0) { $0 + $1.size }
        let bulk = bytesTotal >= max(options.bulkBytes, indexedBytes / 5)
        try BulkLoad(database: database).prepare(bulk: bulk)
        var bytesDone = 0
        var next = 0
        do {
            while next < pending.count {
                // One transaction per batch of whole files: committed every few seconds or
                // megabytes, so an interruption loses little and never leaves half a file.
                var written: [PreparedFile] = []
                try writer.inTransaction { session in
                    let started = ContinuousClock.now
                    var batchBytes = 0
                    repeat {
                        guard let outcome = queue.output(next) else { return }
                        let stamp = pending[next]
                        switch outcome {
                        case .unchanged:
                            try session.touch(stamp)
                            summary.unchanged += 1
                        case .failed(let error):
                            summary.failed.append(error)
                        case .parsed(let prepared, let diagnostics):
                            let counts = try session.replace(prepared, stamp: stamp)
                            summary.indexed += 1
                            summary.added.documents += counts.documents
                            summary.added.clauses += counts.clauses
                            summary.added.records += counts.records
                            summary.warnings += diagnostics.count
                            summary.bytesParsed += stamp.size
                            batchBytes += stamp.size
                            diagnostics.forEach(diagnostic)
                            written.append(prepared)
                        }
                        bytesDone += stamp.size
                        next += 1
                        progress(Progress(filesDone: next, filesTotal: pending.count, bytesDone: bytesDone,
                                          bytesTotal: bytesTotal, currentPath: stamp.source))
                    } while next < pending.count && batchBytes < Self.batchBytes
                        && ContinuousClock.now - started < Self.batchDuration
                }
                // Freeing a batch's parsed files (millions of small objects) is the writer's
                // work otherwise: another thread does it.
                Self.release(written)
            }
        } catch {
            queue.cancel()
            throw error
        }
        queue.finish()

        let present = Set(walk.files.map(\.key))
        for key in known.keys.sorted() where !present.contains(key) && !FileManager.default.fileExists(atPath: key) {
            if options.prune {
                try writer.remove(key: key)
                summary.pruned += 1
            } else {
                summary.missing += 1
            }
        }
        if bulk { try BulkLoad(database: database).finish() }
        try database.checkpoint()
        let elapsed = ContinuousClock.now - clock
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return summary
    }
}

extension CorpusIngestor {
    /// Drops the last reference to `files` on another thread.
    static func release(_ files: [PreparedFile]) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(files) {} }
    }
}

/// What a worker made of one file.
enum FileOutcome: Sendable {
    case parsed(PreparedFile, diagnostics: [Diagnostic])
    /// The bytes hash to what the index holds: only the modification time changed.
    case unchanged
    case failed(InputError)

    static func make(_ stamp: FileStamp, knownHash: String?, parser: PolicyParser) -> FileOutcome {
        // Refused by its size before it is read (InputLimits).
        if let problem = InputLimits.standard.fileSizeProblem(stamp.size) {
            return .failed(InputError(path: stamp.source, problem))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: stamp.source))
        } catch {
            return .failed(InputError(path: stamp.source, "cannot read file (\(error.localizedDescription))"))
        }
        if let knownHash, ContentHash.sha256Hex(data) == knownHash { return .unchanged }
        do {
            let parsed = try parser.parse(data: data, path: stamp.source)
            return .parsed(PreparedFile(parsed), diagnostics: parsed.diagnostics)
        } catch {
            return .failed(error)
        }
    }
}
