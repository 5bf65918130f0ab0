import Analysis
import Archive
import HTTPServer
import JSONValue
import PageParser

enum AuthorJSON {
    static func summary(_ author: AuthorRecord) -> JSON {
        .object([
            ("id", .string(author.id)),
            ("url", .string("/api/v1/authors/" + percentEncodePathSegment(author.id))),
            ("name", .string(author.name)),
            ("roles", .array(author.roles.map { .string($0.rawValue) })),
            ("organisations", .array(author.organisations.map(JSON.string))),
            ("positions", .array(author.positions.map(JSON.string))),
            ("article_count", .int(author.articleIDs.count)),
        ])
    }
}

enum InitiativeJSON {
    static func summary(_ initiative: Initiative, in snapshot: ArchiveSnapshot) -> JSON {
        .object([
            ("id", .string(initiative.id)),
            ("url", .string("/api/v1/initiatives/" + percentEncodePathSegment(initiative.id))),
            ("name", .string(initiative.name)),
            ("aliases", .array(initiative.aliases.map(JSON.string))),
            ("type", .optional(initiative.type)),
            ("locality", ArticleJSON.place(initiative.locality, in: snapshot)),
            ("mentions", .int(initiative.mentionCount)),
            ("article_count", .int(initiative.mentions.count)),
        ])
    }
}

enum PlaceJSON {
    static func summary(_ place: Place, articles: Int, mentions: Int) -> JSON {
        .object([
            ("id", .string(place.id)),
            ("url", .string("/api/v1/localities/" + percentEncodePathSegment(place.id))),
            ("name", .string(place.name)),
            ("level", .string(place.level.rawValue)),
            ("parent", .optional(place.parent)),
            ("article_count", .int(articles)),
            ("mention_count", .int(mentions)),
        ])
    }

    static func reference(_ place: Place) -> JSON {
        .object([("id", .string(place.id)), ("name", .string(place.name)), ("level", .string(place.level.rawValue))])
    }
}

/// `GET /authors`, `/localities`, `/initiatives`, `/tags` and their detail endpoints.
enum EntityEndpoints {
    static let authorListParameters: [ParameterSpec] = [
        ParameterSpec(name: "q", description: "Part of the author's name.", kind: .string), .page, .perPage, .pretty,
    ]
    static let localityListParameters: [ParameterSpec] = [
        ParameterSpec(name: "level", description: "Administrative level.", kind: .choice(PlaceLevel.allCases.map(\.rawValue))),
        ParameterSpec(name: "parent", description: "Only places directly below this place id.", kind: .string),
        .page, .perPage, .pretty,
    ]
    static let initiativeListParameters: [ParameterSpec] = [
        ParameterSpec(name: "locality", description: "Place id (division code such as 430200, or a pattern place's name); initiatives run there or below.", kind: .string),
        ParameterSpec(name: "q", description: "Part of the initiative's name.", kind: .string),
        .page, .perPage, .pretty,
    ]
    static let tagListParameters: [ParameterSpec] = [
        ParameterSpec(name: "sort", description: "count (default), -count, name, -name.", kind: .choice(TagSort.allCases.map(\.rawValue))),
        .page, .perPage, .pretty,
    ]
    static let detailParameters: [ParameterSpec] = [.pretty]
    static let pagedDetailParameters: [ParameterSpec] = [.page, .perPage, .pretty]

    enum TagSort: String, CaseIterable {
        case count, reverseCount = "-count", name, reverseName = "-name"
    }

    static func authors(_ snapshot: ArchiveSnapshot, _ request: HTTPRequest, _ reader: QueryReader) throws(Problem) -> Rendered {
        let pagination = try Pagination(reader)
        var authors = snapshot.authors
        if let q = try reader.string("q") { authors = authors.filter { $0.name.contains(q) } }
        return pagination.envelope(pagination.slice(authors).map(AuthorJSON.summary), total: authors.count, request: request)
    }

    static func author(_ snapshot: ArchiveSnapshot, _ request: HTTPRequest, _ reader: QueryReader) throws(Problem) -> Rendered {
        let id = request.parameters["id"] ?? ""
        guard let author = snapshot.author(id: id) else { throw .notFound("no author with id '\(id)'") }
        guard case .object(var fields) = AuthorJSON.summary(author) else { return Rendered(json: .null) }
        fields.append(("articles", .array(snapshot.articles(ofAuthor: id).map { ArticleJSON.summary($0, in: snapshot) })))
        return Rendered(json: .object(fields))
    }

    static func localities(_ snapshot: ArchiveSnapshot, _ request: HTTPRequest, _ reader: QueryReader) throws(Problem) -> Rendered {
        let pagination = try Pagination(reader)
        var rows = snapshot.placesInUse
        if let level = try reader.choice("level", PlaceLevel.self) { rows = rows.filter { $0.place.level == level } }
        if let parent = try reader.string("parent") { rows = rows.filter { $0.place.parent == parent } }
        rows.sort { a, b in
            if a.articles != b.articles { return a.articles > b.articles }
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            return a.place.id < b.place.id
        }
        let items = pagination.slice(rows).map { PlaceJSON.summary($0.place, articles: $0.articles, mentions: $0.mentions) }
        return pagination.envelope(items, total: rows.count, request: request)
    }

    static func locality(_ snapshot: ArchiveSnapshot, _ request: HTTPRequest, _ reader: QueryReader) throws(Problem) -> Rendered {
        let id = request.parameters["id"] ?? ""
        guard let place = snapshot.place(id: id) else { throw .notFound("no locality with id '\(id)'") }
        let articles = snapshot.articles(inPlace: id)
        let mentions = snapshot.placesInUse.first { $0.place.id == id }?.mentions ?? 0
        guard case .object(var fields) = PlaceJSON.summary(place, articles: articles.count, mentions: mentions) else {
            return Rendered(json: .null)
        }
        fields.removeAll { $0.0 == "parent" }
        fields += [
            ("parent", snapshot.place(id: place.parent ?? "").map(PlaceJSON.reference) ?? .null),
            ("ancestors", .array(snapshot.ancestors(ofPlace: id).map(PlaceJSON.reference))),
            ("children", .array(snapshot.children(ofPlace: id).map(PlaceJSON.reference))),
            ("from_gazetteer", .bool(place.fromGazetteer)),
            ("articles", .array(articles.map { ArticleJSON.summary($0, in: snapshot) })),
            ("initiatives", .array(snapshot.initiatives(inPlace: id).map { InitiativeJSON.summary($0, in: snapshot) })),
        ]
        return Rendered(json: .object(fields))
    }

    static func initiatives(_ snapshot: ArchiveSnapshot, _ request: HTTPRequest, _ reader: QueryReader) throws(Problem) -> Rendered {
        let pagination = try Pagination(reader)
        var initiatives = snapshot.initiatives
        if let locality = try reader.string("locality") {
            let ids = Set(snapshot.initiatives(inPlace: locality).map(\.id))
            initiatives = initiatives.filter { ids.contains($0.id) }
        }
        if let q = try reader.string("q") {
            initiatives = initiatives.filter { $0.name.contains(q) || $0.aliases.contains { $0.contains(q) } }
        }
        let items = pagination.slice(initiatives).map { InitiativeJSON.summary($0, in: snapshot) }
        return pagination.envelope(items, total: initiatives.count, request: request)
    }

    static func initiative(_ snapshot: ArchiveSnapshot, _ request: HTTPRequest, _ reader: QueryReader) throws(Problem) -> Rendered {
        let id = request.parameters["id"] ?? ""
        guard let initiative = snapshot.initiative(id: id) else { throw .notFound("no initiative with id '\(id)'") }
        guard case .object(var fields) = InitiativeJSON.summary(initiative, in: snapshot) else { return Rendered(json: .null) }
        fields.append(("mentions_in_context", .array(initiative.mentions.map { mention in
            .object([
                ("article", .object([
                    ("id", .string(mention.article)),
                    ("title", .optional(snapshot.article(id: mention.article)?.article.title)),
                ])),
                ("count", .int(mention.count)),
                ("context", .string(mention.context)),
            ])
        })))
        fields.append(("articles", .array(snapshot.articles(withInitiative: id).map { ArticleJSON.summary($0, in: snapshot) })))
        return Rendered(json: .object(fields))
    }

    static func tags(_ snapshot: ArchiveSnapshot, _ request: HTTPRequest, _ reader: QueryReader) throws(Problem) -> Rendered {
        let pagination = try Pagination(reader)
        var tags = snapshot.tags
        switch try reader.choice("sort", TagSort.self) ?? .count {
        case .count: break  // the snapshot's order: most articles first, then by term
        case .reverseCount: tags.sort { $0.articles != $1.articles ? $0.articles < $1.articles : $0.term < $1.term }
        case .name: tags.sort { $0.term < $1.term }
        case .reverseName: tags.sort { $0.term > $1.term }
        }
        let items = pagination.slice(tags).map { tag in
            JSON.object([("term", .string(tag.term)), ("url", .string("/api/v1/tags/" + percentEncodePathSegment(tag.term))),
                         ("articles", .int(tag.articles))])
        }
        return pagination.envelope(items, total: tags.count, request: request)
    }

    static func tag(_ snapshot: ArchiveSnapshot, _ request: HTTPRequest, _ reader: QueryReader) throws(Problem) -> Rendered {
        let term = request.parameters["tag"] ?? ""
        guard snapshot.tag(term: term) != nil else { throw .notFound("no tag '\(term)'") }
        let pagination = try Pagination(reader)
        let articles = snapshot.articles(withTag: term)
        let items = pagination.slice(articles).map { ArticleJSON.summary($0, in: snapshot) }
        return pagination.envelope(items, total: articles.count, request: request, extra: [("term", .string(term))])
    }
}
