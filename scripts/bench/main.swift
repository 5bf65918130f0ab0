// Benchmark driver, built by scripts/bench-search into a throwaway package beside the product's
// own sources. Never part of the product.
//
//   bench index SEEDS DOCS QUERIES            synthetic documents straight into a SearchIndex
//   bench archive CONFIG PAGES SEEDS QUERIES  page files through the whole pipeline: parse,
//                                             analyse, index (an Archive), then queries as the
//                                             API runs them (search + filters + snippets)
import Analysis
import Archive
import Foundation
import PageParser

func seedPages(_ directory: String) throws -> [String] {
    let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
    return try files.map { try String(contentsOfFile: directory + "/" + $0, encoding: .utf8) }
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let arguments = CommandLine.arguments
switch arguments.count > 1 ? arguments[1] : "" {
case "index":
    let sentences = SyntheticCorpus.sentences(fromPages: try seedPages(arguments[2]))
    let documents = SyntheticCorpus.documents(count: Int(arguments[3])!, sentences: sentences)
    let queries = SyntheticCorpus.mixedQueries(count: Int(arguments[4])!, sentences: sentences)
    print(SearchBenchmark.run(documents: documents, queries: queries))

case "archive":
    let config = URL(fileURLWithPath: arguments[2])
    let pages = URL(fileURLWithPath: arguments[3])
    let queryCount = Int(arguments[5])!
    let parser = PageParser(configuration: try ParserConfiguration.load(fromDirectory: config))
    let analyzer = CorpusAnalyzer(configuration: try AnalysisConfiguration.load(fromDirectory: config))

    // Parsing alone, to split the load time.
    let files = try FileManager.default.contentsOfDirectory(atPath: pages.path).filter { $0.hasSuffix(".txt") }
    var bytes = 0
    let parseStart = ContinuousClock.now
    for file in files {
        let data = try Data(contentsOf: pages.appendingPathComponent(file))
        bytes += data.count
        _ = try? parser.parse(data: data, fileName: file)
    }
    let parseSeconds = seconds(since: parseStart)

    let loadStart = ContinuousClock.now
    let archive = Archive(store: PageStore(seedsDirectory: pages, dataDirectory: URL(fileURLWithPath: "/nonexistent")),
                          parser: parser, analyzer: analyzer)
    let loadSeconds = seconds(since: loadStart)
    let snapshot = archive.snapshot()
    let memory = SearchBenchmark.memoryStatus()

    let sentences = SyntheticCorpus.sentences(fromPages: try seedPages(arguments[4]))
    let texts = SyntheticCorpus.mixedQueries(count: queryCount, sentences: sentences)
    let localities = snapshot.placesInUse.sorted { $0.articles > $1.articles }.prefix(5).map(\.place.id)
    var timings: [Double] = []
    var searchOnly: [Double] = []
    var filteredTimings: [Double] = []
    var hitless = 0
    for (index, text) in texts.enumerated() {
        var query = ArticleQuery()
        query.text = text
        // Every fourth query also filters, as the frontend's chips do.
        if index % 4 == 1 { query.kind = .theory }
        if index % 4 == 3, !localities.isEmpty { query.locality = localities[index % localities.count] }
        let start = ContinuousClock.now
        let results = snapshot.findArticles(query)
        searchOnly.append(seconds(since: start) * 1000)
        if let parsed = results.searchQuery {
            for record in results.items { _ = snapshot.searchIndex.snippet(doc: record.index, query: parsed) }
        }
        timings.append(seconds(since: start) * 1000)
        if index % 2 == 1 { filteredTimings.append(timings.last!) }
        if results.total == 0 { hitless += 1 }
    }
    timings.sort()
    searchOnly.sort()
    filteredTimings.sort()
    func at(_ fraction: Double, _ list: [Double]? = nil) -> Double {
        let list = list ?? timings
        return list[min(list.count - 1, Int(Double(list.count) * fraction))]
    }
    print(String(format: """
        %d page files, %.1f MB, %d articles
        parse alone %.2f s (%.1f MB/s); full load (parse + analysis + index) %.2f s
        resident %.0f MB, peak resident %.0f MB
        %d queries as GET /articles?q= runs them (search, every fourth with a filter, snippets for the first page), %d without hits
        latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f
          search without snippets: p50 %.2f  p99 %.2f;  filtered queries only: p50 %.2f  p99 %.2f
        """,
        files.count, Double(bytes) / 1e6, snapshot.articles.count, parseSeconds, Double(bytes) / 1e6 / parseSeconds, loadSeconds,
        Double(memory.resident ?? 0) / 1_048_576, Double(memory.peak ?? 0) / 1_048_576,
        timings.count, hitless, at(0.5), at(0.9), at(0.99), timings.last ?? 0,
        at(0.5, searchOnly), at(0.99, searchOnly), at(0.5, filteredTimings), at(0.99, filteredTimings)))

default:
    print("usage: bench index SEEDS DOCS QUERIES | bench archive CONFIG PAGES SEEDS QUERIES")
    exit(64)
}
