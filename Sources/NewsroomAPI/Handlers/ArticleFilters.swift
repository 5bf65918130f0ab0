import Analysis
import Archive
import HTTPServer
import JSONValue
import PageParser

/// The filters, dates and sorts every article list takes (`/articles`, search, feeds and each
/// entity's `/articles` sub-collection), and how names in them resolve to ids.
enum ArticleFilters {
    static let text = ParameterSpec(
        name: "q", kind: .string, example: "志愿服务",
        description: """
        Full-text query. Words separated by spaces must all match; "quoted text" must occur as written \
        (punctuation and spacing inside are free); `A OR B` matches either side; `-word` or `-"phrase"` \
        excludes matches. Chinese is matched by character pairs, so no word segmentation is needed; an \
        unquoted run of three or more characters ranks higher where it occurs contiguously.
        """)

    static let entityFilters: [ParameterSpec] = [
        ParameterSpec(name: "author", description: "Author id, or a name (resolved to the id; an ambiguous name is a 400 listing the candidates).",
                      kind: .string, example: "李龙山"),
        ParameterSpec(name: "locality", description: "Place id (division code), or a name or short form (株洲 → 430200); articles about it or any place below it.",
                      kind: .string, example: "株洲"),
        ParameterSpec(name: "initiative", description: "Initiative id, or any of its spellings.", kind: .string, example: "六单工作法"),
        ParameterSpec(name: "tag", description: "Keyword tag (its id is the term).", kind: .string, example: "志愿服务"),
        ParameterSpec(name: "kind", description: "Article kind.", kind: .choice(ArticleKind.allCases.map(\.rawValue)), example: "news"),
        ParameterSpec(name: "page_id", description: "Page id: only that page's articles.", kind: .pattern(ParameterSpec.pageIDPattern),
                      example: "003_1eed3ba100fbfa73"),
    ]

    static let dateFilters: [ParameterSpec] = [
        ParameterSpec(name: "from", description: "Earliest edition date, inclusive (YYYY-MM-DD). Undated articles are left out when a range is given.",
                      kind: .date, example: "2023-10-01"),
        ParameterSpec(name: "to", description: "Latest edition date, inclusive (YYYY-MM-DD).", kind: .date, example: "2023-10-31"),
    ]

    static let sort = ParameterSpec(
        name: "sort", kind: .choice(ArticleSort.allCases.map(\.rawValue)), example: "-date",
        description: "-date: newest edition first (the default without q); date: oldest first; relevance: best match first (the default with q). Undated articles come after dated ones either way, by when their page arrived.")

    /// The parameters of a list; `fixed` names the filter the path already sets (an entity's articles).
    static func parameters(fixed: String? = nil, requireText: Bool = false) -> [ParameterSpec] {
        [text] + entityFilters.filter { $0.name != fixed } + dateFilters + [sort, .page, .perPage, .pretty]
    }

    /// Reads the query, resolving names to ids. A relevance search counts `exactTotalUpTo`
    /// matches exactly; past that its total may be a lower bound.
    static func read(_ reader: QueryReader, state: ArchiveState, exactTotalUpTo: Int = .max) throws(Problem) -> ArticleQuery {
        var query = ArticleQuery()
        query.exactTotalUpTo = exactTotalUpTo
        query.text = try reader.string("q")
        let aggregate = state.aggregate
        if let author = try reader.string("author") { query.author = try resolveAuthor(author, in: aggregate) }
        if let locality = try reader.string("locality") { query.locality = try resolveLocality(locality, in: aggregate) }
        if let initiative = try reader.string("initiative") {
            query.initiative = aggregate.initiative(id: initiative)?.id ?? aggregate.initiative(named: initiative)?.id ?? initiative
        }
        query.tag = try reader.string("tag")
        query.kind = try reader.choice("kind", ArticleKind.self)
        query.pageID = try reader.string("page_id")
        // A well-formed id of no page matches nothing; a malformed one is a mistake worth a 400.
        if let pageID = query.pageID, !isValidPageID(pageID) {
            throw .invalidParameter("page_id", "'page_id' must be a page id (1-64 letters, digits, '-', '_' or '.'), not '\(pageID)'")
        }
        // A `to` before `from` is an empty range, not an error: both are well-formed dates.
        query.from = try date(reader, "from")
        query.to = try date(reader, "to")
        query.sort = try reader.choice("sort", ArticleSort.self)
        let pagination = try Pagination(reader)
        query.page = pagination.page
        query.perPage = pagination.perPage
        return query
    }

    static func date(_ reader: QueryReader, _ name: String) throws(Problem) -> EditionDate? {
        guard let raw = try reader.string(name) else { return nil }
        guard let date = EditionDate(raw) else {
            throw .invalidParameter(name, "'\(name)' must be a date YYYY-MM-DD from 1800 on, not '\(raw)'")
        }
        return date
    }

    /// An author id, or a name that one author record has. A name several records share is a 400
    /// listing them; a name nobody has matches nothing.
    static func resolveAuthor(_ value: String, in aggregate: CorpusAggregate) throws(Problem) -> String {
        if aggregate.author(id: value) != nil { return value }
        let named = aggregate.authors(withNamePrefix: value, limit: 50).filter { $0.name == value }
        if named.count == 1 { return named[0].id }
        if named.count > 1 {
            throw ambiguous("author", value, candidates: named.map { EntityJSON.author($0) })
        }
        return value
    }

    /// A place id, or a name or short form. Among several readings, the one articles are about
    /// wins if only one is; otherwise a 400 lists them.
    static func resolveLocality(_ value: String, in aggregate: CorpusAggregate) throws(Problem) -> String {
        let ids = aggregate.places.ids(named: value)
        if ids.count == 1 { return ids[0] }
        if ids.count > 1 {
            let used = ids.filter { !aggregate.articles(inPlace: $0).isEmpty }
            if used.count == 1 { return used[0] }
            throw ambiguous("locality", value, candidates: ids.compactMap { aggregate.places[$0] }.map { EntityJSON.place($0, in: aggregate) })
        }
        return value
    }

    static func ambiguous(_ parameter: String, _ value: String, candidates: [JSON]) -> Problem {
        Problem(status: .badRequest, slug: "ambiguous-name",
                detail: "'\(value)' names \(candidates.count) \(parameter == "author" ? "authors" : "places"); give one of their ids",
                parameter: parameter, extra: [("candidates", .array(candidates))])
    }

    /// The page of results as the list envelope, each hit with its snippet when there was text.
    static func envelope(_ results: ArticleResults, query: ArticleQuery, state: ArchiveState, request: HTTPRequest,
                         pretty: Bool, extra: [(String, JSON)] = []) -> Rendered {
        let items = results.items.map { ref -> JSON in
            // Decoded once for both the summary and the title's highlights.
            guard let article = state.articleSummary(ref) else { return .null }
            return .object(ArticleJSON.summaryFields(ref, article) + searchExtras(ref, title: article.title, results: results, state: state))
        }
        return Pagination(page: query.page, perPage: query.perPage)
            .envelope(items, total: results.total, relation: results.totalIsExact ? .exact : .atLeast, request: request,
                      pretty: pretty, extra: extra)
    }

    static func searchExtras(_ ref: ArchiveState.ArticleRef, title: String?, results: ArticleResults,
                             state: ArchiveState) -> [(String, JSON)] {
        guard let query = results.searchQuery else { return [] }
        let snippet = state.search.snippet(doc: ref.slot, query: query)
        let titleHighlights = title.map { state.search.highlights(in: $0, query: query) } ?? []
        return [
            ("score", .double(((results.scores[ref.slot] ?? 0) * 1000).rounded() / 1000)),
            ("snippet", .object([
                ("text", .string(snippet.text)),
                ("highlights", .array(snippet.highlights.map { .array([.int($0.utf16Range.lowerBound), .int($0.utf16Range.upperBound)]) })),
            ])),
            ("title_highlights", .array(titleHighlights.map { .array([.int($0.utf16Range.lowerBound), .int($0.utf16Range.upperBound)]) })),
        ]
    }
}
