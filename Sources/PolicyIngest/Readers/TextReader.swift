import Foundation
import PolicyCore

/// Plain text and Markdown: decoding, database-export headers (`【法宝引证码】`, `原文链接：`),
/// Markdown front matter, comments, heading markers and law info lines, and the page furniture of
/// text copied out of PDFs. The source text is the decoded file; everything that is not body text
/// is handed on as drop ranges and metadata.
struct TextReader {
    func read(_ bytes: [UInt8], path: String, format: SourceFormat) throws(InputError) -> ExtractedText {
        let decoded = try TextDecoder().decode(bytes, path: path)
        return read(text: decoded.text, encoding: decoded.encoding, path: path, format: format)
    }

    /// Reads already-decoded text (also used for the text `pdftotext` prints).
    func read(text: String, encoding: TextDecoder.Encoding = .utf8, path: String, format: SourceFormat) -> ExtractedText {
        var out = ExtractedText(source: SourceText(path: path, text: text), format: format)
        out.encoding = encoding
        out.lineMode = format == .markdown ? .paragraphs : .automatic
        ExportHeader.read(into: &out)
        if format == .markdown || MarkdownSyntax.hasHeadings(out.source.scalars) {
            MarkdownSyntax.read(into: &out, frontMatter: format == .markdown)
        }
        if format == .text || format == .pdf {
            out.drops += PageFurniture.ranges(in: out.source, excluding: out.drops)
        }
        if let date = Self.dateInFileName(path) {
            out.fields.fallbackDate = out.fields.fallbackDate ?? date
        }
        return out
    }

    /// `行政复议法(2017-09-01).md` → 2017-09-01.
    static func dateInFileName(_ path: String) -> CivilDate? {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).scalarArray
        var i = 0
        while i < name.count {
            if name[i] == "(" || name[i] == "（", let (date, end) = DateParser.date(in: name, at: i + 1),
               end < name.count, name[end] == ")" || name[end] == "）" {
                return date
            }
            i += 1
        }
        return nil
    }
}

/// Header and footer lines of database exports (北大法宝/pkulaw and similar):
/// `【法宝引证码】 CLI.12.4638041`, `原文链接：https://…`, `【发布部门】 …`. They become metadata
/// and are left out of the normalized view.
enum ExportHeader {
    /// Keys written as `key：value` (without brackets).
    static let colonKeys: Set<String> = [
        "原文链接", "来源", "发布部门", "发文字号", "发布日期", "实施日期", "施行日期", "时效性", "效力级别", "法规类别",
        "失效依据", "批准日期", "公布日期", "制定机关", "文号",
    ]

    static func read(into out: inout ExtractedText) {
        let scalars = out.source.scalars
        var metadata: [(String, String)] = []
        // From the top, while lines are header lines (blank lines allowed).
        var headerEnd = 0
        for line in SourceLines(scalars) {
            let content = scalars.trimmed(line.content)
            if content.isEmpty { continue }
            guard let pair = keyValue(scalars[content]) else { headerEnd = line.full.lowerBound; break }
            metadata.append(pair)
            out.drop(content)
            headerEnd = line.full.upperBound
        }
        // From the bottom, likewise (footers), never reaching into the header.
        var footer: [(String, String)] = []
        var end = scalars.count
        while end > headerEnd {
            var start = end
            while start > headerEnd && !scalars[start - 1].isLineTerminator { start -= 1 }
            let content = scalars.trimmed(start..<end)
            if !content.isEmpty {
                guard let pair = keyValue(scalars[content]) else { break }
                footer.insert(pair, at: 0)
                out.drop(content)
            }
            end = start
            while end > headerEnd && scalars[end - 1].isLineTerminator { end -= 1 }
        }
        metadata += footer
        out.metadata += metadata
        for (key, value) in metadata {
            switch key {
            case "发文字号", "文号":
                if let number = DocNumberParser.wholeLine(normalized(value)[...]) { out.fields.docNumber = number }
            case "发布部门", "制定机关":
                let names = ICU.nfkc(value).split(whereSeparator: { $0 == "、" || $0 == " " || $0 == "，" || $0 == "," })
                    .map(String.init).filter(OrganizationNames.isOrganization)
                if !names.isEmpty { out.fields.issuers = names }
            case "发布日期", "公布日期":
                if let date = DateParser.wholeDate(normalized(value)[...]) { out.fields.fallbackDate = date }
            default: break
            }
        }
    }

    /// `【key】 value` or `key：value` with a known key.
    static func keyValue(_ line: ArraySlice<Unicode.Scalar>) -> (String, String)? {
        if line.first == "【", let close = line.firstIndex(of: "】"), close > line.startIndex + 1 {
            let key = line[(line.startIndex + 1)..<close].scalarString.trimmingWhitespace
            let value = line[(close + 1)...].scalarString.trimmingWhitespace
            return key.count <= 10 ? (key, value) : nil
        }
        guard let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let key = line[line.startIndex..<colon].scalarString.trimmingWhitespace
        guard colonKeys.contains(key) else { return nil }
        return (key, line[(colon + 1)...].scalarString.trimmingWhitespace)
    }

    static func normalized(_ text: String) -> [Unicode.Scalar] { ICU.nfkc(text).removingWhitespace.scalarArray }
}
