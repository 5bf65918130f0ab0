import Analysis
import Dispatch
import Foundation

/// Measures an index over given documents and queries: build time, memory, and per-query latency.
/// For the CLI and for capacity planning; tests never assert on its timings.
public enum SearchBenchmark {
    public struct Report: Sendable, CustomStringConvertible {
        public var documents: Int
        public var queries: Int
        public var buildSeconds: Double
        public var termCount: Int
        /// Bytes of the index's own arrays.
        public var storedBytes: Int
        /// The process's resident memory after the build, and its peak so far (Linux only).
        public var residentBytes: Int?
        public var peakResidentBytes: Int?
        /// Latency of parse + search (first page of `limit` hits), in milliseconds.
        public var searchMilliseconds: Percentiles
        /// Latency of parse + search + a snippet for every hit on the page, in milliseconds.
        public var pageMilliseconds: Percentiles
        /// Queries per second with every core searching at once.
        public var concurrentQueriesPerSecond: Double
        public var queriesWithoutHits: Int
        public var slowest: [Timing]

        public var description: String {
            func megabytes(_ bytes: Int?) -> String { bytes.map { String(format: "%.0f MB", Double($0) / 1_048_576) } ?? "n/a" }
            return """
            documents \(documents), terms \(termCount), build \(String(format: "%.2f", buildSeconds)) s
            index arrays \(megabytes(storedBytes)), resident \(megabytes(residentBytes)), peak resident \(megabytes(peakResidentBytes))
            \(queries) queries (\(queriesWithoutHits) without hits)
            search ms: \(searchMilliseconds)
            search + snippets ms: \(pageMilliseconds)
            concurrent: \(String(format: "%.0f", concurrentQueriesPerSecond)) queries/s
            slowest: \(slowest.map { "\($0.query) \(String(format: "%.2f", $0.milliseconds)) ms (\($0.total) hits)" }.joined(separator: "; "))
            """
        }
    }

    public struct Percentiles: Sendable, CustomStringConvertible {
        public var p50: Double
        public var p90: Double
        public var p99: Double
        public var max: Double
        public var mean: Double

        init(_ samples: [Double]) {
            let sorted = samples.sorted()
            func at(_ fraction: Double) -> Double {
                sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
            }
            p50 = at(0.5)
            p90 = at(0.9)
            p99 = at(0.99)
            max = sorted.last ?? 0
            mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        }

        public var description: String {
            String(format: "p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  mean %.3f", p50, p90, p99, max, mean)
        }
    }

    public struct Timing: Sendable {
        public var query: String
        public var milliseconds: Double
        public var total: Int
    }

    /// Builds an index over `documents`, then runs each query once to warm up and once timed.
    public static func run(
        documents: [SearchDocument], queries: [String], configuration: SearchConfiguration = .init(), limit: Int = 20
    ) -> Report {
        let clock = ContinuousClock()
        var index: SearchIndex?
        let build = clock.measure { index = SearchIndex(documents: documents, configuration: configuration) }
        let built = index.unsafelyUnwrapped
        let memory = memoryStatus()
        let parsed = queries.map(SearchQuery.parse)
        for query in parsed { _ = built.search(query, limit: limit) }

        var searchTimes: [Double] = []
        var pageTimes: [Double] = []
        var timings: [Timing] = []
        var withoutHits = 0
        for (text, query) in zip(queries, parsed) {
            var results = SearchResults(total: 0, hits: [])
            let search = clock.measure { results = built.search(SearchQuery.parse(text), limit: limit) }
            let page = clock.measure {
                let results = built.search(SearchQuery.parse(text), limit: limit)
                for hit in results.hits { _ = built.snippet(doc: hit.doc, query: query) }
            }
            searchTimes.append(milliseconds(search))
            pageTimes.append(milliseconds(page))
            timings.append(Timing(query: text, milliseconds: milliseconds(search), total: results.total))
            if results.total == 0 { withoutHits += 1 }
        }

        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let concurrent = clock.measure {
            DispatchQueue.concurrentPerform(iterations: cores) { worker in
                for query in parsed.indices where query % cores == worker { _ = built.search(parsed[query], limit: limit) }
            }
        }
        let concurrentSeconds = milliseconds(concurrent) / 1000

        return Report(
            documents: documents.count, queries: queries.count, buildSeconds: milliseconds(build) / 1000,
            termCount: built.termCount, storedBytes: built.storedBytes, residentBytes: memory.resident,
            peakResidentBytes: memory.peak, searchMilliseconds: Percentiles(searchTimes),
            pageMilliseconds: Percentiles(pageTimes),
            concurrentQueriesPerSecond: concurrentSeconds > 0 ? Double(queries.count) / concurrentSeconds : 0,
            queriesWithoutHits: withoutHits,
            slowest: Array(timings.sorted { $0.milliseconds > $1.milliseconds }.prefix(5)))
    }

    /// Resident and peak resident bytes from /proc/self/status, nil where there is none.
    public static func memoryStatus() -> (resident: Int?, peak: Int?) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (nil, nil) }
        func kilobytes(_ key: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return nil }
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return (kilobytes("VmRSS:"), kilobytes("VmHWM:"))
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
