import Synchronization

/// Counters, gauges and histograms with labels, rendered in the Prometheus text
/// exposition format 0.0.4. Generic: the engine registers its own `http_*`
/// metrics here and an application adds its own.
///
/// Recording never takes a lock shared across event loops: values live in one
/// shard per loop (each with its own lock, contended only by a scrape) plus one
/// shared shard for every other thread; a scrape adds the shards up. Gauges are
/// kept in the shared shard (a gauge's value cannot be summed), and callback
/// gauges are evaluated at scrape time.
///
///     let metrics = MetricsRegistry()
///     let uploads = metrics.counterFamily("app_uploads_total", help: "Uploads by result.", labels: ["result"])
///     uploads.labels("stored").increment()
///     router.add(.GET, "/metrics", metrics.handler)
///     configuration.metrics = metrics
public final class MetricsRegistry: Sendable {
    enum Kind: String, Sendable {
        case counter, gauge, histogram
    }

    struct Family: Sendable {
        let name: String
        let help: String
        let kind: Kind
        let labelNames: [String]
        /// Upper bounds, ascending, without +Inf (histograms only).
        let buckets: [Double]
        let read: (@Sendable () -> [([String], Double)])?
    }

    struct Series: Sendable {
        let family: Int
        let labels: [String]
        /// First value slot; a histogram uses buckets.count + 2 (counts per bucket, +Inf, sum).
        let slot: Int
    }

    struct Catalog: Sendable {
        var families: [Family] = []
        var series: [Series] = []
        var seriesByKey: [SeriesKey: Int] = [:]
        var nextSlot = 0
    }

    struct SeriesKey: Hashable, Sendable {
        let family: Int
        let labels: [String]
    }

    final class Shard: Sendable {
        let values = Mutex<[Double]>([])
    }

    private let catalog = Mutex(Catalog())
    private let shards: [Shard]

    /// - Parameter loops: how many per-loop shards to keep; loops beyond record into the shared shard.
    public init(loops: Int = ServerConfiguration.availableCores()) {
        shards = (0...max(0, loops)).map { _ in Shard() }
    }

    var sharedShard: Int { shards.count - 1 }

    /// The shard for a loop index, or the shared one for other threads.
    func shard(loop: Int?) -> Int {
        guard let loop, loop >= 0, loop < shards.count - 1 else { return sharedShard }
        return loop
    }

    // MARK: - Registration

    public func counter(_ name: String, help: String) -> Counter {
        counterFamily(name, help: help, labels: []).labels()
    }

    public func counterFamily(_ name: String, help: String, labels: [String]) -> CounterFamily {
        CounterFamily(registry: self, family: register(Family(name: name, help: help, kind: .counter, labelNames: labels, buckets: [], read: nil)))
    }

    public func gauge(_ name: String, help: String) -> Gauge {
        gaugeFamily(name, help: help, labels: []).labels()
    }

    public func gaugeFamily(_ name: String, help: String, labels: [String]) -> GaugeFamily {
        GaugeFamily(registry: self, family: register(Family(name: name, help: help, kind: .gauge, labelNames: labels, buckets: [], read: nil)))
    }

    /// A gauge whose value is read when scraped (a queue's depth, a cache's size).
    public func gauge(_ name: String, help: String, read: @escaping @Sendable () -> Double) {
        _ = register(Family(name: name, help: help, kind: .gauge, labelNames: [], buckets: [], read: { [([], read())] }))
    }

    /// Labelled gauges read when scraped: `read` returns (label values, value) pairs.
    public func gauge(_ name: String, help: String, labels: [String], read: @escaping @Sendable () -> [([String], Double)]) {
        _ = register(Family(name: name, help: help, kind: .gauge, labelNames: labels, buckets: [], read: read))
    }

    /// A counter kept elsewhere (e.g. an atomic) and read when scraped.
    public func counter(_ name: String, help: String, read: @escaping @Sendable () -> Double) {
        _ = register(Family(name: name, help: help, kind: .counter, labelNames: [], buckets: [], read: { [([], read())] }))
    }

    public func histogram(_ name: String, help: String, buckets: [Double] = MetricsRegistry.defaultBuckets) -> Histogram {
        histogramFamily(name, help: help, labels: [], buckets: buckets).labels()
    }

    public func histogramFamily(_ name: String, help: String, labels: [String], buckets: [Double] = MetricsRegistry.defaultBuckets) -> HistogramFamily {
        precondition(!buckets.isEmpty && zip(buckets, buckets.dropFirst()).allSatisfy { $0 < $1 }, "histogram \(name): buckets must ascend")
        precondition(!labels.contains("le"), "histogram \(name): 'le' is reserved")
        return HistogramFamily(registry: self, family: register(Family(name: name, help: help, kind: .histogram, labelNames: labels,
                                                                       buckets: buckets.filter(\.isFinite), read: nil)))
    }

    /// Prometheus' default latency buckets, in seconds.
    public static let defaultBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private func register(_ family: Family) -> Int {
        precondition(MetricsText.isMetricName(family.name), "invalid metric name '\(family.name)'")
        for label in family.labelNames {
            precondition(MetricsText.isLabelName(label), "metric \(family.name): invalid label name '\(label)'")
        }
        return catalog.withLock { catalog in
            precondition(!catalog.families.contains { $0.name == family.name }, "metric '\(family.name)' registered twice")
            catalog.families.append(family)
            return catalog.families.count - 1
        }
    }

    /// The slot of one labelled series, created on first use.
    func series(_ family: Int, _ labels: [String]) -> Int {
        catalog.withLock { catalog in
            let definition = catalog.families[family]
            precondition(labels.count == definition.labelNames.count,
                         "metric \(definition.name) takes \(definition.labelNames.count) label values, got \(labels.count)")
            let key = SeriesKey(family: family, labels: labels)
            if let index = catalog.seriesByKey[key] { return catalog.series[index].slot }
            let slot = catalog.nextSlot
            catalog.nextSlot += definition.kind == .histogram ? definition.buckets.count + 2 : 1
            catalog.series.append(Series(family: family, labels: labels, slot: slot))
            catalog.seriesByKey[key] = catalog.series.count - 1
            return slot
        }
    }

    func buckets(of family: Int) -> [Double] {
        catalog.withLock { $0.families[family].buckets }
    }

    // MARK: - Recording

    /// Runs `body` on one shard's values, grown to hold `slots`.
    @inline(__always)
    func update(shard: Int, slots: Int, _ body: (inout [Double]) -> Void) {
        shards[shard].values.withLock { values in
            if values.count < slots { values.append(contentsOf: repeatElement(0, count: max(slots, 64) - values.count)) }
            body(&values)
        }
    }

    // MARK: - Exposition

    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The whole registry in the text exposition format.
    public func render() -> [UInt8] {
        let catalog = self.catalog.withLock { $0 }
        var totals = [Double](repeating: 0, count: catalog.nextSlot)
        for shard in shards {
            shard.values.withLock { values in
                for i in 0..<min(values.count, totals.count) { totals[i] += values[i] }
            }
        }
        var seriesByFamily = [[Series]](repeating: [], count: catalog.families.count)
        for series in catalog.series { seriesByFamily[series.family].append(series) }
        var out = MetricsText()
        for (index, family) in catalog.families.enumerated() {
            out.header(family.name, help: family.help, type: family.kind.rawValue)
            if let read = family.read {
                for (labels, value) in read() where labels.count == family.labelNames.count {
                    out.sample(family.name, family.labelNames, labels, value)
                }
                continue
            }
            for series in seriesByFamily[index] {
                switch family.kind {
                case .counter, .gauge:
                    out.sample(family.name, family.labelNames, series.labels, totals[series.slot])
                case .histogram:
                    var cumulative = 0.0
                    let names = family.labelNames + ["le"]
                    for (i, bound) in family.buckets.enumerated() {
                        cumulative += totals[series.slot + i]
                        out.sample(family.name + "_bucket", names, series.labels + [MetricsText.number(bound)], cumulative)
                    }
                    cumulative += totals[series.slot + family.buckets.count]
                    out.sample(family.name + "_bucket", names, series.labels + ["+Inf"], cumulative)
                    out.sample(family.name + "_sum", family.labelNames, series.labels, totals[series.slot + family.buckets.count + 1])
                    out.sample(family.name + "_count", family.labelNames, series.labels, cumulative)
                }
            }
        }
        return out.bytes
    }

    /// A ready-made `/metrics` handler.
    public var handler: RouteHandler {
        { [self] _, _ in
            HTTPResponse(status: .ok, headers: ["Content-Type": Self.contentType, "Cache-Control": "no-store"], body: render())
        }
    }
}
