import Analysis
import Archive
import HTTPServer
import JSONValue
import PageParser

/// `GET /articles`, `GET /articles/{id}`, `GET /search`.
enum ArticleEndpoints {
    static let listParameters = ArticleFilters.parameters()
    static let searchParameters = ArticleFilters.parameters()
    static let detailParameters: [ParameterSpec] = [.pretty]

    static func list(exactTotalUpTo: Int) -> Renderer {
        { state, request, reader, context throws(Problem) in try list(state, request, reader, context, exactTotalUpTo: exactTotalUpTo) }
    }

    private static func list(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext,
                             exactTotalUpTo: Int) throws(Problem) -> Rendered {
        let query = try ArticleFilters.read(reader, state: state, exactTotalUpTo: exactTotalUpTo)
        let results = state.findArticles(query) { context.isCancelled }
        return ArticleFilters.envelope(results, query: query, state: state, request: request, pretty: try reader.pretty)
    }

    /// One article in full; a removed article is 410 Gone with a link to its page.
    static func detail(related: (count: Int, candidatesPerEntity: Int)) -> Renderer {
        { state, request, reader, _ throws(Problem) in try detail(state, request, reader, related: related) }
    }

    private static func detail(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader,
                               related: (count: Int, candidatesPerEntity: Int)) throws(Problem) -> Rendered {
        let id = request.parameters["id"] ?? ""
        guard let ref = state.article(id: id) else {
            if let page = state.pageOfGoneArticle(id: id) {
                throw Problem(status: .gone, slug: "gone", detail: "article '\(id)' was removed from page '\(page)'",
                              extra: [("page", .object([("id", .string(page)), ("url", .string(Links.page(page)))]))],
                              headers: ["Link": "<\(Links.page(page))>; rel=\"up\""])
            }
            throw .notFound("no article with id '\(id)'")
        }
        var rendered = Rendered(json: ArticleJSON.full(ref, in: state, related: related), pretty: try reader.pretty)
        rendered.headers.add("Link", "<\(Links.page(ref.page.id))>; rel=\"up\"")
        return rendered
    }

    /// Ranked article hits with highlighted snippets, plus the authors, places, initiatives and
    /// tags whose names start with a word of the query.
    static func search(exactTotalUpTo: Int) -> Renderer {
        { state, request, reader, context throws(Problem) in try search(state, request, reader, context, exactTotalUpTo: exactTotalUpTo) }
    }

    private static func search(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext,
                               exactTotalUpTo: Int) throws(Problem) -> Rendered {
        guard let text = try reader.string("q") else { throw .invalidParameter("q", "'q' is required") }
        var query = try ArticleFilters.read(reader, state: state, exactTotalUpTo: exactTotalUpTo)
        if query.sort == nil { query.sort = .relevance }
        let results = state.findArticles(query) { context.isCancelled }
        let parsed = SearchQuery.parse(text)
        let words = (parsed.terms + parsed.phrases.map { $0.replacingOccurrences(of: " ", with: "") }).filter { !$0.isEmpty }
        let aggregate = state.aggregate
        var authors: [JSON] = []
        var places: [JSON] = []
        var initiatives: [JSON] = []
        var tags: [JSON] = []
        for word in words.prefix(4) {
            authors += aggregate.authors(withNamePrefix: word, limit: 5).map { EntityJSON.author($0) }
            places += aggregate.places.places(withPrefix: word, limit: 5)
                .filter { aggregate.isInUse(place: $0.id) }.map { EntityJSON.place($0, in: aggregate) }
            initiatives += aggregate.initiatives(withPrefix: word, limit: 5).map { EntityJSON.initiative($0) }
            tags += aggregate.tags(withPrefix: word, limit: 10).map { EntityJSON.tag(term: $0.term, articles: $0.articles) }
        }
        return ArticleFilters.envelope(results, query: query, state: state, request: request, pretty: try reader.pretty, extra: [
            ("query", .string(text)),
            ("authors", .array(unique(authors))),
            ("localities", .array(unique(places))),
            ("initiatives", .array(unique(initiatives))),
            ("tags", .array(unique(tags))),
        ])
    }

    /// Entities in first-seen order without repeats (by id).
    static func unique(_ items: [JSON]) -> [JSON] {
        var seen = Set<String>()
        return items.filter { item in
            guard case .string(let id)? = item["id"] else { return true }
            return seen.insert(id).inserted
        }
    }
}
