// The evaluation driver: parses page files (and analyses them) with the product's own targets and
// prints the JSON the Python scorers in scripts/eval/ read. Built in a throwaway package by
// scripts/eval/build-driver, so the evaluations need neither the CLI nor the API.
//
//   driver parse CONFIG_DIR FILE...      articles as parsed: id, title, subheadings, paragraphs
//   driver analyze CONFIG_DIR FILE...    per-article tags and initiatives, the initiative table
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
guard arguments.count >= 3, ["parse", "analyze"].contains(arguments[0]) else {
    fail("usage: driver parse|analyze CONFIG_DIR FILE...")
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
fail("analyze: not built yet")
