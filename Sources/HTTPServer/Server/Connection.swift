import Glibc

/// One client connection, owned by exactly one event loop and touched only on
/// its thread. It keeps its buffers for its whole life so a keep-alive
/// connection allocates nothing per request beyond the request values handed
/// to the application.
final class Connection {
    enum State: Equatable {
        /// Between requests; nothing of the next request received yet.
        case idle
        /// Part of a request head received.
        case head
        /// Head done, reading the body.
        case body
        /// Waiting for a worker pool; later input stays buffered so pipelined
        /// responses still go out in order.
        case offloaded
        /// A final response is queued; the connection closes once it is sent.
        case closing
        /// Response sent and write side shut down; discarding input until the
        /// client closes, so unread bytes don't turn our close into a RST that
        /// could destroy the response before the client reads it.
        case lingering
        case closed
    }

    /// A request whose head is parsed and whose body is still arriving (or
    /// whose handler is running on a worker pool).
    struct Pending {
        var request: HTTPRequest
        var target: RequestTarget
        var framing: BodyFraming
        var remaining: Int
    }

    /// The pooled request this connection waits for.
    struct Offload {
        let serial: UInt64
        let token: CancellationToken
        let pool: Int
        let queuedAt: Int64
    }

    let fd: Int32
    let id: UInt64
    let remoteAddress: String
    /// Whether this connection counts against `maxConnections` (a rejected one doesn't).
    let counted: Bool
    let input: ByteBuffer
    let output: OutputQueue

    var state = State.idle
    /// Reused across requests so header parsing allocates nothing once warm.
    var fields: [HeaderField] = []
    /// How far the search for the end of the current head got.
    var headScan = HeadScan()
    var pending: Pending?
    var offload: Offload?
    var chunked = ChunkedDecoder()
    var keepAlive = true
    var peerClosed = false
    /// Parsing (and reading) stopped because too much output was unsent.
    var pausedForOutput = false
    /// When the first byte of the current request arrived (header deadline).
    var requestStart: Int64 = 0
    /// When the current request's head completed (body deadline).
    var bodyStart: Int64 = 0
    /// When the socket last took output bytes (write timeout).
    var writeProgressAt: Int64 = 0
    /// The current request's id; nil until its head is parsed.
    var requestID: RequestID?
    /// The route serving the current request, for the access log and metrics.
    var route: RouteTable.Target?

    // Intrusive timer-list links (see TimerList).
    var deadline: Int64 = 0
    var timerList: TimerList?
    var timerPrev: Connection?
    var timerNext: Connection?

    init(fd: Int32, id: UInt64, remoteAddress: String, counted: Bool, bufferSize: Int) {
        self.fd = fd
        self.id = id
        self.remoteAddress = remoteAddress
        self.counted = counted
        input = ByteBuffer(capacity: bufferSize)
        output = OutputQueue(capacity: bufferSize)
        fields.reserveCapacity(16)
    }
}
