import PolicyCore
import PolicyExtract

/// Fills the `target` of citation records with the id of the cited document when that document is
/// among the ones parsed together (the files of one `policyq parse` run). The index resolves
/// against everything it holds instead (`PolicyQuery.CrossReferences`).
public enum CitationLinker {
    /// The resolver over every document of `files`.
    public static func resolver(for files: [ParsedFile]) -> CitationResolver {
        CitationResolver(documents: files.flatMap { file in
            file.documents.map { CitationResolver.Document(id: $0.document.id, title: $0.document.title,
                                                           docNumber: $0.document.docNumber) }
        })
    }

    /// Resolves every citation of `files` against the documents of `files`. A document citing its
    /// own title or 文号 (the notice that issues it) keeps `target` null: it is no cross-reference.
    public static func link(_ files: inout [ParsedFile]) {
        let resolver = resolver(for: files)
        for f in files.indices {
            for d in files[f].documents.indices {
                let documentID = files[f].documents[d].document.id
                for r in files[f].documents[d].records.indices {
                    let value = files[f].documents[d].records[r].value
                    guard case let .citation(title, number, _) = value,
                          let resolution = resolver.resolve(value), resolution.target != documentID else { continue }
                    files[f].documents[d].records[r].value = .citation(title: title, docNumber: number,
                                                                       target: resolution.target)
                }
            }
        }
    }
}
