import Foundation
import PolicyCore

/// MHTML (`.mht`, a MIME `multipart/related` message), as Word stores an altChunk: finds the
/// HTML part and undoes its transfer encoding (quoted-printable or base64).
enum MIMEArchive {
    struct Part {
        var headers: [String: String]
        var body: [UInt8]

        /// `text/html; charset="utf-8"` → `text/html`.
        var contentType: String {
            (headers["content-type"] ?? "text/plain").split(separator: ";").first.map { String($0).trimmingWhitespace.lowercased() } ?? ""
        }

        /// The `charset` parameter of the content type.
        var charset: String? { MIMEArchive.parameter("charset", in: headers["content-type"] ?? "") }

        /// The body with its transfer encoding undone.
        var decodedBody: [UInt8] {
            switch (headers["content-transfer-encoding"] ?? "").trimmingWhitespace.lowercased() {
            case "quoted-printable": return MIMEArchive.decodeQuotedPrintable(body)
            case "base64":
                let text = String(decoding: body, as: UTF8.self)
                return Data(base64Encoded: text, options: .ignoreUnknownCharacters).map { [UInt8]($0) } ?? []
            default: return body
            }
        }
    }

    /// The first HTML part of a MIME message (or the message itself if it is a single HTML part).
    static func htmlPart(of message: [UInt8]) -> Part? {
        let top = split(message)
        if top.contentType.hasPrefix("multipart/"), let boundary = parameter("boundary", in: top.headers["content-type"] ?? "") {
            for part in parts(of: top.body, boundary: boundary) where part.contentType == "text/html" { return part }
            return nil
        }
        return top.contentType == "text/html" ? top : nil
    }

    /// Headers (unfolded, names lower-cased) and body.
    static func split(_ bytes: [UInt8]) -> Part {
        var headers: [String: String] = [:]
        var i = 0
        var lastName: String? = nil
        while i < bytes.count {
            var j = i
            while j < bytes.count && bytes[j] != 0x0A { j += 1 }
            var line = bytes[i..<j]
            if line.last == 0x0D { line = line.dropLast() }
            i = min(j + 1, bytes.count)
            if line.isEmpty { break }
            let text = String(decoding: line, as: UTF8.self)
            if let first = line.first, first == 0x20 || first == 0x09, let name = lastName {
                headers[name, default: ""] += " " + text.trimmingWhitespace  // folded continuation
            } else if let colon = text.firstIndex(of: ":") {
                let name = text[..<colon].lowercased().trimmingWhitespace
                headers[name] = String(text[text.index(after: colon)...]).trimmingWhitespace
                lastName = name
            }
        }
        return Part(headers: headers, body: Array(bytes[i...]))
    }

    /// The parts between `--boundary` lines.
    static func parts(of body: [UInt8], boundary: String) -> [Part] {
        let marker = Array(("--" + boundary).utf8)
        var starts: [Int] = []
        var i = 0
        while i + marker.count <= body.count {
            let atLineStart = i == 0 || body[i - 1] == 0x0A
            if atLineStart && body[i..<(i + marker.count)].elementsEqual(marker) {
                starts.append(i)
                i += marker.count
            } else {
                i += 1
            }
        }
        var result: [Part] = []
        for (k, start) in starts.enumerated() {
            var contentStart = start + marker.count
            // The closing delimiter `--boundary--`.
            if contentStart + 1 < body.count && body[contentStart] == 0x2D && body[contentStart + 1] == 0x2D { break }
            while contentStart < body.count && body[contentStart] != 0x0A { contentStart += 1 }
            contentStart = min(contentStart + 1, body.count)
            let end = k + 1 < starts.count ? starts[k + 1] : body.count
            guard contentStart < end else { continue }
            result.append(split(Array(body[contentStart..<end])))
        }
        return result
    }

    /// `name="value"` or `name=value` in a header value.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let pair = piece.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
        return nil
    }

    /// RFC 2045 quoted-printable: `=XX` bytes, `=` at a line end joins lines.
    static func decodeQuotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x41...0x46: return b - 0x41 + 10
            case 0x61...0x66: return b - 0x61 + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x3D else { out.append(b); i += 1; continue }
            if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 2; continue }
            if i + 2 < bytes.count && bytes[i + 1] == 0x0D && bytes[i + 2] == 0x0A { i += 3; continue }
            if i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) {
                out.append(high << 4 | low)
                i += 3
                continue
            }
            out.append(b)
            i += 1
        }
        return out
    }
}
