import Glibc

/// A reusable array of `struct epoll_event` in the kernel's layout.
struct EpollEvents {
    let raw: UnsafeMutableRawPointer
    let capacity: Int32

    init(capacity: Int32) {
        self.capacity = capacity
        raw = UnsafeMutableRawPointer.allocate(byteCount: Int(capacity) * Linux.epollEventSize, alignment: 8)
    }

    func deallocate() { raw.deallocate() }

    @inline(__always) func events(at i: Int) -> UInt32 {
        raw.loadUnaligned(fromByteOffset: i * Linux.epollEventSize, as: UInt32.self)
    }

    @inline(__always) func fd(at i: Int) -> Int32 {
        Int32(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: i * Linux.epollEventSize + Linux.epollDataOffset, as: UInt64.self))
    }

    /// Registers `fd` with its own number as the event's user data.
    static func add(_ epollFD: Int32, _ fd: Int32, events: UInt32) -> Int32 {
        var bytes: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: UInt64(UInt32(bitPattern: fd)), toByteOffset: Linux.epollDataOffset, as: UInt64.self)
            return Linux.epollCtl(epollFD, Linux.EPOLL_CTL_ADD, fd, raw.baseAddress)
        }
    }
}
