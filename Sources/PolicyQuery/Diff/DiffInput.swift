import Foundation
import PolicyCore
import PolicyDiff
import PolicyPipeline
import PolicyStore

/// One side of `policyq diff`: a file parsed on the spot, or a document of the index.
public struct DiffInput: Sendable {
    public var side: DiffSide
    /// Said on stderr when the choice was not obvious (a file holding several documents).
    public var note: String?

    /// `reference` is read as a file when one exists at that path, else looked up in `database`
    /// (id, 文号 or a unique part of a title — as `show`). A file holding several documents gives
    /// the one with the most clauses (a compilation's largest document, a plan before the news
    /// article printed after it).
    public static func load(_ reference: String, database: () throws -> IndexDatabase) throws -> DiffInput {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory), !isDirectory.boolValue {
            return try parse(file: reference)
        }
        return DiffInput(side: try load(reference, lookup: DocumentLookup(database: try database(), resolvesCitations: false)))
    }

    /// A document of the index.
    public static func load(_ reference: String, lookup: DocumentLookup) throws -> DiffSide {
        switch try lookup.find(reference) {
        case .document(let stored):
            return DiffSide(document: stored.document, clauses: stored.clauses, records: stored.records)
        case .clause(let stored):
            throw LookupError.noDocument("\(reference) names a clause (\(stored.clause.id)); diff compares whole documents")
        }
    }

    /// The largest document of a file.
    public static func parse(file path: String) throws -> DiffInput {
        let parsed = try PolicyParser().parse(path: path)
        guard let largest = parsed.documents.enumerated().max(by: { a, b in
            (a.element.clauses.count, -a.offset) < (b.element.clauses.count, -b.offset)
        })?.element else {
            throw InputError(path: path, "no document found")
        }
        let note = parsed.documents.count > 1
            ? "\(path): holds \(parsed.documents.count) documents; comparing the one with the most clauses, "
                + "\(largest.document.title) (\(largest.document.id))"
            : nil
        return DiffInput(side: DiffSide(document: largest.document, clauses: largest.clauses, records: largest.records),
                         note: note)
    }
}
