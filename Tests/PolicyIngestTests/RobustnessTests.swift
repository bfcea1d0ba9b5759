import Foundation
import PolicyCore
import PolicyIngest
import Testing

/// Odd inputs must give documents or `InputError`, never a crash or a span outside the text.
@Suite("Robustness on odd input")
struct RobustnessTests {
    /// Pieces that the readers, taggers and parsers look for, shuffled into nonsense.
    static let pieces = [
        "第", "号", "令", "〔", "〕", "[", "]", "(", ")", "（", "）", "《", "》", "年", "月", "日", "2024", "7", "〇", "十",
        "关于", "印发", "的通知", "意见", "国务院", "办公厅", "山西省", "市", "县", "自治县", "文件", ":", "：", "。", "，", "、",
        "附件", "— 1 —", "31", "CCAGM", "# ", "## ", "<!-- INFO END -->", "<!--", "-->", "---", "新华社记者", "(新华社北京3月16日电)",
        "【法宝引证码】", "原文链接：", "https://x.cn/a.pdf", ".pdf", "—", "“", "”", "目录", "第一章", "总理  李强", "商务部 财政部",
        "\n", "\n", "\n\n", "\r\n", "\r", " ", "　", "\t", "\u{FEFF}", "a", "é", "😀",
    ]

    /// A deterministic pseudo-random sequence (the test must not change from run to run).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test("random arrangements of structural pieces", arguments: ["odd.txt", "odd.md", "odd.html"])
    func randomText(path: String) throws {
        var random = Generator(state: 20241106)
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<random.next(80) { text += Self.pieces[random.next(Self.pieces.count)] }
            if path.hasSuffix(".html") { text = "<html><body><p>" + text.replacingOccurrences(of: "\n", with: "</p><p>") + "</p></body></html>" }
            let file: IngestedFile
            do {
                file = try FileIngestor().ingest(data: Data(text.utf8), path: path)
            } catch {
                continue  // an InputError (empty file …) is a proper answer
            }
            for draft in file.documents {
                let span = draft.document.span
                #expect(0 <= span.start && span.start <= span.end && span.end <= file.source.count, "\(text.debugDescription)")
                #expect(draft.range.lowerBound <= draft.bodyStart && draft.bodyStart <= draft.range.upperBound)
                #expect(draft.range.upperBound <= file.normalized.count)
            }
        }
    }

    @Test("random bytes are read or refused, never crash")
    func randomBytes() {
        var random = Generator(state: 7)
        for _ in 0..<200 {
            var bytes = (0..<random.next(400)).map { _ in UInt8(random.next(256)) }
            // Start some of them like the formats the detector knows.
            switch random.next(5) {
            case 0: bytes = Array("%PDF".utf8) + bytes
            case 1: bytes = [0x50, 0x4B, 0x03, 0x04] + bytes
            case 2: bytes = [0xFF, 0xFE] + bytes
            case 3: bytes = Array("<html>".utf8) + bytes
            default: break
            }
            _ = try? FileIngestor(toolSearchPath: "").ingest(data: Data(bytes), path: "random.bin")
        }
    }
}
