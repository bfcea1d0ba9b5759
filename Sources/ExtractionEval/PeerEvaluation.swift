import Foundation
import PolicyCore
import PolicyExtract

/// Runs the peer cases restated in our contract and checks them against the list of known failures.
struct PeerEvaluation {
    var cases: [PeerCase] = []
    var results: [PeerCaseResult] = []
    /// Case id → why it fails (`Fixtures/extract/peer-known-failures.json`).
    var known: [String: String] = [:]

    init(cases: [PeerCase], known: [String: String]) {
        self.cases = cases
        self.known = known
        let extractor = RecordExtractor()
        results = cases.map { PeerSuite.run($0, extractor: extractor) }
    }

    var passed: Int { results.filter(\.passed).count }
    /// Failing cases not in the list.
    var unexpected: [PeerCaseResult] { results.filter { !$0.passed && known[$0.id] == nil } }
    /// Listed cases that pass now.
    var stale: [String] { results.filter { $0.passed && known[$0.id] != nil }.map(\.id) }

    /// Expected records of `kind` that the extractor got right (key fields and span).
    func correct(_ kind: RecordKind) -> (correct: Int, total: Int) {
        let total = cases.reduce(0) { $0 + $1.expect.filter { $0.kind == kind }.count }
        let correct = results.reduce(0) { $0 + $1.match.correct.filter { $0.gold.kind == kind }.count }
        return (correct, total)
    }

    /// Expected time records whose dates agree, the relation left aside (as the peers were scored).
    var timeDates: Int { results.reduce(0) { $0 + $1.timeDatesAgreeing } }

    /// Passing cases per suite.
    var bySuite: [(suite: String, passed: Int, total: Int)] {
        var order: [String] = []
        var counts: [String: (Int, Int)] = [:]
        for r in results {
            if counts[r.suite] == nil { order.append(r.suite) }
            counts[r.suite, default: (0, 0)].1 += 1
            if r.passed { counts[r.suite, default: (0, 0)].0 += 1 }
        }
        return order.map { ($0, counts[$0]?.0 ?? 0, counts[$0]?.1 ?? 0) }
    }
}
