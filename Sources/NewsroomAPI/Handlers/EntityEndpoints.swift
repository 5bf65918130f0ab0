import Analysis
import Archive
import HTTPServer
import JSONValue
import PageParser

/// Authors, localities, initiatives and tags: lists (ranked, or by name prefix for autocomplete),
/// details (with their first articles and links to the rest) and article sub-collections.
enum EntityEndpoints {
    static let prefix = ParameterSpec(name: "q", description: "Name prefix or alias, for autocomplete (株洲 finds 株洲市).",
                                      kind: .string, example: "株洲")
    static let authorListParameters: [ParameterSpec] = [prefix, .page, .perPage, .pretty]
    static let localityListParameters: [ParameterSpec] = [
        prefix,
        ParameterSpec(name: "level", description: "Administrative level.", kind: .choice(PlaceLevel.allCases.map(\.rawValue)), example: "city"),
        ParameterSpec(name: "parent", description: "Only places directly below this place id (browse the tree).", kind: .string, example: "430000"),
        .page, .perPage, .pretty,
    ]
    static let initiativeListParameters: [ParameterSpec] = [
        prefix,
        ParameterSpec(name: "locality", description: "Place id or name; initiatives run there or below.", kind: .string, example: "株洲"),
        ParameterSpec(name: "type", description: "Only initiatives of this type (slogan: national formulas, and names used in two provinces).",
                      kind: .choice(InitiativeKind.allCases.map(\.rawValue)), example: "mechanism"),
        .page, .perPage, .pretty,
    ]
    static let tagListParameters: [ParameterSpec] = [
        prefix,
        ParameterSpec(name: "sort", description: "count (default: most articles first), -count, name, -name.",
                      kind: .choice(TagSort.allCases.map(\.rawValue)), example: "count"),
        .page, .perPage, .pretty,
    ]
    static let detailParameters: [ParameterSpec] = [.pretty]
    /// How many articles an entity's detail embeds before linking to the full list.
    static let embeddedArticles = 5

    enum TagSort: String, CaseIterable {
        case count, reverseCount = "-count", name, reverseName = "-name"
    }

    // MARK: - Authors

    static func authors(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext) throws(Problem) -> Rendered {
        let pagination = try Pagination(reader)
        let aggregate = state.aggregate
        if let q = try reader.string("q") {
            let matches = aggregate.authors(withNamePrefix: q, limit: 10_000)
            return pagination.envelope(pagination.slice(matches).map { EntityJSON.author($0) }, total: matches.count,
                                       request: request, pretty: try reader.pretty)
        }
        let rows = aggregate.rankedAuthors(offset: pagination.offset, limit: pagination.perPage)
        return pagination.envelope(rows.map { EntityJSON.author($0) }, total: aggregate.authorCount, request: request,
                                   pretty: try reader.pretty)
    }

    static func author(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext) throws(Problem) -> Rendered {
        let record = try requireAuthor(state, request)
        var query = ArticleQuery()
        query.author = record.id
        return Rendered(json: EntityJSON.author(record, extra: [
            ("articles", firstArticles(query, state: state, url: Links.author(record.id) + "/articles")),
        ]), pretty: try reader.pretty)
    }

    static func requireAuthor(_ state: ArchiveState, _ request: HTTPRequest) throws(Problem) -> AuthorRecord {
        let id = request.parameters["id"] ?? ""
        guard let record = state.aggregate.author(id: id) else { throw .notFound("no author with id '\(id)'") }
        return record
    }

    // MARK: - Localities

    static func localities(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext) throws(Problem) -> Rendered {
        let pagination = try Pagination(reader)
        let aggregate = state.aggregate
        let level = try reader.choice("level", PlaceLevel.self)
        var candidates: [Place]?
        if let q = try reader.string("q") {
            candidates = aggregate.places.places(withPrefix: q, limit: 1000).filter { aggregate.isInUse(place: $0.id) }
        }
        if let parent = try reader.string("parent") {
            let id = try ArticleFilters.resolveLocality(parent, in: aggregate)
            let children = aggregate.places.children(of: id).filter { aggregate.isInUse(place: $0.id) }
            candidates = candidates.map { list in list.filter { place in children.contains { $0.id == place.id } } } ?? children
        }
        if var candidates {
            if let level { candidates = candidates.filter { $0.level == level } }
            candidates.sort { a, b in
                let x = aggregate.usage(ofPlace: a.id) ?? (0, 0)
                let y = aggregate.usage(ofPlace: b.id) ?? (0, 0)
                return (x.articles, x.mentions) != (y.articles, y.mentions) ? (x.articles, x.mentions) > (y.articles, y.mentions) : a.id < b.id
            }
            return pagination.envelope(pagination.slice(candidates).map { EntityJSON.place($0, in: aggregate) }, total: candidates.count,
                                       request: request, pretty: try reader.pretty)
        }
        if let level {
            // Places in use are far fewer than places; filtering them by level reads each once.
            let all = aggregate.rankedPlaces(offset: 0, limit: .max).filter { $0.place.level == level }
            return pagination.envelope(pagination.slice(all).map { EntityJSON.place($0.place, in: aggregate) }, total: all.count,
                                       request: request, pretty: try reader.pretty)
        }
        let rows = aggregate.rankedPlaces(offset: pagination.offset, limit: pagination.perPage)
        return pagination.envelope(rows.map { EntityJSON.place($0.place, in: aggregate) }, total: aggregate.placesInUseCount,
                                   request: request, pretty: try reader.pretty)
    }

    static func locality(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext) throws(Problem) -> Rendered {
        let place = try requirePlace(state, request)
        let aggregate = state.aggregate
        let places = aggregate.places
        var query = ArticleQuery()
        query.locality = place.id
        let children = places.children(of: place.id).filter { aggregate.isInUse(place: $0.id) }
        let initiatives = aggregate.rankedInitiatives(inPlace: place.id, offset: 0, limit: 10)
        return Rendered(json: EntityJSON.place(place, in: aggregate, extra: [
            ("parent", place.parent.flatMap { places[$0] }.map { EntityJSON.place($0, in: aggregate) } ?? .null),
            ("ancestors", .array(places.ancestors(of: place.id).compactMap { places[$0] }.map { EntityJSON.place($0, in: aggregate) })),
            ("children", EntityJSON.collection(children.prefix(50).map { EntityJSON.place($0, in: aggregate) }, total: children.count,
                                               url: Links.base + "/localities?parent=" + percentEncode(place.id))),
            ("mentioning_article_count", .int(aggregate.mentions(ofPlace: place.id).articles.count)),
            ("initiatives", EntityJSON.collection(initiatives.map { EntityJSON.initiative($0) }, total: aggregate.initiativeCount(inPlace: place.id),
                                                  url: Links.base + "/initiatives?locality=" + percentEncode(place.id))),
            ("articles", firstArticles(query, state: state, url: Links.locality(place.id) + "/articles")),
        ]), pretty: try reader.pretty)
    }

    static func requirePlace(_ state: ArchiveState, _ request: HTTPRequest) throws(Problem) -> Place {
        let id = request.parameters["id"] ?? ""
        guard let place = state.aggregate.places[id] else { throw .notFound("no locality with id '\(id)'") }
        return place
    }

    // MARK: - Initiatives

    static func initiatives(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext) throws(Problem) -> Rendered {
        let pagination = try Pagination(reader)
        let aggregate = state.aggregate
        var list: [Initiative]?
        let locality = try reader.string("locality").map { value throws(Problem) in try ArticleFilters.resolveLocality(value, in: aggregate) }
        let kind = try reader.choice("type", InitiativeKind.self)
        func runsIn(_ place: String) -> (Initiative) -> Bool {
            { initiative in initiative.locality.map { $0 == place || aggregate.places.isAncestor(place, of: $0) } ?? false }
        }
        if let q = try reader.string("q") {
            var matches = aggregate.initiatives(withPrefix: q, limit: 1000)
            if let locality { matches = matches.filter(runsIn(locality)) }
            if let kind { matches = matches.filter { $0.kind == kind } }
            list = matches
        } else if let locality, let kind {
            // Both: the place's ranked list, filtered (a walk over the place's initiatives).
            var matches: [Initiative] = []
            var offset = 0
            while true {
                let rows = aggregate.rankedInitiatives(inPlace: locality, offset: offset, limit: 500)
                matches += rows.filter { $0.kind == kind }
                if rows.count < 500 { break }
                offset += rows.count
            }
            list = matches
        } else if let locality {
            // Ranked within the place by the index: a page of a province's thousands, not a sort of them all.
            let rows = aggregate.rankedInitiatives(inPlace: locality, offset: pagination.offset, limit: pagination.perPage)
            return pagination.envelope(rows.map { EntityJSON.initiative($0) }, total: aggregate.initiativeCount(inPlace: locality),
                                       request: request, pretty: try reader.pretty)
        } else if let kind {
            let rows = aggregate.rankedInitiatives(ofKind: kind, offset: pagination.offset, limit: pagination.perPage)
            return pagination.envelope(rows.map { EntityJSON.initiative($0) }, total: aggregate.initiativeCount(ofKind: kind),
                                       request: request, pretty: try reader.pretty)
        }
        if let list {
            return pagination.envelope(pagination.slice(list).map { EntityJSON.initiative($0) }, total: list.count,
                                       request: request, pretty: try reader.pretty)
        }
        let rows = aggregate.rankedInitiatives(offset: pagination.offset, limit: pagination.perPage)
        return pagination.envelope(rows.map { EntityJSON.initiative($0) }, total: aggregate.initiativeCount, request: request,
                                   pretty: try reader.pretty)
    }

    static func initiative(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext) throws(Problem) -> Rendered {
        let initiative = try requireInitiative(state, request)
        let aggregate = state.aggregate
        var query = ArticleQuery()
        query.initiative = initiative.id
        query.perPage = embeddedArticles
        let first = state.findArticles(query)
        let mentions: [JSON] = first.items.compactMap { ref in
            guard let analysis = state.analysis(slot: ref.slot) else { return nil }
            let quotes = analysis.quotes.filter { initiative.keys.contains($0.key) }
            return .object([
                ("article", ArticleJSON.summary(ref, in: state)),
                ("occurrences", .int(quotes.reduce(0) { $0 + $1.uses })),
                ("context", .optional(quotes.first?.context)),
            ])
        }
        return Rendered(json: EntityJSON.initiative(initiative, extra: [
            ("locality", initiative.locality.flatMap { aggregate.places[$0] }.map { EntityJSON.place($0, in: aggregate) } ?? .null),
            ("mentions", EntityJSON.collection(mentions, total: first.total, url: Links.initiative(initiative.id) + "/articles")),
        ]), pretty: try reader.pretty)
    }

    static func requireInitiative(_ state: ArchiveState, _ request: HTTPRequest) throws(Problem) -> Initiative {
        let id = request.parameters["id"] ?? ""
        guard let initiative = state.aggregate.initiative(id: id) ?? state.aggregate.initiative(named: id) else {
            throw .notFound("no initiative with id '\(id)'")
        }
        return initiative
    }

    // MARK: - Tags

    static func tags(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext) throws(Problem) -> Rendered {
        let pagination = try Pagination(reader)
        let aggregate = state.aggregate
        let sort = try reader.choice("sort", TagSort.self) ?? .count
        if let q = try reader.string("q") {
            let rows = aggregate.tags(withPrefix: q, offset: pagination.offset, limit: pagination.perPage)
            return pagination.envelope(rows.map { EntityJSON.tag(term: $0.term, articles: $0.articles) },
                                       total: aggregate.tagCount(withPrefix: q), request: request, pretty: try reader.pretty)
        }
        let rows: [(term: String, articles: Int)]
        switch sort {
        case .count: rows = aggregate.rankedTags(offset: pagination.offset, limit: pagination.perPage)
        case .reverseCount: rows = aggregate.rankedTags(offset: pagination.offset, limit: pagination.perPage, reversed: true)
        case .name: rows = aggregate.tagsByName(offset: pagination.offset, limit: pagination.perPage)
        case .reverseName: rows = aggregate.tagsByName(offset: pagination.offset, limit: pagination.perPage, reversed: true)
        }
        return pagination.envelope(rows.map { EntityJSON.tag(term: $0.term, articles: $0.articles) }, total: aggregate.tagCount,
                                   request: request, pretty: try reader.pretty)
    }

    static func tag(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext) throws(Problem) -> Rendered {
        let term = try requireTag(state, request)
        var query = ArticleQuery()
        query.tag = term
        return Rendered(json: EntityJSON.tag(term: term, articles: state.aggregate.articleCount(ofTag: term), extra: [
            ("articles", firstArticles(query, state: state, url: Links.tag(term) + "/articles")),
        ]), pretty: try reader.pretty)
    }

    static func requireTag(_ state: ArchiveState, _ request: HTTPRequest) throws(Problem) -> String {
        let term = request.parameters["id"] ?? ""
        guard state.aggregate.articleCount(ofTag: term) > 0 else { throw .notFound("no tag '\(term)'") }
        return term
    }

    // MARK: - Shared

    /// The newest few articles of a query, with the total and the link to all of them.
    static func firstArticles(_ query: ArticleQuery, state: ArchiveState, url: String) -> JSON {
        var query = query
        query.perPage = embeddedArticles
        let results = state.findArticles(query)
        return EntityJSON.collection(results.items.map { ArticleJSON.summary($0, in: state) }, total: results.total, url: url)
    }

    /// `GET /{entities}/{id}/articles`: the entity's articles, with every filter and sort of
    /// `/articles` except the one the path sets.
    static func articles(setting filter: String, _ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader,
                         _ context: RequestContext, exactTotalUpTo: Int) throws(Problem) -> Rendered {
        var query = try ArticleFilters.read(reader, state: state, exactTotalUpTo: exactTotalUpTo)
        switch filter {
        case "author": query.author = try requireAuthor(state, request).id
        case "locality": query.locality = try requirePlace(state, request).id
        case "initiative": query.initiative = try requireInitiative(state, request).id
        case "tag": query.tag = try requireTag(state, request)
        case "page_id":
            let id = request.parameters["id"] ?? ""
            guard state.page(id: id) != nil else { throw .notFound("no page with id '\(id)'") }
            query.pageID = id
        default: break
        }
        let results = state.findArticles(query) { context.isCancelled }
        return ArticleFilters.envelope(results, query: query, state: state, request: request, pretty: try reader.pretty)
    }
}
