/// The engine's own metrics, registered once per server. Generic HTTP names only.
final class EngineMetrics: Sendable {
    let requests: CounterFamily
    let duration: HistogramFamily
    let handlerCPU: HistogramFamily
    let loopLag: Histogram
    let rejected: CounterFamily
    let cancelled: CounterFamily
    let droppedLogLines: Counter
    let bytesReceived: Counter
    let bytesSent: Counter
    let rejectedBy: [Rejection: Counter]
    let cancelledBy: [Cancellation: Counter]

    /// Reasons for `http_rejected_requests_total`.
    enum Rejection: String {
        case connectionLimit = "connection_limit"
        case queueFull = "queue_full"
        case deadline
        case writeTimeout = "write_timeout"
    }

    /// Reasons for `http_cancelled_requests_total`.
    enum Cancellation: String {
        case deadline
        case clientGone = "client_gone"
    }

    static let durationBuckets: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
    static let lagBuckets: [Double] = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1]

    init(registry: MetricsRegistry, openConnections: @escaping @Sendable () -> Double, pools: [WorkerPool]) {
        requests = registry.counterFamily("http_requests_total", help: "Requests answered, by method, route template and status.",
                                          labels: ["method", "route", "status"])
        duration = registry.histogramFamily("http_request_duration_seconds", help: "Time from a request's first byte to its response being queued, by route template.",
                                            labels: ["route"], buckets: Self.durationBuckets)
        handlerCPU = registry.histogramFamily("http_handler_cpu_seconds", help: "CPU time of handlers run on a worker thread (queueing and disk waits excluded), by route template.",
                                              labels: ["route"], buckets: Self.durationBuckets)
        loopLag = registry.histogram("http_event_loop_lag_seconds", help: "How late an event loop's periodic probe timer fired.",
                                     buckets: Self.lagBuckets)
        rejected = registry.counterFamily("http_rejected_requests_total", help: "Requests and connections refused or cut off, by reason.",
                                          labels: ["reason"])
        cancelled = registry.counterFamily("http_cancelled_requests_total", help: "Pooled requests cancelled, by reason.",
                                           labels: ["reason"])
        droppedLogLines = registry.counter("http_access_log_dropped_lines_total", help: "Access-log lines dropped because a loop's log buffer was full.")
        bytesReceived = registry.counter("http_received_bytes_total", help: "Bytes read from client connections.")
        bytesSent = registry.counter("http_sent_bytes_total", help: "Bytes written to client connections.")
        registry.gauge("http_open_connections", help: "Client connections open now (those refused at the limit excluded).", read: openConnections)
        registry.gauge("http_worker_queue_depth", help: "Requests waiting for a worker thread, by pool.", labels: ["pool"]) {
            pools.map { ([$0.configuration.name], Double($0.depth)) }
        }
        registry.gauge("http_worker_active", help: "Worker threads running a handler, by pool.", labels: ["pool"]) {
            pools.map { ([$0.configuration.name], Double($0.active)) }
        }
        registry.counter("http_worker_skipped_total", help: "Pooled requests cancelled before a thread took them, so never run.") {
            Double(pools.reduce(0) { $0 + $1.skippedCount })
        }
        var rejections: [Rejection: Counter] = [:]
        for reason in [Rejection.connectionLimit, .queueFull, .deadline, .writeTimeout] { rejections[reason] = rejected.labels(reason.rawValue) }
        rejectedBy = rejections
        var cancellations: [Cancellation: Counter] = [:]
        for reason in [Cancellation.deadline, .clientGone] { cancellations[reason] = cancelled.labels(reason.rawValue) }
        cancelledBy = cancellations
    }
}
