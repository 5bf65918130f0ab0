import Glibc

/// The HTTP/1.1 connection state machine: read, parse every complete request in
/// the buffer, answer them in order into the output buffer, then send the
/// whole batch with one send().
extension EventLoop {
    // MARK: - Reading

    /// - Parameter peerHungUp: the event reported EPOLLRDHUP/EPOLLHUP. The FIN
    ///   may have arrived with the data under the same edge, so read on to EOF
    ///   instead of trusting a short read.
    func readAndProcess(_ c: Connection, peerHungUp: Bool = false) {
        var peerHungUp = peerHungUp
        while true {
            readAvailable(c, peerHungUp: peerHungUp)
            if c.state == .closed { return }
            flush(c)
            if c.state == .closed { return }
            // Parsing stopped because output piled up, and the socket took it
            // all at once (no EPOLLOUT edge will follow): carry on here.
            guard c.pausedForOutput && c.output.isEmpty else { break }
            c.pausedForOutput = false
            processInput(c)
            if c.state == .closed { return }
            peerHungUp = true
        }
        arm(c)
    }

    private func readAvailable(_ c: Connection, peerHungUp: Bool) {
        reading: while true {
            switch c.state {
            case .lingering:
                discardInput(c)
                return
            case .closed:
                return
            case .offloaded, .closing:
                // Input stays in the kernel until we resume; resume() reads again.
                break reading
            case .idle, .head, .body:
                break
            }
            if c.output.pendingBytes > Self.outputHighWater {
                c.pausedForOutput = true
                break
            }
            let wasEmpty = c.input.isEmpty
            c.input.reserveWritable(Self.initialBufferSize)
            let space = c.input.writableBytes
            let n: Int
            do {
                guard case .processed(let count) = try syscall("recv", { recv(c.fd, c.input.writePointer, space, 0) }) else { break }
                n = count
            } catch {
                return closeConnection(c)
            }
            if n > 0 {
                if wasEmpty && c.state == .idle { c.requestStart = now }
                c.input.didWrite(n)
                metrics.bytesIn += n
                processInput(c)
                if c.state == .closed { return }
                // A short read means the socket is drained; with edge-triggered
                // epoll the next arrival raises a new edge, so skip the EAGAIN read.
                if n < space && !peerHungUp { break }
            } else {
                c.peerClosed = true
                switch c.state {
                case .idle, .head, .body:
                    // A partial request can never complete now.
                    if c.output.isEmpty { return closeConnection(c) }
                    c.state = .closing
                default:
                    break
                }
                break
            }
        }
    }

    /// Called when something that paused input (a pooled handler, a full
    /// output buffer) has cleared: handle what is buffered, then read on.
    func resume(_ c: Connection) {
        processInput(c)
        if c.state == .closed { return }
        // Edges that arrived while paused (possibly a FIN) were already
        // consumed, so read until EAGAIN or EOF rather than trusting a short read.
        readAndProcess(c, peerHungUp: true)
    }

    /// Nothing more will be parsed, so the input buffer serves as scratch space.
    /// Closes the connection at EOF or on an error.
    private func discardInput(_ c: Connection) {
        c.input.clear()
        while true {
            do {
                let result = try syscall("recv") { recv(c.fd, c.input.writePointer, c.input.writableBytes, 0) }
                switch result {
                case .wouldBlock: return
                case .processed(0): return closeConnection(c)
                case .processed: continue
                }
            } catch {
                return closeConnection(c)
            }
        }
    }

    /// Closes with a FIN, not a RST: unread input makes close() reset the
    /// connection, so read and drop it first. What the kernel already holds of
    /// our output is still delivered if the client ever reads it.
    func closeWithoutReset(_ c: Connection) {
        discardInput(c)
        if c.state != .closed { closeConnection(c) }
    }

    /// True when the client of a waiting pooled request has gone: the
    /// connection failed, or it half-closed with nothing left unread, here or
    /// in the kernel (as nginx does, a FIN is taken for an abort; a FIN behind
    /// pipelined requests is dealt with when they are read).
    func clientWentAway(_ c: Connection, reset: Bool) -> Bool {
        if reset { return true }
        guard c.input.isEmpty else { return false }
        var byte: UInt8 = 0
        let n = recv(c.fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
    }

    /// The client of a pooled request went away: cancel it and close.
    func cancelOffloaded(_ c: Connection) {
        c.offload?.token.cancel()
        metrics.cancelled(.clientGone)
        closeConnection(c)
    }

    // MARK: - Parsing

    func processInput(_ c: Connection) {
        while true {
            switch c.state {
            case .idle, .head:
                if c.input.isEmpty {
                    c.state = .idle
                    return
                }
                if c.output.pendingBytes > Self.outputHighWater {
                    c.pausedForOutput = true
                    return
                }
                let buffer = c.input.readable
                guard c.headScan.shouldParse(buffer, limits: limits) else {
                    c.state = .head
                    return
                }
                let result = RequestParser.parse(buffer, limits: limits, fields: &c.fields)
                switch result {
                case .incomplete:
                    c.headScan.didParseIncomplete(buffer.count)
                    c.state = .head
                    return
                case .failure(let error):
                    c.headScan = HeadScan()
                    fail(c, error, request: nil)
                    return
                case .complete(let head):
                    c.headScan = HeadScan()
                    beginRequest(c, head)
                }
            case .body:
                continueBody(c)
                if c.state == .body { return }
            case .offloaded, .closing, .lingering, .closed:
                return
            }
        }
    }

    private func beginRequest(_ c: Connection, _ head: RequestHead) {
        let base = c.input.readPointer
        let rawTarget = String(decoding: UnsafeBufferPointer(start: base + head.target.lowerBound, count: head.target.count), as: UTF8.self)
        var headers = HTTPHeaders()
        headers.fields.reserveCapacity(c.fields.count)
        var clientID: String?
        for field in c.fields {
            let name = UnsafeBufferPointer(start: base + field.name.lowerBound, count: field.name.count)
            let value = UnsafeBufferPointer(start: base + field.value.lowerBound, count: field.value.count)
            if name.count == 12 && clientID == nil && HeaderSemantics.equalsLowercase(name, "x-request-id") {
                clientID = RequestID.accepting(value)
            }
            headers.fields.append((
                name: String(decoding: name, as: UTF8.self),
                value: String(decoding: value, as: UTF8.self)
            ))
        }
        c.requestID = clientID.map(RequestID.init(client:)) ?? newRequestID()
        c.input.consume(head.length)
        c.keepAlive = head.keepAlive

        let target: RequestTarget
        switch RequestTarget.decode(rawTarget, method: head.method) {
        case .success(let t): target = t
        case .failure(let error):
            fail(c, error, request: nil)
            return
        }
        let request = HTTPRequest(
            method: head.method,
            path: target.path,
            rawTarget: rawTarget,
            query: target.query,
            headers: headers,
            body: [],
            version: head.version
        )

        switch head.framing {
        case .none:
            dispatch(c, request, target)
        case .length(let length):
            guard length <= configuration.maxBodyBytes else {
                // Answered before reading any of it; the unread body leaves
                // framing unknown, so the connection closes.
                fail(c, HTTPParseError(.payloadTooLarge, "Content-Length \(length) exceeds the limit of \(configuration.maxBodyBytes) bytes"), request: request)
                return
            }
            c.pending = Connection.Pending(request: request, target: target, framing: head.framing, remaining: length)
            // Reserve what was declared, up to a bound, so a client announcing
            // a large body it never sends cannot make us commit the memory.
            c.pending!.request.body.reserveCapacity(min(length, 64 * 1024))
            startBody(c, expectContinue: head.expectContinue)
        case .chunked:
            c.pending = Connection.Pending(request: request, target: target, framing: head.framing, remaining: 0)
            c.chunked = ChunkedDecoder()
            startBody(c, expectContinue: head.expectContinue)
        }
    }

    func newRequestID() -> RequestID {
        nextRequestSerial += 1
        return RequestID(loop: index, serial: nextRequestSerial)
    }

    private func startBody(_ c: Connection, expectContinue: Bool) {
        c.state = .body
        c.bodyStart = now
        // Only promise 100 Continue when we are about to read the body and the
        // client is evidently waiting for it (none of the body has arrived).
        if expectContinue && c.input.isEmpty {
            c.output.heads.append("HTTP/1.1 100 Continue\r\n\r\n")
        }
    }

    private func continueBody(_ c: Connection) {
        guard c.pending != nil else {
            c.state = .idle
            return
        }
        switch c.pending!.framing {
        case .length:
            let take = min(c.pending!.remaining, c.input.readableBytes)
            if take > 0 {
                c.pending!.request.body.append(contentsOf: UnsafeBufferPointer(start: c.input.readPointer, count: take))
                c.input.consume(take)
                c.pending!.remaining -= take
            }
            if c.pending!.remaining > 0 { return }
        case .chunked:
            let (consumed, outcome) = c.chunked.decode(
                c.input.readable,
                into: &c.pending!.request.body,
                maxBodyBytes: configuration.maxBodyBytes,
                maxTrailerBytes: configuration.maxHeaderBytes
            )
            c.input.consume(consumed)
            switch outcome {
            case .needMore:
                return
            case .failure(let error):
                var request = c.pending!.request
                request.body = []
                fail(c, error, request: request)
                return
            case .done:
                break
            }
        case .none:
            break
        }
        let pending = c.pending!
        c.pending = nil
        dispatch(c, pending.request, pending.target)
    }

    // MARK: - Routing and answering

    private func dispatch(_ c: Connection, _ request: HTTPRequest, _ target: RequestTarget) {
        c.state = .idle
        let routes = shared.routes
        switch routes.match(request.method, target) {
        case .route(let route, let parameters, _):
            var request = request
            request.parameters = parameters
            run(c, route, request, target)
        case .fallback(let route):
            run(c, route, request, target)
        case .options(let allow):
            var headers = HTTPHeaders()
            headers.add("Allow", allow)
            complete(c, request, HTTPResponse(status: .noContent, headers: headers))
        case .methodNotAllowed(let allow):
            complete(c, request, problem(.methodNotAllowed, "\(request.method) is not allowed on this resource", headers: ["Allow": allow]))
        case .notFound:
            complete(c, request, problem(.notFound, "no resource at this path"))
        }
    }

    private func run(_ c: Connection, _ route: RouteTable.Target, _ request: HTTPRequest, _ target: RequestTarget) {
        c.route = route
        let id = c.requestID ?? newRequestID()
        guard let poolIndex = route.pool else {
            let context = RequestContext(loopIndex: index, loopCount: shared.loopCount, remoteAddress: c.remoteAddress,
                                         isOffloaded: false, id: id, cancellation: nil)
            complete(c, request, route.handler(request, context))
            return
        }
        if let fast = route.fast {
            let context = RequestContext(loopIndex: index, loopCount: shared.loopCount, remoteAddress: c.remoteAddress,
                                         isOffloaded: false, id: id, cancellation: nil)
            if let response = fast(request, context) {
                complete(c, request, response)
                return
            }
        }
        let pool = shared.pools[poolIndex]
        let token = CancellationToken()
        let context = RequestContext(loopIndex: index, loopCount: shared.loopCount, remoteAddress: c.remoteAddress,
                                     isOffloaded: true, id: id, cancellation: token)
        nextOffloadSerial += 1
        let serial = nextOffloadSerial
        let fd = c.fd
        let connectionID = c.id
        let mailbox = self.mailbox
        let handler = route.handler
        let serverTiming = configuration.serverTiming
        let job = WorkerPool.Job(token: token) {
            let started = ThreadCPUClock.now()
            var response = handler(request, context)
            let cpu = ThreadCPUClock.now() - started
            // Past its deadline the loop has answered already; drop the late result.
            guard !token.isCancelled else { return }
            if serverTiming { response.headers.add("Server-Timing", ServerTiming.cpu(nanoseconds: cpu)) }
            mailbox.post(OffloadCompletion(fd: fd, connectionID: connectionID, serial: serial, response: response, cpuNanoseconds: cpu))
        }
        guard pool.submit(job) else {
            metrics.rejected(.queueFull)
            complete(c, request, problem(.queueFull, "the \(pool.configuration.name) queue is full; try again shortly", headers: ["Retry-After": "1"]))
            return
        }
        c.state = .offloaded
        c.pending = Connection.Pending(request: request, target: target, framing: .none, remaining: 0)
        c.offload = Connection.Offload(serial: serial, token: token, pool: poolIndex, queuedAt: now)
        arm(c)
    }

    func completeOffloaded(_ c: Connection, _ response: HTTPResponse, cpuNanoseconds: Int64? = nil) {
        if let cpuNanoseconds, let route = c.route { metrics.handlerCPU(routeKey: route.id, route: route.template, nanoseconds: cpuNanoseconds) }
        let request = c.pending?.request
        c.pending = nil
        c.offload = nil
        c.state = .idle
        complete(c, request, response)
        if c.state == .closing {
            flush(c)
            if c.state != .closed { arm(c) }
        } else {
            resume(c)
        }
    }

    /// An engine-generated problem document.
    func problem(_ kind: EngineProblem, _ detail: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        kind.response(base: configuration.problemTypeBase, detail: detail, headers: headers)
    }

    /// Applies the response filter, serialises, logs, counts, and decides
    /// whether the connection stays open.
    /// - Parameter label: the route label for logs and metrics when no route served the request.
    func complete(_ c: Connection, _ request: HTTPRequest?, _ response: HTTPResponse, forceClose: Bool = false, label: String? = nil) {
        var response = response
        if let filter = shared.routes.filter { filter(request, &response) }
        let id = c.requestID ?? newRequestID()
        let (bytes, close) = ResponseWriter.write(
            response,
            omitBody: request?.method == .HEAD,
            close: forceClose || !c.keepAlive || draining,
            keepAliveHTTP10: request?.version == .http1_0,
            requestID: id,
            date: date,
            into: c.output
        )
        let finished = MonotonicClock.now()
        let route = c.route
        let routeLabel = route?.template ?? label ?? (request == nil ? RouteTable.invalidLabel : RouteTable.unmatchedLabel)
        let routeKey = route?.id ?? (label != nil ? -3 : request == nil ? -1 : -2)
        metrics.request(method: request?.method, routeKey: routeKey, route: routeLabel, status: response.status.code,
                        seconds: Double(finished - c.requestStart) / 1e9)
        if let accessLog {
            var path: Substring = ""
            if let raw = request?.rawTarget {
                path = raw.utf8.firstIndex(of: ASCII.question).map { raw[..<$0] } ?? raw[...]
            }
            let entry = AccessLogEntry(client: c.remoteAddress, requestID: id, method: request?.method.description ?? "-",
                                       route: routeLabel, path: path, status: response.status.code, bytes: bytes,
                                       micros: Int((finished - c.requestStart) / 1000))
            if !accessLog.record(entry) { metrics.droppedLogLine() }
        }
        c.requestID = nil
        c.route = nil
        c.requestStart = now
        c.state = close ? .closing : .idle
    }

    /// An engine error that leaves framing uncertain: answer and close.
    func fail(_ c: Connection, _ error: HTTPParseError, request: HTTPRequest?) {
        c.pending = nil
        complete(c, request, problem(EngineProblem.forParseError(error.status), error.detail), forceClose: true)
    }

    // MARK: - Writing

    /// Sends as much buffered output as the socket takes. On EAGAIN the
    /// edge-triggered EPOLLOUT registration calls us again.
    func flush(_ c: Connection) {
        let before = c.output.bytesSent
        let result = c.output.flush(to: c.fd)
        let sent = c.output.bytesSent - before
        if sent > 0 {
            c.writeProgressAt = now
            metrics.bytesOut += sent
        }
        switch result {
        case .done: break
        case .wouldBlock: return
        case .failed: return closeConnection(c)
        }
        if c.state == .closing {
            if c.peerClosed { return closeConnection(c) }
            shutdown(c.fd, Int32(SHUT_WR))
            c.state = .lingering
            arm(c)
            discardInput(c)
        }
    }
}
