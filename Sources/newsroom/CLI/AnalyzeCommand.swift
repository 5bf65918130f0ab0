import Analysis
import Archive
import Foundation
import JSONValue
import PageParser

enum AnalyzeCommand {
    static let help = """
    USAGE: newsroom analyze [--pretty] [--timing] [--config DIR] FILE...

    Parses page files and links them: prints per-article tags, main locality, places and
    initiatives, and the corpus-wide initiative, tag and author tables, as JSON.

    OPTIONS:
      --pretty        Indent the JSON for reading.
      --timing        Print configuration, parse and analysis times to stderr.
      --config DIR    Configuration directory (default: $NEWSROOM_CONFIG_DIR or ./config).
      -h, --help      Show this help.

    Exit status: 0 when every file parsed; 2 when any file failed (reported on stderr by name;
    the others are still analysed); 64 on a usage error.
    """

    static func run(_ argv: [String]) -> Int32 {
        let arguments: Arguments
        do {
            arguments = try Arguments(argv, valueOptions: ["config"], flagOptions: ["pretty", "timing", "help"])
        } catch {
            printError("newsroom analyze: \(error)\n\n\(help)")
            return 64
        }
        if arguments.flag("help") { print(help); return 0 }
        guard !arguments.positionals.isEmpty else {
            printError("newsroom analyze: no FILE given\n\n\(help)")
            return 64
        }
        let parser: PageParser
        let analyzer: CorpusAnalyzer
        let configurationStart = DispatchTime.now().uptimeNanoseconds
        do {
            parser = PageParser(configuration: try loadParserConfiguration(arguments))
            analyzer = CorpusAnalyzer(configuration: try AnalysisConfiguration.load(fromDirectory: configDirectory(arguments)))
        } catch {
            printError("newsroom analyze: configuration: \(error)")
            return 2
        }
        var failed = false
        let parseStart = DispatchTime.now().uptimeNanoseconds
        var pages: [Page] = []
        for path in arguments.positionals {
            guard let data = FileManager.default.contents(atPath: path) else {
                printError("newsroom analyze: \(path): cannot read file")
                failed = true
                continue
            }
            do {
                pages.append(try parser.parse(data: data, fileName: path))
            } catch {
                printError("newsroom analyze: \(error.description)")
                failed = true
            }
        }
        let analysisStart = DispatchTime.now().uptimeNanoseconds
        let analysis = analyzer.analyze(pages)
        let end = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardOutput.write(Data(analysisDocument(pages: pages, analysis: analysis).serialized(pretty: arguments.flag("pretty"))))
        if !arguments.flag("pretty") { print() }
        if arguments.flag("timing") {
            printError(String(format: "loaded configuration (%d gazetteer places) in %.1f ms; parsed %d pages in %.1f ms; analysed %d articles in %.1f ms",
                              analyzer.configuration.localities.gazetteer.entries.count,
                              Double(parseStart - configurationStart) / 1e6, pages.count, Double(analysisStart - parseStart) / 1e6,
                              analysis.articles.count, Double(end - analysisStart) / 1e6))
        }
        return failed ? 2 : 0
    }
}
