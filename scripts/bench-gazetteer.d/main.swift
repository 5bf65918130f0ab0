// Gazetteer load and place-matching costs, in a release build (run by scripts/bench-gazetteer).
import Analysis
import Archive
import Dispatch
import Foundation
import PageParser

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func report(_ label: String, _ samples: [Double]) {
    let sorted = samples.sorted()
    print(String(format: "%-44@ median %7.1f ms   min %7.1f ms   (%d runs)", label as NSString, sorted[sorted.count / 2], sorted[0], samples.count))
}

let root = URL(fileURLWithPath: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ".")
let config = root.appendingPathComponent("config")
let file = config.appendingPathComponent("gazetteer.tsv")
let runs = 15

let data = try Data(contentsOf: file)
var entries: [GazetteerEntry] = []
report("read + parse gazetteer.tsv", try (0..<runs).map { _ in try milliseconds { entries = try Gazetteer.parseTSV(data) } })
report("index (codes, places, trie)", try (0..<runs).map { _ in try milliseconds { _ = try Gazetteer(entries: entries) } })
report("Gazetteer.load (whole country)", try (0..<runs).map { _ in try milliseconds { _ = try Gazetteer.load(contentsOf: file) } })
var configuration: AnalysisConfiguration!
report("AnalysisConfiguration.load", try (0..<runs).map { _ in try milliseconds { configuration = try AnalysisConfiguration.load(fromDirectory: config) } })
print("gazetteer: \(configuration.localities.gazetteer.entries.count) places")

let parser = PageParser(configuration: try ParserConfiguration.load(fromDirectory: config))
let seeds = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("seeds").path).sorted()
let pages = try seeds.map { try parser.parse(data: try Data(contentsOf: root.appendingPathComponent("seeds/\($0)")), fileName: $0) }
let analyzer = CorpusAnalyzer(configuration: configuration)
report("analyse the seed pages (all analyses)", (0..<runs).map { _ in milliseconds { _ = analyzer.analyze(pages) } })
let characters = pages.flatMap(\.articles).reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.unicodeScalars.count } }
print("seed pages: \(pages.count) pages, \(pages.flatMap(\.articles).count) articles, \(characters) body characters")
let store = PageStore(seedsDirectory: root.appendingPathComponent("seeds"), dataDirectory: URL(fileURLWithPath: "/nonexistent"))
report("build the archive from the seed pages", (0..<runs).map { _ in milliseconds { _ = Archive(store: store, parser: parser, analyzer: analyzer) } })
