import CLinux
import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads taking jobs from a bounded FIFO queue. Submitting
/// never blocks: a full queue is refused, and the loop answers 503. A job whose
/// request was cancelled while it waited is dropped without running.
final class WorkerPool: Sendable {
    struct Job: Sendable {
        let token: CancellationToken
        let run: @Sendable () -> Void
    }

    let configuration: WorkerPoolConfiguration
    private let queue = Mutex(JobQueue())
    private let available = DispatchSemaphore(value: 0)
    private let queued = Atomic<Int>(0)
    private let busy = Atomic<Int>(0)
    private let skipped = Atomic<Int>(0)

    init(_ configuration: WorkerPoolConfiguration) {
        self.configuration = configuration
    }

    /// Requests waiting for a thread.
    var depth: Int { queued.load(ordering: .relaxed) }
    /// Threads running a handler now.
    var active: Int { busy.load(ordering: .relaxed) }
    /// Requests cancelled before a thread took them, so never run.
    var skippedCount: Int { skipped.load(ordering: .relaxed) }

    func start() {
        for i in 0..<max(1, configuration.threads) {
            let name = "pool-\(configuration.name)-\(i)"
            let thread = Thread { [self] in
                _ = clinux_set_thread_name(name)
                if configuration.idlePriority { _ = clinux_set_thread_idle_policy() }
                work()
            }
            thread.name = name
            thread.start()
        }
    }

    /// False when the queue is full (or the pool is stopping).
    func submit(_ job: Job) -> Bool {
        let accepted = queue.withLock { q -> Bool in
            guard !q.stopping, q.count < configuration.queueLimit else { return false }
            q.push(job)
            return true
        }
        guard accepted else { return false }
        queued.add(1, ordering: .relaxed)
        available.signal()
        return true
    }

    /// Lets the threads finish what is queued, then exit.
    func stop() {
        queue.withLock { $0.stopping = true }
        for _ in 0..<max(1, configuration.threads) { available.signal() }
    }

    private func work() {
        while true {
            available.wait()
            guard let job = queue.withLock({ $0.pop() }) else {
                if queue.withLock({ $0.stopping }) { return }
                continue
            }
            queued.subtract(1, ordering: .relaxed)
            guard job.token.start() else {
                skipped.add(1, ordering: .relaxed)
                continue
            }
            busy.add(1, ordering: .relaxed)
            job.run()
            busy.subtract(1, ordering: .relaxed)
        }
    }
}

/// A FIFO ring of jobs that grows but never shifts elements.
struct JobQueue {
    private var slots: [WorkerPool.Job?] = []
    private var head = 0
    private(set) var count = 0
    var stopping = false

    mutating func push(_ job: WorkerPool.Job) {
        if count == slots.count {
            var grown: [WorkerPool.Job?] = Array(repeating: nil, count: max(8, slots.count * 2))
            for i in 0..<count { grown[i] = slots[(head + i) % slots.count] }
            slots = grown
            head = 0
        }
        slots[(head + count) % slots.count] = job
        count += 1
    }

    mutating func pop() -> WorkerPool.Job? {
        guard count > 0 else { return nil }
        let job = slots[head]
        slots[head] = nil
        head = (head + 1) % slots.count
        count -= 1
        return job
    }
}
