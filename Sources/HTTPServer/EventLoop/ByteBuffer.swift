import Glibc

/// A growable byte buffer with separate read and write positions, owned by one
/// connection (or loop) and reused for its whole life. Raw malloc'd memory
/// rather than `[UInt8]` because the hot path hands pointers straight to
/// recv/send and the parser, with no copy-on-write checks in between.
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    private(set) var readerIndex = 0
    private(set) var writerIndex = 0
    /// Bytes consumed over the buffer's whole life: a position in the byte
    /// stream that, unlike the indices, survives compaction and reuse.
    private(set) var consumedTotal = 0
    private let initialCapacity: Int

    init(capacity: Int) {
        initialCapacity = max(capacity, 64)
        self.capacity = initialCapacity
        base = malloc(initialCapacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    @inline(__always) var readableBytes: Int { writerIndex - readerIndex }
    @inline(__always) var isEmpty: Bool { writerIndex == readerIndex }
    @inline(__always) var readPointer: UnsafeMutablePointer<UInt8> { base + readerIndex }
    @inline(__always) var writePointer: UnsafeMutablePointer<UInt8> { base + writerIndex }
    @inline(__always) var writableBytes: Int { capacity - writerIndex }

    @inline(__always) var readable: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + readerIndex, count: writerIndex - readerIndex)
    }

    /// Marks `n` bytes as read. Once everything is read both indices go back to
    /// zero, so a keep-alive connection keeps reusing the front of the buffer.
    @inline(__always) func consume(_ n: Int) {
        consumedTotal += n
        readerIndex += n
        if readerIndex == writerIndex {
            readerIndex = 0
            writerIndex = 0
        }
    }

    @inline(__always) func didWrite(_ n: Int) { writerIndex += n }

    func clear() {
        consumedTotal += writerIndex - readerIndex
        readerIndex = 0
        writerIndex = 0
    }

    /// Makes room for at least `n` more bytes, first by moving unread bytes to
    /// the front, then by growing (doubling) the allocation.
    func reserveWritable(_ n: Int) {
        if capacity - writerIndex >= n { return }
        if readerIndex > 0 {
            let count = writerIndex - readerIndex
            if count > 0 { memmove(base, base + readerIndex, count) }
            readerIndex = 0
            writerIndex = count
            if capacity - writerIndex >= n { return }
        }
        var newCapacity = capacity
        while newCapacity - writerIndex < n { newCapacity *= 2 }
        base = realloc(base, newCapacity)!.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    /// Returns a large allocation to its initial size once it is empty, so one
    /// big response does not pin memory for the rest of a keep-alive connection.
    func shrinkIfIdle(threshold: Int) {
        guard isEmpty, capacity > threshold, capacity > initialCapacity else { return }
        free(base)
        capacity = initialCapacity
        base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
        readerIndex = 0
        writerIndex = 0
    }

    @inline(__always) func append(_ p: UnsafeRawPointer, count: Int) {
        reserveWritable(count)
        memcpy(base + writerIndex, p, count)
        writerIndex += count
    }

    @inline(__always) func append(_ s: StaticString) {
        append(s.utf8Start, count: s.utf8CodeUnitCount)
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            if let p = raw.baseAddress { append(p, count: raw.count) }
        }
    }

    func append(_ s: String) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { utf8 in
            if let p = utf8.baseAddress { append(p, count: utf8.count) }
        }
        if done == nil {
            for b in s.utf8 { appendByte(b) }
        }
    }

    func append(_ s: Substring) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { utf8 in
            if let p = utf8.baseAddress { append(p, count: utf8.count) }
        }
        if done == nil {
            for b in s.utf8 { appendByte(b) }
        }
    }

    @inline(__always) func appendByte(_ b: UInt8) {
        reserveWritable(1)
        base[writerIndex] = b
        writerIndex += 1
    }

    /// Non-negative decimal without going through String.
    func appendDecimal(_ value: Int) {
        var v = UInt(bitPattern: max(value, 0))
        reserveWritable(20)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let written = withUnsafeMutableBytes(of: &digits) { raw -> Int in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var i = 24
            repeat {
                i -= 1
                p[i] = UInt8(truncatingIfNeeded: v % 10) &+ 48
                v /= 10
            } while v > 0
            let count = 24 - i
            memcpy(base + writerIndex, p + i, count)
            return count
        }
        writerIndex += written
    }

    /// Lowercase hexadecimal without going through String.
    func appendHex(_ value: UInt64) {
        let digits = value == 0 ? 1 : (67 - value.leadingZeroBitCount) / 4
        reserveWritable(digits)
        var v = value
        var i = digits
        while i > 0 {
            i -= 1
            let d = UInt8(truncatingIfNeeded: v & 0xF)
            base[writerIndex + i] = d < 10 ? d &+ 48 : d &+ 87
            v >>= 4
        }
        writerIndex += digits
    }
}
