import Foundation
import Synchronization

/// Counts of the archive's background work, for metrics and logs.
public final class ArchiveStatistics: Sendable {
    public let checkpoints = Atomic<Int>(0)
    public let failedCheckpoints = Atomic<Int>(0)
    /// Unix time of the last successful checkpoint (0: none yet).
    public let lastCheckpoint = Atomic<Int>(0)
    public let merges = Atomic<Int>(0)
    public let reanalyses = Atomic<Int>(0)
    public let rebuilds = Atomic<Int>(0)
    /// Changes applied from other processes sharing the data directory.
    public let foreignChanges = Atomic<Int>(0)

    init() {}
}
