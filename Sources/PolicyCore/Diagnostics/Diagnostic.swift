/// A warning or error about an input, printed the way compilers do: `path:line: warning: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case warning, error, note
    }

    public var severity: Severity
    public var path: String
    /// 1-based line, nil when the problem concerns the whole file.
    public var line: Int?
    public var message: String

    public init(_ severity: Severity, path: String, line: Int? = nil, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
    }

    public static func warning(_ message: String, path: String, line: Int? = nil) -> Diagnostic {
        Diagnostic(.warning, path: path, line: line, message)
    }

    public static func error(_ message: String, path: String, line: Int? = nil) -> Diagnostic {
        Diagnostic(.error, path: path, line: line, message)
    }

    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): \(severity.rawValue): \(message)"
    }
}

extension Diagnostic: JSONRepresentable {
    public var json: JSONValue {
        .object([("type", .string("diagnostic")), ("severity", .string(severity.rawValue)), ("path", .string(path)),
                 ("line", JSONValue(line)), ("message", .string(message))])
    }
}

/// An input that cannot be used at all: `path: reason`. Readers throw it; the CLI prints it to
/// stderr, skips the file and exits 2 at the end.
public struct InputError: Error, Sendable, CustomStringConvertible, Equatable {
    public var path: String
    public var reason: String
    public init(path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}
