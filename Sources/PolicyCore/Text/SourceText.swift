/// The decoded text of one input file — the text every `start`/`end` in policyq's output indexes.
///
/// For plain text this is the file after decoding (BOM removed, line endings kept); for HTML and
/// DOCX it is the text taken out of the markup (see `../shared/spec/records.md`). Offsets are
/// Unicode scalar offsets, so `scalars` is kept alongside the string.
public struct SourceText: Sendable {
    /// Path of the file as given on the command line (or `-` for standard input).
    public let path: String
    public let text: String
    public let scalars: [Unicode.Scalar]
    /// Offsets where each line begins (line 1 at index 0), for `path:line:` diagnostics.
    public let lineStarts: [Int]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        let scalars = Array(text.unicodeScalars)
        self.scalars = scalars
        var starts = [0]
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            if v == 0x0A || (v == 0x0D && (i + 1 >= scalars.count || scalars[i + 1].value != 0x0A)) {
                starts.append(i + 1)
            }
            i += 1
        }
        self.lineStarts = starts
    }

    public var count: Int { scalars.count }

    /// The source text of a span (clamped to the text).
    public subscript(span: Span) -> String {
        let lower = max(0, min(span.start, scalars.count))
        let upper = max(lower, min(span.end, scalars.count))
        return String(scalars: scalars[lower..<upper])
    }

    /// 1-based line number of a scalar offset.
    public func lineNumber(at offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }
}

/// A half-open range of Unicode scalar offsets into a file's `SourceText`.
public struct Span: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
    public var isEmpty: Bool { end <= start }
    public var length: Int { end - start }
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    public var description: String { "[\(start), \(end))" }
}

extension String {
    /// A string of `scalars`, encoded straight to UTF-8 (several times faster than appending them
    /// to a `String.UnicodeScalarView`, which shows in segmentation and extraction profiles).
    public init(scalars: ArraySlice<Unicode.Scalar>) {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count * 3)
        for scalar in scalars {
            let v = scalar.value
            switch v {
            case 0..<0x80:
                utf8.append(UInt8(v))
            case 0x80..<0x800:
                utf8.append(UInt8(0xC0 | (v >> 6)))
                utf8.append(UInt8(0x80 | (v & 0x3F)))
            case 0x800..<0x10000:
                utf8.append(UInt8(0xE0 | (v >> 12)))
                utf8.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                utf8.append(UInt8(0x80 | (v & 0x3F)))
            default:
                utf8.append(UInt8(0xF0 | (v >> 18)))
                utf8.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                utf8.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                utf8.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        self = String(decoding: utf8, as: UTF8.self)
    }
}
