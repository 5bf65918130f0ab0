import Foundation
import Testing
@testable import HTTPServer

@Suite("Metrics registry")
struct MetricsRegistryTests {
    private func text(_ registry: MetricsRegistry) -> String { String(decoding: registry.render(), as: UTF8.self) }

    @Test func rendersHelpTypeAndACounterWithLabels() {
        let registry = MetricsRegistry(loops: 2)
        registry.counterFamily("app_uploads_total", help: "Uploads by result.", labels: ["result"]).labels("stored").increment(by: 3)
        let out = text(registry)
        #expect(out.contains("# HELP app_uploads_total Uploads by result.\n# TYPE app_uploads_total counter\n"))
        #expect(out.contains("app_uploads_total{result=\"stored\"} 3\n"))
    }

    @Test func addsUpTheShardsOfEveryLoopAndOtherThreads() {
        let registry = MetricsRegistry(loops: 2)
        let counter = registry.counter("jobs_total", help: "Jobs.")
        counter.increment(loop: 0)
        counter.increment(by: 2, loop: 1)
        counter.increment(by: 4, loop: 7)
        counter.increment(by: 8)
        #expect(text(registry).contains("jobs_total 15\n"))
    }

    @Test func histogramBucketsAreCumulativeWithSumAndCount() {
        let registry = MetricsRegistry(loops: 1)
        let latency = registry.histogram("work_seconds", help: "Work.", buckets: [0.1, 1])
        for value in [0.05, 0.5, 0.7, 3] { latency.observe(value, loop: 0) }
        let out = text(registry)
        #expect(out.contains("work_seconds_bucket{le=\"0.1\"} 1\n"))
        #expect(out.contains("work_seconds_bucket{le=\"1\"} 3\n"))
        #expect(out.contains("work_seconds_bucket{le=\"+Inf\"} 4\n"))
        #expect(out.contains("work_seconds_sum 4.25\n"))
        #expect(out.contains("work_seconds_count 4\n"))
    }

    @Test func aValueOnABucketBoundGoesIntoThatBucket() {
        let histogram = MetricsRegistry(loops: 1).histogram("h", help: "h", buckets: [1, 2])
        #expect(histogram.bucketIndex(1) == 0)
        #expect(histogram.bucketIndex(1.5) == 1)
        #expect(histogram.bucketIndex(99) == 2)
    }

    @Test func gaugesSetAndCallbackGaugesAreReadAtScrapeTime() {
        let registry = MetricsRegistry(loops: 1)
        let gauge = registry.gauge("temperature", help: "Degrees.")
        gauge.set(21.5)
        gauge.add(-1)
        let depth = LockedValue(3)
        registry.gauge("queue_depth", help: "Waiting.", labels: ["pool"]) { [(["reads"], Double(depth.value))] }
        depth.value = 5
        let out = text(registry)
        #expect(out.contains("temperature 20.5\n"))
        #expect(out.contains("queue_depth{pool=\"reads\"} 5\n"))
    }

    @Test func escapesLabelValuesAndHelpText() {
        let registry = MetricsRegistry(loops: 1)
        registry.counterFamily("odd_total", help: "Back\\slash\nnewline.", labels: ["path"]).labels("a\"b\\c\nd").increment()
        let out = text(registry)
        #expect(out.contains("# HELP odd_total Back\\\\slash\\nnewline.\n"))
        #expect(out.contains(#"odd_total{path="a\"b\\c\nd"} 1"#))
    }

    @Test func writesNumbersAsTheFormatSpellsThem() {
        #expect(MetricsText.number(3) == "3")
        #expect(MetricsText.number(0.25) == "0.25")
        #expect(MetricsText.number(.infinity) == "+Inf")
        #expect(MetricsText.number(-.infinity) == "-Inf")
        #expect(MetricsText.number(.nan) == "NaN")
    }

    @Test func checksMetricAndLabelNames() {
        #expect(MetricsText.isMetricName("http_requests_total"))
        #expect(MetricsText.isMetricName("ns:metric"))
        #expect(!MetricsText.isMetricName("9lives"))
        #expect(!MetricsText.isMetricName("has-dash"))
        #expect(MetricsText.isLabelName("route"))
        #expect(!MetricsText.isLabelName("__reserved"))
        #expect(!MetricsText.isLabelName("a:b"))
    }

    @Test func theSameLabelValuesReachTheSameSeries() {
        let registry = MetricsRegistry(loops: 1)
        let family = registry.counterFamily("hits_total", help: "Hits.", labels: ["route"])
        family.labels("/a").increment()
        family.labels("/a").increment()
        family.labels("/b").increment()
        let out = text(registry)
        #expect(out.contains("hits_total{route=\"/a\"} 2\n"))
        #expect(out.contains("hits_total{route=\"/b\"} 1\n"))
    }

    @Test func prometheusClientParsesTheExposition() throws {
        let registry = MetricsRegistry(loops: 2)
        registry.counterFamily("app_requests_total", help: "Requests.", labels: ["method", "route"]).labels("GET", "/x/{id}").increment(loop: 1)
        registry.histogramFamily("app_seconds", help: "Latency.", labels: ["route"], buckets: [0.01, 0.1]).labels("/x").observe(0.05)
        registry.gauge("app_size", help: "Size.") { 42 }
        registry.counterFamily("app_escaped_total", help: "Escapes.", labels: ["v"]).labels("q\"uote\\back\nline").increment()
        let summary = try PrometheusParser.parse(registry.render())
        guard let summary else { return }
        #expect(summary.contains("app_requests counter app_requests_total{method=GET,route=/x/{id}}=1.0"))
        #expect(summary.contains("app_seconds histogram app_seconds_bucket{le=0.1,route=/x}=1.0"))
        #expect(summary.contains("app_seconds histogram app_seconds_count{route=/x}=1.0"))
        #expect(summary.contains("app_size gauge app_size{}=42.0"))
        #expect(summary.contains("app_escaped counter app_escaped_total{v=q\"uote\\back\nline}=1.0"))
    }
}

@Suite("Engine metrics")
struct EngineMetricsTests {
    @Test func countsRequestsByMethodRouteTemplateAndStatus() throws {
        try withServer { server throws in
            let c = try server.connect()
            try c.send(.request("GET /articles/1 HTTP/1.1") + .request("GET /articles/2 HTTP/1.1") + .request("GET /nowhere HTTP/1.1"))
            _ = try c.readResponses(3)
            let out = String(decoding: server.server.metrics.render(), as: UTF8.self)
            #expect(out.contains(#"http_requests_total{method="GET",route="/articles/{id}",status="200"} 2"#), "\(out)")
            #expect(out.contains(#"http_requests_total{method="GET",route="(unmatched)",status="404"} 1"#))
            #expect(out.contains(#"http_request_duration_seconds_count{route="/articles/{id}"} 2"#))
            #expect(out.contains("http_open_connections 1\n"))
            #expect(out.contains(#"http_worker_queue_depth{pool="reads"} 0"#))
        }
    }

    @Test func countsBytesInAndOut() throws {
        try withServer { server throws in
            let request = String.request("GET /hello HTTP/1.1")
            let c = try server.connect()
            try c.send(request)
            _ = try c.readResponse()
            try c.send(request)
            _ = try c.readResponse()
            // Byte counts are published once per loop iteration, which may end after the client has its response.
            let expected = "http_received_bytes_total \(2 * request.utf8.count)\n"
            var out = ""
            for _ in 0..<100 where !out.contains(expected) {
                usleep(10_000)
                out = String(decoding: server.server.metrics.render(), as: UTF8.self)
            }
            #expect(out.contains(expected))
            let summary = try PrometheusParser.parse(server.server.metrics.render())
            guard let summary else { return }
            #expect(summary.contains { $0.hasPrefix("http_sent_bytes counter http_sent_bytes_total{}=") && !$0.hasSuffix("=0.0") })
        }
    }

    @Test func theWholeEngineExpositionParses() throws {
        var router = TestServer.router()
        let registry = MetricsRegistry(loops: 2)
        router.add(.GET, "/metrics", registry.handler)
        try withServer(router: router, configure: { $0.metrics = registry }) { server throws in
            _ = try server.exchange(.request("GET /hello HTTP/1.1"))
            _ = try server.exchange(.request("GET /slow?ms=1 HTTP/1.1"))
            let response = try server.exchange(.request("GET /metrics HTTP/1.1"))
            #expect(response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
            let summary = try PrometheusParser.parse(response.body)
            guard let summary else { return }
            for family in ["http_requests counter", "http_request_duration_seconds histogram", "http_event_loop_lag_seconds histogram",
                           "http_open_connections gauge", "http_worker_queue_depth gauge", "http_rejected_requests counter",
                           "http_cancelled_requests counter", "http_access_log_dropped_lines counter", "http_received_bytes counter",
                           "http_sent_bytes counter"] {
                #expect(summary.contains { $0.hasPrefix(family + " ") }, "no \(family)")
            }
        }
    }
}

final class LockedValue: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Int
    init(_ value: Int) { stored = value }
    var value: Int {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// Runs Python's prometheus_client parser over an exposition and returns one
/// line per sample: `family type sample{label=value,...}=value` (labels sorted).
/// nil (with a printed notice) when prometheus_client is not installed, unless
/// NEWSROOM_REQUIRE_PYTHON_TOOLS=1 makes that a failure.
enum PrometheusParser {
    static let script = """
    import sys
    from prometheus_client.parser import text_string_to_metric_families
    for family in text_string_to_metric_families(sys.stdin.read()):
        for s in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(s.labels.items()))
            print(f"{family.name} {family.type} {s.name}{{{labels}}}={float(s.value)}")
    """

    static func parse(_ exposition: [UInt8]) throws -> [String]? {
        guard available() else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(exposition))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "prometheus_client rejected the exposition: \(String(decoding: problems, as: UTF8.self))")
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            .reduce(into: [String]()) { lines, line in
                // A label value with a newline spans two printed lines; join them back.
                if let last = lines.last, !line.contains(" "), !last.hasSuffix("}") || !last.contains("}=") {
                    lines[lines.count - 1] = last + "\n" + line
                } else {
                    lines.append(line)
                }
            }
    }

    private static let availability: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import prometheus_client"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    static func available() -> Bool {
        if availability { return true }
        if ProcessInfo.processInfo.environment["NEWSROOM_REQUIRE_PYTHON_TOOLS"] == "1" {
            Issue.record("python3 with prometheus_client is required (NEWSROOM_REQUIRE_PYTHON_TOOLS=1) but not importable")
        } else {
            print("notice: skipping a prometheus_client check: python3 cannot import prometheus_client (pip install prometheus_client)")
        }
        return false
    }
}
