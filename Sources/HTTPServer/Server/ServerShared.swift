import Synchronization

/// State every loop of one server shares: atomics touched once per connection
/// (count) or once per shutdown (flag), the worker pools, the metrics registry
/// (sharded per loop) and the access-log writer.
final class ServerShared: Sendable {
    let configuration: ServerConfiguration
    let routes: RouteTable
    let loopCount: Int
    let connectionCount = Atomic<Int>(0)
    let stopping = Atomic<Bool>(false)
    let loopsRunning = Atomic<Int>(0)
    let pools: [WorkerPool]
    let metrics: MetricsRegistry
    let engineMetrics: EngineMetrics
    let accessLogWriter: AccessLogWriter?

    init(configuration: ServerConfiguration, routes: RouteTable, pools: [WorkerPool], metrics: MetricsRegistry) {
        self.configuration = configuration
        self.routes = routes
        loopCount = configuration.loopCount
        self.pools = pools
        self.metrics = metrics
        accessLogWriter = configuration.accessLog
            ? AccessLogWriter(rings: (0..<configuration.loopCount).map { _ in AccessLogRing(capacity: configuration.accessLogBufferBytes) },
                              fd: configuration.accessLogDescriptor, sink: configuration.accessLogSink)
            : nil
        let connections = ConnectionGauge()
        engineMetrics = EngineMetrics(registry: metrics, openConnections: connections.read, pools: pools)
        connections.shared = self
    }
}

/// Lets the open-connections gauge read the count without the registry keeping the server alive.
final class ConnectionGauge: @unchecked Sendable {
    /// Set once, right after the server's shared state exists, before any scrape.
    weak var shared: ServerShared?

    var read: @Sendable () -> Double {
        { [self] in Double(shared?.connectionCount.load(ordering: .relaxed) ?? 0) }
    }
}
