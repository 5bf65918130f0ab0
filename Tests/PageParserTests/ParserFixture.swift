import Foundation
import PageParser
import Testing
import TestSupport

/// The repository root, found from this file's path, so tests read the real `config/` and `seeds/`.

let configuration: ParserConfiguration = {
    do {
        return try ParserConfiguration.load(fromDirectory: repositoryRoot.appendingPathComponent("config"))
    } catch {
        fatalError("config/ does not load: \(error)")
    }
}()

let parser = PageParser(configuration: configuration)

/// Parses an inline page fragment; fails the test with the parser's reason if it throws.
func parse(_ text: String, file: String = "page.txt", sourceLocation: SourceLocation = #_sourceLocation) -> Page {
    do {
        return try parser.parse(pageText: text, fileName: file)
    } catch {
        Issue.record("parse failed: \(error)", sourceLocation: sourceLocation)
        return Page(id: "", file: file)
    }
}

/// The only article of a fragment.
func article(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Article {
    let page = parse(text, sourceLocation: sourceLocation)
    #expect(page.articles.count == 1, "expected one article, got \(page.articles.map { $0.title ?? "nil" })", sourceLocation: sourceLocation)
    return page.articles.first ?? Article(id: "")
}

func names(_ people: [Person]) -> [String] { people.map(\.name) }

/// A body paragraph long enough to count as an article on its own.
let filler = "这是一段足够长的正文内容，用来确保文章不会被当作版面碎片处理，内容本身没有特别的含义。"
