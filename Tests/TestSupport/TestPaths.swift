import Foundation

/// Where tests find the repository, its fixtures, and the shared corpora beside the checkout.
public enum TestPaths {
    /// The repository root (two levels above this file).
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the checkout (CI has it there); `POLICYQ_SHARED` overrides.
    public static let shared: URL = {
        if let override = ProcessInfo.processInfo.environment["POLICYQ_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        return repository.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    public static var seeds: URL { shared.appendingPathComponent("seeds") }
    public static var corpora: URL { shared.appendingPathComponent("corpora") }
    public static var peerSuites: URL { shared.appendingPathComponent("peer-suites") }
    public static var fixtures: URL { repository.appendingPathComponent("Fixtures") }
    public static var corpus: URL { repository.appendingPathComponent("corpus") }

    /// Whether the shared corpora are present (they are in CI; tests over them are skipped otherwise).
    public static var hasShared: Bool { FileManager.default.fileExists(atPath: corpora.path) }

    /// The seed whose file name starts with `prefix` (`"003"`).
    public static func seed(_ prefix: String) -> URL {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        let name = names.sorted().first { $0.hasPrefix(prefix) } ?? prefix
        return seeds.appendingPathComponent(name)
    }

    public static func fixture(_ relative: String) -> URL { fixtures.appendingPathComponent(relative) }

    /// A file of the repository's `corpus/` folder.
    public static func corpusFile(_ name: String) -> URL { corpus.appendingPathComponent(name) }

    /// Reads a UTF-8 file; fails the test run loudly if it is missing.
    public static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}

/// A temporary directory removed when the value is deinitialized.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL
    public init(prefix: String = "policyq-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }
    @discardableResult
    public func write(_ name: String, _ contents: String) throws -> URL {
        let target = file(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: target, atomically: true, encoding: .utf8)
        return target
    }
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> URL {
        let target = file(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
        return target
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}
