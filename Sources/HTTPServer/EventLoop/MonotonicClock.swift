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

/// CPU time the calling thread has used, in nanoseconds: what a handler cost the machine, apart
/// from time spent queued or waiting for the disk. A syscall (no vDSO path), so it is read only
/// around handlers that run on a worker thread, which cost far more.
enum ThreadCPUClock {
    static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }
}
