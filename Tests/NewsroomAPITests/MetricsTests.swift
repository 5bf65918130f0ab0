import Archive
import Foundation
import HTTPServer
import Testing
import TestSupport

/// `/metrics` in the Prometheus text format: the engine's `http_*` series and the archive's.
@Suite("Metrics")
struct MetricsTests {
    /// Parses the exposition with prometheus_client and prints `name{labels} value` lines.
    static let parse = """
    import sys
    from prometheus_client.parser import text_string_to_metric_families
    for family in text_string_to_metric_families(sys.stdin.read()):
        for sample in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
            print(f"{sample.name}{{{labels}}} {sample.value}")
    """

    func samples(_ server: APIServer) throws -> [String: Double]? {
        let response = try server.get("/metrics")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        guard let output = try runPython(Self.parse, input: response.body, module: "prometheus_client") else { return nil }
        var samples: [String: Double] = [:]
        for line in output.split(separator: "\n") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                Issue.record("prometheus_client could not parse /metrics: \(output.prefix(500))")
                return nil
            }
            samples[String(line[..<space])] = value
        }
        return samples
    }

    @Test func theArchiveAndItsWritesAreMeasured() throws {
        let server = try APIServer(token: "secret", metrics: true)
        defer { server.stop() }
        #expect(try server.upload(samplePage, id: "metered").status == 201)
        #expect(try server.upload(samplePage, id: "metered-again").status == 409)
        _ = try server.get("/api/v1/articles")
        _ = try server.get("/api/v1/articles")
        guard let samples = try samples(server) else { return }
        let state = try #require(server.archive.state())
        #expect(samples["newsroom_archive_articles{}"] == Double(state.articleCount))
        #expect(samples["newsroom_archive_pages{}"] == Double(state.pageCount))
        #expect(samples["newsroom_archive_ready{}"] == 1)
        #expect(samples["newsroom_corpus_model_articles{}"] == Double(state.model.articleCount))
        #expect(samples["newsroom_reanalysis_waiting{}"] == 0)
        #expect(samples["newsroom_writes_total{operation=create,status=201}"] == 1)
        #expect(samples["newsroom_writes_total{operation=create,status=409}"] == 1)
        #expect(samples["newsroom_write_duration_seconds_count{operation=create}"] == 2)
        #expect((samples["newsroom_response_cache_hits_total{}"] ?? 0) >= 1)
        #expect(samples.keys.contains { $0.hasPrefix("http_requests_total{") && $0.contains("route=/api/v1/articles") })
        #expect(samples.keys.contains { $0.hasPrefix("http_open_connections") })
    }
}
