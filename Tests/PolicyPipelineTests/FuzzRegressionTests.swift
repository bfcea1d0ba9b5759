import Foundation
import PolicyPipeline
import Testing
import TestSupport

/// Replays inputs the fuzzer found (Fixtures/fuzz-regressions/) through the same path it fuzzes.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let inputs: [URL] = {
        let dir = TestPaths.fixture("fuzz-regressions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0 != "README.md" }.sorted().map { dir.appendingPathComponent($0) }
    }()

    @Test("the regression folder is readable")
    func folderExists() {
        #expect(FileManager.default.fileExists(atPath: TestPaths.fixture("fuzz-regressions/README.md").path))
    }

    @Test("every former crash input parses or is refused with a reason", arguments: inputs)
    func replay(input: URL) throws {
        let bytes = try Data(contentsOf: input)
        guard let selector = bytes.first else { return }
        let names = ["fuzz.txt", "fuzz.md", "fuzz.html", "fuzz.docx", "fuzz"]
        do {
            let parsed = try PolicyParser().parse(data: Data(bytes.dropFirst()), path: names[Int(selector) % names.count])
            for document in parsed.documents {
                for clause in document.clauses { #expect(parsed.source[clause.span] == clause.text) }
            }
        } catch {
            #expect(!error.reason.isEmpty)
        }
    }
}
