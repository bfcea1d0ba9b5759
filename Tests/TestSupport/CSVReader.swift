/// A strict RFC 4180 reader for tests: reads back what policyq writes, independently of the writer.
///
/// Fields are separated by `,` (or the given separator); a field starting with `"` is quoted, runs
/// to the next lone `"`, and `""` inside stands for one quote; records end in CRLF (LF accepted).
/// A leading UTF-8 byte-order mark is skipped. Malformed input (a quote inside an unquoted field,
/// text after a closing quote, an unterminated quote) throws.
public enum CSVReader {
    public struct Malformed: Error, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "CSV malformed at scalar \(offset): \(reason)" }
    }

    public static func records(_ text: String, separator: Unicode.Scalar = ",") throws -> [[String]] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var i = 0
        var atFieldStart = true
        func endField() {
            record.append(String(field))
            field = String.UnicodeScalarView()
            atFieldStart = true
        }
        func endRecord() {
            endField()
            records.append(record)
            record = []
        }
        while i < scalars.count {
            let c = scalars[i]
            if atFieldStart && c == "\"" {
                // Quoted field.
                i += 1
                while true {
                    guard i < scalars.count else { throw Malformed(offset: i, reason: "unterminated quoted field") }
                    if scalars[i] == "\"" {
                        if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                            field.append("\"")
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    field.append(scalars[i])
                    i += 1
                }
                atFieldStart = false
                guard i == scalars.count || scalars[i] == separator || scalars[i] == "\r" || scalars[i] == "\n" else {
                    throw Malformed(offset: i, reason: "text after a closing quote")
                }
                continue
            }
            atFieldStart = false
            switch c {
            case separator:
                endField()
                i += 1
            case "\r":
                guard i + 1 < scalars.count, scalars[i + 1] == "\n" else {
                    throw Malformed(offset: i, reason: "CR without LF outside quotes")
                }
                endRecord()
                i += 2
            case "\n":
                endRecord()
                i += 1
            case "\"":
                throw Malformed(offset: i, reason: "quote inside an unquoted field")
            default:
                field.append(c)
                i += 1
            }
        }
        if !atFieldStart || !field.isEmpty || !record.isEmpty { endRecord() }
        return records
    }

    /// Records as dictionaries keyed by the header (first record).
    public static func rows(_ text: String, separator: Unicode.Scalar = ",") throws -> [[String: String]] {
        let all = try records(text, separator: separator)
        guard let header = all.first else { return [] }
        return all.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) }
    }
}
