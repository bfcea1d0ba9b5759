import CICU

/// System ICU, reached through the `CICU` C target (see DEVELOPERS.md for why it is wrapped).
///
/// Every function here is safe to call from several threads at once: each call opens and closes
/// its own ICU objects.
public enum ICU {
    /// An ICU call that failed, with ICU's own error name (`U_INVALID_CHAR_FOUND` …).
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let code: Int32
        public let operation: String
        public var description: String {
            "\(operation) failed: \(String(cString: pq_error_name(code)))"
        }
    }

    /// A charset guess from ICU's detector: its ICU name and a confidence from 0 to 100.
    public struct CharsetGuess: Sendable, Equatable {
        public let name: String
        public let confidence: Int
    }

    /// An invalid byte sequence met while decoding.
    public struct DecodingFailure: Error, CustomStringConvertible, Sendable {
        public let charset: String
        public let byteOffset: Int
        public var description: String { "bytes at offset \(byteOffset) are not valid \(charset)" }
    }

    private static let overflow: Int32 = 15  // U_BUFFER_OVERFLOW_ERROR

    /// NFKC normalization (`２０２３（一）` → `2023(一)`).
    public static func nfkc(_ text: String) -> String {
        let source = Array(text.utf16)
        if source.isEmpty { return text }
        return (try? utf16Call(capacity: source.count * 2 + 8, operation: "unorm2_normalize") { dest, cap, status in
            pq_nfkc(source, Int32(source.count), dest, cap, status)
        }) ?? text
    }

    /// Whether `text` is certainly in NFKC already.
    public static func isNFKC(_ text: String) -> Bool {
        let source = Array(text.utf16)
        var status: Int32 = 0
        return pq_nfkc_is_normalized(source, Int32(source.count), &status) == 1 && status <= 0
    }

    /// ICU's best guess at the charset of `bytes`, or nil if nothing matched.
    public static func detectCharset<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> CharsetGuess? {
        let raw = Array(bytes.prefix(1 << 20))  // the detector looks at a prefix anyway
        var name = [CChar](repeating: 0, count: 64)
        var status: Int32 = 0
        let confidence = raw.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                pq_detect_charset(chars.baseAddress, Int32(chars.count), &name, Int32(name.count), &status)
            }
        }
        guard confidence >= 0, status <= 0 else { return nil }
        let decoded = name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return CharsetGuess(name: decoded, confidence: Int(confidence))
    }

    /// Decodes `bytes` from `charset` (an ICU converter name: `GB18030`, `GBK`, `UTF-16LE` …).
    /// Throws `DecodingFailure` at the first invalid sequence instead of inserting U+FFFD.
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, charset: String) throws -> String {
        let raw = Array(bytes)
        var capacity = raw.count + 16
        while true {
            var dest = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            var errorOffset: Int32 = -1
            let written = raw.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    pq_decode(charset, chars.baseAddress, Int32(chars.count), &dest, Int32(capacity),
                              &errorOffset, &status)
                }
            }
            if status == overflow {
                capacity = Int(written) + 16
                continue
            }
            if status > 0 {
                if errorOffset >= 0 { throw DecodingFailure(charset: charset, byteOffset: Int(errorOffset)) }
                throw Failure(code: status, operation: "ucnv_toUnicode(\(charset))")
            }
            return String(decoding: dest[0..<Int(written)], as: UTF16.self)
        }
    }

    /// Applies an ICU transform, e.g. `"Han-Latin; Latin-ASCII"` for toneless pinyin.
    public static func transliterate(_ text: String, transform: String) throws -> String {
        let source = Array(text.utf16)
        if source.isEmpty { return text }
        return try utf16Call(capacity: source.count * 8 + 16, operation: "utrans(\(transform))") { dest, cap, status in
            pq_transliterate(transform, source, Int32(source.count), dest, cap, status)
        }
    }

    /// Pinyin of a Chinese text without tone marks, syllables separated by spaces (`山西` → `shan xi`).
    public static func pinyin(_ text: String) -> String {
        (try? transliterate(text, transform: "Han-Latin; Latin-ASCII; Lower")) ?? text
    }

    /// Word boundaries found by ICU's dictionary-based break iterator, as offsets in Unicode
    /// scalars (0 and the text's length included).
    public static func wordBoundaries(_ text: String) -> [Int] {
        let source = Array(text.utf16)
        if source.isEmpty { return [0] }
        var capacity = source.count + 2
        var boundaries: [Int32] = []
        while true {
            boundaries = [Int32](repeating: 0, count: capacity)
            var status: Int32 = 0
            let count = Int(pq_word_boundaries(source, Int32(source.count), &boundaries, Int32(capacity), &status))
            if status == overflow { capacity = count; continue }
            boundaries.removeSubrange(min(count, boundaries.count)...)
            break
        }
        // Convert UTF-16 offsets to Unicode scalar offsets.
        var scalarOffsetOfUTF16 = [Int](repeating: 0, count: source.count + 1)
        var scalars = 0
        var i = 0
        while i < source.count {
            scalarOffsetOfUTF16[i] = scalars
            if UTF16.isLeadSurrogate(source[i]), i + 1 < source.count {
                scalarOffsetOfUTF16[i + 1] = scalars
                i += 2
            } else {
                i += 1
            }
            scalars += 1
        }
        scalarOffsetOfUTF16[source.count] = scalars
        return boundaries.map { scalarOffsetOfUTF16[Int($0)] }
    }

    /// Calls a C function that writes UTF-16 into a caller-provided buffer, growing it on overflow.
    private static func utf16Call(capacity initial: Int, operation: String,
                                  _ body: (UnsafeMutablePointer<UInt16>, Int32, UnsafeMutablePointer<Int32>) -> Int32) throws -> String {
        var capacity = initial
        for _ in 0..<4 {
            var dest = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            let written = dest.withUnsafeMutableBufferPointer { buffer in
                body(buffer.baseAddress!, Int32(capacity), &status)
            }
            if status == overflow {
                capacity = max(Int(written) + 16, capacity * 2)
                continue
            }
            if status > 0 { throw Failure(code: status, operation: operation) }
            return String(decoding: dest[0..<Int(written)], as: UTF16.self)
        }
        throw Failure(code: overflow, operation: operation)
    }
}
