/// A monotonically increasing value. Record with the request's context (or the
/// loop index) on a hot path, so the value lands in that loop's shard.
public struct Counter: Sendable {
    let registry: MetricsRegistry
    let slot: Int

    public func increment(by amount: Double = 1) {
        add(amount, shard: registry.sharedShard)
    }

    public func increment(by amount: Double = 1, context: RequestContext) {
        add(amount, shard: registry.shard(loop: context.isOffloaded ? nil : context.loopIndex))
    }

    func increment(by amount: Double = 1, loop: Int) {
        add(amount, shard: registry.shard(loop: loop))
    }

    private func add(_ amount: Double, shard: Int) {
        precondition(amount >= 0, "a counter only goes up")
        registry.update(shard: shard, slots: slot + 1) { $0[slot] += amount }
    }
}

/// A value that goes up and down; kept in the registry's shared shard.
public struct Gauge: Sendable {
    let registry: MetricsRegistry
    let slot: Int

    public func set(_ value: Double) {
        registry.update(shard: registry.sharedShard, slots: slot + 1) { $0[slot] = value }
    }

    public func add(_ amount: Double) {
        registry.update(shard: registry.sharedShard, slots: slot + 1) { $0[slot] += amount }
    }
}

/// Observations counted into fixed buckets, with their sum.
public struct Histogram: Sendable {
    let registry: MetricsRegistry
    let slot: Int
    let bounds: [Double]

    public func observe(_ value: Double) {
        record(value, shard: registry.sharedShard)
    }

    public func observe(_ value: Double, context: RequestContext) {
        record(value, shard: registry.shard(loop: context.isOffloaded ? nil : context.loopIndex))
    }

    func observe(_ value: Double, loop: Int) {
        record(value, shard: registry.shard(loop: loop))
    }

    private func record(_ value: Double, shard: Int) {
        let bucket = bucketIndex(value)
        registry.update(shard: shard, slots: slot + bounds.count + 2) { values in
            values[slot + bucket] += 1
            values[slot + bounds.count + 1] += value
        }
    }

    /// Counts `counter` and observes `value` under one lock of the loop's shard (the engine's per-request path).
    func observe(_ value: Double, loop: Int, counting counter: Counter) {
        let bucket = bucketIndex(value)
        registry.update(shard: registry.shard(loop: loop), slots: max(slot + bounds.count + 2, counter.slot + 1)) { values in
            values[counter.slot] += 1
            values[slot + bucket] += 1
            values[slot + bounds.count + 1] += value
        }
    }

    /// Index of the first bound >= value; `bounds.count` is +Inf.
    func bucketIndex(_ value: Double) -> Int {
        var low = 0
        var high = bounds.count
        while low < high {
            let mid = (low + high) / 2
            if bounds[mid] >= value { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

public struct CounterFamily: Sendable {
    let registry: MetricsRegistry
    let family: Int

    /// The series for these label values (in the family's label order), created on first use.
    public func labels(_ values: String...) -> Counter { labels(values) }

    public func labels(_ values: [String]) -> Counter {
        Counter(registry: registry, slot: registry.series(family, values))
    }
}

public struct GaugeFamily: Sendable {
    let registry: MetricsRegistry
    let family: Int

    public func labels(_ values: String...) -> Gauge { labels(values) }

    public func labels(_ values: [String]) -> Gauge {
        Gauge(registry: registry, slot: registry.series(family, values))
    }
}

public struct HistogramFamily: Sendable {
    let registry: MetricsRegistry
    let family: Int

    public func labels(_ values: String...) -> Histogram { labels(values) }

    public func labels(_ values: [String]) -> Histogram {
        Histogram(registry: registry, slot: registry.series(family, values), bounds: registry.buckets(of: family))
    }
}
