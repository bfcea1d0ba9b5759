import Foundation
import PolicyCore
@testable import PolicyExtract
import Testing
import TestSupport

/// Scores the agency and citation extractors on the gold files of plain-text sources
/// (`Fixtures/extract/gold/*.entities.jsonl`); HTML gold needs the HTML reader of PolicyIngest,
/// which this test target does not link, and is scored by `make eval`.
///
/// A predicted record is right when kind, `start`, `text` and the kind's fields (`name`,
/// `normalized`, `role`; `title`, `doc_number`) all equal a gold record's.
@Suite("Agency and citation gold")
struct AgencyCitationGoldTests {
    struct GoldFile {
        var source: String
        var covers: Set<String>
        var date: CivilDate?
        var region: String?
        var records: [[String: String]]
    }

    static let goldDirectory = TestPaths.fixture("extract/gold")

    static var goldFiles: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: goldDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".entities.jsonl") }.sorted().map { goldDirectory.appendingPathComponent($0) }
    }

    static func read(_ url: URL) throws -> GoldFile {
        let lines = try TestPaths.text(url).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        var gold = GoldFile(source: try #require(header["source"] as? String),
                            covers: Set(header["covers"] as? [String] ?? []),
                            date: (header["date"] as? String).flatMap(CivilDate.init(iso:)),
                            region: header["region"] as? String, records: [])
        for line in lines.dropFirst() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            gold.records.append(object.compactMapValues { value in
                if let string = value as? String { return string }
                if let number = value as? NSNumber { return number.stringValue }
                return nil
            })
        }
        return gold
    }

    /// A record as compared: every field as a string, null fields absent.
    static func key(_ record: [String: String]) -> String {
        record.filter { $0.key != "end" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "|")
    }

    static func predicted(_ gold: GoldFile, source: SourceText) -> [[String: String]] {
        let view = TextNormalizer().normalize(source)
        let region = gold.region.flatMap { Gazetteer.shared.region(named: $0) }
        let context = ExtractionContext(documentDate: gold.date, region: region,
                                        level: region?.level ?? .national)
        return RecordExtractor().extract(view, range: 0..<view.count, context: context).compactMap { extraction in
            guard gold.covers.contains(extraction.value.kind.rawValue) else { return nil }
            let span = view.sourceSpan(of: extraction.range)
            var record = ["kind": extraction.value.kind.rawValue, "text": source[span], "start": String(span.start)]
            for (field, value) in extraction.value.jsonFields {
                if case let .string(string) = value { record[field] = string }
            }
            record["target"] = nil
            return record
        }
    }

    @Test("every gold record's text is the source text at its start")
    func goldOffsets() throws {
        try #require(!Self.goldFiles.isEmpty)
        for url in Self.goldFiles {
            let gold = try Self.read(url)
            // HTML offsets count in the text the HTML reader takes out of the markup (PolicyIngest).
            guard let sourceURL = resolve(gold.source), !sourceURL.path.hasSuffix(".html") else { continue }
            let scalars = Array(try TestPaths.text(sourceURL).unicodeScalars)
            for record in gold.records {
                guard let startText = record["start"], let start = Int(startText), let text = record["text"] else { continue }
                let count = text.unicodeScalars.count
                #expect(start + count <= scalars.count)
                guard start + count <= scalars.count else { continue }
                let actual = String(String.UnicodeScalarView(scalars[start..<(start + count)]))
                #expect(actual == text, "\(url.lastPathComponent): start \(start)")
            }
        }
    }

    @Test("agency and citation F1 ≥ 0.90 on the plain-text gold")
    func score() throws {
        var totals: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        for url in Self.goldFiles {
            let gold = try Self.read(url)
            guard let sourceURL = resolve(gold.source), !sourceURL.path.hasSuffix(".html") else { continue }
            let source = SourceText(path: gold.source, text: try TestPaths.text(sourceURL))
            var expected: [String: Int] = [:]
            for record in gold.records { expected[Self.key(record), default: 0] += 1 }
            for record in Self.predicted(gold, source: source) {
                let key = Self.key(record)
                let kind = record["kind"] ?? "?"
                if let n = expected[key], n > 0 {
                    expected[key] = n - 1
                    totals[kind, default: (0, 0, 0)].tp += 1
                } else {
                    totals[kind, default: (0, 0, 0)].fp += 1
                    print("FP \(url.lastPathComponent): \(key)")
                }
            }
            for (key, n) in expected where n > 0 {
                let kind = key.components(separatedBy: "|").first { $0.hasPrefix("kind=") }?.dropFirst(5) ?? "?"
                totals[String(kind), default: (0, 0, 0)].fn += n
                print("FN \(url.lastPathComponent): \(key)")
            }
        }
        for kind in ["agency", "citation"] {
            let t = totals[kind, default: (0, 0, 0)]
            let precision = Double(t.tp) / Double(max(1, t.tp + t.fp))
            let recall = Double(t.tp) / Double(max(1, t.tp + t.fn))
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            print("gold \(kind): tp \(t.tp) fp \(t.fp) fn \(t.fn) P \(precision) R \(recall) F1 \(f1)")
            #expect(f1 >= 0.90, "\(kind) F1 \(f1)")
        }
    }

    /// A gold `source` is relative to the repository (`corpus/…`) or to its parent (`../shared/…`).
    func resolve(_ source: String) -> URL? {
        let url = TestPaths.repository.appendingPathComponent(source).standardizedFileURL
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
