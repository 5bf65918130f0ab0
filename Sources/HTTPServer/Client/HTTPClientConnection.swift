import Glibc

/// A deliberately simple blocking HTTP/1.1 client for health checks and tests.
/// It is also a raw socket: `send` writes arbitrary bytes, so tests can speak
/// malformed HTTP, and `readUntilClose` returns whatever arrives until EOF.
public final class HTTPClientConnection {
    public let fd: Int32
    /// Default per-operation timeout in seconds.
    public var timeout: Double
    private var pending: [UInt8] = []
    private var eof = false

    private init(fd: Int32, timeout: Double) {
        self.fd = fd
        self.timeout = timeout
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    /// Connects with a timeout; throws `connectFailed` (e.g. ECONNREFUSED) or `timedOut`.
    public static func connect(host: String, port: Int, timeout: Double = 5) throws -> HTTPClientConnection {
        let address = try SocketAddress.resolve(host: host, port: port)
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Linux.SOCK_CLOEXEC | Linux.SOCK_NONBLOCK, 0)
        guard fd >= 0 else { throw HTTPServerError.socketFailed(host, errno: errno) }
        let connection = HTTPClientConnection(fd: fd, timeout: timeout)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let result = address.withSockaddr { Glibc.connect(fd, $0, $1) }
        if result != 0 {
            guard errno == EINPROGRESS else { throw HTTPServerError.connectFailed("\(host):\(port)", errno: errno) }
            guard try connection.poll(Int16(POLLOUT), timeout: timeout) else {
                throw HTTPServerError.timedOut("connect to \(host):\(port)")
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            if error != 0 { throw HTTPServerError.connectFailed("\(host):\(port)", errno: error) }
        }
        return connection
    }

    public func close() {
        shutdown(fd, Int32(SHUT_RDWR))
    }

    /// Half-closes: tells the server no more requests are coming.
    public func shutdownWrite() {
        shutdown(fd, Int32(SHUT_WR))
    }

    // MARK: - Sending

    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        let deadline = MonotonicClock.now() + MonotonicClock.nanoseconds(timeout)
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n > 0 {
                offset += n
            } else if n < 0 && (errno == EAGAIN || errno == EINTR) {
                let left = Double(deadline - MonotonicClock.now()) / 1e9
                guard left > 0, try poll(Int16(POLLOUT), timeout: left) else { throw HTTPServerError.timedOut("send") }
            } else {
                throw HTTPServerError.connectionClosed("send failed: \(HTTPServerError.reason(errno))")
            }
        }
    }

    // MARK: - Receiving

    /// Reads one response. `head`: the request was HEAD, so no body follows
    /// whatever `Content-Length` says. Interim 1xx responses are returned as
    /// responses of their own.
    public func readResponse(head: Bool = false, timeout: Double? = nil) throws -> ClientResponse {
        let deadline = MonotonicClock.now() + MonotonicClock.nanoseconds(timeout ?? self.timeout)
        var headEnd: Int
        while true {
            if let end = Self.find([13, 10, 13, 10], in: pending) {
                headEnd = end
                break
            }
            guard try fill(deadline) else {
                throw HTTPServerError.connectionClosed(pending.isEmpty ? "before a response" : "inside a response head")
            }
        }
        let headText = String(decoding: pending[0..<headEnd], as: UTF8.self)
        pending.removeFirst(headEnd + 4)
        var lines = headText.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { throw HTTPServerError.malformedResponse("empty head") }
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw HTTPServerError.malformedResponse("status line \(statusLine)")
        }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw HTTPServerError.malformedResponse("header \(line)") }
            headers.add(String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: " \t"))
        }
        var body: [UInt8] = []
        if head || status < 200 || status == 204 || status == 304 {
            // No body.
        } else if headers["Transfer-Encoding"]?.lowercased().contains("chunked") == true {
            body = try readChunked(deadline)
        } else if let lengthText = headers["Content-Length"], let length = Int(lengthText) {
            while pending.count < length {
                guard try fill(deadline) else { throw HTTPServerError.connectionClosed("inside a body") }
            }
            body = Array(pending[0..<length])
            pending.removeFirst(length)
        } else {
            while try fill(deadline) {}
            body = pending
            pending = []
        }
        return ClientResponse(status: status, reason: parts.count > 2 ? String(parts[2]) : "", version: String(parts[0]), headers: headers, body: body)
    }

    public func readResponses(_ count: Int, head: Bool = false) throws -> [ClientResponse] {
        try (0..<count).map { _ in try readResponse(head: head) }
    }

    /// Everything until the server closes (EOF or reset). Throws on timeout.
    public func readUntilClose(timeout: Double? = nil) throws -> [UInt8] {
        let deadline = MonotonicClock.now() + MonotonicClock.nanoseconds(timeout ?? self.timeout)
        while try fill(deadline) {}
        let all = pending
        pending = []
        return all
    }

    /// True if the server closes the connection within `timeout` seconds, after
    /// discarding any bytes it sends first.
    public func waitForClose(timeout: Double) -> Bool {
        (try? readUntilClose(timeout: timeout)) != nil
    }

    /// Bytes received but not yet consumed by `readResponse`.
    public var buffered: [UInt8] { pending }

    // MARK: - Internals

    /// Reads more into `pending`; false on EOF (or reset), throws on timeout.
    private func fill(_ deadline: Int64) throws -> Bool {
        if eof { return false }
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                pending += chunk[0..<n]
                return true
            }
            if n == 0 || (n < 0 && (errno == ECONNRESET || errno == EPIPE)) {
                eof = true
                return false
            }
            if errno == EINTR { continue }
            guard errno == EAGAIN || errno == EWOULDBLOCK else {
                throw HTTPServerError.connectionClosed("recv failed: \(HTTPServerError.reason(errno))")
            }
            let left = Double(deadline - MonotonicClock.now()) / 1e9
            guard left > 0, try poll(Int16(POLLIN), timeout: left) else {
                throw HTTPServerError.timedOut("waiting for response bytes")
            }
        }
    }

    private func poll(_ events: Int16, timeout: Double) throws -> Bool {
        var pfd = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let r = Glibc.poll(&pfd, 1, Int32(clamping: Int((timeout * 1000).rounded(.up))))
            if r < 0 && errno == EINTR { continue }
            if r < 0 { throw HTTPServerError.connectionClosed("poll failed: \(HTTPServerError.reason(errno))") }
            return r > 0
        }
    }

    private func readChunked(_ deadline: Int64) throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let lineEnd = try waitForLine(deadline)
            let sizeText = String(decoding: pending[0..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            pending.removeFirst(lineEnd + 2)
            guard let size = Int(sizeText.trimmingCharacters(in: " \t"), radix: 16) else {
                throw HTTPServerError.malformedResponse("chunk size \(sizeText)")
            }
            if size == 0 {
                while true {
                    let end = try waitForLine(deadline)
                    pending.removeFirst(end + 2)
                    if end == 0 { return body }
                }
            }
            while pending.count < size + 2 {
                guard try fill(deadline) else { throw HTTPServerError.connectionClosed("inside a chunk") }
            }
            body += pending[0..<size]
            pending.removeFirst(size + 2)
        }
    }

    private func waitForLine(_ deadline: Int64) throws -> Int {
        while true {
            if let end = Self.find([13, 10], in: pending) { return end }
            guard try fill(deadline) else { throw HTTPServerError.connectionClosed("inside chunked framing") }
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
