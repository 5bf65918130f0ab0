// The evaluation driver: parses page files (and analyses them) with the product's own targets and
// prints the JSON the Python scorers in scripts/eval/ read. Built in a throwaway package by
// scripts/eval/build-driver, so the evaluations need neither the CLI nor the API.
//
//   driver parse CONFIG_DIR FILE...      articles as parsed: id, title, subheadings, paragraphs
//   driver analyze CONFIG_DIR FILE...    per-article tags and initiatives, the initiative table
//   driver time CONFIG_DIR FILE...       parse and analysis times (median of repeated runs)
import Analysis
import Foundation
import PageParser

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("driver: \(message)\n".utf8))
    exit(2)
}

func emit(_ object: Any) {
    do {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    } catch {
        fail("cannot write JSON: \(error)")
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3, ["parse", "analyze", "time"].contains(arguments[0]) else {
    fail("usage: driver parse|analyze|time CONFIG_DIR FILE...")
}
let configDirectory = URL(fileURLWithPath: arguments[1])
let files = Array(arguments.dropFirst(2))

let pages: [Page]
do {
    let parser = PageParser(configuration: try ParserConfiguration.load(fromDirectory: configDirectory))
    pages = try files.map { path in
        guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot read file") }
        return try parser.parse(data: data, fileName: (path as NSString).lastPathComponent)
    }
} catch {
    fail("\(error)")
}

if arguments[0] == "parse" {
    emit(["pages": pages.map { page in
        ["id": page.id, "articles": page.articles.map { article in
            ["id": article.id, "title": article.title ?? NSNull(), "kicker": article.kicker ?? NSNull(),
             "subheadings": article.subheadings.map { ["text": $0.text] }, "paragraphs": article.paragraphs] as [String: Any]
        }] as [String: Any]
    }])
    exit(0)
}
let configuration: AnalysisConfiguration
do {
    configuration = try AnalysisConfiguration.load(fromDirectory: configDirectory)
} catch {
    fail("\(error)")
}
let analyzer = CorpusAnalyzer(configuration: configuration)

if arguments[0] == "time" {
    func median(_ runs: Int, _ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return times.sorted()[runs / 2]
    }
    let texts = pages.map(PageText.init)
    let model = CorpusModelBuilder(configuration: configuration).build(texts)
    let places = PlaceDirectory(configuration: configuration.localities, model: model)
    let pageAnalyzer = PageAnalyzer(configuration: configuration)
    let runs = Int(ProcessInfo.processInfo.environment["RUNS"] ?? "") ?? 21
    emit([
        "articles": pages.reduce(0) { $0 + $1.articles.count },
        "runs": runs,
        "model_ms": median(runs) { _ = CorpusModelBuilder(configuration: configuration).build(texts) },
        "pages_ms": median(runs) { for text in texts { _ = pageAnalyzer.analyze(text, model: model, places: places) } },
        "whole_ms": median(runs) { _ = analyzer.analyze(pages) },
    ])
    exit(0)
}

let analysis = analyzer.analyze(pages)
func initiativeObject(_ initiative: Initiative) -> [String: Any] {
    [
        "id": initiative.id, "name": initiative.name, "aliases": initiative.aliases,
        "kind": initiative.kind.rawValue, "naming_word": initiative.namingWord ?? NSNull(),
        "locality": initiative.locality ?? NSNull(),
        "locality_name": initiative.locality.flatMap { analysis.places[$0]?.name } ?? NSNull(),
        "mentions": initiative.mentionCount,
        "evidence": [
            "named": initiative.evidence.named, "cued": initiative.evidence.cued, "enumerated": initiative.evidence.enumerated,
            "numbered": initiative.evidence.numbered, "recurring": initiative.evidence.recurring,
            "unquoted": initiative.evidence.unquoted, "national": initiative.evidence.national,
        ],
    ]
}
let byID = Dictionary(uniqueKeysWithValues: analysis.initiatives.map { ($0.id, $0) })
emit([
    "articles": analysis.articles.indices.map { index in
        [
            "id": analysis.articleIDs[index],
            "tags": analysis.articles[index].tags.map { ["term": $0.term, "score": $0.score] },
            "initiatives": analysis.initiativeIDs(ofArticle: index).compactMap { byID[$0].map(initiativeObject) },
        ] as [String: Any]
    },
    "initiatives": analysis.initiatives.map { initiative in
        var object = initiativeObject(initiative)
        object["articles"] = analysis.mentions(of: initiative).map { ["id": $0.article, "count": $0.count, "context": $0.context] }
        return object
    },
])
