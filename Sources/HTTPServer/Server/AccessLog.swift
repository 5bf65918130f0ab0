import Glibc

/// Receives batches of access-log lines (each ending in "\n") instead of stdout.
public typealias AccessLogSink = @Sendable (String) -> Void

/// One line per request, buffered per loop and written once per loop iteration,
/// so logging costs a memcpy per request rather than a syscall.
final class AccessLog {
    private let buffer = ByteBuffer(capacity: 16 * 1024)
    private let sink: AccessLogSink?

    init(sink: AccessLogSink?) {
        self.sink = sink
    }

    /// `METHOD PATH STATUS BODY_BYTES MICROSECONDSus`, e.g. `GET /healthz 200 15 42us`.
    /// The path is the raw (still percent-encoded) one: ASCII only, so it can
    /// never inject control characters into the log.
    func record(method: String, path: Substring, status: Int, bytes: Int, micros: Int) {
        buffer.append(method)
        buffer.appendByte(ASCII.sp)
        if path.isEmpty {
            buffer.appendByte(UInt8(ascii: "-"))
        } else {
            buffer.append(path)
        }
        buffer.appendByte(ASCII.sp)
        buffer.appendDecimal(status)
        buffer.appendByte(ASCII.sp)
        buffer.appendDecimal(bytes)
        buffer.appendByte(ASCII.sp)
        buffer.appendDecimal(micros)
        buffer.append("us\n")
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        if let sink {
            sink(String(decoding: buffer.readable, as: UTF8.self))
            buffer.clear()
            return
        }
        while !buffer.isEmpty {
            let n = Glibc.write(1, buffer.readPointer, buffer.readableBytes)
            if n > 0 {
                buffer.consume(n)
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                // A full or closed stdout must never stall the loop; drop the batch.
                buffer.clear()
            }
        }
        buffer.shrinkIfIdle(threshold: 256 * 1024)
    }
}
