import Glibc

/// One loop's side of the access log: formats each line into a scratch buffer
/// and appends it to the loop's ring, or drops it (counted) when the ring is
/// full. The writer thread does the I/O.
final class AccessLog {
    let ring: AccessLogRing
    let format: AccessLogFormat
    private let scratch = ByteBuffer(capacity: 1024)
    private let clock = RFC3339Clock()
    private(set) var dropped = 0
    /// Lines appended since the writer was last notified.
    private(set) var pending = false

    init(ring: AccessLogRing, format: AccessLogFormat) {
        self.ring = ring
        self.format = format
    }

    /// False when the line was dropped.
    @discardableResult
    func record(_ entry: AccessLogEntry) -> Bool {
        scratch.clear()
        entry.write(format, timestamp: { self.clock.write(into: $0) }, into: scratch)
        if ring.append(scratch.readable) {
            pending = true
            return true
        }
        dropped += 1
        return false
    }

    func didNotify() { pending = false }
}

/// RFC 3339 UTC timestamps with milliseconds (`2026-11-22T08:49:37.123Z`); the
/// part up to the seconds is formatted once per second.
final class RFC3339Clock {
    private var second = -1
    private var prefix: [UInt8] = []

    func write(into out: ByteBuffer) {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        if ts.tv_sec != second {
            second = ts.tv_sec
            prefix = Array(Self.secondsPrefix(ts.tv_sec).utf8)
        }
        out.append(prefix)
        let millis = ts.tv_nsec / 1_000_000
        out.appendByte(UInt8(truncatingIfNeeded: 48 + millis / 100))
        out.appendByte(UInt8(truncatingIfNeeded: 48 + millis / 10 % 10))
        out.appendByte(UInt8(truncatingIfNeeded: 48 + millis % 10))
        out.appendByte(UInt8(ascii: "Z"))
    }

    /// `YYYY-MM-DDTHH:MM:SS.`
    static func secondsPrefix(_ seconds: Int) -> String {
        var t = time_t(seconds)
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = String(tm.tm_year + 1900)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))."
    }
}
