import CLibXML2
import Foundation
import PolicyCore
import ZIPFoundation

/// DOCX (WordprocessingML) through ZIPFoundation and libxml2. The source text is the text of
/// `word/document.xml`: every `w:p` is a paragraph ending in `\n`, `w:t` is text, `w:tab` a tab,
/// `w:br`/`w:cr` a line break. An `w:altChunk` (a body stored as another file, typically
/// `word/afchunk.mht`: MIME, quoted-printable HTML) is read with the HTML reader in its place.
///
/// Safety: the XML is parsed without network access and without substituting entities or
/// loading DTDs (no external entities); the archive's entry count, its total uncompressed size and
/// the size of each XML part are capped (`InputLimits`) — from the sizes the central directory
/// declares and again while inflating, so a ZIP bomb is refused, not unpacked.
struct DOCXReader {
    var limits: InputLimits = .standard

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let compatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    func read(_ data: Data, path: String) throws(InputError) -> ExtractedText {
        // ZIPFoundation reads offsets from the archive unchecked: check them first (ZIPStructure).
        if let problem = ZIPStructure.problem(in: [UInt8](data)) { throw InputError(path: path, problem) }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw InputError(path: path, "corrupt or truncated ZIP archive")
        }
        var entries = 0
        var declared: UInt64 = 0
        let maxBytes = UInt64(limits.maxArchiveBytes)
        for entry in archive {
            entries += 1
            if entries > limits.maxArchiveEntries {
                throw InputError(path: path, "ZIP archive has more than \(limits.maxArchiveEntries) entries; refused")
            }
            // Saturating: declared sizes are attacker-chosen and must not wrap around.
            declared = entry.uncompressedSize > maxBytes ? maxBytes + 1 : min(maxBytes + 1, declared + entry.uncompressedSize)
            if declared > maxBytes {
                throw InputError(path: path, "ZIP archive would unpack to more than \(InputLimits.limitDescription(limits.maxArchiveBytes)) (the limit); refused")
            }
        }
        guard let documentEntry = archive["word/document.xml"] else {
            throw InputError(path: path, "ZIP archive but not a DOCX (no word/document.xml)")
        }
        var budget = maxBytes
        let documentXML = try extract(documentEntry, from: archive, budget: &budget, path: path)
        var relationships: [String: String] = [:]
        if let relsEntry = archive["word/_rels/document.xml.rels"] {
            relationships = Self.relationships(try extract(relsEntry, from: archive, budget: &budget, path: path))
        }
        var diagnostics: [Diagnostic] = []
        var encoding = TextDecoder.Encoding.utf8
        let text = try WordTextExtractor.text(of: documentXML, path: path) { id throws(InputError) in
            guard let target = relationships[id], let entry = archive[Self.partPath(target)] else {
                diagnostics.append(.warning("altChunk \(id) points to a missing part", path: path))
                return ""
            }
            let bytes = try extract(entry, from: archive, budget: &budget, path: path)
            // A chunk policyq cannot read (RTF, a nested DOCX …) is left out with a warning; the
            // rest of the document still counts.
            do throws(InputError) {
                let chunk = try Self.chunkText(bytes, name: entry.path, path: path)
                if chunk.encoding != .utf8 { encoding = chunk.encoding }
                return chunk.text
            } catch {
                diagnostics.append(.warning("altChunk \(entry.path) left out: \(error.reason)", path: path))
                return ""
            }
        }
        var out = ExtractedText(source: SourceText(path: path, text: text), format: .docx)
        if let coreEntry = archive["docProps/core.xml"], let title = Self.propertiesTitle(try extract(coreEntry, from: archive, budget: &budget, path: path)) {
            out.metadata.append(("文档属性标题", title))
            if DocTypeClassifier.endsLikeTitle(title.scalarArray) { out.fields.fallbackTitle = title }
        }
        out.lineMode = .paragraphs
        out.singleDocument = true
        out.encoding = encoding
        out.diagnostics = diagnostics
        if !out.source.scalars.contains(where: { !$0.isInlineSpace && !$0.isLineTerminator }) {
            out.diagnostics.append(.warning("DOCX has no text in word/document.xml", path: path))
        }
        return out
    }

    /// Unpacks one entry, counting its bytes against what the whole archive may unpack to.
    /// A part may unpack to at most `InputLimits.maxXMLPartBytes` (each part policyq reads is XML,
    /// HTML or text) and to no more than is left of the archive's budget; both are checked against the
    /// size the central directory declares and against the bytes actually inflated.
    private func extract(_ entry: Entry, from archive: Archive, budget: inout UInt64, path: String) throws(InputError) -> [UInt8] {
        let partLimit = UInt64(limits.maxXMLPartBytes)
        if entry.uncompressedSize > partLimit {
            throw InputError(path: path, "\(entry.path) would unpack to \(InputLimits.megabytes(Int(clamping: entry.uncompressedSize))), above the \(InputLimits.limitDescription(limits.maxXMLPartBytes)) limit for a part; refused")
        }
        var out: [UInt8] = []
        var remaining = budget
        var partLeft = partLimit
        do {
            _ = try archive.extract(entry) { chunk in
                guard UInt64(chunk.count) <= remaining, UInt64(chunk.count) <= partLeft else { throw ArchiveLimitExceeded() }
                remaining -= UInt64(chunk.count)
                partLeft -= UInt64(chunk.count)
                out.append(contentsOf: chunk)
            }
        } catch is ArchiveLimitExceeded {
            throw InputError(path: path, "\(entry.path) unpacks to more than its limit (\(InputLimits.limitDescription(limits.maxXMLPartBytes)) a part, \(InputLimits.limitDescription(limits.maxArchiveBytes)) the archive); refused")
        } catch {
            throw InputError(path: path, "corrupt DOCX: cannot unpack \(entry.path)")
        }
        budget = remaining
        return out
    }

    private struct ArchiveLimitExceeded: Error {}

    /// `rId5` → `afchunk.mht` from `word/_rels/document.xml.rels`.
    static func relationships(_ xml: [UInt8]) -> [String: String] {
        var result: [String: String] = [:]
        XMLDocument.withParsed(xml) { root in
            var child = root.pointee.children
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE {
                    // Each attribute is freed on its own: a relationship may lack one of them.
                    let id = xmlAttribute(node, "Id"), target = xmlAttribute(node, "Target")
                    if let id, let target { result[String(cString: id)] = String(cString: target) }
                    if let id { pq_xml_free(id) }
                    if let target { pq_xml_free(target) }
                }
                child = node.pointee.next
            }
        }
        return result
    }

    /// `<dc:title>` of `docProps/core.xml`, NFKC.
    static func propertiesTitle(_ xml: [UInt8]) -> String? {
        var title: String? = nil
        XMLDocument.withParsed(xml) { root in
            var child = root.pointee.children
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name, String(cString: name) == "title",
                   let content = xmlNodeGetContent(node) {
                    title = ICU.nfkc(String(cString: content)).trimmingWhitespace
                    pq_xml_free(content)
                }
                child = node.pointee.next
            }
        }
        return title?.isEmpty == false ? title : nil
    }

    /// A relationship target relative to `word/` (`afchunk.mht`, `/word/afchunk.mht`).
    static func partPath(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["word"]
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// The text of an altChunk part: MHTML, HTML or plain text.
    static func chunkText(_ bytes: [UInt8], name: String, path: String) throws(InputError) -> (text: String, encoding: TextDecoder.Encoding) {
        let lower = name.lowercased()
        if lower.hasSuffix(".mht") || lower.hasSuffix(".mhtml") || bytes.starts(with: Array("MIME-Version".utf8)) {
            guard let part = MIMEArchive.htmlPart(of: bytes) else {
                throw InputError(path: path, "altChunk \(name) holds no HTML part")
            }
            let html = try HTMLReader().read(part.decodedBody, path: path, declared: part.charset)
            return (html.source.text, html.encoding)
        }
        if lower.hasSuffix(".htm") || lower.hasSuffix(".html") || FormatDetector.looksLikeHTML(bytes) {
            let html = try HTMLReader().read(bytes, path: path)
            return (html.source.text, html.encoding)
        }
        let decoded = try TextDecoder().decode(bytes, path: path)
        return (decoded.text, decoded.encoding)
    }
}

/// Walks `word/document.xml` (iteratively) and collects its text.
enum WordTextExtractor {
    /// Elements whose text is not part of the document: deleted runs, field codes, the fallback
    /// copy of alternate content, properties.
    static let skipped: Set<String> = ["del", "delText", "instrText", "Fallback", "rPr", "pPr", "sectPr", "tblPr", "fldData"]

    static func text(of xml: [UInt8], path: String,
                     altChunk: (String) throws(InputError) -> String) throws(InputError) -> String {
        var out = String.UnicodeScalarView()
        var failure: InputError? = nil
        let parsed = XMLDocument.withParsed(xml) { root in
            var node: xmlNodePtr? = root
            while let current = node, failure == nil {
                var descend = false
                if current.pointee.type == XML_ELEMENT_NODE {
                    let name = current.pointee.name.map { String(cString: $0) } ?? ""
                    switch name {
                    case _ where skipped.contains(name): break
                    case "t": if let content = xmlNodeGetContent(current) {
                        out.append(contentsOf: String(cString: content).unicodeScalars)
                        pq_xml_free(content)
                    }
                    case "tab": out.append("\t")
                    case "br", "cr": out.append("\n")
                    case "altChunk":
                        if let id = relationshipID(current) {
                            do {
                                let chunk = try altChunk(id)
                                if let last = out.last, last != "\n" { out.append("\n") }
                                out.append(contentsOf: chunk.unicodeScalars)
                                if let last = out.last, last != "\n" { out.append("\n") }
                            } catch let error as InputError {
                                failure = error
                            } catch {
                                failure = InputError(path: path, "cannot read altChunk \(id)")
                            }
                        }
                    default: descend = true
                    }
                }
                if descend, let child = current.pointee.children {
                    node = child
                    continue
                }
                if descend { paragraphEnd(current, &out) }
                var n = current
                while n != root, n.pointee.next == nil, let parent = n.pointee.parent {
                    n = parent
                    paragraphEnd(n, &out)
                }
                if n == root { break }
                node = n.pointee.next
            }
        }
        if let failure { throw failure }
        guard parsed else { throw InputError(path: path, "corrupt DOCX: word/document.xml is not well-formed XML") }
        return String(out)
    }

    /// A `w:p` ends with a line break.
    private static func paragraphEnd(_ node: xmlNodePtr, _ out: inout String.UnicodeScalarView) {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name, String(cString: name) == "p" else { return }
        out.append("\n")
    }

    /// The `r:id` of an `w:altChunk`.
    private static func relationshipID(_ node: xmlNodePtr) -> String? {
        let name = Array("id".utf8) + [0]
        let namespace = Array(DOCXReader.relationshipNamespace.utf8) + [0]
        let value = name.withUnsafeBufferPointer { n in
            namespace.withUnsafeBufferPointer { ns in xmlGetNsProp(node, n.baseAddress, ns.baseAddress) }
        }
        guard let value else { return nil }
        defer { pq_xml_free(value) }
        return String(cString: value)
    }
}

/// Parsing XML safely: no network, no entity substitution, no DTD loading (XXE-safe).
enum XMLDocument {
    /// Parses `bytes` and calls `body` with the root element. False when the XML is not well-formed.
    @discardableResult
    static func withParsed(_ bytes: [UInt8], _ body: (xmlNodePtr) -> Void) -> Bool {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(chars.count), nil, nil, options)
            }
        }
        guard let doc = parsed else { return false }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return false }
        body(root)
        return true
    }
}
