import Foundation
import PolicyCore
import PolicyIngest
import PolicySegment
import Testing
import TestSupport

/// Over whole folders of real laws: the segmenter finds exactly the articles the source has, one
/// per `第N条` line.
@Suite("Article counts over the law corpora")
struct ArticleCountTests {
    @Test("laws-md: every 第N条 line is an article, and every article is a 第N条 line")
    func lawsMarkdown() async throws {
        try #require(TestPaths.hasShared, "needs ../shared")
        let files = ArticleCount.files(under: TestPaths.corpora.appendingPathComponent("laws-md"), extension: "md")
        #expect(files.count == 3504)
        let report = await ArticleCount.check(files)
        print(report.summary(folder: "laws-md"))
        for difference in report.differences { Issue.record(Comment(rawValue: difference.description)) }
        #expect(report.unreadable.isEmpty, "\(report.unreadable)")
    }

    @Test("DOCX laws: article counts match the 第N条 lines of the text taken out of the markup",
          .enabled(if: ArticleCount.ingestReadsDOCX, "FileIngestor does not read DOCX yet"))
    func docx() async throws {
        let files = ArticleCount.files(under: TestPaths.corpora.appendingPathComponent("docx"), extension: "docx")
        #expect(files.count == 49)
        let report = await ArticleCount.check(files)
        print(report.summary(folder: "docx"))
        for difference in report.differences { Issue.record(Comment(rawValue: difference.description)) }
        #expect(report.unreadable.isEmpty, "\(report.unreadable)")
    }

    @Test("the reference count: 第N条 lines, not references or quotations", arguments: [
        ("第一条 为了", 1), ("第一百三十三条之一 在道路上", 1), ("## 第二条 规定", 1), ("第一条　为了", 1), ("第十条", 1),
        ("第一条【立法目的】为了", 1), ("第三十一条的决定》第一次修正", 0), ("“第二十条 对行驶中", 0), ("依照第二十条 规定", 0),
        ("第一条 甲\n\n第二条 乙\n第二条规定的", 2), ("第一章 总则", 0), ("第一百二十八 条侦查人员", 1),
        ("\u{2003}\u{2003}第一条【立法宗旨】", 1), ("第一条 甲\n第二条乙\n第二条规定的\n第五条规定", 2),
    ])
    func referenceCount(text: String, count: Int) {
        #expect(ArticleCount.articleLines(SourceText(path: "t", text: text)).lines.count == count)
    }
}

/// Counting articles two ways: `第N条` lines in the source, and article clauses of the segmenter.
enum ArticleCount {
    struct Difference: CustomStringConvertible, Sendable {
        var file: String
        var expected: Int
        var found: Int
        /// `第N条` lines without an article clause, and article clauses on other lines: `line: text`.
        var missed: [String]
        var extra: [String]

        var description: String {
            var text = "\(file): \(expected) 第N条 lines, \(found) articles"
            if !missed.isEmpty { text += "; not found: " + missed.prefix(3).joined(separator: " | ") }
            if !extra.isEmpty { text += "; not a 第N条 line: " + extra.prefix(3).joined(separator: " | ") }
            return text
        }
    }

    struct Report: Sendable {
        var files = 0
        var articles = 0
        /// `第N 条` lines (a stray space in the label) among the reference lines.
        var spacedLabels = 0
        var bytes = 0
        var differences: [Difference] = []
        var unreadable: [String] = []
        /// Wall time of the whole check, and CPU time spent in ingest and in the segmenter.
        var seconds = 0.0
        var ingestSeconds = 0.0
        var segmentSeconds = 0.0

        func summary(folder: String) -> String {
            func rate(_ seconds: Double) -> String {
                String(format: "%.1f MB/s per core", seconds > 0 ? Double(bytes) / seconds / 1_000_000 : 0)
            }
            return "\(folder): \(files) files (\(bytes / 1_000_000) MB), \(articles) articles "
                + "(\(spacedLabels) written `第N 条`), \(differences.count) files differ, \(unreadable.count) unreadable; "
                + String(format: "%.1f s wall; ", seconds)
                + String(format: "ingest %.1f s (", ingestSeconds) + rate(ingestSeconds) + "), "
                + String(format: "segment %.1f s (", segmentSeconds) + rate(segmentSeconds) + ")"
        }

        mutating func add(_ other: Report) {
            files += other.files
            articles += other.articles
            spacedLabels += other.spacedLabels
            bytes += other.bytes
            differences += other.differences
            unreadable += other.unreadable
            ingestSeconds += other.ingestSeconds
            segmentSeconds += other.segmentSeconds
        }
    }

    /// Whether the ingest reads DOCX (the text of a DOCX law holds 第N条 lines).
    static var ingestReadsDOCX: Bool {
        guard TestPaths.hasShared,
              let probe = files(under: TestPaths.corpora.appendingPathComponent("docx"), extension: "docx").first,
              let file = try? FileIngestor().ingest(path: probe.path) else { return false }
        return file.format == .docx && !articleLines(file.source).lines.isEmpty
    }

    static func files(under folder: URL, extension ext: String) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var result: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == ext { result.append(url.path) }
        }
        return result.sorted().map { URL(fileURLWithPath: $0) }
    }

    /// Ingests and segments `files` on all cores; a file ingest refuses is listed as unreadable.
    static func check(_ files: [URL]) async -> Report {
        let started = Date()
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var report = await withTaskGroup(of: Report.self) { group in
            for worker in 0..<workers {
                let share = stride(from: worker, to: files.count, by: workers).map { files[$0] }
                group.addTask { share.reduce(into: Report()) { $0.add(check($1)) } }
            }
            return await group.reduce(into: Report()) { $0.add($1) }
        }
        report.differences.sort { $0.file < $1.file }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    static func check(_ url: URL) -> Report {
        var report = Report(files: 1)
        let file: IngestedFile
        let ingestStart = threadTime()
        do {
            file = try FileIngestor().ingest(path: url.path)
        } catch {
            report.unreadable.append(error.description)
            return report
        }
        let segmentStart = threadTime()
        report.ingestSeconds = segmentStart - ingestStart
        report.bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        var found: [Int] = []
        for draft in file.documents {
            let segmentation = ClauseSegmenter().segment(file.normalized, range: draft.bodyStart..<draft.range.upperBound,
                                                         documentID: draft.document.id, source: file.source)
            found += segmentation.clauses.filter { $0.kind == .article }.map(\.line)
        }
        report.segmentSeconds = threadTime() - segmentStart
        report.articles = found.count
        let (expected, spaced) = articleLines(file.source)
        report.spacedLabels = spaced
        if found != expected {
            let expectedSet = Set(expected), foundSet = Set(found)
            func show(_ line: Int) -> String { "\(line): " + String(lineText(file.source, line).prefix(30)) }
            report.differences.append(Difference(
                file: url.pathComponents.suffix(2).joined(separator: "/"), expected: expected.count, found: found.count,
                missed: expected.filter { !foundSet.contains($0) }.map(show),
                extra: found.filter { !expectedSet.contains($0) }.map(show)))
        }
        return report
    }

    /// Lines that start with `第N条` (or `第N条之N`) after spaces and Markdown `#` markers, followed by
    /// a space, `【` or the end of the line: the articles a reader counts. Also counted: `第N条` run
    /// into its text when N is the next number (`第三十九条旅馆、饭店…` after 第三十八条; a reference
    /// like `第二十条规定的…` rarely is), and a label with a stray space before 条 (`第一百二十八 条侦查
    /// 人员…`, a typo of the source; `spaced` counts them).
    static func articleLines(_ source: SourceText) -> (lines: [Int], spaced: Int) {
        let s = source.scalars
        var result: [Int] = []
        var spaced = 0
        var previous = 0
        for (index, lineStart) in source.lineStarts.enumerated() {
            var i = lineStart
            while i < s.count && (s[i].isInlineSpace || s[i] == "#") { i += 1 }
            guard i < s.count, s[i] == "第" else { continue }
            i += 1
            let numeralStart = i
            while i < s.count && (isNumeral(s[i]) || s[i].isASCIIDigit) { i += 1 }
            let numeralEnd = i
            while i < s.count && s[i].isInlineSpace { i += 1 }
            guard i > numeralStart, i < s.count, s[i] == "条",
                  let number = ChineseNumeral.integerValue(of: s[numeralStart..<numeralEnd]) else { continue }
            i += 1
            if i > numeralEnd + 1 {
                spaced += 1
                result.append(index + 1)
                previous = number
                continue
            }
            if i < s.count && s[i] == "之" {
                var j = i + 1
                while j < s.count && isNumeral(s[j]) { j += 1 }
                if j > i + 1 { i = j }
            }
            if i >= s.count || s[i].isInlineSpace || s[i] == "【" || s[i].isLineTerminator || number == previous + 1 {
                result.append(index + 1)
                previous = number
            }
        }
        return (result, spaced)
    }

    /// A Chinese numeral of an article number (written out here, independent of the segmenter).
    static func isNumeral(_ c: Unicode.Scalar) -> Bool {
        "零〇一二三四五六七八九十百千两".unicodeScalars.contains(c)
    }

    /// CPU time of the calling thread, in seconds (wall time would count waiting for a busy core).
    static func threadTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func lineText(_ source: SourceText, _ line: Int) -> String {
        let start = source.lineStarts[line - 1]
        let end = line < source.lineStarts.count ? source.lineStarts[line] : source.count
        return source[Span(start: start, end: end)].trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
