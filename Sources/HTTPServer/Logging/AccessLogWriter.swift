import CLinux
import Dispatch
import Foundation
import Glibc
import Synchronization

/// The one thread that moves access-log lines from every loop's ring to
/// stdout (or a sink). Only it ever blocks on the destination. It sleeps on an
/// eventfd while the rings are empty; a loop wakes it at most once per
/// iteration, and only when it had gone to sleep.
final class AccessLogWriter: Sendable {
    let rings: [AccessLogRing]
    private let fd: Int32
    private let sink: AccessLogSink?
    private let wakeFD: Int32
    private let sleeping = Atomic<Bool>(false)
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    init(rings: [AccessLogRing], fd: Int32, sink: AccessLogSink?) {
        self.rings = rings
        self.fd = fd
        self.sink = sink
        wakeFD = Linux.eventFD(flags: Linux.EFD_CLOEXEC | Linux.EFD_NONBLOCK)
        precondition(wakeFD >= 0, "eventfd failed: \(HTTPServerError.reason(errno))")
    }

    deinit { close(wakeFD) }

    func start() {
        let thread = Thread { [self] in
            _ = clinux_set_thread_name("http-access-log")
            run()
        }
        thread.name = "http-access-log"
        thread.start()
    }

    /// Called by a loop after it appended lines.
    @inline(__always) func notify() {
        guard sleeping.load(ordering: .relaxed), sleeping.exchange(false, ordering: .acquiringAndReleasing) else { return }
        wake()
    }

    /// Writes what is left and stops; waits at most `timeout` seconds (the
    /// destination may be blocked for good).
    func stop(timeout: Double) {
        stopping.store(true, ordering: .releasing)
        wake()
        _ = finished.wait(timeout: .now() + timeout)
    }

    private func wake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    private func run() {
        defer { finished.signal() }
        while true {
            var moved = 0
            for ring in rings { moved += ring.drain(emit) }
            if moved > 0 { continue }
            if stopping.load(ordering: .acquiring) { return }
            sleeping.store(true, ordering: .releasing)
            // A line appended between the drain and `sleeping` would otherwise wait for the next one.
            if rings.contains(where: { !$0.isEmpty }) || stopping.load(ordering: .acquiring) {
                sleeping.store(false, ordering: .relaxed)
                continue
            }
            var pfd = pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)
            _ = poll(&pfd, 1, 1000)
            var value: UInt64 = 0
            _ = read(wakeFD, &value, 8)
            sleeping.store(false, ordering: .relaxed)
        }
    }

    private func emit(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let sink {
            sink(String(decoding: bytes, as: UTF8.self))
            return
        }
        var offset = 0
        while offset < bytes.count {
            // A closed, broken or non-blocking-and-full destination: the lines are lost, the server goes on.
            guard case .processed(let n) = try? syscall("write", { write(fd, bytes.baseAddress! + offset, bytes.count - offset) }), n > 0 else {
                return
            }
            offset += n
        }
    }
}
