/// One loop's handle on the engine metrics: series looked up once and cached
/// by small integer keys, byte counts summed locally and published once per
/// loop iteration, everything recorded into this loop's shard.
final class LoopMetrics {
    private let engine: EngineMetrics
    private let loop: Int
    private var requestSeries: [Int: Counter] = [:]
    private var durationSeries: [Int: Histogram] = [:]
    private var cpuSeries: [Int: Histogram] = [:]
    private var lastKey = Int.min
    private var last: (counter: Counter, histogram: Histogram)?
    var bytesIn = 0
    var bytesOut = 0

    init(engine: EngineMetrics, loop: Int) {
        self.engine = engine
        self.loop = loop
    }

    /// - Parameter routeKey: identifies `route` (see `RouteTable.Target.id`).
    func request(method: HTTPMethod?, routeKey: Int, route: String, status: Int, seconds: Double) {
        let methodIndex = method?.index ?? 15
        let key = (routeKey &* 1024 &+ min(max(status, 0), 999)) &* 16 &+ methodIndex
        // Most requests repeat the previous one's route, method and status.
        if key == lastKey, let last {
            last.histogram.observe(seconds, loop: loop, counting: last.counter)
            return
        }
        let counter: Counter
        if let cached = requestSeries[key] {
            counter = cached
        } else {
            counter = engine.requests.labels(method?.description ?? "-", route, String(status))
            requestSeries[key] = counter
        }
        let histogram = Self.series(routeKey, route, in: &durationSeries, of: engine.duration)
        histogram.observe(seconds, loop: loop, counting: counter)
        lastKey = key
        last = (counter, histogram)
    }

    /// A pooled handler's CPU time; few routes are pooled, so the series are looked up by key.
    func handlerCPU(routeKey: Int, route: String, nanoseconds: Int64) {
        Self.series(routeKey, route, in: &cpuSeries, of: engine.handlerCPU).observe(Double(nanoseconds) / 1e9, loop: loop)
    }

    /// A route's series of `family`, looked up once and then kept by the route's key.
    private static func series(_ routeKey: Int, _ route: String, in cache: inout [Int: Histogram], of family: HistogramFamily) -> Histogram {
        if let cached = cache[routeKey] { return cached }
        let histogram = family.labels(route)
        cache[routeKey] = histogram
        return histogram
    }

    func loopLag(_ nanoseconds: Int64) {
        engine.loopLag.observe(Double(nanoseconds) / 1e9, loop: loop)
    }

    func rejected(_ reason: EngineMetrics.Rejection) {
        engine.rejectedBy[reason]?.increment(loop: loop)
    }

    func cancelled(_ reason: EngineMetrics.Cancellation) {
        engine.cancelledBy[reason]?.increment(loop: loop)
    }

    func droppedLogLine() {
        engine.droppedLogLines.increment(loop: loop)
    }

    func publishBytes() {
        if bytesIn > 0 {
            engine.bytesReceived.increment(by: Double(bytesIn), loop: loop)
            bytesIn = 0
        }
        if bytesOut > 0 {
            engine.bytesSent.increment(by: Double(bytesOut), loop: loop)
            bytesOut = 0
        }
    }
}
