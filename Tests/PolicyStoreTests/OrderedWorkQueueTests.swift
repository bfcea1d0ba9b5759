import Foundation
@testable import PolicyStore
import Testing

@Suite("ordered work queue", .timeLimit(.minutes(1)))
struct OrderedWorkQueueTests {
    /// Counts, under a lock, how far the workers have run ahead of the consumer.
    final class Tracker: @unchecked Sendable {
        private let lock = NSLock()
        private var started: [Int] = []
        func start(_ index: Int) { lock.withLock { started.append(index) } }
        var startedCount: Int { lock.withLock { started.count } }

        /// Waits (up to 10 s) until `count` items have started, then a little longer, so that
        /// a worker that would overrun the bound has had the time to.
        func settle(at count: Int) {
            for _ in 0..<1_000 where startedCount < count { usleep(10_000) }
            usleep(50_000)
        }
    }

    @Test("outputs come in index order whatever order the workers finish in")
    func order() {
        let queue = OrderedWorkQueue<Int>(count: 200, workers: 4, window: 8) { index in
            // Even items take longer, so later items often finish first.
            if index % 2 == 0 { usleep(200) }
            return index * index
        }
        let outputs = (0..<200).map { queue.output($0) }
        queue.finish()
        #expect(outputs == (0..<200).map { $0 * $0 })
    }

    @Test("no more than the window is started ahead of the consumer",
          arguments: [(window: 3, weightLimit: Int.max, expected: 3), (window: 10, weightLimit: 25, expected: 2)])
    func bounded(window: Int, weightLimit: Int, expected: Int) throws {
        let tracker = Tracker()
        // Every item weighs 10: a limit of 25 lets two be started ahead.
        let queue = OrderedWorkQueue<Int>(count: 50, workers: 2, window: window, weightLimit: weightLimit,
                                          weight: { _ in 10 }) { index in
            tracker.start(index)
            return index
        }
        // Nothing consumed yet: the workers stop at the bound and stay there.
        tracker.settle(at: expected)
        #expect(tracker.startedCount == expected)
        #expect(queue.output(0) == 0)
        tracker.settle(at: expected + 1)
        #expect(tracker.startedCount == expected + 1)
        for index in 1..<50 { #expect(queue.output(index) == index) }
        queue.finish()
    }

    @Test("an item heavier than the limit is still started when the consumer needs it")
    func heavyItem() {
        let queue = OrderedWorkQueue<Int>(count: 5, workers: 2, window: 4, weightLimit: 10,
                                          weight: { $0 == 2 ? 1_000 : 1 }) { $0 }
        let outputs = (0..<5).map { queue.output($0) }
        queue.finish()
        #expect(outputs == [0, 1, 2, 3, 4])
    }

    #if os(Linux)
    @Test("workers run at a lower priority than the consumer, which keeps its own")
    func workerPriority() {
        @Sendable func niceness() -> Int32 { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        let before = niceness()
        let queue = OrderedWorkQueue<Int32>(count: 4, workers: 2, window: 4) { _ in niceness() }
        let seen = (0..<4).compactMap { queue.output($0) }
        queue.finish()
        #expect(seen == Array(repeating: min(before + OrderedWorkQueue<Int32>.workerNiceness, 19), count: 4))
        #expect(niceness() == before)
    }
    #endif

    @Test("cancel stops the workers and wakes the consumer with nil")
    func cancel() {
        let queue = OrderedWorkQueue<Int>(count: 1_000, workers: 2, window: 4) { $0 }
        #expect(queue.output(0) == 0)
        queue.cancel()
        #expect(queue.output(500) == nil)
    }
}
