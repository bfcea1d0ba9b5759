// make bench-extract: how fast the record extractor reads text (a benchmark, not a test).
//
//   ExtractionBenchmark [DIR …] [--repeat N]
//
// Reads every .md/.txt file under the directories (default ../shared/corpora/laws-md), builds each
// file's normalized view once (timed apart), then times `RecordExtractor.extract` over all of
// them on one core, N times, and reports the best run: MB/s of source text (UTF-8) and records/s.
import Foundation
import PolicyCore
import PolicyExtract
#if canImport(Glibc)
import Glibc
#endif

var directories: [String] = []
var repeats = 3
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    if argument == "--repeat", let n = arguments.next().flatMap({ Int($0) }), n > 0 {
        repeats = n
    } else {
        directories.append(argument)
    }
}
if directories.isEmpty { directories = ["../shared/corpora/laws-md"] }

var paths: [String] = []
for directory in directories {
    guard let walker = FileManager.default.enumerator(atPath: directory) else {
        FileHandle.standardError.write(Data("\(directory): not a directory\n".utf8))
        exit(2)
    }
    while let name = walker.nextObject() as? String {
        if name.hasSuffix(".md") || name.hasSuffix(".txt") { paths.append(directory + "/" + name) }
    }
}
paths.sort()

let clock = ContinuousClock()
var views: [NormalizedText] = []
var bytes = 0
let normalizing = clock.measure {
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        bytes += data.count
        let source = SourceText(path: path, text: String(decoding: data, as: UTF8.self))
        views.append(TextNormalizer(lineMode: .automatic).normalize(source))
    }
}

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

/// CPU time of this thread: what "on one core" means on a machine shared with other work.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

let extractor = RecordExtractor()
let context = ExtractionContext(documentDate: CivilDate(year: 2024, month: 6, day: 1))
var best = Double.infinity
var bestCPU = Double.infinity
var records = 0
var kinds: [RecordKind: Int] = [:]
for run in 0..<repeats {
    var count = 0
    var perKind: [RecordKind: Int] = [:]
    let cpuStart = threadCPUSeconds()
    let elapsed = clock.measure {
        for view in views {
            let found = extractor.extract(view, range: 0..<view.count, context: context)
            count += found.count
            if run == 0 { for f in found { perKind[f.value.kind, default: 0] += 1 } }
        }
    }
    best = min(best, seconds(elapsed))
    bestCPU = min(bestCPU, threadCPUSeconds() - cpuStart)
    records = count
    if run == 0 { kinds = perKind }
}

let megabytes = Double(bytes) / 1_000_000
let scalars = views.reduce(0) { $0 + $1.count }
print("files: \(paths.count), \(String(format: "%.1f", megabytes)) MB of UTF-8 text, \(scalars) scalars after normalization")
print("normalizing (not part of extraction): \(String(format: "%.2f", seconds(normalizing))) s, \(String(format: "%.1f", megabytes / seconds(normalizing))) MB/s")
print("extraction, best of \(repeats) on one core: \(String(format: "%.2f", bestCPU)) s CPU, \(String(format: "%.1f", megabytes / bestCPU)) MB/s, "
      + "\(String(format: "%.0f", Double(records) / bestCPU)) records/s (\(records) records); "
      + "wall clock \(String(format: "%.2f", best)) s, \(String(format: "%.1f", megabytes / best)) MB/s")
print("records by kind: " + RecordKind.allCases.map { "\($0.rawValue) \(kinds[$0] ?? 0)" }.joined(separator: ", "))
print("reference on this machine (issue 5): JioNLP extract_money ~3.4 MB/s, extract_time ~0.5 MB/s; target ≥ 20 MB/s")
