import CLinux
import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Wakes the maintenance thread and tells it when to stop.
final class MaintenanceSignal: Sendable {
    let wake = DispatchSemaphore(value: 0)
    let stopped = DispatchSemaphore(value: 0)
    let stopping = Atomic<Bool>(false)
    let running = Atomic<Bool>(false)
    /// A re-analysis is due but waits for writes to pause.
    let reanalysisDeferred = Atomic<Bool>(false)
}

extension Archive {
    /// Starts the work that keeps costs flat as the archive grows, on one low-priority thread so
    /// it never competes with requests for long: merging small segments (so a query visits few),
    /// re-analysing when the corpus has drifted from its model, and saving the state so a restart
    /// reads it instead of rebuilding. Woken after writes; saves at least every `interval`.
    public func startMaintenance(interval: TimeInterval = 30, report: @escaping @Sendable (String) -> Void) {
        guard options.backgroundWork, !maintenance.running.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let thread = Thread { [self] in
            // Below the request threads: on a small machine a merge must not take a core from readers.
            // (On Linux the nice value is per thread; `who` 0 is the calling thread.)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            // Its disk reads too: after a cold start the scrub reads the whole saved state (11 GB
            // at a million articles), and searches faulting their postings in must not queue
            // behind it.
            _ = clinux_set_thread_io_idle()
            // Named in the kernel for top -H and for benchmarks that leave its CPU out.
            _ = clinux_set_thread_name("archive-maint")
            var saved = Date()
            scrub(report: report)
            while !maintenance.stopping.load(ordering: .acquiring) {
                // A deferred re-analysis looks again as soon as writes could have paused.
                let deferred = maintenance.reanalysisDeferred.load(ordering: .acquiring)
                _ = maintenance.wake.wait(timeout: .now() + (deferred ? min(interval, max(0.1, options.reanalysisQuietPeriod)) : interval))
                // A burst of uploads is one round of work, not one per upload.
                while maintenance.wake.wait(timeout: .now()) == .success {}
                if maintenance.stopping.load(ordering: .acquiring) { break }
                let save = Date().timeIntervalSince(saved) >= interval
                maintain(checkpoint: save, report: report)
                if save { saved = Date() }
            }
            maintenance.stopped.signal()
        }
        thread.name = "archive-maintenance"
        thread.qualityOfService = QualityOfService.utility
        thread.start()
    }

    /// Stops the maintenance thread after its current step and saves the state.
    public func stopMaintenance(report: (String) -> Void = { _ in }) {
        if maintenance.running.load(ordering: .acquiring) {
            maintenance.stopping.store(true, ordering: .releasing)
            maintenance.wake.signal()
            maintenance.stopped.wait()
            maintenance.running.store(false, ordering: .releasing)
        }
        checkpoint(report: report)
    }

    /// One round of maintenance: merges until the segments are in shape, re-analysis if due,
    /// then (unless told not to: saving is rate-limited, uploads are durable without it) a
    /// checkpoint of what changed.
    public func maintain(checkpoint save: Bool = true, report: (String) -> Void = { _ in }) {
        while let snapshot = state(), let candidates = Self.mergeCandidates(snapshot.segments, live: snapshot.live) {
            if maintenance.stopping.load(ordering: .acquiring) { return }
            let merged = Self.merged(candidates, in: snapshot)
            writes.withLock { _ in
                guard let current = state() else { return }
                // Another merge cannot have run (this thread is the only one), so the segments are still there.
                install(current.replacing(candidates, with: merged))
            }
            statistics.merges.add(1, ordering: .relaxed)
        }
        let due = state().map { needsReanalysis($0) } ?? false
        // Deletes can bring the count back within the drift while it waits.
        if !due { maintenance.reanalysisDeferred.store(false, ordering: .releasing) }
        if due {
            guard writesPaused() else {
                if !maintenance.reanalysisDeferred.exchange(true, ordering: .acquiringAndReleasing) {
                    report("re-analysis due: waiting for the pages streaming in to pause")
                }
                if save { checkpoint(report: report) }
                return
            }
            maintenance.reanalysisDeferred.store(false, ordering: .releasing)
            let started = Date()
            guard reanalyze(isCancelled: { maintenance.stopping.load(ordering: .acquiring) }) else {
                report("re-analysis abandoned: the server is stopping (the next start will do it again)")
                return
            }
            statistics.reanalyses.add(1, ordering: .relaxed)
            if let now = state() {
                report(String(format: "re-analysed %d articles against a new corpus model in %.1f s", now.articleCount,
                              Date().timeIntervalSince(started)))
            }
        }
        if save { checkpoint(report: report) }
    }

    /// True while a due re-analysis waits for the pages streaming in to pause (for metrics: the
    /// articles written meanwhile are analysed against the older model until it runs).
    public var isReanalysisWaiting: Bool { maintenance.reanalysisDeferred.load(ordering: .acquiring) }

    /// True when no page was written for `reanalysisQuietPeriod`.
    func writesPaused(now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Bool {
        let last = lastWrite.load(ordering: .acquiring)
        // A write recorded after `now` was read has not paused at all.
        return last == 0 || (now > last && Double(now - last) >= options.reanalysisQuietPeriod * 1e9)
    }

    /// Work a write may call for: merging, re-analysing, persisting (in the background).
    func afterWrite(_ state: ArchiveState) {
        lastWrite.store(DispatchTime.now().uptimeNanoseconds, ordering: .releasing)
        if maintenance.running.load(ordering: .acquiring) { maintenance.wake.signal() }
    }
}
