/// One named, bounded pool of worker threads for handlers that must not run on
/// an event loop (anything whose cost depends on user input).
public struct WorkerPoolConfiguration: Sendable, Equatable {
    public var name: String
    /// Threads; at least 1.
    public var threads: Int
    /// Requests waiting for a thread; beyond it the client gets 503 with `Retry-After`.
    public var queueLimit: Int
    /// Seconds from the moment a request is queued until the engine gives up on
    /// it, answers 504 and cancels it (`RequestContext.isCancelled`).
    public var deadline: Double
    /// Threads run under SCHED_IDLE: only on a core no other thread wants, so the pool's work
    /// never delays a request on the other pools or the event loops (and waits while they are busy).
    public var idlePriority: Bool

    public init(name: String, threads: Int, queueLimit: Int, deadline: Double, idlePriority: Bool = false) {
        self.name = name
        self.threads = threads
        self.queueLimit = queueLimit
        self.deadline = deadline
        self.idlePriority = idlePriority
    }

    /// Reads whose cost depends on the request (search, first renders): one thread per core, queue 256, 10 s.
    public static func reads(threads: Int = ServerConfiguration.availableCores()) -> WorkerPoolConfiguration {
        WorkerPoolConfiguration(name: "reads", threads: threads, queueLimit: 256, deadline: 10)
    }

    /// Writes (uploads, deletes): two threads, queue 64, 120 s.
    public static let writes = WorkerPoolConfiguration(name: "writes", threads: 2, queueLimit: 64, deadline: 120)
}
