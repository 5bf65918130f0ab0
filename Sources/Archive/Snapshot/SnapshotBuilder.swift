import Analysis
import PageParser

/// Builds a snapshot from parsed pages: analysis over the whole corpus, dense article records and
/// the full-text index.
struct SnapshotBuilder {
    let analyzer: CorpusAnalyzer

    func build(_ pages: [(page: Page, source: PageSource, contentHash: UInt64)], loadErrors: [LoadError]) -> ArchiveSnapshot {
        let ordered = pages.sorted { $0.page.id < $1.page.id }
        let analysis = analyzer.analyze(ordered.map(\.page))

        var records: [PageRecord] = []
        var articles: [ArticleRecord] = []
        for entry in ordered {
            var indexes: [Int] = []
            for (ordinal, article) in entry.page.articles.enumerated() {
                let index = articles.count
                articles.append(ArticleRecord(index: index, article: article, pageID: entry.page.id,
                                              ordinal: ordinal + 1, analysis: analysis.articles[index]))
                indexes.append(index)
            }
            records.append(PageRecord(page: entry.page, source: entry.source, contentHash: entry.contentHash, articleIndexes: indexes))
        }

        let search = analyzer.configuration.search
        let index = SearchIndex(
            documents: articles.map { searchDocument($0, configuration: search) },
            configuration: SearchConfiguration(k1: search.k1, b: search.b, exactRunBonus: search.exactRunBonus,
                                               snippetLength: search.snippetLength)
        )

        var fingerprint: [UInt8] = Array("newsroom-archive-v1".utf8)
        for record in records {
            fingerprint += Array(record.page.id.utf8) + [0]
            withUnsafeBytes(of: record.contentHash.littleEndian) { fingerprint += $0 }
        }
        return ArchiveSnapshot(version: fnv1a64(fingerprint), pages: records, articles: articles, analysis: analysis,
                               searchIndex: index, loadErrors: loadErrors)
    }

    private func searchDocument(_ record: ArticleRecord, configuration: AnalysisConfiguration.Search) -> SearchDocument {
        let article = record.article
        var fields: [SearchField] = []
        let headline = [article.kicker, article.title, article.subtitle].compactMap { $0 }.joined(separator: " ")
        if !headline.isEmpty { fields.append(.title(headline, boost: configuration.titleBoost)) }
        for subheading in article.subheadings { fields.append(.subheading(subheading.text, boost: configuration.subheadingBoost)) }
        for paragraph in article.paragraphs { fields.append(.body(paragraph)) }
        // Captions and bylines are searchable but never snippet text.
        for caption in article.captions { fields.append(SearchField(text: caption.text)) }
        let people = article.authors.map(\.name).joined(separator: " ")
        if !people.isEmpty { fields.append(SearchField(text: people)) }
        return SearchDocument(id: record.index, fields: fields)
    }
}
