import Glibc

/// Nanoseconds on CLOCK_MONOTONIC; a vDSO call, cheap enough to read once per
/// loop iteration and once per logged request.
enum MonotonicClock {
    @inline(__always) static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }

    static func nanoseconds(_ seconds: Double) -> Int64 {
        Int64((seconds * 1e9).rounded())
    }
}
