import Analysis
import Archive
import HTTPServer
import JSONValue
import PageParser

/// `GET /articles`, `GET /articles/{id}`, `GET /search`.
enum ArticleEndpoints {
    static let filterParameters: [ParameterSpec] = [
        ParameterSpec(name: "author", description: "Author id.", kind: .string),
        ParameterSpec(name: "locality", description: "Place id (division code such as 430200, or a pattern place's name); articles about it or any place below it.", kind: .string),
        ParameterSpec(name: "initiative", description: "Initiative id.", kind: .string),
        ParameterSpec(name: "tag", description: "Keyword tag.", kind: .string),
        ParameterSpec(name: "kind", description: "Article kind.", kind: .choice(ArticleKind.allCases.map(\.rawValue))),
        ParameterSpec(name: "page_id", description: "Page id.", kind: .string),
    ]

    static let listParameters: [ParameterSpec] = [
        ParameterSpec(name: "q", description: "Full-text query: words are ANDed, \"quoted phrases\" match exactly.", kind: .string),
    ] + filterParameters + [
        ParameterSpec(name: "sort", description: "relevance (default with q; without q it is page order), page (default), -page, title, -title.",
                      kind: .choice(ArticleSort.allCases.map(\.rawValue))),
        .page, .perPage, .pretty,
    ]

    static let searchParameters: [ParameterSpec] = [
        ParameterSpec(name: "q", description: "Full-text query (required).", kind: .string),
    ] + filterParameters + [.page, .perPage, .pretty]

    /// Reads the filters. A filter naming an entity the archive does not hold (an author id no
    /// article has) is not malformed: it simply matches nothing, as GitHub's label filters do.
    static func query(_ reader: QueryReader, snapshot: ArchiveSnapshot) throws(Problem) -> ArticleQuery {
        var query = ArticleQuery()
        query.text = try reader.string("q")
        query.author = try reader.string("author")
        query.locality = try reader.string("locality")
        query.initiative = try reader.string("initiative")
        query.tag = try reader.string("tag")
        query.kind = try reader.choice("kind", ArticleKind.self)
        query.pageID = try reader.string("page_id")
        return query
    }

    static func list(_ snapshot: ArchiveSnapshot, _ request: HTTPRequest, _ reader: QueryReader) throws(Problem) -> Rendered {
        var query = try query(reader, snapshot: snapshot)
        query.sort = try reader.choice("sort", ArticleSort.self)
        let pagination = try Pagination(reader)
        query.page = pagination.page
        query.perPage = pagination.perPage
        let results = snapshot.findArticles(query)
        let items = results.items.map { record in
            ArticleJSON.summary(record, in: snapshot, extra: searchExtras(record, results: results, snapshot: snapshot))
        }
        return pagination.envelope(items, total: results.total, request: request)
    }

    static func detail(_ snapshot: ArchiveSnapshot, _ request: HTTPRequest, _ reader: QueryReader) throws(Problem) -> Rendered {
        let id = request.parameters["id"] ?? ""
        guard let record = snapshot.article(id: id) else { throw .notFound("no article with id '\(id)'") }
        return Rendered(json: ArticleJSON.full(record, in: snapshot))
    }

    /// Ranked article hits with highlighted snippets, plus the authors, initiatives and tags whose
    /// names match the query.
    static func search(_ snapshot: ArchiveSnapshot, _ request: HTTPRequest, _ reader: QueryReader) throws(Problem) -> Rendered {
        guard let text = try reader.string("q") else { throw .invalidParameter("q", "'q' is required") }
        var query = try query(reader, snapshot: snapshot)
        query.sort = .relevance
        let pagination = try Pagination(reader)
        query.page = pagination.page
        query.perPage = pagination.perPage
        let results = snapshot.findArticles(query)
        let items = results.items.map { record in
            ArticleJSON.summary(record, in: snapshot, extra: searchExtras(record, results: results, snapshot: snapshot))
        }
        let needles = searchNeedles(text)
        func matches(_ name: String) -> Bool { needles.contains { name.localizedLowercase.contains($0) } }
        let authors = snapshot.authors.filter { matches($0.name) }.prefix(10).map(AuthorJSON.summary)
        let initiatives = snapshot.initiatives.filter { initiative in
            matches(initiative.name) || initiative.aliases.contains(where: matches)
        }.prefix(10).map { InitiativeJSON.summary($0, in: snapshot) }
        let tags = snapshot.tags.filter { matches($0.term) }.prefix(20).map { tag in
            JSON.object([("term", .string(tag.term)), ("articles", .int(tag.articles))])
        }
        return pagination.envelope(items, total: results.total, request: request, extra: [
            ("query", .string(text)),
            ("authors", .array(Array(authors))),
            ("initiatives", .array(Array(initiatives))),
            ("tags", .array(Array(tags))),
        ])
    }

    /// Words and phrases of a query, for matching entity names (at least two characters each, or
    /// a single ideograph).
    static func searchNeedles(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\"" || $0 == "“" || $0 == "”" })
            .map { String($0).localizedLowercase }
            .filter { !$0.isEmpty }
    }

    private static func searchExtras(_ record: ArticleRecord, results: ArticleResults, snapshot: ArchiveSnapshot) -> [(String, JSON)] {
        guard let query = results.searchQuery else { return [] }
        let snippet = snapshot.searchIndex.snippet(doc: record.index, query: query)
        let titleHighlights = record.article.title.map { snapshot.searchIndex.highlights(in: $0, query: query) } ?? []
        return [
            ("score", .double(((results.scores[record.index] ?? 0) * 1000).rounded() / 1000)),
            ("snippet", .object([
                ("text", .string(snippet.text)),
                ("highlights", .array(snippet.highlights.map { .array([.int($0.utf16Range.lowerBound), .int($0.utf16Range.upperBound)]) })),
            ])),
            ("title_highlights", .array(titleHighlights.map { .array([.int($0.utf16Range.lowerBound), .int($0.utf16Range.upperBound)]) })),
        ]
    }
}
