import Foundation

/// Runs `work(i)` for `i in 0..<count` on several threads and hands the results to one consumer
/// in index order. At most `window` results wait ahead of the consumer, so memory stays bounded
/// however many items there are.
final class OrderedWorkQueue<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var nextToStart = 0
    private var consumed = 0
    private var finished: [Int: Output] = [:]
    private var cancelled = false
    private let group = DispatchGroup()

    /// Starts `workers` threads running `work`.
    init(count: Int, workers: Int, window: Int, work: @escaping @Sendable (Int) -> Output) {
        self.count = count
        self.window = max(window, workers)
        for _ in 0..<max(1, min(workers, count)) {
            group.enter()
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                while let index = claim() {
                    let output = work(index)
                    deliver(index, output)
                }
                group.leave()
            }
        }
    }

    /// The output of item `index`; call with 0, 1, 2 … in turn.
    func output(_ index: Int) -> Output? {
        condition.lock()
        defer { condition.unlock() }
        while finished[index] == nil && !cancelled { condition.wait() }
        guard let output = finished.removeValue(forKey: index) else { return nil }
        consumed = index + 1
        condition.broadcast()
        return output
    }

    /// Stops handing out work and waits for the threads to finish what they started.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        group.wait()
    }

    /// Waits for the worker threads (after the last output was taken).
    func finish() {
        group.wait()
    }

    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && nextToStart < count && nextToStart >= consumed + window { condition.wait() }
        guard !cancelled, nextToStart < count else { return nil }
        nextToStart += 1
        return nextToStart - 1
    }

    private func deliver(_ index: Int, _ output: Output) {
        condition.lock()
        finished[index] = output
        condition.broadcast()
        condition.unlock()
    }
}
