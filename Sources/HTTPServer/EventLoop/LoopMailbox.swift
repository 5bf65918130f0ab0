import Glibc
import Synchronization

/// A response computed off the loop, on its way back to the connection that asked.
struct OffloadCompletion: Sendable {
    let fd: Int32
    let connectionID: UInt64
    /// Which pooled request of the connection this answers; a late answer to an
    /// earlier one (cancelled at its deadline) is dropped.
    let serial: UInt64
    let response: HTTPResponse
    /// The handler's CPU time on its worker thread.
    let cpuNanoseconds: Int64
}

/// The only way other threads talk to a loop: a Mutex-protected queue plus an
/// eventfd that wakes the loop's epoll_wait. The lock is taken once per
/// pooled response or shutdown request, never on the ordinary request path.
final class LoopMailbox: Sendable {
    let eventFD: Int32
    private let completions = Mutex<[OffloadCompletion]>([])

    init() {
        eventFD = Linux.eventFD(flags: Linux.EFD_NONBLOCK | Linux.EFD_CLOEXEC)
        precondition(eventFD >= 0, "eventfd failed: \(HTTPServerError.reason(errno))")
    }

    deinit { close(eventFD) }

    func post(_ completion: OffloadCompletion) {
        completions.withLock { $0.append(completion) }
        wake()
    }

    func wake() {
        var one: UInt64 = 1
        _ = write(eventFD, &one, 8)
    }

    /// Resets the eventfd and takes everything queued.
    func drain() -> [OffloadCompletion] {
        var value: UInt64 = 0
        _ = read(eventFD, &value, 8)
        return completions.withLock { queue in
            let taken = queue
            queue.removeAll()
            return taken
        }
    }
}
