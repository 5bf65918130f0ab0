import Glibc
import Synchronization

/// A bounded single-producer, single-consumer byte ring: one event loop appends
/// whole lines, the access-log writer thread takes them. Appending never
/// blocks and never allocates; a line that does not fit is refused (and
/// counted by the caller), so a slow or blocked log destination can only cost
/// log lines, never request latency.
///
/// `tail` is written only by the producer and `head` only by the consumer; each
/// publishes with release and reads the other's with acquire, so the bytes
/// between them are fully written before they are seen.
final class AccessLogRing: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private let head = Atomic<Int>(0)
    private let tail = Atomic<Int>(0)

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// Producer side: appends the whole of `bytes` or nothing.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let t = tail.load(ordering: .relaxed)
        let h = head.load(ordering: .acquiring)
        guard bytes.count <= capacity - (t - h), let source = bytes.baseAddress else { return bytes.isEmpty }
        let start = t % capacity
        let first = min(bytes.count, capacity - start)
        (storage + start).update(from: source, count: first)
        if first < bytes.count { storage.update(from: source + first, count: bytes.count - first) }
        tail.store(t + bytes.count, ordering: .releasing)
        return true
    }

    /// Consumer side: hands everything appended so far to `write` in at most
    /// two contiguous pieces, then frees it.
    func drain(_ write: (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
        let h = head.load(ordering: .relaxed)
        let t = tail.load(ordering: .acquiring)
        guard t > h else { return 0 }
        let start = h % capacity
        let count = t - h
        let first = min(count, capacity - start)
        write(UnsafeBufferPointer(start: storage + start, count: first))
        if first < count { write(UnsafeBufferPointer(start: storage, count: count - first)) }
        head.store(t, ordering: .releasing)
        return count
    }

    var isEmpty: Bool { head.load(ordering: .acquiring) == tail.load(ordering: .acquiring) }
}
