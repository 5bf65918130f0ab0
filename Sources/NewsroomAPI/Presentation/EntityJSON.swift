import Analysis
import Archive
import JSONValue
import PageParser

/// One summary shape per entity, used wherever the entity is referenced, with relation fields
/// (a byline's `role`, a tag's `score`, a place's `occurrences` in one article) appended where the
/// reference is made. Counts mean the same everywhere: `article_count` is how many articles the
/// entity is linked to (about a place or a place below it, for localities), `mention_count` how
/// many times it is named in all of them.
enum EntityJSON {
    static func author(_ record: AuthorRecord, extra: [(String, JSON)] = []) -> JSON {
        .object([
            ("id", .string(record.id)),
            ("url", .string(Links.author(record.id))),
            ("name", .string(record.name)),
            ("roles", .array(record.roles.map { .string($0.rawValue) })),
            ("organisations", .array(record.organisations.map(JSON.string))),
            ("positions", .array(record.positions.map(JSON.string))),
            ("article_count", .int(record.articleCount)),
        ] + extra)
    }

    static func place(_ place: Place, in aggregate: CorpusAggregate, extra: [(String, JSON)] = []) -> JSON {
        .object([
            ("id", .string(place.id)),
            ("url", .string(Links.locality(place.id))),
            ("name", .string(place.name)),
            ("level", .string(place.level.rawValue)),
            ("parent_id", .optional(place.parent)),
            ("from_gazetteer", .bool(place.fromGazetteer)),
            ("article_count", .int(aggregate.articles(inPlace: place.id).count)),
            ("mention_count", .int(aggregate.mentions(ofPlace: place.id).occurrences)),
        ] + extra)
    }

    static func initiative(_ initiative: Initiative, extra: [(String, JSON)] = []) -> JSON {
        .object([
            ("id", .string(initiative.id)),
            ("url", .string(Links.initiative(initiative.id))),
            ("name", .string(initiative.name)),
            ("aliases", .array(initiative.aliases.map(JSON.string))),
            ("type", .string(initiative.kind.rawValue)),
            ("naming_word", .optional(initiative.namingWord)),
            ("locality_id", .optional(initiative.locality)),
            ("article_count", .int(initiative.articleCount)),
            ("mention_count", .int(initiative.mentionCount)),
        ] + extra)
    }

    static func tag(term: String, articles: Int, extra: [(String, JSON)] = []) -> JSON {
        .object([
            ("id", .string(term)),
            ("url", .string(Links.tag(term))),
            ("name", .string(term)),
            ("article_count", .int(articles)),
        ] + extra)
    }

    /// An embedded, paginated sub-collection: the first few items, how many there are, and where
    /// the rest are.
    static func collection(_ items: [JSON], total: Int, url: String) -> JSON {
        .object([("total", .int(total)), ("url", .string(url)), ("items", .array(items))])
    }
}
