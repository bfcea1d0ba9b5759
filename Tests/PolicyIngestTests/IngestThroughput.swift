import Foundation
import PolicyIngest
import Testing
import TestSupport

/// Ingest throughput on laws-md (reading + decoding + normalizing + splitting + metadata), printed
/// rather than asserted. Runs only when asked:
/// `POLICYQ_BENCH=1 swift test -c release --filter IngestThroughput`.
@Suite("Ingest throughput")
struct IngestThroughput {
    @Test("laws-md, MB/s")
    func lawsMarkdown() throws {
        guard ProcessInfo.processInfo.environment["POLICYQ_BENCH"] != nil, TestPaths.hasShared else { return }
        let root = TestPaths.corpora.appendingPathComponent("laws-md")
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        let files = (walker?.compactMap { $0 as? URL } ?? []).filter { $0.pathExtension == "md" }
        let contents = try files.map { ($0.path, try Data(contentsOf: $0)) }
        let bytes = contents.reduce(0) { $0 + $1.1.count }
        let ingestor = FileIngestor()
        var documents = 0
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for (path, data) in contents { documents += try ingestor.ingest(data: data, path: path).documents.count }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytes = Double(bytes) / 1_048_576
        print("ingest laws-md: \(files.count) files, \(documents) documents, "
            + String(format: "%.1f MB in %.2f s = %.1f MB/s", megabytes, seconds, megabytes / seconds))
    }
}
