import Foundation
import PolicyCore

/// Turns the bytes of a text file into a String: byte-order marks first (UTF-8, UTF-16LE/BE), then
/// strict UTF-8, then GB18030 (the superset of GBK and GB2312) when ICU's detector or the text
/// itself says Chinese. Nothing is replaced silently: bytes that fit none of these are refused with
/// the offset of the first bad byte.
public struct TextDecoder: Sendable {
    /// The encoding a text was decoded from.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", gb18030 = "GB18030"
    }

    public struct Decoded: Sendable {
        public var text: String
        public var encoding: Encoding
        /// The file started with a byte-order mark (removed from `text`).
        public var hadBOM: Bool
    }

    public init() {}

    /// Decodes `bytes`; `declared` is a charset the container names (HTML `<meta charset>`,
    /// MIME `charset=`), honoured before any guessing.
    public func decode(_ bytes: [UInt8], path: String, declared: String? = nil) throws(InputError) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: try utf8(bytes[3...], path: path, offsetBase: 3), encoding: .utf8, hadBOM: true)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: try utf16(bytes[2...], charset: .utf16LE, path: path), encoding: .utf16LE, hadBOM: true)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: try utf16(bytes[2...], charset: .utf16BE, path: path), encoding: .utf16BE, hadBOM: true)
        }
        if let declared, let encoding = Self.encoding(named: declared) {
            switch encoding {
            case .gb18030:
                if let text = try? ICU.decode(bytes, charset: "GB18030") { return Decoded(text: text, encoding: .gb18030, hadBOM: false) }
            case .utf16LE, .utf16BE:
                return Decoded(text: try utf16(bytes[...], charset: encoding, path: path), encoding: encoding, hadBOM: false)
            case .utf8:
                break
            }
            // A wrong declaration (common on old sites): fall through to detection.
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, encoding: .utf8, hadBOM: false)
        }
        if let text = gb18030IfPlausible(bytes) {
            return Decoded(text: text, encoding: .gb18030, hadBOM: false)
        }
        let offset = Self.firstInvalidUTF8Offset(bytes[...]) ?? 0
        throw InputError(path: path, "cannot decode: not UTF-8, UTF-16 or GB18030 (invalid bytes at offset \(offset))")
    }

    /// Maps a declared charset name to what we decode it as (GBK and GB2312 as their superset GB18030).
    static func encoding(named name: String) -> Encoding? {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "utf-8", "utf8": return .utf8
        case "gb2312", "gbk", "gb18030", "cp936", "ms936", "windows-936", "x-gbk", "euc-cn", "x-euc-cn", "csgb2312":
            return .gb18030
        case "utf-16le": return .utf16LE
        case "utf-16be", "utf-16": return .utf16BE
        default: return nil
        }
    }

    private func utf8(_ bytes: ArraySlice<UInt8>, path: String, offsetBase: Int) throws(InputError) -> String {
        if let bad = Self.firstInvalidUTF8Offset(bytes) {
            throw InputError(path: path, "cannot decode: invalid UTF-8 after a UTF-8 byte-order mark (invalid bytes at offset \(bad + offsetBase))")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func utf16(_ bytes: ArraySlice<UInt8>, charset: Encoding, path: String) throws(InputError) -> String {
        if bytes.count % 2 != 0 {
            throw InputError(path: path, "cannot decode: \(charset.rawValue) text with an odd number of bytes")
        }
        do {
            return try ICU.decode(bytes, charset: charset.rawValue)
        } catch let failure as ICU.DecodingFailure {
            let offset = failure.byteOffset + (bytes.startIndex)
            throw InputError(path: path, "cannot decode: invalid \(charset.rawValue) (invalid bytes at offset \(offset))")
        } catch {
            throw InputError(path: path, "cannot decode \(charset.rawValue): \(error)")
        }
    }

    /// GB18030 when the bytes decode strictly and the result reads as Chinese text.
    private func gb18030IfPlausible(_ bytes: [UInt8]) -> String? {
        let guess = ICU.detectCharset(bytes)
        guard let text = try? ICU.decode(bytes, charset: "GB18030") else { return nil }
        if let guess, guess.name == "GB18030" || guess.name.hasPrefix("GB") { return text }
        return Self.readsAsChinese(text) ? text : nil
    }

    /// Most non-ASCII characters are Hanzi, CJK punctuation or full-width forms (random bytes
    /// decoded as GB18030 give rare symbols and private-use characters instead).
    static func readsAsChinese(_ text: String) -> Bool {
        var nonASCII = 0, chinese = 0
        for s in text.unicodeScalars where s.value >= 0x80 {
            nonASCII += 1
            if s.isHan || s.isCJKPunctuation || s.isInlineSpace { chinese += 1 }
        }
        return nonASCII > 0 && chinese * 100 >= nonASCII * 95
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence, or nil if all are valid.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var value: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(b & 0x07)
            default: return i - bytes.startIndex
            }
            guard i + length <= end else { return i - bytes.startIndex }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i - bytes.startIndex }
                value = value << 6 | UInt32(c & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i - bytes.startIndex }
            i += length
        }
        return nil
    }
}
