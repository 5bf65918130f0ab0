import Synchronization

/// Shared between the loop that owns a pooled request and the worker that runs
/// it: the loop cancels (deadline, client gone), the worker checks before it
/// starts and the handler checks while it runs.
final class CancellationToken: Sendable {
    private let cancelled = Atomic<Bool>(false)
    private let started = Atomic<Bool>(false)

    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }
    var hasStarted: Bool { started.load(ordering: .acquiring) }

    func cancel() { cancelled.store(true, ordering: .releasing) }

    /// Claims the request for running; false when it was cancelled first, so a
    /// request cancelled while queued never runs.
    func start() -> Bool {
        started.store(true, ordering: .releasing)
        return !isCancelled
    }
}
