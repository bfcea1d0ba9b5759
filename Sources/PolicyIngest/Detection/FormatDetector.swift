import Foundation
import PolicyCore

/// Decides what kind of file a byte string is: content signatures first (`%PDF`, a ZIP, `<html`,
/// NUL bytes), then the file name's extension. Refuses what policyq cannot read, with a short
/// reason (`binary file (NUL bytes), not text`).
public enum FormatDetector {
    /// How much of the file the sniffing looks at.
    static let sniffLength = 64 * 1024

    public static func detect(_ bytes: [UInt8], path: String) throws(InputError) -> SourceFormat {
        if bytes.isEmpty { throw InputError(path: path, "empty file") }
        let ext = fileExtension(path)
        if bytes.starts(with: Array("%PDF".utf8)) { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .docx  // the DOCX reader refuses a ZIP without word/document.xml
        }
        if let reason = knownBinary(bytes) { throw InputError(path: path, reason) }
        switch ext {
        case "docx": throw InputError(path: path, "not a DOCX file (no ZIP signature)")
        case "pdf": throw InputError(path: path, "not a PDF file (no %PDF signature)")
        case "doc": throw InputError(path: path, "not a Word .doc file policyq can read; save it as .docx")
        default: break
        }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE])
            || bytes.starts(with: [0xFE, 0xFF])
        let hasNUL = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, min(buffer.count, sniffLength)) != nil } ?? false
        }
        if !hasBOM, hasNUL {
            throw InputError(path: path, "binary file (NUL bytes), not text")
        }
        if looksLikeHTML(bytes) { return .html }
        switch ext {
        case "html", "htm", "xhtml", "shtml": return .html
        case "md", "markdown": return .markdown
        default: return .text
        }
    }

    /// The lower-cased extension of a path (`法规.MD` → `md`), or "".
    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// Signatures of common binary formats a user might pass by mistake.
    static func knownBinary(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return "legacy Office file (.doc/.xls, OLE2), not supported; save it as .docx"
        }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF])
            || bytes.starts(with: Array("GIF8".utf8)) {
            return "image file, not text (policyq does no OCR)"
        }
        if bytes.starts(with: [0x1F, 0x8B]) { return "gzip-compressed file; decompress it first" }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return "RTF file, not supported; save it as .docx or .txt" }
        return nil
    }

    /// `<!DOCTYPE html`, `<html` or an XHTML prolog near the start (after a BOM and whitespace).
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        // Only the first markup matters; most files start with text and are answered at once.
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if utf16 { start = 2 }
        var head: [UInt8] = []
        for byte in bytes[start..<min(bytes.count, start + 2048)] where !(utf16 && byte == 0) {
            if head.isEmpty && (byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09) { continue }
            if head.isEmpty && byte != UInt8(ascii: "<") { return false }
            head.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        if head.starts(with: Array("<!doctype html".utf8)) || head.starts(with: Array("<html".utf8)) { return true }
        if head.starts(with: Array("<?xml".utf8)) || head.starts(with: Array("<!--".utf8)) {
            let marker = Array("<html".utf8)
            return head.indices.contains { head[$0...].starts(with: marker) }
        }
        return false
    }
}
