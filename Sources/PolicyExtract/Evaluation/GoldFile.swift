import Foundation
import PolicyCore

/// A file of gold annotations (`Fixtures/extract/gold/<doc>.numbers.jsonl`, `<doc>.entities.jsonl`).
///
/// The first line describes the annotated text:
/// `{"type":"gold","source":"corpus/…","covers":["amount",…],"date":"2023-11-04","region":"山西省"}`
/// (`source` relative to the repository root; `covers` the kinds annotated exhaustively; `date` and
/// `region` the document's, used when the pipeline does not find them). Every further line is one
/// contract-shaped record: `kind`, `text` (an exact substring of the source text), optionally
/// `start` (its scalar offset; without it the record is placed at the next occurrence of its
/// text, or at the `occurrence`-th, counting from 1), and the kind's fields. A field left out
/// counts as null.
public struct GoldFile: Sendable {
    public var path: String
    public var source: String
    public var covers: Set<RecordKind>
    public var date: CivilDate?
    public var region: String?
    public var records: [ScoredRecord]

    public struct FormatError: Error, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var reason: String
        public var description: String { "\(path):\(line): \(reason)" }
    }

    public static func load(path: String) throws -> GoldFile {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String) throws -> GoldFile {
        var file = GoldFile(path: path, source: "", covers: [], date: nil, region: nil, records: [])
        var sawHeader = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let json: JSONValue
            do {
                json = try JSONValue.parse(Data(trimmed.utf8))
            } catch {
                throw FormatError(path: path, line: index + 1, reason: "not JSON")
            }
            if !sawHeader {
                guard case .string("gold")? = json["type"], case .string(let source)? = json["source"] else {
                    throw FormatError(path: path, line: index + 1, reason: "the first line must be the {\"type\":\"gold\",\"source\":…} header")
                }
                file.source = source
                if case .array(let kinds)? = json["covers"] {
                    for case .string(let k) in kinds { if let kind = RecordKind(rawValue: k) { file.covers.insert(kind) } }
                }
                if case .string(let iso)? = json["date"] { file.date = CivilDate(iso: iso) }
                if case .string(let region)? = json["region"] { file.region = region }
                sawHeader = true
                continue
            }
            guard let record = ScoredRecord(json: json) else {
                throw FormatError(path: path, line: index + 1, reason: "a record needs a known kind and a text")
            }
            file.records.append(record)
        }
        guard sawHeader else { throw FormatError(path: path, line: 1, reason: "empty gold file") }
        return file
    }
}
