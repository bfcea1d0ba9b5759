import Foundation
import PolicyCore
import PolicyExtract

/// The one table `make eval` prints, and the lines under it.
struct EvalReport {
    var gold: GoldEvaluation
    var peers: PeerEvaluation?
    var numberSuites: [NumeralSuites.Score]
    var peerNumerals: NumeralSuites.Score?

    /// F1 the issue asks for on our gold.
    static let targets: [RecordKind: Double] = [.amount: 0.95, .percent: 0.95, .time: 0.95, .quantity: 0.85,
                                                .agency: 0.90, .citation: 0.90]

    /// What the peers reach on the same records, sentence mode, from
    /// `peer-suites/in-our-contract/README.md` §3 (amount and percent "full", time "strict",
    /// numbers "value"). Nil where the peer has no such concept.
    static let peerRates: [String: (jionlp: (Int, Int)?, rt: (Int, Int)?)] = [
        "amount": ((100, 155), (101, 155)),
        "percent": (nil, (53, 112)),
        "time": ((251, 364), (176, 364)),
        "number": ((145, 181), (176, 181)),
    ]

    func render(details: Bool) -> String {
        var out: [String] = []
        let goldScores = gold.scores
        var rows: [[String]] = [["kind", "target F1", "gold", "pred", "correct", "P", "R", "F1", "peer records", "policyq",
                                 "JioNLP", "RT-py"]]
        for kind in RecordKind.allCases {
            var row = [kind.rawValue, Self.targets[kind].map { "≥" + Self.fixed($0, 2) } ?? ""]
            if let s = goldScores[kind] {
                row += [String(s.gold), String(s.predicted), String(s.correct), Self.fixed(s.precision, 3),
                        Self.fixed(s.recall, 3), Self.fixed(s.f1, 3)]
            } else {
                row += ["-", "-", "-", "-", "-", "no gold"]
            }
            if let peers, let rates = Self.peerRates[kind.rawValue] {
                let (correct, total) = peers.correct(kind)
                row += [String(total), Self.rate(correct, total), Self.rate(rates.jionlp), Self.rate(rates.rt)]
            } else {
                row += ["-", "-", "-", "-"]
            }
            rows.append(row)
            if kind == .time, let peers, let rates = Self.peerRates["time"] {
                let total = peers.correct(.time).total
                rows.append(["  dates only", "", "", "", "", "", "", "", String(total), Self.rate(peers.timeDates, total),
                             Self.rate(rates.jionlp), Self.rate(rates.rt)])
            }
        }
        if let numbers = peerNumerals, let rates = Self.peerRates["number"] {
            rows.append(["number", "", "", "", "", "", "", "", String(numbers.total), Self.rate(numbers.passed, numbers.total),
                         Self.rate(rates.jionlp), Self.rate(rates.rt)])
        }
        out += Self.table(rows)
        out.append("")
        out.append("gold: \(gold.results.filter { !$0.degraded }.count) of \(gold.results.count) annotation files in Fixtures/extract/gold, scored on the kinds they cover; a prediction counts when its span overlaps and the key fields agree")
        for result in gold.results {
            let name = (result.file.path as NSString).lastPathComponent
            let parts = result.match.scores.sorted { $0.key.rawValue < $1.key.rawValue }.map { kind, s in
                "\(kind.rawValue) \(s.correct)/\(s.gold) gold, \(s.predicted) predicted"
            }
            out.append("  \(name): " + parts.joined(separator: "; ") + (result.degraded ? " (not in the totals: HTML read as text)" : ""))
        }
        if let peers {
            let suites = peers.bySuite.map { "\($0.suite) \($0.passed)/\($0.total)" }.joined(separator: ", ")
            out.append("peer cases passing: \(peers.passed)/\(peers.results.count) (\(Self.percent(peers.passed, peers.results.count))): \(suites)")
            out.append("  known failures listed in Fixtures/extract/peer-known-failures.json: \(peers.known.count); unexpected failures: \(peers.unexpected.count); listed but now passing: \(peers.stale.count)")
            out.append("  peers' columns: sentence mode as measured in peer-suites/in-our-contract/README.md (JioNLP 1.5.31 extract_money/extract_time, RT-py 1.0.2a2); their time score compares dates only, our \"time\" row also the relation, \"dates only\" is their measure; number: numerals inside amounts and percents (cn2an reaches 169/181, 93%)")
        }
        for score in numberSuites {
            out.append("number suite \(score.name): \(score.passed)/\(score.total) (\(Self.percent(score.passed, score.total)))")
        }
        out.append("")
        out += Self.conventions
        if !gold.notes.isEmpty {
            out.append("")
            out += gold.notes.map { "note: " + $0 }
        }
        if let peers {
            for r in peers.unexpected { out.append("UNEXPECTED peer failure \(r.id): \(Self.describe(r))") }
            for id in peers.stale { out.append("STALE: \(id) is listed as a known failure but passes now") }
        }
        if details { out += detailLines() }
        return out.joined(separator: "\n")
    }

    /// Where our conventions differ from the peers' by design (the restated cases already follow ours).
    static let conventions = [
        "conventions (by design, not by error):",
        "  - ranges end inclusive (2016到2018 ends 2018-12-31; RT ends ranges exclusively); X前/之前 is by the END of X (RT: before its start)",
        "  - 今年 is the whole year (RT: Jan 1 to the reference date); 年底/月底/季度末 are `by` the last day (JioNLP: a window such as Nov 1–Dec 31)",
        "  - open bounds are null (JioNLP writes the reference time); 多/余 are approx with the stated number (JioNLP: a range 3000–4000)",
        "  - qualifiers and inclusive follow PRC Civil Code art. 1259 (以上/以下 include, 超过/低于/不足 do not); RT has no qualifiers",
        "  - a year inside a 发文字号 or 《title》 is no date (JioNLP reads 财税2016 36号 as 2016); recurring dates (每年11月30日前) are none",
        "  - bare numbers are no records; numbers are scored as numerals only in the number suites",
        "  - PDF text that lost its decimal points: a numeral with a leading 0 and more digits (not a date part) reads as 0.x (Shanxi seed: ０５％ = 0.5%)",
        "  - number suites (bare numerals, no record kind of the contract): we do not read scientific, caret or slash notation (2e5, 2^5, 3/5, .5),",
        "    mixed fractions (三百五又三分之一), 兆 as 10^12, 打 (dozen), 半百; and numerals inside words (四川, 一看, 一切) are read",
        "    as numerals, because records need a unit after them and these never get one; cn2an's strict-mode rejections (一一) are not",
        "    scored, since years need positional digits (二〇二三)",
    ]

    func detailLines() -> [String] {
        var out = ["", "details:"]
        for result in gold.results {
            let name = (result.file.path as NSString).lastPathComponent
            for (g, p) in result.match.wrong { out.append("  gold \(name) WRONG   \(g.summary)\n        got \(p.summary)") }
            for g in result.match.missed { out.append("  gold \(name) MISSED  \(g.summary)") }
            for p in result.match.spurious { out.append("  gold \(name) EXTRA   \(p.summary)") }
        }
        if let peers {
            for r in peers.results where !r.passed { out.append("  peer \(r.id) \(Self.describe(r))") }
        }
        for score in numberSuites + [peerNumerals].compactMap({ $0 }) {
            for failure in score.failures { out.append("  \(score.name): \(failure)") }
        }
        return out
    }

    static func describe(_ r: PeerCaseResult) -> String {
        var parts: [String] = []
        for (g, p) in r.match.wrong { parts.append("expected \(g.summary), got \(p.summary)") }
        for g in r.match.missed { parts.append("missed \(g.summary)") }
        for p in r.match.spurious { parts.append("extra \(p.summary)") }
        return parts.joined(separator: "; ")
    }

    // MARK: - Formatting

    static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

    static func percent(_ a: Int, _ b: Int) -> String { b == 0 ? "-" : String(format: "%.1f%%", 100 * Double(a) / Double(b)) }

    static func rate(_ a: Int, _ b: Int) -> String { "\(a) (\(percent(a, b)))" }

    static func rate(_ pair: (Int, Int)?) -> String { pair.map { rate($0.0, $0.1) } ?? "n/a" }

    /// Columns padded to their widest cell (by display width).
    static func table(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.displayWidth) } }
        return rows.map { row in
            row.enumerated().map { k, cell in cell + String(repeating: " ", count: widths[k] - cell.displayWidth) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }
}
