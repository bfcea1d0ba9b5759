/// The limits that protect memory and time from hostile or absurd input. Each is checked before the
/// work it guards; going past one refuses the file as `path: reason` (`InputError`), except the clause
/// limit, which stops segmenting with a warning. The README's "Limits" section lists them.
public struct InputLimits: Sendable, Hashable {
    /// Largest file read, in bytes; checked from the file's size before it is read.
    public var maxFileBytes: Int
    /// Most characters (Unicode scalars) a file's text may decode to.
    public var maxTextScalars: Int
    /// Longest paragraph (a line, or an HTML/DOCX paragraph) in characters; a longer one refuses the
    /// file (scanning it would cost time that grows with its square in places).
    public var maxLineScalars: Int
    /// Most clauses segmented in one document; beyond it segmenting stops with a warning.
    public var maxClauses: Int
    /// Largest XML part of a DOCX (`word/document.xml` …), uncompressed bytes.
    public var maxXMLPartBytes: Int
    /// Most bytes a ZIP archive (DOCX) may unpack to, all entries together.
    public var maxArchiveBytes: Int
    /// Most entries a ZIP archive may have.
    public var maxArchiveEntries: Int

    /// 64 MB.
    public static let defaultMaxFileBytes = 64 * 1_048_576
    /// 4,000,000 characters.
    public static let defaultMaxTextScalars = 4_000_000
    /// 100,000 characters.
    public static let defaultMaxLineScalars = 100_000
    /// 20,000 clauses.
    public static let defaultMaxClauses = 20_000
    /// 16 MB.
    public static let defaultMaxXMLPartBytes = 16 * 1_048_576
    /// 200 MB.
    public static let defaultMaxArchiveBytes = 200 * 1_048_576
    /// 10,000 entries.
    public static let defaultMaxArchiveEntries = 10_000

    /// The limits policyq runs with.
    public static let standard = InputLimits()

    public init(maxFileBytes: Int = defaultMaxFileBytes, maxTextScalars: Int = defaultMaxTextScalars,
                maxLineScalars: Int = defaultMaxLineScalars, maxClauses: Int = defaultMaxClauses,
                maxXMLPartBytes: Int = defaultMaxXMLPartBytes, maxArchiveBytes: Int = defaultMaxArchiveBytes,
                maxArchiveEntries: Int = defaultMaxArchiveEntries) {
        self.maxFileBytes = maxFileBytes
        self.maxTextScalars = maxTextScalars
        self.maxLineScalars = maxLineScalars
        self.maxClauses = maxClauses
        self.maxXMLPartBytes = maxXMLPartBytes
        self.maxArchiveBytes = maxArchiveBytes
        self.maxArchiveEntries = maxArchiveEntries
    }

    /// `70.0 MB` — a byte count for messages (`1001 bytes` below 0.1 MB).
    public static func megabytes(_ bytes: Int) -> String {
        if bytes < 1_048_576 / 10 { return "\(bytes) bytes" }
        let tenths = (Double(bytes) / 1_048_576 * 10).rounded() / 10
        return "\(tenths) MB"
    }

    /// `64 MB` — a limit for messages (whole megabytes when it is one).
    public static func limitDescription(_ bytes: Int) -> String {
        bytes % 1_048_576 == 0 ? "\(bytes / 1_048_576) MB" : megabytes(bytes)
    }

    /// The reason a file of `bytes` bytes is refused, nil when it is within the limit.
    public func fileSizeProblem(_ bytes: Int) -> String? {
        bytes > maxFileBytes
            ? "file is \(Self.megabytes(bytes)), above the \(Self.limitDescription(maxFileBytes)) limit" : nil
    }

    /// A cheap check of undecoded text bytes, before decoding: more bytes than the text limit could
    /// decode to in any encoding, or a run without line breaks longer than the longest line could be.
    public func rawTextProblem(_ bytes: [UInt8]) -> String? {
        if bytes.count > maxTextScalars * 4 {
            return "file is \(Self.megabytes(bytes.count)) of text, more than the \(maxTextScalars) characters allowed"
        }
        var run = 0, longest = 0
        for byte in bytes {
            if byte == 0x0A || byte == 0x0D { run = 0 } else { run += 1; if run > longest { longest = run } }
        }
        if longest > maxLineScalars * 4 {
            return "a line of more than \(maxLineScalars) characters (\(Self.megabytes(longest)) without a line break); not a text document?"
        }
        return nil
    }

    /// The reason a text is refused: too many characters or a paragraph too long; nil when it is fine.
    /// One pass over the scalars; inlinable so that callers in other modules get it specialized
    /// (the generic version cost 0.5 s of CPU on laws-md, ~28 ns a character).
    @inlinable
    public func textProblem<S: Collection>(_ scalars: S) -> String? where S.Element == Unicode.Scalar {
        var count = 0, line = 0, longest = 0
        for scalar in scalars {
            count += 1
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" || scalar == "\u{2028}" {
                line = 0
            } else {
                line += 1
                if line > longest { longest = line }
            }
        }
        if count > maxTextScalars {
            return "text is \(count) characters, above the \(maxTextScalars) limit"
        }
        if longest > maxLineScalars {
            return "a line of \(longest) characters, above the \(maxLineScalars) limit (no line breaks: not a text document?)"
        }
        return nil
    }
}
