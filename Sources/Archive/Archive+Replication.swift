import CLinux
import Dispatch
import Foundation

/// Several server processes may serve one data directory (replicas behind a load balancer, on
/// one host or sharing a network volume). Page files are the truth; each process holds its own
/// state derived from them and follows the store's change log to apply the others' writes.
extension Archive {
    /// Applies the changes other processes recorded since this one last looked, and returns the
    /// current state. Call holding `writes` (and, for a write, the store's lock: then the state is
    /// exactly the files).
    @discardableResult
    func catchUpWithChanges(report: (String) -> Void = { _ in }) -> ArchiveState? {
        guard let state = state() else { return nil }
        let from = changeOffset.withLock { $0 }
        let (ids, end) = store.changes(from: from)
        guard end != from else { return state }
        changeOffset.withLock { $0 = end }
        let scope = Set(ids)
        guard !scope.isEmpty else { return state }
        let entries = scope.sorted().flatMap { store.entries(forID: $0) }
        let next = reconcile(state, with: entries, scope: scope, report: report)
        statistics.foreignChanges.add(scope.count, ordering: .relaxed)
        install(next)
        afterWrite(next)
        return next
    }

    /// Applies what other processes sharing the data directory wrote since this one last looked
    /// (what `startFollowingChanges` does on its own every interval).
    public func applyChangesFromOtherProcesses(report: (String) -> Void = { _ in }) {
        writes.withLock { _ in _ = catchUpWithChanges(report: report) }
    }

    /// Follows the change log: every `interval`, one `stat` of it; when it grew, the named pages
    /// are read again. A write through any process is visible here within about `interval`.
    public func startFollowingChanges(interval: TimeInterval = 0.25, report: @escaping @Sendable (String) -> Void) {
        guard !following.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let thread = Thread { [self] in
            _ = clinux_set_thread_name("archive-changes")
            while !maintenance.stopping.load(ordering: .acquiring) {
                Thread.sleep(forTimeInterval: interval)
                guard state() != nil, store.changeLogSize() != changeOffset.withLock({ $0 }) else { continue }
                writes.withLock { _ in
                    let before = generation
                    catchUpWithChanges(report: report)
                    if generation != before, let state = state() {
                        report("applied changes written by another process: \(state.pageCount) pages, \(state.articleCount) articles")
                    }
                }
            }
        }
        thread.name = "archive-changes"
        thread.start()
    }
}
