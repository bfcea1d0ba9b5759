import PolicyCore

/// Finds the heading of a clause: the short title after its label.
///
/// - `【立法目的】` right after any label is a heading.
/// - 编, 章, 节 and attachments: the rest of the label's line (`第一章 总则` → `总则`).
/// - Articles and 款 have no heading otherwise (`第一条为了…` is the article's text), except a
///   bracketed title alone on the label's line (`第一条（目的和依据）`).
/// - 公文 levels (一、, (一), 1. …) and 一是: the first sentence when it is title-like — short, no
///   comma or semicolon before its full stop, not ending in 的 (`(一)鼓励汽车更新换代。2023年…` →
///   `鼓励汽车更新换代`); a label line alone gives its whole text (`一、总体要求`).
struct HeadingReader {
    enum Style {
        /// The rest of the line is the title (编, 章, 节, attachments).
        case line
        /// Only a bracketed title (`【…】`) counts (articles, 款, items of an article).
        case bracketedOnly
        /// The first sentence if it reads like a title (公文 levels, 一是).
        case sentence
    }

    /// Longest heading taken from a sentence (the longest titles of the seeds have 17 characters;
    /// `考评以日常监测、实地调研、民意调查、第三方评估等方式进行` with 26 is a sentence).
    static let maxSentenceHeading = 24
    /// Longest heading taken from a whole line.
    static let maxLineHeading = 40
    /// Longest heading that ends in `:` (`主要目标:到2027年…`).
    static let maxColonHeading = 12

    let view: NormalizedText

    /// The heading in `body` (the text after a label up to the end of its paragraph), and where the
    /// text after the heading begins (`body.lowerBound` when there is no heading).
    func heading(in body: Range<Int>, style: Style) -> (heading: String?, textStart: Int) {
        let s = view.scalars
        guard !body.isEmpty else { return (nil, body.lowerBound) }
        if s[body.lowerBound] == "【" {
            var i = body.lowerBound + 1
            while i < body.upperBound && i - body.lowerBound <= Self.maxLineHeading && s[i] != "】" { i += 1 }
            if i < body.upperBound && s[i] == "】" && i > body.lowerBound + 1 {
                return (view.string((body.lowerBound + 1)..<i), skipSpaces(from: i + 1, end: body.upperBound))
            }
        }
        switch style {
        case .bracketedOnly:
            // `第一条（目的和依据）` with the article's text on the next line (Shanghai style).
            let trimmed = trimmedEnd(body)
            if s[body.lowerBound] == "(", s[trimmed.upperBound - 1] == ")", trimmed.count >= 3,
               trimmed.count <= Self.maxColonHeading + 2, !s[trimmed].dropFirst().dropLast().contains("(") {
                return (view.string((body.lowerBound + 1)..<(trimmed.upperBound - 1)), body.upperBound)
            }
            return (nil, body.lowerBound)
        case .line:
            let trimmed = trimmedEnd(body)
            guard trimmed.count <= Self.maxLineHeading, !trimmed.isEmpty else { return (nil, body.lowerBound) }
            return (view.string(trimmed), body.upperBound)
        case .sentence:
            return sentenceHeading(in: body)
        }
    }

    private func sentenceHeading(in body: Range<Int>) -> (heading: String?, textStart: Int) {
        let s = view.scalars
        var i = body.lowerBound
        var quoteDepth = 0
        while i < body.upperBound {
            let c = s[i]
            if c == "“" || c == "《" || c == "(" { quoteDepth += 1 }
            if (c == "”" || c == "》" || c == ")") && quoteDepth > 0 { quoteDepth -= 1 }
            if quoteDepth == 0 && (c == "。" || c == "!" || c == "?" || c == ";" || c == "," || c == ":") { break }
            i += 1
        }
        let length = i - body.lowerBound
        guard length > 0 else { return (nil, body.lowerBound) }
        let last = s[i - 1]
        guard last != "的" else { return (nil, body.lowerBound) }
        if i == body.upperBound {
            // The label's whole line: `一、总体要求`, `1. 消费对于拉动GDP增长具有直接的推动作用`.
            let trimmed = trimmedEnd(body)
            guard trimmed.count <= Self.maxLineHeading else { return (nil, body.lowerBound) }
            return (view.string(trimmed), body.upperBound)
        }
        switch s[i] {
        case "。", "!", "?":
            guard length <= Self.maxSentenceHeading else { return (nil, body.lowerBound) }
        case ":":
            guard length <= Self.maxColonHeading, i + 1 < body.upperBound else { return (nil, body.lowerBound) }
        default:
            return (nil, body.lowerBound)
        }
        return (view.string(body.lowerBound..<i), skipSpaces(from: i + 1, end: body.upperBound))
    }

    private func trimmedEnd(_ range: Range<Int>) -> Range<Int> {
        var end = range.upperBound
        while end > range.lowerBound && (view.scalars[end - 1].isInlineSpace || view.scalars[end - 1] == "#") { end -= 1 }
        return range.lowerBound..<end
    }

    private func skipSpaces(from start: Int, end: Int) -> Int {
        var i = start
        while i < end && view.scalars[i].isInlineSpace { i += 1 }
        return i
    }
}
