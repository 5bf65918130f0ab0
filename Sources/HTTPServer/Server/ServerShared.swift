import Dispatch
import Synchronization

/// State every loop of one server shares. Only atomics, and touched once per
/// connection (count) or once per shutdown (flag), never per request.
final class ServerShared: Sendable {
    let configuration: ServerConfiguration
    let routes: RouteTable
    let loopCount: Int
    let connectionCount = Atomic<Int>(0)
    let stopping = Atomic<Bool>(false)
    /// Where offloaded handlers run: a concurrent queue so one slow upload does
    /// not hold up another, and never an event-loop thread.
    let offloadQueue = DispatchQueue(label: "newsroom.http.offload", qos: .userInitiated, attributes: .concurrent)

    init(configuration: ServerConfiguration, routes: RouteTable, loopCount: Int) {
        self.configuration = configuration
        self.routes = routes
        self.loopCount = loopCount
    }
}
