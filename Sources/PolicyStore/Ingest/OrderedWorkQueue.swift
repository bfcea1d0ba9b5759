import Foundation

/// Runs `work(i)` for `i in 0..<count` on several threads and hands the results to one consumer
/// in index order. At most `window` items are started ahead of the consumer, and no more than
/// `weightLimit` of their total `weight` unless it is the one item the consumer waits for, so
/// memory stays bounded however many items there are.
///
/// The workers are threads of their own, running at a lower scheduling priority than the
/// consumer (`workerNiceness`): in an ingest the consumer is the one writer thread, the part
/// that cannot be multiplied, and with as many workers as cores the scheduler otherwise shares a
/// core between the writer and a worker — on 2 cores and laws-md, the writer spent 1.5 s of a
/// 10.5 s ingest runnable but not running; at niceness 10, 0.2 s. Workers still take every cycle
/// the writer leaves.
final class OrderedWorkQueue<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var nextToStart = 0
    private var consumed = 0
    private let weightLimit: Int
    private let weight: @Sendable (Int) -> Int
    /// The weight of the items started but not yet consumed.
    private var weightAhead = 0
    private var finished: [Int: Output] = [:]
    private var cancelled = false
    private let group = DispatchGroup()

    /// How much nicer the workers are than the thread that starts them (Linux, where niceness
    /// is per thread): 10 gives a running consumer about nine tenths of a core it shares with a
    /// worker.
    static var workerNiceness: Int32 { 10 }

    /// Starts `workers` threads running `work`.
    init(count: Int, workers: Int, window: Int, weightLimit: Int = .max,
         weight: @escaping @Sendable (Int) -> Int = { _ in 0 }, work: @escaping @Sendable (Int) -> Output) {
        self.count = count
        self.window = max(window, workers)
        self.weightLimit = weightLimit
        self.weight = weight
        let consumerNiceness = Self.currentNiceness()
        for _ in 0..<max(1, min(workers, count)) {
            group.enter()
            // Not the shared dispatch pool: niceness cannot be raised back by an unprivileged
            // process, so only threads that end with the queue may lower it.
            let thread = Thread { [self] in
                Self.lowerPriority(from: consumerNiceness)
                while let index = claim() {
                    let output = work(index)
                    deliver(index, output)
                }
                group.leave()
            }
            thread.name = "policyq-worker"
            thread.start()
        }
    }

    /// The output of item `index`; call with 0, 1, 2 … in turn.
    func output(_ index: Int) -> Output? {
        condition.lock()
        defer { condition.unlock() }
        while finished[index] == nil && !cancelled { condition.wait() }
        guard let output = finished.removeValue(forKey: index) else { return nil }
        consumed = index + 1
        weightAhead -= weight(index)
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

    private static func lowerPriority(from niceness: Int32) {
        #if os(Linux)
        // PRIO_PROCESS with id 0 is the calling thread on Linux (niceness is per thread there).
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, min(niceness + workerNiceness, 19))
        #endif
    }

    /// The calling thread's niceness (0 where it cannot be read per thread).
    private static func currentNiceness() -> Int32 {
        #if os(Linux)
        return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        #else
        return 0
        #endif
    }

    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && nextToStart < count && !mayStart(nextToStart) { condition.wait() }
        guard !cancelled, nextToStart < count else { return nil }
        weightAhead += weight(nextToStart)
        nextToStart += 1
        return nextToStart - 1
    }

    /// Whether item `index` (the next to start) fits the window; the item the consumer waits
    /// for always does.
    private func mayStart(_ index: Int) -> Bool {
        index == consumed || (index < consumed + window && weightAhead + weight(index) <= weightLimit)
    }

    private func deliver(_ index: Int, _ output: Output) {
        condition.lock()
        finished[index] = output
        condition.broadcast()
        condition.unlock()
    }
}
