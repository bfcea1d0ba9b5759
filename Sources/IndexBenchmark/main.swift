// IndexBenchmark — `make bench-index`: ingest and search speed of the release `policyq` binary over a
// corpus (default ../shared/corpora/laws-md), measured in the same run as two baselines over the same
// files: `grep -c` and a plain SQLite FTS5 `trigram` table built from the same text. Prints figures
// and writes them to bench-results/bench-index.txt; asserts nothing.
//
//   IndexBenchmark [--corpus DIR] [--policyq PATH] [--runs N] [--keep] [--search-only INDEX]
//
// --search-only reuses an index built before (with --keep) and measures searches only.

import Foundation
import GRDB
import PolicyQuery
import PolicyStore

// MARK: - Settings

struct Settings {
    var corpus = "../shared/corpora/laws-md"
    var policyq = ".build/release/policyq"
    var runs = 3
    var keep = false
    var searchOnly: String?

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--corpus": corpus = rest.popFirst() ?? corpus
            case "--policyq": policyq = rest.popFirst() ?? policyq
            case "--runs": runs = rest.popFirst().flatMap(Int.init) ?? runs
            case "--keep": keep = true
            case "--search-only": searchOnly = rest.popFirst()
            default:
                FileHandle.standardError.write(Data("IndexBenchmark: unknown argument \(argument)\n".utf8))
                exit(64)
            }
        }
    }
}

/// Single terms every system can run: 1, 2, 3-4 and longer Chinese words, ASCII and numbers.
let queries = [
    "税", "罚", "赔", "船", "枪",
    "财政", "消费", "补贴", "环境", "证据", "合同", "专利", "海关", "疫苗",
    "所得税", "人民法院", "行政处罚", "知识产权", "食品安全", "个人信息", "以旧换新", "生态环境", "未成年人",
    "安全生产", "营商环境",
    "中华人民共和国", "国务院办公厅", "社会主义核心价值观", "最高人民法院", "突发公共卫生事件",
    "2020", "2019", "5G", "GDP", "ICP", "WTO", "100",
]

/// Query forms only policyq has (reported separately).
let policyqOnly: [[String]] = [
    ["消费", "补贴"], ["汽车", "OR", "家电"], ["\"行政 处罚\""], ["环境", "-污染"], ["营商环境", "--region", "山东"],
    ["合同", "--since", "2020-01-01"], ["★"],
]

// MARK: - Measuring

struct Run {
    /// Wall-clock time.
    var seconds: Double
    /// CPU time of the child (user + system): what the wall time would be on an idle machine,
    /// give or take I/O waits. The machine this runs on may be shared.
    var cpu: Double
    var status: Int32
    var stdout: Data
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// CPU seconds (user + system) of this whole process, all threads.
func processCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// CPU seconds of this thread.
func threadCPU() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

struct SpawnError: Error, CustomStringConvertible {
    var executable: String
    var code: Int32
    var description: String { "cannot run \(executable) (error \(code))" }
}

/// Runs a process to completion with posix_spawn and wait4 (Foundation's Process polls for the
/// exit in 50 ms steps, too coarse here); stdout captured only when asked, else discarded.
func run(_ executable: String, _ arguments: [String], capture: Bool = false) throws -> Run {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var fds: [Int32] = [-1, -1]
    if capture {
        guard pipe(&fds) == 0 else { throw SpawnError(executable: executable, code: errno) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = ContinuousClock.now
    let code = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard code == 0 else { throw SpawnError(executable: executable, code: code) }
    var output = Data()
    if capture {
        close(fds[1])
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            output.append(contentsOf: buffer[0..<n])
        }
        close(fds[0])
    }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let wall = seconds(ContinuousClock.now - start)
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return Run(seconds: wall, cpu: cpu, status: exitCode, stdout: output)
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[max(0, min(sorted.count - 1, rank - 1))]
}

func size(of path: String) -> Int {
    [path, path + "-wal"].reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
}

func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
func loadAverage() -> String { (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?" }

// MARK: - The benchmark

let settings = Settings(CommandLine.arguments)
var report: [String] = []
@MainActor func say(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
    report.append(line)
}

guard FileManager.default.isExecutableFile(atPath: settings.policyq) else {
    FileHandle.standardError.write(Data("IndexBenchmark: no policyq at \(settings.policyq) (swift build -c release --product policyq)\n".utf8))
    exit(2)
}
let walk = FileWalker().expand([settings.corpus])
guard !walk.files.isEmpty else {
    FileHandle.standardError.write(Data("IndexBenchmark: no files under \(settings.corpus)\n".utf8))
    exit(2)
}
let files = walk.files.map(\.source)
let totalBytes = walk.files.reduce(0) { $0 + $1.size }
let work = FileManager.default.temporaryDirectory.appendingPathComponent("policyq-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { if !settings.keep { try? FileManager.default.removeItem(at: work) } }
let index = settings.searchOnly ?? work.appendingPathComponent("policyq.db").path
let trigram: String? = settings.searchOnly == nil ? work.appendingPathComponent("trigram.db").path : nil

say("policyq bench-index — \(Date()) — load average \(loadAverage()), \(ProcessInfo.processInfo.activeProcessorCount) cores")
say("corpus: \(settings.corpus): \(files.count) files, \(mb(totalBytes))")
say()

if let trigram {
    // 1. policyq ingest (parse + extract + index), whole process.
    let ingest = try run(settings.policyq, ["ingest", settings.corpus, "--db", index], capture: true)
    let summary = String(decoding: ingest.stdout, as: UTF8.self)
    say("policyq ingest (parse + extract + index, \(ProcessInfo.processInfo.activeProcessorCount) cores): "
        + String(format: "%.2f s (CPU %.2f s), %.2f MB/s", ingest.seconds, ingest.cpu,
                 Double(totalBytes) / 1_000_000 / ingest.seconds)
        + ", index \(mb(size(of: index))), exit \(ingest.status)")
    for line in summary.split(separator: "\n") { say("    \(line)") }

    // 2. Baseline: a bare trigram FTS5 table of the same files' text, one transaction.
    var configuration = Configuration()
    configuration.journalMode = .wal
    let trigramStart = ContinuousClock.now, trigramCPUStart = processCPU()
    let queue = try DatabaseQueue(path: trigram, configuration: configuration)
    try queue.write { db in
        try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(path UNINDEXED, body, tokenize = 'trigram')")
        let insert = try db.makeStatement(sql: "INSERT INTO t (path, body) VALUES (?, ?)")
        for file in files {
            let data = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            try insert.execute(arguments: [file, String(decoding: data, as: UTF8.self)])
        }
    }
    try queue.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    try queue.close()
    let trigramSeconds = seconds(ContinuousClock.now - trigramStart)
    let trigramCPU = processCPU() - trigramCPUStart
    say("baseline: trigram FTS5 table of the same text (read + insert, one transaction, in this process): "
        + String(format: "%.2f s (CPU %.2f s), %.2f MB/s", trigramSeconds, trigramCPU,
                 Double(totalBytes) / 1_000_000 / trigramSeconds)
        + ", \(mb(size(of: trigram)))")
    say(String(format: "ingest / trigram build: %.2f× wall, %.2f× CPU; index size %.2f×", ingest.seconds / trigramSeconds,
               ingest.cpu / trigramCPU, Double(size(of: index)) / Double(max(1, size(of: trigram)))))

    // 3. Re-ingest of the unchanged corpus.
    let again = try run(settings.policyq, ["ingest", settings.corpus, "--db", index, "--quiet"])
    say(String(format: "policyq re-ingest, nothing changed: %.2f s (CPU %.2f s)", again.seconds, again.cpu))
    say()
}

// 4. Search latency, whole process, over the fixed query list.

/// Latencies of one system: wall-clock and CPU seconds.
struct Samples {
    var wall: [Double] = []
    var cpu: [Double] = []
    mutating func add(_ run: Run) {
        wall.append(run.seconds)
        cpu.append(run.cpu)
    }
    static func += (a: inout Samples, b: Samples) {
        a.wall += b.wall
        a.cpu += b.cpu
    }
    func column(_ p: Double, _ values: [Double]) -> String {
        (values.isEmpty ? "-" : ms(percentile(values, p))).padding(toLength: 10, withPad: " ", startingAt: 0)
    }
    func line(_ name: String, _ note: String = "") -> String {
        name.padding(toLength: 20, withPad: " ", startingAt: 0) + column(50, wall) + "  " + column(95, wall) + "  "
            + column(50, cpu) + "  " + column(95, cpu) + (note.isEmpty ? "" : "  " + note)
    }
}

let sqlite3 = trigram == nil ? nil
    : ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
let grep = ["/usr/bin/grep", "/bin/grep"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/grep"
let searcher = Searcher(database: try IndexDatabase.openForReading(path: index))

/// The same search through the library in this process: the query alone, index already open.
func inProcess(_ query: String) throws -> Run {
    let start = ContinuousClock.now, cpu = threadCPU()
    _ = try searcher.search(SearchRequest(query: try SearchQuery(parsing: query), limit: 20))
    return Run(seconds: seconds(ContinuousClock.now - start), cpu: threadCPU() - cpu, status: 0, stdout: Data())
}

var ours = Samples(), theirs = Samples(), greps = Samples(), library = Samples(), startup = Samples()
for _ in 0..<max(5, settings.runs) { startup.add(try run(settings.policyq, ["--version"])) }
var rows: [String] = []
for query in queries {
    var mine = Samples(), trigramSamples = Samples(), grepSamples = Samples(), librarySamples = Samples()
    var hits = 0
    for _ in 0..<settings.runs {
        let search = try run(settings.policyq, ["search", query, "--db", index, "--format", "jsonl", "--limit", "20"],
                             capture: true)
        mine.add(search)
        hits = search.stdout.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        librarySamples.add(try inProcess(query))
        if let sqlite3, let trigram {
            // The trigram tokenizer cannot look up fewer than 3 characters: scan with instr() then.
            let literal = query.replacingOccurrences(of: "'", with: "''")
            let sql = query.count >= 3
                ? "SELECT path, snippet(t, 1, '[', ']', '…', 20) FROM t WHERE t MATCH '\"\(literal)\"' ORDER BY rank LIMIT 20"
                : "SELECT path, substr(body, max(1, instr(body, '\(literal)') - 10), 40) FROM t WHERE instr(body, '\(literal)') > 0 LIMIT 20"
            trigramSamples.add(try run(sqlite3, [trigram, sql]))
        }
        if trigram != nil { grepSamples.add(try run(grep, ["-c", "-F", "--", query] + files)) }
    }
    ours += mine
    theirs += trigramSamples
    greps += grepSamples
    library += librarySamples
    rows.append(query.padding(toLength: 12, withPad: " ", startingAt: 0) + "  " + mine.column(50, mine.wall)
                + "  " + mine.column(50, mine.cpu) + "  " + trigramSamples.column(50, trigramSamples.wall)
                + "  " + grepSamples.column(50, grepSamples.wall) + "  " + librarySamples.column(50, librarySamples.cpu)
                + "  \(hits) hits")
}
say("search latency over \(queries.count) queries × \(settings.runs) runs (policyq: --limit 20, BM25, snippets, JSON Lines):")
say("                    wall p50    wall p95    CPU p50     CPU p95")
say(ours.line("policyq search", "whole process"))
if sqlite3 != nil {
    say(theirs.line("sqlite3 trigram", "whole process; MATCH for ≥ 3 characters, instr() scan below"))
} else if trigram != nil {
    say("sqlite3 trigram     (no sqlite3 command on this machine)")
}
if !greps.wall.isEmpty { say(greps.line("grep -c -F", "whole process")) }
say(library.line("policyq library", "the same searches inside this process, index open"))
say(startup.line("policyq --version", "process start alone"))
say()
say("per query (medians): query, policyq wall, policyq CPU, trigram wall, grep wall, library CPU, policyq hits (≤ 20)")
for row in rows { say("  " + row) }

// 5. Forms only policyq has.
say()
say("policyq-only query forms (medians of \(settings.runs) runs: wall, CPU):")
for arguments in policyqOnly {
    var samples = Samples()
    var status: Int32 = 0
    for _ in 0..<settings.runs {
        let search = try run(settings.policyq, ["search"] + arguments + ["--db", index, "--format", "jsonl"])
        samples.add(search)
        status = search.status
    }
    say("  " + arguments.joined(separator: " ").padding(toLength: 28, withPad: " ", startingAt: 0)
        + "  " + samples.column(50, samples.wall) + "  " + samples.column(50, samples.cpu) + "  exit \(status)")
}
say()
say("load average at the end: \(loadAverage())")

try FileManager.default.createDirectory(atPath: "bench-results", withIntermediateDirectories: true)
try (report.joined(separator: "\n") + "\n").write(toFile: "bench-results/bench-index.txt", atomically: true, encoding: .utf8)
print("written to bench-results/bench-index.txt" + (settings.keep ? "; databases kept in \(work.path)" : ""))
