import Analysis
import Foundation
import PageParser
import Testing
import TestSupport



let analysisConfiguration: AnalysisConfiguration = {
    do { return try AnalysisConfiguration.load(fromDirectory: configDirectory) } catch { fatalError("\(error)") }
}()

let analyzer = CorpusAnalyzer(configuration: analysisConfiguration)

func article(_ id: String, title: String? = nil, paragraphs: [String], authors: [Person] = [],
             affiliation: String? = nil, organisations: [String] = []) -> Article {
    Article(id: id, title: title, authors: authors, affiliation: affiliation,
            credit: Credit(organisations: organisations, positions: []), paragraphs: paragraphs)
}

/// Analyses articles as one page (optionally of a named newspaper).
func analyze(_ articles: [Article], newspaper: String? = nil) -> CorpusAnalysis {
    analyzer.analyze([Page(id: "p", file: "p.txt", newspaper: newspaper, articles: articles)])
}

func analyze(pages: [[Article]]) -> CorpusAnalysis {
    analyzer.analyze(pages.enumerated().map { Page(id: "p\($0.offset)", file: "p\($0.offset).txt", articles: $0.element) })
}

func seedPages() throws -> [Page] {
    let parser = PageParser(configuration: try ParserConfiguration.load(fromDirectory: configDirectory))
    let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("seeds").path).sorted()
    return try files.map { file in
        try parser.parse(data: try Data(contentsOf: repositoryRoot.appendingPathComponent("seeds/\(file)")), fileName: file)
    }
}

extension CorpusAnalysis {
    /// The analysis of the article with this id.
    func article(_ id: String) -> ArticleAnalysis? {
        articleIDs.firstIndex(of: id).map { articles[$0] }
    }

    /// Author ids per article, in article order.
    var authorIDsPerArticle: [[String?]] { articles.indices.map(authorIDs(ofArticle:)) }
}
