import CLinux
import Dispatch
import Foundation
import Glibc
import Synchronization

/// The engine: N event-loop threads, each with its own SO_REUSEPORT listener
/// (see `Listener`), serving one immutable `RouteTable`.
///
///     var router = Router()
///     router.add(.GET, "/healthz") { _, _ in HTTPResponse(body: #"{"status":"ok"}"#) }
///     let server = HTTPServer(configuration: ServerConfiguration(port: 8080), router: router)
///     try server.start()
///     server.installSignalHandlers()
///     server.wait()
public final class HTTPServer: Sendable {
    private struct State {
        var started = false
        var mailboxes: [LoopMailbox] = []
        var port = 0
    }

    private let shared: ServerShared
    private let state = Mutex(State())
    private let stopped = DispatchGroup()

    public init(configuration: ServerConfiguration, router: Router) {
        var configuration = configuration
        configuration.loopCount = max(1, configuration.loopCount)
        let names = configuration.workerPools.map(\.name)
        precondition(Set(names).count == names.count, "worker pool names must be unique: \(names)")
        let pools = configuration.workerPools.map(WorkerPool.init)
        let metrics = configuration.metrics ?? MetricsRegistry(loops: configuration.loopCount)
        shared = ServerShared(configuration: configuration, routes: RouteTable(router, pools: names), pools: pools, metrics: metrics)
    }

    /// The registry holding the engine's metrics (the configured one, or the server's own).
    public var metrics: MetricsRegistry { shared.metrics }

    public var configuration: ServerConfiguration { shared.configuration }

    /// Binds every listener, then starts one thread per loop. Throws (after
    /// closing anything already opened) if any listener cannot be bound.
    public func start() throws {
        let configuration = shared.configuration
        // A peer that disappears mid-write must not kill the process; sends
        // also pass MSG_NOSIGNAL, this covers stdout for the access log.
        signal(SIGPIPE, SIG_IGN)
        let mailboxes: [LoopMailbox] = try state.withLock { state in
            guard !state.started else { throw HTTPServerError.alreadyStarted }
            var fds: [Int32] = []
            do {
                // With port 0 the first bind picks the port; the others must
                // join that same port for SO_REUSEPORT to share it.
                var port = configuration.port
                try Listener.ensureFree(host: configuration.host, port: port)
                for _ in 0..<configuration.loopCount {
                    let fd = try Listener.open(host: configuration.host, port: port, backlog: configuration.backlog)
                    fds.append(fd)
                    if port == 0 { port = SocketAddress.boundPort(of: fd) }
                }
                state.port = port
            } catch {
                for fd in fds { close(fd) }
                let line = "newsroom http: \(error)\n"
                _ = line.utf8.withContiguousStorageIfAvailable { write(2, $0.baseAddress, $0.count) }
                throw error
            }
            state.started = true
            state.mailboxes = fds.map { _ in LoopMailbox() }
            let shared = self.shared
            for pool in shared.pools { pool.start() }
            shared.accessLogWriter?.start()
            shared.loopsRunning.store(fds.count, ordering: .releasing)
            for (index, fd) in fds.enumerated() {
                let mailbox = state.mailboxes[index]
                let stopped = self.stopped
                stopped.enter()
                let thread = Thread {
                    _ = clinux_set_thread_name("http-loop-\(index)")
                    let loop = EventLoop(index: index, listenFD: fd, shared: shared, mailbox: mailbox)
                    loop.run()
                    // The last loop out stops the workers and writes the remaining log lines.
                    if shared.loopsRunning.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
                        for pool in shared.pools { pool.stop() }
                        shared.accessLogWriter?.stop(timeout: 1)
                    }
                    stopped.leave()
                }
                thread.name = "http-loop-\(index)"
                thread.start()
            }
            return state.mailboxes
        }
        // A shutdown() that raced with start() must still reach the new loops.
        if shared.stopping.load(ordering: .acquiring) { mailboxes.forEach { $0.wake() } }
    }

    /// The port actually bound (useful with port 0); 0 before `start()`.
    public var localPort: Int { state.withLock { $0.port } }

    /// Graceful shutdown, callable from any thread, any number of times: stop
    /// accepting, close idle connections, let in-flight requests (including
    /// pooled ones) finish and be answered with `Connection: close`, and
    /// force-close whatever remains after `shutdownGracePeriod`.
    public func shutdown() {
        shared.stopping.store(true, ordering: .releasing)
        let mailboxes = state.withLock { $0.mailboxes }
        for mailbox in mailboxes { mailbox.wake() }
    }

    /// Blocks until every loop has stopped (returns at once if never started).
    public func wait() {
        stopped.wait()
    }

    /// `start()` then `wait()`.
    public func run() throws {
        try start()
        wait()
    }

    /// Routes SIGTERM and SIGINT to `shutdown()`. A second signal while already
    /// shutting down exits immediately.
    public func installSignalHandlers() {
        SignalRelay.shared.register(self)
    }

    var isStopping: Bool { shared.stopping.load(ordering: .acquiring) }
}
