/// Deadlines for one kind of timeout. Every connection in a list got the same
/// timeout added to a time that only moves forward, so appending at the tail
/// keeps the list sorted: arming, disarming and finding the next expiry are all
/// O(1), with no heap and no timer threads (the trick nginx and libev use for
/// constant timeouts). The loop passes the earliest head to epoll_wait.
final class TimerList {
    let kind: TimerKind
    let timeout: Int64
    private(set) var head: Connection?
    private var tail: Connection?

    init(kind: TimerKind, timeout: Int64) {
        self.kind = kind
        self.timeout = timeout
    }

    func append(_ c: Connection, deadline: Int64) {
        c.deadline = deadline
        c.timerList = self
        c.timerNext = nil
        c.timerPrev = tail
        if let tail { tail.timerNext = c } else { head = c }
        tail = c
    }

    func remove(_ c: Connection) {
        if let prev = c.timerPrev { prev.timerNext = c.timerNext } else { head = c.timerNext }
        if let next = c.timerNext { next.timerPrev = c.timerPrev } else { tail = c.timerPrev }
        c.timerPrev = nil
        c.timerNext = nil
        c.timerList = nil
    }
}

enum TimerKind: Equatable {
    /// Between requests.
    case idle
    /// From the first byte of a request head (slowloris).
    case header
    /// From the end of the head until the body is complete.
    case body
    /// After our final response, while draining the client's leftovers.
    case linger
    /// Output is waiting and the socket has taken none of it for a while.
    case write
    /// A request waiting on worker pool `n`, from the moment it was queued.
    case deadline(Int)
}
