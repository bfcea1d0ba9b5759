import Foundation
import PolicyCore

/// PDF through poppler's `pdftotext` (`-enc UTF-8`, no network), when it is installed; the text
/// it prints is then read like text copied out of a PDF (hard line breaks, page furniture). Without
/// it the file is refused with a message saying how to install it.
struct PDFReader {
    /// Where to look for `pdftotext` (a `PATH`-style list); nil = this process's `PATH`.
    var searchPath: String?
    /// Longest a conversion may take.
    static let timeout: TimeInterval = 120

    func read(_ data: Data, path: String) throws(InputError) -> ExtractedText {
        guard let tool = Self.find("pdftotext", in: searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "") else {
            throw InputError(path: path, "PDF needs pdftotext (apt-get install poppler-utils)")
        }
        let output = try convert(data, path: path, tool: tool)
        let decoded = try TextDecoder().decode(output, path: path)
        var out = TextReader().read(text: decoded.text, path: path, format: .pdf)
        if !out.source.scalars.contains(where: { !$0.isInlineSpace && !$0.isLineTerminator && $0 != "\u{0C}" }) {
            throw InputError(path: path, "PDF has no text layer (scanned pages need OCR first)")
        }
        out.lineMode = .automatic
        return out
    }

    /// The first executable `name` in a `PATH`-style list of directories.
    static func find(_ name: String, in searchPath: String) -> String? {
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `pdftotext -enc UTF-8 file -` on a private copy of the bytes.
    private func convert(_ data: Data, path: String, tool: String) throws(InputError) -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("policyq-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("input.pdf")
        let process = Process()
        let stdout = Pipe(), stderr = Pipe()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: input)
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-enc", "UTF-8", "-q", input.path, "-"]
            process.standardOutput = stdout
            process.standardError = stderr
            process.standardInput = FileHandle.nullDevice
            try process.run()
        } catch {
            throw InputError(path: path, "cannot run pdftotext (\(error.localizedDescription))")
        }
        // Read both pipes while the tool runs so that a full pipe never blocks it.
        let collected = PipeCollector()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            collected.setOutput(stdout.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            collected.setError(stderr.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        if group.wait(timeout: .now() + Self.timeout) == .timedOut {
            process.terminate()
            throw InputError(path: path, "pdftotext took longer than \(Int(Self.timeout)) s; stopped")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: collected.error, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            throw InputError(path: path, "pdftotext failed (exit \(process.terminationStatus))" + (message.isEmpty ? "" : ": \(message)"))
        }
        return [UInt8](collected.output)
    }
}

/// Output of a child process gathered on two threads.
private final class PipeCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    func setOutput(_ data: Data) { lock.lock(); out = data; lock.unlock() }
    func setError(_ data: Data) { lock.lock(); err = data; lock.unlock() }
    var output: Data { lock.lock(); defer { lock.unlock() }; return out }
    var error: Data { lock.lock(); defer { lock.unlock() }; return err }
}
