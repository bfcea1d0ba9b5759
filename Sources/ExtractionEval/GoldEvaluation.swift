import Foundation
import PolicyCore
import PolicyExtract
import PolicyIngest
import PolicyPipeline

/// Scores the real pipeline (`PolicyParser`) on the gold annotations of `Fixtures/extract/gold`.
struct GoldEvaluation {
    struct Result {
        var file: GoldFile
        var match: MatchResult
        /// The source could not be read as what it is (HTML without an HTML reader): scored, but
        /// left out of the totals.
        var degraded: Bool
    }

    /// The repository root: gold `source` paths are relative to it.
    let root: URL
    var results: [Result] = []
    /// What the reader should know: gold files skipped, document context taken from the gold.
    var notes: [String] = []

    init(root: URL) { self.root = root }

    mutating func run(directory: URL) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        for name in names {
            let goldPath = directory.appendingPathComponent(name).path
            do {
                let gold = try GoldFile.load(path: goldPath)
                let source = root.appendingPathComponent(gold.source).standardizedFileURL.path
                guard FileManager.default.fileExists(atPath: source) else {
                    notes.append("\(name): skipped, \(gold.source) is not there")
                    continue
                }
                let (scalars, predicted, degraded) = try records(of: source, gold: gold, name: name)
                let placed = RecordMatcher.place(gold.records, in: scalars)
                for record in placed where record.start == nil {
                    notes.append("\(name): gold text not found in the source: \(record.text)")
                }
                results.append(Result(file: gold, match: RecordMatcher.match(gold: placed, predicted: predicted, kinds: gold.covers),
                                      degraded: degraded))
            } catch {
                notes.append("\(name): \(error)")
            }
        }
    }

    /// The pipeline's records of `path`. Where the pipeline's document date or region differ from
    /// the gold's, the document is extracted again with the gold's (and that is noted).
    mutating func records(of path: String, gold: GoldFile, name: String) throws -> ([Unicode.Scalar], [ScoredRecord], Bool) {
        let parsed = try PolicyParser(options: .init(assumedDate: gold.date)).parse(path: path)
        let degraded = path.lowercased().hasSuffix(".html") && parsed.format != .html
        if degraded {
            notes.append("\(name): read as \(parsed.format.rawValue) (no HTML reader in this build), markup and all; "
                         + "left out of the totals")
        }
        var result: [ScoredRecord] = []
        var ingested: IngestedFile? = nil
        for parsedDocument in parsed.documents {
            let document = parsedDocument.document
            let dateUsed = document.date ?? gold.date
            let dateAgrees = gold.date == nil || dateUsed == gold.date
            let regionAgrees = gold.region == nil || document.region == gold.region
            if document.date == nil && gold.date != nil {
                notes.append("\(name): the pipeline found no document date; the gold's \(gold.date?.iso ?? "") was given as --date")
            }
            if dateAgrees && regionAgrees {
                result += parsedDocument.records.map { ScoredRecord(value: $0.value, text: $0.text, span: $0.span) }
                continue
            }
            notes.append("\(name): the pipeline found date \(document.date?.iso ?? "null"), region \(document.region ?? "null"); "
                         + "extracted again with the gold's \(gold.date?.iso ?? "null"), \(gold.region ?? "null")")
            if ingested == nil { ingested = try FileIngestor().ingest(path: path) }
            guard let file = ingested, let draft = file.documents.first(where: { $0.document.id == document.id }) else { continue }
            let context = ExtractionContext(documentDate: gold.date ?? document.date,
                                            region: (gold.region ?? document.region).flatMap { Gazetteer.shared.region(named: $0) },
                                            level: document.level)
            for extraction in RecordExtractor().extract(file.normalized, range: draft.range, context: context) {
                let span = file.normalized.sourceSpan(of: extraction.range)
                result.append(ScoredRecord(value: extraction.value, text: file.source[span], span: span))
            }
        }
        return (parsed.source.scalars, result, degraded)
    }

    /// Scores per kind, over all gold files.
    var scores: [RecordKind: KindScore] {
        var total: [RecordKind: KindScore] = [:]
        for result in results where !result.degraded {
            for (kind, score) in result.match.scores { total[kind, default: KindScore()] += score }
        }
        return total
    }
}
