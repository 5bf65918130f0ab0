import CLinux
import Foundation
import Glibc
import Synchronization

/// Written by the signal handler; the only thing an async-signal-safe handler
/// may touch, so it is a plain global set once before handlers are installed.
nonisolated(unsafe) private var signalWakeFD: Int32 = -1

private func relaySignal(_ signal: Int32) {
    var one: UInt64 = 1
    _ = write(signalWakeFD, &one, 8)
}

/// Self-pipe signal handling: the handler only writes to an eventfd; a
/// dedicated thread blocks on it and calls `shutdown()` on the registered
/// servers, outside signal context. Works whichever thread the kernel picks
/// to deliver the signal to, unlike signalfd, which needs the signal blocked
/// in every thread (Dispatch's threads included).
final class SignalRelay: Sendable {
    static let shared = SignalRelay()

    private let servers = Mutex<[HTTPServer]>([])
    private let installed = Mutex(false)

    func register(_ server: HTTPServer) {
        servers.withLock { $0.append(server) }
        let first = installed.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        guard first else { return }
        signalWakeFD = Linux.eventFD(flags: Linux.EFD_CLOEXEC)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = relaySignal
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
        let thread = Thread { [self] in
            _ = clinux_set_thread_name("http-signals")
            watch()
        }
        thread.name = "http-signals"
        thread.start()
    }

    private func watch() {
        var value: UInt64 = 0
        var signals = 0
        while true {
            let n = read(signalWakeFD, &value, 8)
            if n < 0 && errno == EINTR { continue }
            guard n == 8 else { return }
            signals += Int(value)
            if signals > 1 { _exit(130) }
            for server in servers.withLock({ $0 }) { server.shutdown() }
        }
    }
}
