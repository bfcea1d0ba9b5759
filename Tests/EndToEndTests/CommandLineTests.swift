import Foundation
import Testing
import TestSupport

@Suite("policyq binary")
struct CommandLineTests {
    @Test func version() throws {
        let result = try PolicyqBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("policyq "))
    }

    @Test("--help documents every subcommand")
    func help() throws {
        let result = try PolicyqBinary.run(["--help"])
        #expect(result.status == 0)
        for command in ["parse"] { #expect(result.stdout.contains(command)) }
    }

    @Test("bad usage exits 64")
    func badUsage() throws {
        let result = try PolicyqBinary.run(["parse", "--format", "yaml", "x.txt"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("yaml"))
        let noFile = try PolicyqBinary.run(["parse"])
        #expect(noFile.status == 64)
        let badDate = try PolicyqBinary.run(["parse", "--date", "2024-02-30", "-"])
        #expect(badDate.status == 64)
    }

    @Test("parse: a missing file is named on stderr, exit 2, the others still printed")
    func missingFile() throws {
        let dir = try TemporaryDirectory()
        let good = try dir.write("good.txt", "关于做好消费工作的通知\n一、总体要求\n")
        let result = try PolicyqBinary.run(["parse", dir.file("missing.txt").path, good.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.txt: "))
        #expect(result.stdout.contains("\"type\":\"document\""))
    }

    @Test("parse reads standard input and prints the source line with --with-text")
    func stdin() throws {
        let result = try PolicyqBinary.run(["parse", "-", "--with-text"], stdin: "关于做好消费工作的通知\n")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        let first = try #require(lines.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "source")
        #expect(object["text"] as? String == "关于做好消费工作的通知\n")
    }
}
