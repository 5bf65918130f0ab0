import Glibc

/// The `Date` and `Server` header lines, formatted at most once per second per
/// loop (as Hummingbird's DateCache and nginx's cached time do) instead of per
/// response. Loop-confined, so it needs no synchronisation.
final class DateCache {
    /// "Server: ...\r\nDate: ...\r\n", the common case written with one memcpy.
    private(set) var headerLines: [UInt8] = []
    private(set) var dateLine: [UInt8] = []
    let serverLine: [UInt8]
    private var second = -1

    init(serverName: String) {
        serverLine = serverName.isEmpty ? [] : Array("Server: \(serverName)\r\n".utf8)
        update()
    }

    /// Cheap when the second has not changed: one vDSO clock read.
    func update() {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &ts)
        let now = ts.tv_sec
        guard now != second else { return }
        second = now
        dateLine = Array("Date: \(Self.imfFixdate(now))\r\n".utf8)
        headerLines = serverLine + dateLine
    }

    /// RFC 9110 §5.6.7 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    static func imfFixdate(_ seconds: Int) -> String {
        var t = time_t(seconds)
        var tm = tm()
        gmtime_r(&t, &tm)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(days[Int(tm.tm_wday)]), \(two(tm.tm_mday)) \(months[Int(tm.tm_mon)]) \(tm.tm_year + 1900) \(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec)) GMT"
    }
}
