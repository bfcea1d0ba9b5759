import CLibXML2
import Foundation
import PolicyCore

/// HTML pages through libxml2. The source text is the text taken out of the markup: block
/// elements (p, div, li, tr, td, h1–h6 …) end with `\n`, `<br>` is `\n`, entities are decoded,
/// nothing else changes; script, style, noscript, head and the like are skipped.
///
/// Documents never extend beyond the article's content container (gov.cn: `#UCAP-CONTENT`; else
/// the element holding most paragraph text), so navigation and page chrome never become body.
/// A key/value table (索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期) becomes metadata.
struct HTMLReader {
    /// Reads HTML bytes, honouring a declared charset (`<meta charset=gb2312>` → GB18030) unless
    /// the container already named one (`declared`, from MIME).
    func read(_ bytes: [UInt8], path: String, declared: String? = nil) throws(InputError) -> ExtractedText {
        let charset = declared ?? Self.declaredCharset(bytes)
        let decoded = try TextDecoder().decode(bytes, path: path, declared: charset)
        var out = try read(html: decoded.text, path: path)
        out.encoding = decoded.encoding
        return out
    }

    func read(html: String, path: String) throws(InputError) -> ExtractedText {
        let extraction = try HTMLTextExtractor.extract(html: html, path: path)
        var out = ExtractedText(source: SourceText(path: path, text: extraction.text), format: .html)
        out.lineMode = .paragraphs
        out.singleDocument = true
        out.contentRange = extraction.contentRange
        Self.applyMetadataTable(extraction.cells, text: out.source.scalars, outside: extraction.contentRange, to: &out)
        if out.fields.title == nil, let pageTitle = extraction.pageTitle, !pageTitle.isEmpty {
            out.fields.fallbackTitle = ICU.nfkc(pageTitle)
        }
        if extraction.contentRange == nil {
            out.diagnostics.append(.warning("no article container found; using the whole page", path: path))
        }
        return out
    }

    /// `<meta charset="gb2312">`, `content="text/html; charset=gbk"`, `<?xml … encoding="…"?>`.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        for marker in ["charset=", "encoding="] {
            guard let range = head.range(of: marker) else { continue }
            let rest = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if !name.isEmpty { return String(name) }
        }
        return nil
    }

    static let metadataKeys: Set<String> = [
        "索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "主题词", "文号", "发布机构",
        "发布机关", "生成日期", "名称", "有效性", "效力状态", "实施日期", "施行日期", "分类", "体裁分类",
    ]

    /// Key cell, value cell, key cell, value cell …: the gov.cn table above an article.
    static func applyMetadataTable(_ cells: [Range<Int>], text: [Unicode.Scalar], outside content: Range<Int>?,
                                   to out: inout ExtractedText) {
        var k = 0
        while k + 1 < cells.count {
            let cell = cells[k]
            if let content, content.contains(cell.lowerBound) { k += 1; continue }
            var key = text[cell].scalarString.removingWhitespace
            while key.hasSuffix(":") || key.hasSuffix("：") { key.removeLast() }
            guard metadataKeys.contains(key) else { k += 1; continue }
            let value = ICU.nfkc(text[cells[k + 1]].scalarString).trimmingWhitespace
            k += 2
            guard !value.isEmpty else { continue }
            let compact = value.removingWhitespace.scalarArray
            switch key {
            case "标题", "名称": out.fields.title = value
            case "发文字号", "文号": out.fields.docNumber = DocNumberParser.wholeLine(compact[...]) ?? value.removingWhitespace
            case "发文机关", "发布机构", "发布机关":
                out.fields.issuers = value.split(whereSeparator: { $0 == "、" || $0 == "," || $0 == " " || $0 == "\u{3000}" })
                    .map(String.init)
            case "成文日期": out.fields.date = DateParser.wholeDate(compact[...])
            default:
                // Dates in ISO form, like every other date policyq prints.
                if let date = DateParser.wholeDate(compact[...]) {
                    if key == "发布日期" { out.fields.fallbackDate = date }
                    out.metadata.append((key, date.iso))
                } else {
                    out.metadata.append((key, value))
                }
            }
        }
    }
}

/// Walks a libxml2 HTML tree (iteratively, so deep markup cannot exhaust the stack) and builds
/// the source text, remembering where elements and table cells lie in it.
struct HTMLTextExtractor {
    struct Extraction {
        var text: String
        /// Source ranges of table cells (td, th), in document order.
        var cells: [Range<Int>]
        var contentRange: Range<Int>?
        var pageTitle: String?
    }

    static let skipped: Set<String> = ["script", "style", "noscript", "head", "template", "iframe", "object", "embed",
                                      "svg", "canvas", "select", "button", "map"]
    static let blocks: Set<String> = [
        "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "tbody", "thead", "tfoot", "caption",
        "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "section", "article", "header", "footer",
        "nav", "aside", "main", "form", "dl", "dt", "dd", "address", "figure", "figcaption", "center", "hr",
        "body", "html", "title",
    ]
    /// Ids and classes of article containers on Chinese government sites.
    static let containerIDs = ["UCAP-CONTENT", "zoom", "Zoom", "mainText", "pageContent", "xxgk_content", "article",
                               "articleContent", "content", "Content", "detail"]
    static let containerClasses = ["TRS_Editor", "pages_content", "article-content", "article_content", "zwnr",
                                   "art_con", "view_content", "main-content", "content"]

    private struct Element {
        var name: String
        var id: String?
        var classes: [String]
        var start: Int
        var end: Int = 0
        /// Text directly inside it plus the text of its `p` children.
        var paragraphText = 0
    }

    static func extract(html: String, path: String) throws(InputError) -> Extraction {
        let bytes = Array(html.utf8)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        guard let doc = parsed else { throw InputError(path: path, "cannot parse HTML") }
        defer { xmlFreeDoc(doc) }
        var walker = Walker()
        var node = doc.pointee.children
        while let top = node {
            walker.walk(top)
            node = top.pointee.next
        }
        return walker.finish()
    }

    private struct Walker {
        var scalars: [Unicode.Scalar] = []
        var elements: [Element] = []
        var open: [Int] = []  // indices into `elements`
        var cells: [Range<Int>] = []
        var pageTitle: String?

        mutating func walk(_ root: xmlNodePtr) {
            var node: xmlNodePtr? = root
            while let current = node {
                let descend = enter(current)
                if descend, let child = current.pointee.children {
                    node = child
                    continue
                }
                if descend { leave(current) }
                var n = current
                while n != root, n.pointee.next == nil {
                    guard let parent = n.pointee.parent else { return }
                    n = parent
                    leave(n)
                }
                if n == root { return }
                node = n.pointee.next
            }
        }

        /// Handles a node on the way down; true when its children are to be visited.
        mutating func enter(_ node: xmlNodePtr) -> Bool {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    let text = String(cString: content)
                    let before = scalars.count
                    scalars.append(contentsOf: text.unicodeScalars)
                    if let top = open.last { elements[top].paragraphText += scalars.count - before }
                }
                return false
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { String(cString: $0) }?.lowercased() ?? ""
                if Self.isSkipped(name) {
                    if name == "head" { pageTitle = Self.title(in: node) }
                    return false
                }
                if name == "br" { scalars.append("\n"); return false }
                if HTMLTextExtractor.blocks.contains(name) { breakLine() }
                let element = Element(name: name, id: attribute(node, "id"),
                                      classes: attribute(node, "class")?.split(separator: " ").map(String.init) ?? [],
                                      start: scalars.count)
                elements.append(element)
                open.append(elements.count - 1)
                return true
            default:
                return false
            }
        }

        mutating func leave(_ node: xmlNodePtr) {
            guard node.pointee.type == XML_ELEMENT_NODE, let index = open.popLast() else { return }
            let name = elements[index].name
            if HTMLTextExtractor.blocks.contains(name) { breakLine() }
            elements[index].end = scalars.count
            if name == "td" || name == "th" { cells.append(elements[index].start..<scalars.count) }
            if name == "p", let parent = open.last {
                elements[parent].paragraphText += elements[index].end - elements[index].start
            }
        }

        static func isSkipped(_ name: String) -> Bool { HTMLTextExtractor.skipped.contains(name) }

        /// A block ends (or begins) on a line of its own.
        mutating func breakLine() {
            if let last = scalars.last, last != "\n" { scalars.append("\n") }
        }

        func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
            guard let value = xmlAttribute(node, name) else { return nil }
            defer { pq_xml_free(value) }
            return String(cString: value)
        }

        /// The text of `<title>` inside `<head>`.
        static func title(in head: xmlNodePtr) -> String? {
            var child = head.pointee.children
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name,
                   String(cString: name).lowercased() == "title", let content = xmlNodeGetContent(node) {
                    defer { pq_xml_free(content) }
                    return String(cString: content).trimmingWhitespace
                }
                child = node.pointee.next
            }
            return nil
        }

        func finish() -> Extraction {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return Extraction(text: String(view), cells: cells, contentRange: contentRange(), pageTitle: pageTitle)
        }

        /// The article container: a known id or class, else the element with most paragraph text
        /// (if it holds a good share of the page's text).
        func contentRange() -> Range<Int>? {
            func hasText(_ e: Element) -> Bool {
                scalars[e.start..<e.end].contains { !$0.isInlineSpace && !$0.isLineTerminator }
            }
            for id in HTMLTextExtractor.containerIDs {
                if let e = elements.first(where: { $0.id == id && hasText($0) }) { return e.start..<e.end }
            }
            for name in HTMLTextExtractor.containerClasses {
                if let e = elements.first(where: { $0.classes.contains(name) && hasText($0) }) { return e.start..<e.end }
            }
            let candidates = elements.filter { $0.name != "body" && $0.name != "html" }
            guard let best = candidates.max(by: { $0.paragraphText < $1.paragraphText }), best.paragraphText > 0 else {
                return nil
            }
            let total = scalars.filter { !$0.isInlineSpace && !$0.isLineTerminator }.count
            let covered = scalars[best.start..<best.end].filter { !$0.isInlineSpace && !$0.isLineTerminator }.count
            return covered * 2 >= total ? best.start..<best.end : nil
        }
    }
}

/// `xmlGetProp` with a Swift string for the attribute's name; free the result with `pq_xml_free`.
func xmlAttribute(_ node: xmlNodePtr, _ name: String) -> UnsafeMutablePointer<xmlChar>? {
    let bytes = Array(name.utf8) + [0]
    return bytes.withUnsafeBufferPointer { xmlGetProp(node, $0.baseAddress) }
}
