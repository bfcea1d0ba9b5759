import Foundation
import PolicyCore
import PolicyExtract

let shared = ProcessInfo.processInfo.environment["POLICYQ_SHARED"] ?? "../shared"
let data = try Data(contentsOf: URL(fileURLWithPath: shared + "/peer-suites/in-our-contract/peer_cases.json"))
let cases = try PeerSuite.load(data)
var passed = 0
var byKind: [RecordKind: (Int, Int)] = [:]
for c in cases {
    let r = PeerSuite.run(c)
    if r.passed { passed += 1 } else {
        print("FAIL \(c.id) [\(c.referenceDate?.iso ?? "-")] \(c.input)")
        for (g, p) in r.match.wrong { print("   wrong  \(g.summary)\n       got \(p.summary)") }
        for g in r.match.missed { print("   missed \(g.summary)") }
        for p in r.match.spurious where c.covers.contains(p.kind) { print("   extra  \(p.summary)") }
    }
    for (g, _) in r.match.correct { byKind[g.kind, default: (0, 0)].0 += 1 }
    for g in c.expect { byKind[g.kind, default: (0, 0)].1 += 1 }
}
print("passed \(passed)/\(cases.count)")
for (k, v) in byKind { print(k, v) }
