import Foundation
import PolicyCore

/// Turns the paths given to `policyq ingest` into the files to read: files as given, folders
/// searched recursively for the kinds of file policyq reads, in sorted order, without hidden
/// files and folders, each file once.
public struct FileWalker: Sendable {
    /// Extensions taken from folders (a file named explicitly is always tried).
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "xhtml", "shtml", "docx"]

    public init() {}

    public struct Result: Sendable {
        /// Files to ingest, with their stamps (size, mtime) taken now.
        public var files: [FileStamp] = []
        /// Paths that do not exist or cannot be listed.
        public var errors: [InputError] = []
    }

    public func expand(_ paths: [String]) -> Result {
        var result = Result()
        var seen: Set<String> = []
        func add(_ source: String) {
            let key = Self.key(for: source)
            guard seen.insert(key).inserted else { return }
            switch Self.stamp(source: source, key: key) {
            case .success(let stamp): result.files.append(stamp)
            case .failure(let error): result.errors.append(error)
            }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.errors.append(InputError(path: path, "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                add(path)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                result.errors.append(InputError(path: path, "cannot list this folder"))
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = relative.split(separator: "/").last.map(String.init) ?? relative
                if name.hasPrefix(".") {
                    if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                        enumerator.skipDescendants()
                    }
                    continue
                }
                guard let dot = name.lastIndex(of: "."),
                      Self.extensions.contains(name[name.index(after: dot)...].lowercased()) else { continue }
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { continue }
                found.append(relative)
            }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            for relative in found.sorted() { add(prefix + relative) }
        }
        return result
    }

    /// Absolute, standardized path: the same file named two ways is one key.
    public static func key(for path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    static func stamp(source: String, key: String) -> Swift.Result<FileStamp, InputError> {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: source)
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            let mtime = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return .success(FileStamp(key: key, source: source, size: size, mtime: mtime))
        } catch {
            return .failure(InputError(path: source, "cannot read file attributes"))
        }
    }
}
