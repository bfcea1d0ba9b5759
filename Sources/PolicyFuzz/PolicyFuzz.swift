import Foundation
import PolicyPipeline

/// libFuzzer target over the reader → segmenter → extractor path (`make fuzz`).
///
/// The first input byte picks the file name the bytes are parsed under (`.txt`, `.md`, `.html`,
/// `.docx`, no extension), so every reader gets its share; the rest is the file's content. Any crash,
/// hang or sanitizer report is a bug: reduce the input (`-minimize_crash=1`) and add it to
/// `Fixtures/fuzz-regressions/`, which `FuzzRegressionTests` replays on every `make test`.
@_cdecl("LLVMFuzzerTestOneInput")
public func policyqFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let names = ["fuzz.txt", "fuzz.md", "fuzz.html", "fuzz.docx", "fuzz"]
    let name = names[Int(data[0]) % names.count]
    let content = Data(bytes: data + 1, count: size - 1)
    _ = try? PolicyParser().parse(data: content, path: name)
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@main
struct FuzzDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { policyqFuzzOne($0, $1) })
    }
}
#else
/// Without the fuzzer (a normal build): replays the given input files through the same function,
/// e.g. to check a crash artifact after a fix.
@main
struct FuzzReplay {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            FileHandle.standardError.write(Data("usage: PolicyFuzz INPUT… (build with `make fuzz` to fuzz)\n".utf8))
            exit(64)
        }
        for path in paths {
            guard let bytes = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot read\n".utf8))
                exit(2)
            }
            _ = bytes.withUnsafeBytes { raw in
                policyqFuzzOne(raw.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!, raw.count)
            }
            print("\(path): ok")
        }
    }
}
#endif
