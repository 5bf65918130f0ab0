import Analysis
import PageParser

/// What `GET /articles` asks for: filters that combine (AND), a sort, a page.
public struct ArticleQuery: Sendable, Hashable {
    public var text: String?
    public var author: String?
    /// A place id; articles about it or any place below it match.
    public var locality: String?
    public var initiative: String?
    public var tag: String?
    public var kind: ArticleKind?
    public var pageID: String?
    public var sort: ArticleSort?
    public var page = 1
    public var perPage = 20

    public init() {}
}

public enum ArticleSort: String, Sendable, Hashable, CaseIterable {
    case relevance
    case page
    case reversePage = "-page"
    case title
    case reverseTitle = "-title"
}

/// One page of matching articles.
public struct ArticleResults: Sendable {
    public var total: Int
    public var items: [ArticleRecord]
    /// Relevance scores by article index, when the query had text.
    public var scores: [Int: Double]
    public var searchQuery: SearchQuery?
}

extension ArchiveSnapshot {
    public func findArticles(_ query: ArticleQuery) -> ArticleResults {
        var allowed: DocumentFilter?
        func restrict(_ indexes: [Int]) {
            let filter = DocumentFilter(indexes, capacity: articles.count)
            allowed = allowed.map { $0.intersection(filter) } ?? filter
        }
        if let author = query.author { restrict(articlesByAuthor[author] ?? []) }
        if let locality = query.locality { restrict(articleIndexes(inPlace: locality)) }
        if let initiative = query.initiative { restrict(articlesByInitiative[initiative] ?? []) }
        if let tag = query.tag { restrict(articlesByTag[tag] ?? []) }
        if let kind = query.kind { restrict(articlesByKind[kind] ?? []) }
        if let pageID = query.pageID { restrict(page(id: pageID)?.articleIndexes ?? []) }

        let sort = query.sort ?? (query.text == nil ? .page : .relevance)
        let offset = (query.page - 1) * query.perPage
        if let text = query.text {
            // A query of punctuation alone searches for nothing and so finds nothing.
            let parsed = SearchQuery.parse(text)
            guard !parsed.isEmpty else {
                return ArticleResults(total: 0, items: [], scores: [:], searchQuery: parsed)
            }
            if sort == .relevance {
                // Ranking only as deep as the requested page keeps common queries cheap on large
                // archives: the index verifies exact runs for the page's candidates, not all hits.
                let results = searchIndex.search(parsed, allowed: allowed, limit: query.perPage, offset: offset)
                return ArticleResults(total: results.total, items: results.hits.map { articles[$0.doc] },
                                      scores: Dictionary(results.hits.map { ($0.doc, $0.score) }, uniquingKeysWith: max),
                                      searchQuery: parsed)
            }
            let hits = searchIndex.matches(parsed, allowed: allowed)
            let page = sorted(hits.map(\.doc), by: sort)
            let slice = paginate(page, offset: offset, count: query.perPage)
            let scores = Dictionary(hits.map { ($0.doc, $0.score) }, uniquingKeysWith: max)
            return ArticleResults(total: hits.count, items: slice.map { articles[$0] },
                                  scores: scores.filter { slice.contains($0.key) }, searchQuery: parsed)
        }
        // Without a query, relevance is page order.
        let all = sorted(allowed.map { $0.documents } ?? Array(articles.indices), by: sort == .relevance ? .page : sort)
        return ArticleResults(total: all.count, items: paginate(all, offset: offset, count: query.perPage).map { articles[$0] },
                              scores: [:], searchQuery: nil)
    }

    private func sorted(_ indexes: [Int], by sort: ArticleSort) -> [Int] {
        switch sort {
        case .relevance: indexes
        case .page: indexes.sorted()
        case .reversePage: indexes.sorted(by: >)
        case .title: indexes.sorted { titleOrder(articles[$0], articles[$1]) }
        case .reverseTitle: indexes.sorted { titleOrder(articles[$1], articles[$0]) }
        }
    }

    private func paginate(_ indexes: [Int], offset: Int, count: Int) -> ArraySlice<Int> {
        let start = min(indexes.count, offset)
        return indexes[start..<min(indexes.count, start + count)]
    }

    /// Titled articles first, by title in code point order; untitled ones after, by position.
    private func titleOrder(_ a: ArticleRecord, _ b: ArticleRecord) -> Bool {
        switch (a.article.title, b.article.title) {
        case (let x?, let y?): return x != y ? x < y : a.index < b.index
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a.index < b.index
        }
    }

    /// Articles that share initiatives (weighing most) or tags with this one, best first.
    public func related(to record: ArticleRecord, limit: Int = 5) -> [(article: ArticleRecord, shared: [String])] {
        var scores: [Int: Double] = [:]
        var shared: [Int: [String]] = [:]
        for initiative in record.analysis.initiatives {
            for other in articlesByInitiative[initiative] ?? [] where other != record.index {
                scores[other, default: 0] += 3
                shared[other, default: []].append(initiative)
            }
        }
        for tag in record.analysis.tags {
            for other in articlesByTag[tag.term] ?? [] where other != record.index {
                scores[other, default: 0] += 1
                shared[other, default: []].append(tag.term)
            }
        }
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit)
            .map { (articles[$0.key], shared[$0.key] ?? []) }
    }
}
