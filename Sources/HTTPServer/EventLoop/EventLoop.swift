import Glibc

/// One thread's epoll loop, in the shape of redis' ae.c: register fds, wait,
/// dispatch, run expired timers, repeat. Everything it owns (connections,
/// buffers, timers, the access-log formatter, the date cache) is confined to
/// its thread, so the request path takes no locks shared with other loops.
/// Other threads reach it only through its `LoopMailbox`.
///
/// Connection sockets are registered once, edge-triggered, for both input and
/// output, so the loop never calls epoll_ctl again for them: it reads until a
/// short read or EAGAIN and writes until done or EAGAIN, and the next edge
/// says when to continue.
final class EventLoop {
    let index: Int
    let shared: ServerShared
    let mailbox: LoopMailbox
    let configuration: ServerConfiguration
    let limits: ParserLimits
    let epollFD: Int32
    private(set) var listenFD: Int32

    var connections: [Connection?] = []
    var openConnections = 0
    /// Monotonic time of the current iteration.
    var now: Int64
    let date: DateCache
    let accessLog: AccessLog?
    let metrics: LoopMetrics

    let idleTimers: TimerList
    let headerTimers: TimerList
    let bodyTimers: TimerList
    let lingerTimers: TimerList
    let writeTimers: TimerList
    /// One list per worker pool: each pool has its own constant deadline.
    let poolTimers: [TimerList]
    private let timerLists: [TimerList]
    let timerSlack: Int64

    var draining = false
    private var drainDeadline = Int64.max
    private var nextConnectionSerial: UInt64 = 0
    var nextRequestSerial: UInt64 = 0
    var nextOffloadSerial: UInt64 = 0
    private var nextLagProbe: Int64
    private let lagProbeInterval: Int64
    /// Kept open so that, out of descriptors, we can still accept and close
    /// (the classic EMFILE trick) instead of spinning on a full backlog.
    private var spareFD: Int32
    private var shedCount = 0
    private var lastShedLog = Int64.min / 2

    static let initialBufferSize = 4096
    /// Stop parsing pipelined requests while this much output is unsent.
    static let outputHighWater = 1 << 20
    static let lingerTimeout: Int64 = 2_000_000_000

    init(index: Int, listenFD: Int32, shared: ServerShared, mailbox: LoopMailbox) {
        self.index = index
        self.listenFD = listenFD
        self.shared = shared
        self.mailbox = mailbox
        configuration = shared.configuration
        limits = configuration.parserLimits
        epollFD = Linux.epollCreate()
        precondition(epollFD >= 0, "epoll_create1 failed: \(HTTPServerError.reason(errno))")
        now = MonotonicClock.now()
        date = DateCache(serverName: configuration.serverName)
        let format = configuration.accessLogFormat
        accessLog = shared.accessLogWriter.map { AccessLog(ring: $0.rings[index], format: format) }
        metrics = LoopMetrics(engine: shared.engineMetrics, loop: index)
        idleTimers = TimerList(kind: .idle, timeout: MonotonicClock.nanoseconds(configuration.idleTimeout))
        headerTimers = TimerList(kind: .header, timeout: MonotonicClock.nanoseconds(configuration.headerTimeout))
        bodyTimers = TimerList(kind: .body, timeout: MonotonicClock.nanoseconds(configuration.bodyTimeout))
        lingerTimers = TimerList(kind: .linger, timeout: Self.lingerTimeout)
        writeTimers = TimerList(kind: .write, timeout: MonotonicClock.nanoseconds(configuration.writeTimeout))
        poolTimers = shared.pools.enumerated().map { i, pool in
            TimerList(kind: .deadline(i), timeout: MonotonicClock.nanoseconds(pool.configuration.deadline))
        }
        timerLists = [idleTimers, headerTimers, bodyTimers, lingerTimers, writeTimers] + poolTimers
        timerSlack = min(50_000_000, idleTimers.timeout / 20, writeTimers.timeout / 20)
        lagProbeInterval = MonotonicClock.nanoseconds(configuration.loopLagProbeInterval)
        nextLagProbe = now + lagProbeInterval
        spareFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
    }

    // MARK: - The loop

    func run() {
        register(listenFD, events: Linux.EPOLLIN)
        register(mailbox.eventFD, events: Linux.EPOLLIN)
        let events = EpollEvents(capacity: 256)
        defer { events.deallocate() }
        if shared.stopping.load(ordering: .acquiring) { beginDrain() }

        while !(draining && openConnections == 0) {
            let n = events.wait(epollFD, timeoutMilliseconds: nextTimeoutMilliseconds())
            if n < 0 && errno != EINTR {
                logError("epoll_wait failed: \(HTTPServerError.reason(errno))")
                break
            }
            now = MonotonicClock.now()
            date.update()
            if now >= nextLagProbe {
                metrics.loopLag(now - nextLagProbe)
                nextLagProbe = now + lagProbeInterval
            }
            for i in 0..<Int(max(n, 0)) {
                let fd = events.fd(at: i)
                if fd == listenFD {
                    acceptConnections()
                } else if fd == mailbox.eventFD {
                    handleMailbox()
                } else if fd < connections.count, let c = connections[Int(fd)] {
                    handle(c, events: events.events(at: i))
                }
            }
            expireTimers()
            endIteration()
        }
        endIteration()
        for case let c? in connections { closeConnection(c) }
        if listenFD >= 0 { close(listenFD) }
        if spareFD >= 0 { close(spareFD) }
        close(epollFD)
    }

    /// Once per iteration: publish byte counts, wake the log writer.
    private func endIteration() {
        metrics.publishBytes()
        if let accessLog, accessLog.pending {
            accessLog.didNotify()
            shared.accessLogWriter?.notify()
        }
    }

    private func register(_ fd: Int32, events: UInt32) {
        if Linux.epollAdd(epollFD, fd, events: events) != 0 {
            logError("epoll_ctl(ADD, \(fd)) failed: \(HTTPServerError.reason(errno))")
        }
    }

    private func handle(_ c: Connection, events: UInt32) {
        let hangUp = events & (Linux.EPOLLRDHUP | Linux.EPOLLHUP | Linux.EPOLLERR)
        if c.state == .offloaded && hangUp != 0 && clientWentAway(c, reset: events & (Linux.EPOLLHUP | Linux.EPOLLERR) != 0) {
            return cancelOffloaded(c)
        }
        if events & Linux.EPOLLOUT != 0 && !c.output.isEmpty {
            flush(c)
            if c.state == .closed { return }
            // Progress on a large response counts as activity for the write timer.
            arm(c)
            if c.output.isEmpty && c.pausedForOutput {
                // Output had been backed up; parse what was held back.
                c.pausedForOutput = false
                resume(c)
                return
            }
        }
        if events & Linux.EPOLLIN != 0 || hangUp != 0 {
            readAndProcess(c, peerHungUp: hangUp != 0)
        }
    }

    // MARK: - Accepting

    private func acceptConnections() {
        // Bounded per wakeup so one loop flooded with connects still serves its
        // existing connections; the listener is level-triggered, so the rest
        // are picked up on the next iteration.
        for _ in 0..<64 {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd: Int32
            do {
                let result = try syscall("accept4") {
                    Int(withUnsafeMutablePointer(to: &storage) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                            Linux.accept4(listenFD, $0, &length, Linux.SOCK_NONBLOCK | Linux.SOCK_CLOEXEC)
                        }
                    })
                }
                guard case .processed(let accepted) = result else { return }
                fd = Int32(accepted)
            } catch {
                switch error.code {
                case ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE:
                    shedOneConnection()
                    return
                default:
                    logError(error.description)
                    return
                }
            }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let remote = SocketAddress.describe(&storage)
            let admitted = shared.connectionCount.add(1, ordering: .relaxed).newValue <= configuration.maxConnections
            if !admitted { shared.connectionCount.subtract(1, ordering: .relaxed) }
            let c = addConnection(fd: fd, remote: remote, counted: admitted)
            if !admitted {
                metrics.rejected(.connectionLimit)
                c.requestStart = now
                complete(c, nil, problem(.tooManyConnections, "too many open connections", headers: ["Retry-After": "1"]),
                         forceClose: true, label: RouteTable.rejectedLabel)
                flush(c)
                if c.state != .closed { arm(c) }
            }
        }
    }

    private func addConnection(fd: Int32, remote: String, counted: Bool) -> Connection {
        nextConnectionSerial += 1
        let id = nextConnectionSerial << 8 | UInt64(index & 0xFF)
        let c = Connection(fd: fd, id: id, remoteAddress: remote, counted: counted, bufferSize: Self.initialBufferSize)
        let slot = Int(fd)
        if slot >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: slot - connections.count + 1))
        }
        connections[slot] = c
        openConnections += 1
        register(fd, events: Linux.EPOLLIN | Linux.EPOLLOUT | Linux.EPOLLRDHUP | Linux.EPOLLET)
        idleTimers.append(c, deadline: now + idleTimers.timeout)
        return c
    }

    private func shedOneConnection() {
        guard spareFD >= 0 else { return }
        close(spareFD)
        let fd = Linux.accept4(listenFD, nil, nil, Linux.SOCK_CLOEXEC)
        if fd >= 0 { close(fd) }
        spareFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
        shedCount += 1
        // At most one line a second: under fd exhaustion this runs per connect.
        if now - lastShedLog >= 1_000_000_000 {
            logError("out of file descriptors; closed \(shedCount) new connection(s) unserved")
            lastShedLog = now
            shedCount = 0
        }
    }

    func closeConnection(_ c: Connection) {
        guard c.state != .closed else { return }
        c.timerList?.remove(c)
        c.state = .closed
        c.pending = nil
        c.offload = nil
        close(c.fd)
        connections[Int(c.fd)] = nil
        openConnections -= 1
        if c.counted { shared.connectionCount.subtract(1, ordering: .relaxed) }
    }

    // MARK: - Mailbox: pooled responses and shutdown

    private func handleMailbox() {
        for completion in mailbox.drain() {
            guard Int(completion.fd) < connections.count,
                  let c = connections[Int(completion.fd)],
                  c.id == completion.connectionID,
                  c.state == .offloaded,
                  c.offload?.serial == completion.serial
            else { continue }
            completeOffloaded(c, completion.response, cpuNanoseconds: completion.cpuNanoseconds)
        }
        if shared.stopping.load(ordering: .acquiring) && !draining { beginDrain() }
    }

    /// Stop accepting; close connections that are between requests; let the
    /// rest finish their current request (answered with `Connection: close`).
    private func beginDrain() {
        draining = true
        drainDeadline = now + MonotonicClock.nanoseconds(configuration.shutdownGracePeriod)
        if listenFD >= 0 {
            close(listenFD)
            listenFD = -1
        }
        for case let c? in connections where c.state == .idle && c.input.isEmpty && c.output.isEmpty {
            closeConnection(c)
        }
    }

    // MARK: - Timers

    private func nextTimeoutMilliseconds() -> Int32 {
        var earliest = min(drainDeadline, nextLagProbe)
        for list in timerLists {
            if let head = list.head, head.deadline < earliest { earliest = head.deadline }
        }
        if earliest == .max { return -1 }
        let ms = (earliest - MonotonicClock.now() + 999_999) / 1_000_000
        return Int32(clamping: max(ms, 0))
    }

    private func expireTimers() {
        for list in timerLists {
            while let c = list.head, c.deadline <= now {
                list.remove(c)
                expire(c, list.kind)
            }
        }
        if draining && now >= drainDeadline {
            for case let c? in connections { closeConnection(c) }
        }
    }

    private func expire(_ c: Connection, _ kind: TimerKind) {
        switch kind {
        case .idle, .linger:
            closeConnection(c)
        case .header:
            guard c.state == .head else { return arm(c) }
            fail(c, HTTPParseError(.requestTimeout, "request head not received within \(configuration.headerTimeout) s"), request: nil)
            flush(c)
            if c.state != .closed { arm(c) }
        case .body:
            guard c.state == .body else { return arm(c) }
            fail(c, HTTPParseError(.requestTimeout, "request body not received within \(configuration.bodyTimeout) s"), request: c.pending?.request)
            flush(c)
            if c.state != .closed { arm(c) }
        case .write:
            guard !c.output.isEmpty else { return arm(c) }
            metrics.rejected(.writeTimeout)
            closeWithoutReset(c)
        case .deadline(let pool):
            guard c.state == .offloaded, let offload = c.offload else { return arm(c) }
            offload.token.cancel()
            metrics.rejected(.deadline)
            metrics.cancelled(.deadline)
            let seconds = shared.pools[pool].configuration.deadline
            completeOffloaded(c, problem(.timeout, "no response within \(seconds) s"))
        }
    }

    /// Puts the connection on the timer list matching its state; while
    /// draining, closes it instead once it is between requests with nothing
    /// left to send.
    func arm(_ c: Connection) {
        if draining && c.state == .idle && c.input.isEmpty && c.output.isEmpty {
            return closeConnection(c)
        }
        let list: TimerList?
        let deadline: Int64
        switch c.state {
        case .idle, .closing:
            if c.output.isEmpty {
                list = idleTimers
                deadline = now + idleTimers.timeout
            } else {
                // Waiting for the client to take our output: the write timeout,
                // restarted by progress only.
                if c.timerList === writeTimers && c.writeProgressAt < c.deadline - writeTimers.timeout + timerSlack { return }
                list = writeTimers
                deadline = now + writeTimers.timeout
            }
        case .head:
            list = headerTimers
            deadline = c.requestStart + headerTimers.timeout
        case .body:
            list = bodyTimers
            deadline = c.bodyStart + bodyTimers.timeout
        case .lingering:
            list = lingerTimers
            deadline = now + lingerTimers.timeout
        case .offloaded:
            guard let offload = c.offload else { return }
            list = poolTimers[offload.pool]
            deadline = offload.queuedAt + poolTimers[offload.pool].timeout
        case .closed:
            list = nil
            deadline = 0
        }
        if c.timerList === list && c.deadline == deadline { return }
        // Moving a busy keep-alive connection to the tail after every request
        // is two relinks per request; letting its idle deadline lag by a few
        // milliseconds (closing that much early at worst) skips almost all of them.
        if list === idleTimers && c.timerList === idleTimers && deadline - c.deadline < timerSlack { return }
        if c.timerList === list && list?.kind == .linger { return }
        c.timerList?.remove(c)
        list?.append(c, deadline: deadline)
    }

    func logError(_ message: String) {
        let line = "newsroom http: loop \(index): \(message)\n"
        _ = line.utf8.withContiguousStorageIfAvailable { write(2, $0.baseAddress, $0.count) }
    }
}
