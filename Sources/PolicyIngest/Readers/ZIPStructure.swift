/// Checks that a ZIP archive's directory stays inside its bytes before ZIPFoundation reads it.
///
/// ZIPFoundation's in-memory archive traps (a Swift range error) when an offset in the archive
/// points past the end of the data, and leaks when it cannot read the end-of-directory record;
/// its file-backed archive leaks a path buffer per archive. So the archive is read from memory,
/// after this check has refused every structure that does not fit (found by `make fuzz`). ZIP64 archives (over 4 GB; their offsets need the ZIP64 records)
/// are refused: a DOCX policyq reads is capped at 200 MB anyway.
enum ZIPStructure {
    static let endOfDirectorySignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let directoryEntrySignature: UInt32 = 0x0201_4B50
    static let localHeaderSignature: UInt32 = 0x0403_4B50

    /// Nil when the directory fits the bytes, else the reason the archive is refused.
    static func problem(in b: [UInt8]) -> String? {
        let n = b.count
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        guard n >= 22 else { return "truncated ZIP archive" }
        // The end-of-directory record nearest the end, as ZIPFoundation finds it.
        var end = n - 22
        while end >= 0 && u32(end) != endOfDirectorySignature { end -= 1 }
        // ZIPFoundation reads the archive comment with the record; a comment running past the end
        // makes it give up without closing what it opened (a leak), so that is refused here too.
        guard end >= 0, end + 22 + u16(end + 20) <= n else { return "corrupt or truncated ZIP archive (no central directory)" }
        if end >= 20 && u32(end - 20) == zip64LocatorSignature { return "ZIP64 archive, not supported" }
        let count = u16(end + 10), directorySize = u32(end + 12), directoryStart = u32(end + 16)
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryStart == 0xFFFF_FFFF {
            return "ZIP64 archive, not supported"
        }
        var p = directoryStart
        for _ in 0..<count {
            guard p + 46 <= n, u32(p) == directoryEntrySignature else { return "corrupt ZIP central directory" }
            let versionNeeded = u16(p + 6) & 0xFF, method = u16(p + 10)
            let compressed = u32(p + 20), uncompressed = u32(p + 24)
            let nameLength = u16(p + 28), extraLength = u16(p + 30), commentLength = u16(p + 32)
            let localHeader = u32(p + 42)
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= n else { return "corrupt ZIP central directory" }
            if versionNeeded >= 45 || compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF
                || localHeader == 0xFFFF_FFFF || hasZIP64Field(b, from: p + 46 + nameLength, length: extraLength) {
                return "ZIP64 archive, not supported"
            }
            guard localHeader + 30 <= n, u32(localHeader) == localHeaderSignature else {
                return "corrupt or truncated ZIP archive (entry outside the file)"
            }
            let dataStart = localHeader + 30 + u16(localHeader + 26) + u16(localHeader + 28)
            let dataEnd = dataStart + (method == 0 ? uncompressed : compressed)
            // A data descriptor, if any, is read at `dataEnd`: inside the file (or at its end).
            guard dataEnd <= n else { return "corrupt or truncated ZIP archive (entry outside the file)" }
            p = next
        }
        return nil
    }

    /// Whether an extra-field block holds ZIP64 extended information (header id 0x0001).
    private static func hasZIP64Field(_ b: [UInt8], from start: Int, length: Int) -> Bool {
        var k = start
        let end = start + length
        while k + 4 <= end {
            let id = Int(b[k]) | Int(b[k + 1]) << 8
            let size = Int(b[k + 2]) | Int(b[k + 3]) << 8
            if id == 0x0001 { return true }
            k += 4 + size
        }
        return false
    }
}
