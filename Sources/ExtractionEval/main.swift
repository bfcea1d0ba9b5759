// make eval: precision, recall and F1 of the extractor on our gold annotations, and pass rates on
// the peer suites next to the peers' own (see EvalReport).
//
//   ExtractionEval [--details] [--root DIR] [--shared DIR]
import Foundation
import PolicyExtract

var details = false
var root = FileManager.default.currentDirectoryPath
var shared: String? = ProcessInfo.processInfo.environment["POLICYQ_SHARED"]
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--details": details = true
    case "--root": root = arguments.next() ?? root
    case "--shared": shared = arguments.next()
    default:
        FileHandle.standardError.write(Data("usage: ExtractionEval [--details] [--root DIR] [--shared DIR]\n".utf8))
        exit(64)
    }
}
let rootURL = URL(fileURLWithPath: root)
let sharedURL = URL(fileURLWithPath: shared ?? rootURL.appendingPathComponent("../shared").standardizedFileURL.path)

func load(_ relative: String) -> Data? { try? Data(contentsOf: sharedURL.appendingPathComponent(relative)) }

var gold = GoldEvaluation(root: rootURL)
gold.run(directory: rootURL.appendingPathComponent("Fixtures/extract/gold"))

var peers: PeerEvaluation? = nil
var peerNumerals: NumeralSuites.Score? = nil
if let data = load("peer-suites/in-our-contract/peer_cases.json"), let cases = try? PeerSuite.load(data) {
    let knownData = try? Data(contentsOf: rootURL.appendingPathComponent("Fixtures/extract/peer-known-failures.json"))
    let known = knownData.flatMap { try? PeerSuite.knownFailures($0) } ?? [:]
    peers = PeerEvaluation(cases: cases, known: known)
    peerNumerals = try? NumeralSuites.peerNumerals(data)
} else {
    gold.notes.append("../shared/peer-suites is not there: peer suites skipped")
}
var numberSuites: [NumeralSuites.Score] = []
if let data = load("peer-suites/cn2an/cn2an_cases.json"), let score = try? NumeralSuites.cn2an(data) { numberSuites.append(score) }
if let data = load("peer-suites/recognizers-text-zh/Specs/Number/Chinese/NumberModel.json"),
   let score = try? NumeralSuites.recognizersNumbers(data) {
    numberSuites.append(score)
}

let report = EvalReport(gold: gold, peers: peers, numberSuites: numberSuites, peerNumerals: peerNumerals)
print(report.render(details: details))
