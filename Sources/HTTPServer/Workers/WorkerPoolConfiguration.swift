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
    /// The threads' nice value (0 to 19; Linux keeps one per thread). Above 0, the event loops and
    /// other pools win the CPU from this pool when both want it: a stream of uploads then slows
    /// itself rather than every reader on a small machine.
    public var niceness: Int

    public init(name: String, threads: Int, queueLimit: Int, deadline: Double, niceness: Int = 0) {
        self.name = name
        self.threads = threads
        self.queueLimit = queueLimit
        self.deadline = deadline
        self.niceness = niceness
    }

    /// Reads whose cost depends on the request (search, first renders): one thread per core, queue 256, 10 s.
    public static func reads(threads: Int = ServerConfiguration.availableCores()) -> WorkerPoolConfiguration {
        WorkerPoolConfiguration(name: "reads", threads: threads, queueLimit: 256, deadline: 10)
    }

    /// Writes (uploads, deletes): two threads, queue 64, 120 s.
    public static let writes = WorkerPoolConfiguration(name: "writes", threads: 2, queueLimit: 64, deadline: 120)
}
