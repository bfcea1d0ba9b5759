import Foundation
import PolicyCore

/// Decodes plain-text files: UTF-8 (with or without BOM).
public struct PlainTextReader: Sendable {
    public init() {}

    public func decode(_ data: Data, path: String) throws(InputError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(path: path, "not valid UTF-8 text")
        }
        return text
    }
}
