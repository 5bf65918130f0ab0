import Analysis
import PageParser

/// One immutable state of the archive: every page, article, author, place, initiative and tag,
/// cross-linked and indexed. Readers share it without locks; a change builds a new snapshot and
/// swaps it in whole, so no reader ever sees half a page.
public final class ArchiveSnapshot: Sendable {
    /// A fingerprint of the content (page ids and file hashes): equal on every replica that holds
    /// the same pages, so ETags derived from it survive restarts and load balancers.
    public let version: UInt64
    public let pages: [PageRecord]
    public let articles: [ArticleRecord]
    public let authors: [AuthorRecord]
    public let places: [String: Place]
    public let initiatives: [Initiative]
    public let tags: [(term: String, articles: Int)]
    public let searchIndex: SearchIndex
    public let loadErrors: [LoadError]

    let pageIndex: [String: Int]
    let articleIndex: [String: Int]
    let authorIndex: [String: Int]
    let initiativeIndex: [String: Int]
    let tagIndex: [String: Int]
    let childrenOfPlace: [String: [String]]
    let articlesByAuthor: [String: [Int]]
    let articlesByInitiative: [String: [Int]]
    let articlesByTag: [String: [Int]]
    let articlesByKind: [ArticleKind: [Int]]
    /// Articles whose main locality is this place or one below it, in index order.
    let articlesInSubtree: [String: [Int]]
    /// Articles whose places include this one (mentions), for locality pages.
    let articlesMentioningPlace: [String: [Int]]

    init(version: UInt64, pages: [PageRecord], articles: [ArticleRecord], analysis: CorpusAnalysis,
         searchIndex: SearchIndex, loadErrors: [LoadError]) {
        self.version = version
        self.pages = pages
        self.articles = articles
        authors = analysis.authors
        places = analysis.places
        initiatives = analysis.initiatives
        tags = analysis.tagCounts
        self.searchIndex = searchIndex
        self.loadErrors = loadErrors

        pageIndex = Dictionary(pages.enumerated().map { ($1.page.id, $0) }, uniquingKeysWith: { first, _ in first })
        articleIndex = Dictionary(articles.map { ($0.id, $0.index) }, uniquingKeysWith: { first, _ in first })
        authorIndex = Dictionary(analysis.authors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        initiativeIndex = Dictionary(analysis.initiatives.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        tagIndex = Dictionary(analysis.tagCounts.enumerated().map { ($1.term, $0) }, uniquingKeysWith: { first, _ in first })

        var children: [String: [String]] = [:]
        for place in analysis.places.values {
            if let parent = place.parent { children[parent, default: []].append(place.id) }
        }
        childrenOfPlace = children.mapValues { $0.sorted() }

        var byAuthor: [String: [Int]] = [:]
        var byInitiative: [String: [Int]] = [:]
        var byTag: [String: [Int]] = [:]
        var mentioning: [String: [Int]] = [:]
        for record in articles {
            for author in record.analysis.authorIDs { byAuthor[author, default: []].append(record.index) }
            for initiative in record.analysis.initiatives { byInitiative[initiative, default: []].append(record.index) }
            for tag in record.analysis.tags { byTag[tag.term, default: []].append(record.index) }
            for place in record.analysis.places { mentioning[place.place, default: []].append(record.index) }
        }
        articlesByAuthor = byAuthor
        articlesByInitiative = byInitiative
        articlesByTag = byTag
        articlesByKind = Dictionary(grouping: articles.map(\.index), by: { articles[$0].article.kind })
        var inSubtree: [String: [Int]] = [:]
        for record in articles {
            var current = record.analysis.locality
            var seen = Set<String>()
            while let place = current, seen.insert(place).inserted {
                inSubtree[place, default: []].append(record.index)
                current = analysis.places[place]?.parent
            }
        }
        articlesInSubtree = inSubtree
        articlesMentioningPlace = mentioning
    }

    // MARK: - Lookups

    public func page(id: String) -> PageRecord? { pageIndex[id].map { pages[$0] } }
    public func article(id: String) -> ArticleRecord? { articleIndex[id].map { articles[$0] } }
    public func author(id: String) -> AuthorRecord? { authorIndex[id].map { authors[$0] } }
    public func initiative(id: String) -> Initiative? { initiativeIndex[id].map { initiatives[$0] } }
    public func place(id: String) -> Place? { places[id] }
    public func tag(term: String) -> (term: String, articles: Int)? { tagIndex[term].map { tags[$0] } }

    public func articles(ofAuthor id: String) -> [ArticleRecord] { (articlesByAuthor[id] ?? []).map { articles[$0] } }
    public func articles(withInitiative id: String) -> [ArticleRecord] { (articlesByInitiative[id] ?? []).map { articles[$0] } }
    public func articles(withTag term: String) -> [ArticleRecord] { (articlesByTag[term] ?? []).map { articles[$0] } }

    public func children(ofPlace id: String) -> [Place] { (childrenOfPlace[id] ?? []).compactMap { places[$0] } }

    /// The place and every place below it.
    public func subtree(ofPlace id: String) -> [String] {
        var result: [String] = []
        var queue = [id]
        var seen = Set<String>()
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            queue += childrenOfPlace[next] ?? []
        }
        return result
    }

    /// Ancestors from the parent up to the province.
    public func ancestors(ofPlace id: String) -> [Place] {
        var result: [Place] = []
        var current = places[id]?.parent
        while let name = current, let place = places[name], !result.contains(where: { $0.id == name }) {
            result.append(place)
            current = place.parent
        }
        return result
    }

    /// Articles about the place or a place below it (by main locality).
    public func articles(inPlace id: String) -> [ArticleRecord] {
        articleIndexes(inPlace: id).map { articles[$0] }
    }

    public func articleIndexes(inPlace id: String) -> [Int] { articlesInSubtree[id] ?? [] }

    /// Places that are some article's main locality or are mentioned, with article counts.
    public var placesInUse: [(place: Place, articles: Int, mentions: Int)] {
        var rows: [(place: Place, articles: Int, mentions: Int)] = []
        let used = Set(articlesInSubtree.keys).union(articlesMentioningPlace.keys)
        for id in used {
            guard let place = places[id] else { continue }
            rows.append((place, articleIndexes(inPlace: id).count, articlesMentioningPlace[id]?.count ?? 0))
        }
        return rows
    }

    /// Initiatives run by the place or a place below it.
    public func initiatives(inPlace id: String) -> [Initiative] {
        let subtree = Set(subtree(ofPlace: id))
        return initiatives.filter { $0.locality.map(subtree.contains) ?? false }
    }
}
