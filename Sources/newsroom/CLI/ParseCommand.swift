import Archive
import Foundation
import JSONValue
import PageParser

enum ParseCommand {
    static let help = """
    USAGE: newsroom parse [--pretty] [--timing] [--format auto|text|html] [--encoding LABEL] [--config DIR] FILE...

    Parses newspaper page files (plain text or HTML; UTF-8, UTF-16 or GB18030/GBK) and prints
    them as JSON: {"pages":[{"file", "printed_date", "banners", "editors", "articles":[…]}]}
    (UTF-8, CJK unescaped), with the API's field names.

    OPTIONS:
      --format F      auto (default: HTML is recognised by its first tag), text or html.
      --encoding L    The files' charset (gbk, gb18030, utf-16le…); default: detected.
      --pretty        Indent the JSON for reading.
      --timing        Print parse time and throughput to stderr.
      --config DIR    Configuration directory (default: $NEWSROOM_CONFIG_DIR or ./config).
      -h, --help      Show this help.

    Exit status: 0 when every file parsed; 2 when any file is unreadable, not UTF-8, empty,
    binary or has no recognisable article (each is reported on stderr by name; the others are
    still printed); 64 on a usage error.
    """

    static func run(_ argv: [String]) -> Int32 {
        let arguments: Arguments
        do {
            arguments = try Arguments(argv, valueOptions: ["config", "format", "encoding"], flagOptions: ["pretty", "timing", "help"])
        } catch {
            printError("newsroom parse: \(error)\n\n\(help)")
            return 64
        }
        if arguments.flag("help") { print(help); return 0 }
        guard !arguments.positionals.isEmpty else {
            printError("newsroom parse: no FILE given\n\n\(help)")
            return 64
        }
        guard let format = PageFormat(rawValue: arguments.value("format") ?? "auto") else {
            printError("newsroom parse: --format takes auto, text or html\n\n\(help)")
            return 64
        }
        if let label = arguments.value("encoding"), PageEncoding(charsetLabel: label) == nil {
            printError("newsroom parse: unknown --encoding '\(label)' (use utf-8, utf-16le, utf-16be, gb18030, gbk or gb2312)")
            return 64
        }
        let parser: PageParser
        do {
            parser = PageParser(configuration: try loadParserConfiguration(arguments))
        } catch {
            printError("newsroom parse: configuration: \(error)")
            return 2
        }

        var pages: [Page] = []
        var failed = false
        var bytes = 0
        var seconds = 0.0
        for path in arguments.positionals {
            guard let data = FileManager.default.contents(atPath: path) else {
                printError("newsroom parse: \(path): cannot read file")
                failed = true
                continue
            }
            bytes += data.count
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                pages.append(try parser.parse(data: data, fileName: path, format: format, declaredEncoding: arguments.value("encoding")))
            } catch {
                printError("newsroom parse: \(error.description)")
                failed = true
            }
            seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        FileHandle.standardOutput.write(Data(parseDocument(pages).serialized(pretty: arguments.flag("pretty"))))
        if !arguments.flag("pretty") { print() }
        if arguments.flag("timing") {
            let articles = pages.reduce(0) { $0 + $1.articles.count }
            let megabytes = Double(bytes) / 1_000_000
            printError(String(format: "parsed %d files, %d articles, %.2f MB in %.2f ms (%.1f MB/s)",
                              pages.count, articles, megabytes, seconds * 1000, seconds > 0 ? megabytes / seconds : 0))
        }
        return failed ? 2 : 0
    }
}
