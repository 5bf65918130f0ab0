import CLinux

/// A reusable array of `struct epoll_event`; the shim reads its fields, so the
/// packed x86-64 layout is the C compiler's business.
struct EpollEvents {
    let raw: UnsafeMutablePointer<epoll_event>
    let capacity: Int32

    init(capacity: Int32) {
        self.capacity = capacity
        raw = .allocate(capacity: Int(capacity))
    }

    func deallocate() { raw.deallocate() }

    /// Waits for events; the count, or -1 with errno set.
    func wait(_ epollFD: Int32, timeoutMilliseconds: Int32) -> Int32 {
        clinux_epoll_wait(epollFD, raw, capacity, timeoutMilliseconds)
    }

    @inline(__always) func events(at i: Int) -> UInt32 {
        clinux_epoll_event_events(raw, Int32(i))
    }

    @inline(__always) func fd(at i: Int) -> Int32 {
        Int32(truncatingIfNeeded: clinux_epoll_event_data(raw, Int32(i)))
    }
}
