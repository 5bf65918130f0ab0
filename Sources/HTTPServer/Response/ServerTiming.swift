/// The `Server-Timing` header (W3C Server Timing): metrics a response reports about its own making.
enum ServerTiming {
    /// `cpu;dur=1.234`: CPU time in milliseconds, to the microsecond.
    static func cpu(nanoseconds: Int64) -> String {
        let micros = max(0, (nanoseconds + 500) / 1000)
        let fraction = String(micros % 1000)
        return "cpu;dur=\(micros / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
