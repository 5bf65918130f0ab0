import Glibc

/// Everything waiting to be sent on one connection, in order. Response heads
/// and small bodies are copied into one reusable buffer; bodies of
/// `copyLimit` bytes or more are referenced where they are (an `[UInt8]` is
/// immutable and reference-counted) and sent with the surrounding heads by one
/// sendmsg() gather write, so a large response is copied once, by the kernel.
final class OutputQueue {
    /// Response heads and small bodies, in logical stream order.
    let heads: ByteBuffer

    private struct DeferredBody {
        /// Logical stream position (see `ByteBuffer.consumedTotal`) where the body goes.
        let position: Int
        let bytes: [UInt8]
        var sent = 0
    }

    private var bodies: [DeferredBody] = []
    private var deferredBytes = 0
    /// Bytes handed to the kernel over the queue's life (write progress, metrics).
    private(set) var bytesSent = 0

    /// Below this a memcpy is cheaper than an extra iovec and a retained array.
    static let copyLimit = 4096
    /// Bodies gathered into one sendmsg(); the rest go in the next call.
    private static let maxBodiesPerWrite = 16

    enum FlushResult {
        case done
        case wouldBlock
        case failed
    }

    init(capacity: Int) {
        heads = ByteBuffer(capacity: capacity)
    }

    var isEmpty: Bool { heads.isEmpty && bodies.isEmpty }
    var pendingBytes: Int { heads.readableBytes + deferredBytes }

    func appendBody(_ body: [UInt8]) {
        if body.count < Self.copyLimit {
            heads.append(body)
        } else {
            bodies.append(DeferredBody(position: heads.consumedTotal + heads.readableBytes, bytes: body))
            deferredBytes += body.count
        }
    }

    /// Sends until everything is out, the socket is full, or it fails.
    func flush(to fd: Int32) -> FlushResult {
        do {
            while !isEmpty {
                if bodies.isEmpty {
                    // The common case: one contiguous region, one send().
                    guard case .processed(let n) = try syscall("send", { send(fd, heads.readPointer, heads.readableBytes, Int32(MSG_NOSIGNAL)) }) else {
                        return .wouldBlock
                    }
                    heads.consume(n)
                    bytesSent += n
                } else {
                    var pointers: [UnsafeRawBufferPointer] = []
                    pointers.reserveCapacity(min(bodies.count, Self.maxBodiesPerWrite))
                    let result = try syscall("sendmsg") {
                        withBodyPointers(0, min(bodies.count, Self.maxBodiesPerWrite), &pointers) { gather(fd, $0) }
                    }
                    guard case .processed(let n) = result else { return .wouldBlock }
                    advance(n)
                    bytesSent += n
                }
            }
        } catch {
            return .failed
        }
        heads.shrinkIfIdle(threshold: 256 * 1024)
        return .done
    }

    /// Pins each body's storage for the duration of the write (nested
    /// `withUnsafeBytes`, so no pointer outlives its closure).
    private func withBodyPointers(_ index: Int, _ count: Int, _ pointers: inout [UnsafeRawBufferPointer], _ body: ([UnsafeRawBufferPointer]) -> Int) -> Int {
        if index == count { return body(pointers) }
        return bodies[index].bytes.withUnsafeBytes { raw in
            pointers.append(raw)
            return withBodyPointers(index + 1, count, &pointers, body)
        }
    }

    /// One sendmsg() over heads and bodies interleaved in stream order.
    private func gather(_ fd: Int32, _ pointers: [UnsafeRawBufferPointer]) -> Int {
        var iovecs: [iovec] = []
        iovecs.reserveCapacity(pointers.count * 2 + 1)
        var cursor = heads.consumedTotal
        let end = cursor + heads.readableBytes
        for (i, raw) in pointers.enumerated() {
            let deferred = bodies[i]
            if deferred.position > cursor {
                let offset = cursor - heads.consumedTotal
                iovecs.append(iovec(iov_base: UnsafeMutableRawPointer(heads.readPointer + offset), iov_len: deferred.position - cursor))
                cursor = deferred.position
            }
            iovecs.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: raw.baseAddress! + deferred.sent), iov_len: raw.count - deferred.sent))
        }
        if pointers.count == bodies.count && end > cursor {
            let offset = cursor - heads.consumedTotal
            iovecs.append(iovec(iov_base: UnsafeMutableRawPointer(heads.readPointer + offset), iov_len: end - cursor))
        }
        return iovecs.withUnsafeMutableBufferPointer { iov in
            var message = msghdr()
            message.msg_iov = iov.baseAddress
            message.msg_iovlen = iov.count
            return sendmsg(fd, &message, Int32(MSG_NOSIGNAL))
        }
    }

    /// Marks `n` sent bytes, walking heads and bodies in stream order.
    private func advance(_ n: Int) {
        var left = n
        while left > 0 {
            let cursor = heads.consumedTotal
            if let first = bodies.first, first.position == cursor {
                let take = min(first.bytes.count - first.sent, left)
                bodies[0].sent += take
                deferredBytes -= take
                left -= take
                if bodies[0].sent == first.bytes.count { bodies.removeFirst() }
            } else {
                let limit = bodies.first.map { $0.position - cursor } ?? heads.readableBytes
                let take = min(limit, left)
                heads.consume(take)
                left -= take
            }
        }
    }
}
