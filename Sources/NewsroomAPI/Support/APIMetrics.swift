import Archive
import Foundation
import HTTPServer

/// The application's metrics, in the registry that also holds the engine's `http_*` series:
/// the archive's size and state, writes by outcome and duration, the response cache, and the
/// background work that keeps the archive in shape.
struct APIMetrics: Sendable {
    let writes: CounterFamily
    let writeDuration: HistogramFamily

    init(registry: MetricsRegistry, archive: Archive, cache: ResponseCache) {
        writes = registry.counterFamily("newsroom_writes_total", help: "Page writes by operation (create, replace, delete) and result (HTTP status).",
                                        labels: ["operation", "status"])
        writeDuration = registry.histogramFamily("newsroom_write_duration_seconds", help: "Time to a page write's response, parse and durable storage included.",
                                                 labels: ["operation"], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10])
        registry.gauge("newsroom_archive_ready", help: "1 once the archive is loaded and served.") { archive.isReady ? 1 : 0 }
        registry.gauge("newsroom_archive_pages", help: "Pages in the archive.") { Double(archive.state()?.pageCount ?? 0) }
        registry.gauge("newsroom_archive_articles", help: "Articles in the archive.") { Double(archive.state()?.articleCount ?? 0) }
        registry.gauge("newsroom_archive_gone_articles", help: "Removed article ids remembered for 410 Gone.") { Double(archive.state()?.goneCount ?? 0) }
        registry.gauge("newsroom_archive_segments", help: "Index segments a query visits.") { Double(archive.state()?.segments.count ?? 0) }
        registry.gauge("newsroom_archive_load_errors", help: "Page files that could not be loaded (listed by /readyz and the log).") {
            Double(archive.state()?.loadErrors.count ?? 0)
        }
        registry.gauge("newsroom_archive_load_progress", help: "Work done of the current loading phase (0 to 1; 1 when ready).") {
            let progress = archive.loadProgress
            return progress.phase == .ready ? 1 : progress.total == 0 ? 0 : Double(progress.done) / Double(progress.total)
        }
        registry.gauge("newsroom_archive_generation", help: "Changes since start (each write, merge or re-analysis is one).") { Double(archive.generation) }
        let statistics = archive.statistics
        registry.counter("newsroom_state_checkpoints_total", help: "Saves of the derived state.") { Double(statistics.checkpoints.load(ordering: .relaxed)) }
        registry.counter("newsroom_state_checkpoint_failures_total", help: "Saves of the derived state that failed (the page files are unaffected).") {
            Double(statistics.failedCheckpoints.load(ordering: .relaxed))
        }
        registry.gauge("newsroom_state_last_checkpoint_timestamp_seconds", help: "Unix time of the last save of the derived state.") {
            Double(statistics.lastCheckpoint.load(ordering: .relaxed))
        }
        registry.counter("newsroom_segment_merges_total", help: "Background merges of index segments.") { Double(statistics.merges.load(ordering: .relaxed)) }
        registry.counter("newsroom_reanalyses_total", help: "Background re-analyses of the corpus against a new model.") {
            Double(statistics.reanalyses.load(ordering: .relaxed))
        }
        registry.gauge("newsroom_reanalysis_waiting", help: "1 while a due re-analysis waits for the pages streaming in to pause.") {
            archive.isReanalysisWaiting ? 1 : 0
        }
        registry.gauge("newsroom_corpus_model_articles", help: "Articles the corpus model was built from (against newsroom_archive_articles: its drift).") {
            Double(archive.state()?.model.articleCount ?? 0)
        }
        registry.counter("newsroom_rebuilds_total", help: "Rebuilds of the derived state from the page files after damage was found.") {
            Double(statistics.rebuilds.load(ordering: .relaxed))
        }
        registry.counter("newsroom_foreign_changes_total", help: "Pages changed by other processes sharing the data directory, applied here.") {
            Double(statistics.foreignChanges.load(ordering: .relaxed))
        }
        registry.gauge("newsroom_response_cache_bytes", help: "Bytes of ready responses held.") { Double(cache.bytes) }
        registry.gauge("newsroom_response_cache_entries", help: "Ready responses held.") { Double(cache.count) }
        registry.counter("newsroom_response_cache_hits_total", help: "Requests answered from the response cache.") { Double(cache.hits.load(ordering: .relaxed)) }
        registry.counter("newsroom_response_cache_misses_total", help: "Cacheable requests that had to be rendered.") { Double(cache.misses.load(ordering: .relaxed)) }
    }

    /// Counts and times one write.
    func record(_ operation: String, status: HTTPStatus, since start: UInt64) {
        writes.labels(operation, String(status.code)).increment()
        writeDuration.labels(operation).observe(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
