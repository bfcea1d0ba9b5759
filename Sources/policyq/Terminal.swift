#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyCore

/// Buffered writes to stdout and stderr, and facts about the terminal.
enum Terminal {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    /// Writes to standard output (buffered; flushed at 64 KiB and on exit paths via `flush()`).
    static func out(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(1, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes a line to standard error at once (after flushing stdout, to keep the order readable).
    static func err(_ line: String) {
        flush()
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { raw in _ = write(2, raw.baseAddress!, raw.count) }
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// The width of the terminal standard output goes to, nil when it is not a terminal.
    static var columns: Int? {
        guard stdoutIsTerminal else { return nil }
        #if canImport(Glibc)
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        #endif
        return nil
    }

    /// Colour on stdout: only on a terminal, never with NO_COLOR set or TERM=dumb.
    static var useColor: Bool {
        guard stdoutIsTerminal else { return false }
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }
}
