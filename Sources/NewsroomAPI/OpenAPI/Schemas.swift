import JSONValue

/// JSON Schemas (2020-12, as OpenAPI 3.1 uses) of every body the API returns. Objects are closed
/// (`additionalProperties: false`) so that a response drifting from its description fails
/// schema checks instead of passing silently.
enum Schemas {
    static let string = JSON.object([("type", .string("string"))])
    static let nullableString = JSON.object([("type", .array([.string("string"), .string("null")]))])
    static let integer = JSON.object([("type", .string("integer"))])
    static let count = JSON.object([("type", .string("integer")), ("minimum", .int(0))])
    static let number = JSON.object([("type", .string("number"))])
    static let boolean = JSON.object([("type", .string("boolean"))])
    static let strings = array(string)

    static func ref(_ name: String) -> JSON { .object([("$ref", .string("#/components/schemas/\(name)"))]) }
    static func array(_ items: JSON) -> JSON { .object([("type", .string("array")), ("items", items)]) }
    static func nullable(_ schema: JSON) -> JSON { .object([("anyOf", .array([schema, .object([("type", .string("null"))])]))]) }
    static func enumeration(_ values: [String]) -> JSON { .object([("type", .string("string")), ("enum", .array(values.map(JSON.string)))]) }

    static func object(_ properties: [(String, JSON)], optional: Set<String> = []) -> JSON {
        .object([
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("required", .array(properties.map(\.0).filter { !optional.contains($0) }.map(JSON.string))),
            ("additionalProperties", .bool(false)),
        ])
    }

    static let kinds = ["theory", "news", "digest", "editorial"]
    static let roles = ["author", "reporter", "correspondent", "photographer", "intern", "editor"]
    static let levels = ["province", "city", "district", "county", "street", "community"]
    static let highlights = array(.object([("type", .string("array")), ("items", integer), ("minItems", .int(2)), ("maxItems", .int(2))]))

    static func envelope(_ item: String, extra: [(String, JSON)] = []) -> JSON {
        object([("items", array(ref(item))), ("total", count), ("page", integer), ("per_page", integer)] + extra)
    }

    static let articleSummaryProperties: [(String, JSON)] = [
        ("id", string), ("url", string), ("title", nullableString), ("kicker", nullableString), ("subtitle", nullableString),
        ("series", nullableString), ("kind", enumeration(kinds)), ("dateline", nullableString), ("authors", array(ref("AuthorRef"))),
        ("affiliation", nullableString), ("source", nullableString), ("locality", nullable(ref("PlaceRef"))),
        ("page", object([("id", string), ("ordinal", integer)])), ("tags", strings),
        ("initiatives", array(object([("id", string), ("name", string)]))), ("excerpt", string),
        ("score", number), ("snippet", object([("text", string), ("highlights", highlights)])), ("title_highlights", highlights),
    ]

    static let authorProperties: [(String, JSON)] = [
        ("id", string), ("url", string), ("name", string), ("roles", array(enumeration(roles))), ("organisations", strings),
        ("positions", strings), ("article_count", count),
    ]
    static let localityProperties: [(String, JSON)] = [
        ("id", string), ("url", string), ("name", string), ("level", enumeration(levels)), ("article_count", count), ("mention_count", count),
    ]
    static let initiativeProperties: [(String, JSON)] = [
        ("id", string), ("url", string), ("name", string), ("aliases", strings), ("type", nullableString),
        ("locality", nullable(ref("PlaceRef"))), ("mentions", count), ("article_count", count),
    ]
    static let pageProperties: [(String, JSON)] = [
        ("id", string), ("url", string), ("file", string), ("source", enumeration(["seed", "uploaded"])), ("newspaper", nullableString),
        ("banners", strings), ("article_count", count),
    ]

    static var all: [(String, JSON)] {
        [
            ("Problem", object([("type", string), ("title", string), ("status", integer), ("detail", string), ("parameter", string)],
                               optional: ["parameter"])),
            ("PlaceRef", object([("id", string), ("name", string), ("level", enumeration(levels))])),
            ("AuthorRef", object([("id", nullableString), ("name", string), ("role", enumeration(roles))])),
            ("ArticleSummary", object(articleSummaryProperties, optional: ["score", "snippet", "title_highlights"])),
            ("Article", object([
                ("id", string), ("title", nullableString), ("kicker", nullableString), ("subtitle", nullableString), ("series", nullableString),
                ("kind", enumeration(kinds)), ("dateline", nullableString), ("authors", array(ref("AuthorRef"))),
                ("affiliation", nullableString), ("credit", object([("organisations", strings), ("positions", strings)])),
                ("source", nullableString),
                ("page", object([("id", string), ("file", nullableString), ("newspaper", nullableString), ("ordinal", integer)])),
                ("body", array(object([("type", enumeration(["paragraph", "subheading"])), ("text", string)]))),
                ("paragraphs", strings), ("subheadings", array(object([("index", integer), ("text", string)]))),
                ("captions", array(object([("text", string), ("credit", nullableString)]))), ("duplicates_removed", count),
                ("tags", array(object([("term", string), ("score", number)]))), ("locality", nullable(ref("PlaceRef"))),
                ("places", array(object([("id", string), ("name", string), ("count", count)]))),
                ("initiatives", array(object([("id", string), ("name", string), ("locality", nullable(ref("PlaceRef"))),
                                              ("mentions", count), ("context", nullableString)]))),
                ("related", array(object([("id", string), ("title", nullableString), ("shared", strings)]))),
            ])),
            ("ArticleList", envelope("ArticleSummary")),
            ("SearchResults", envelope("ArticleSummary", extra: [
                ("query", string), ("authors", array(ref("Author"))), ("initiatives", array(ref("Initiative"))),
                ("tags", array(object([("term", string), ("articles", count)]))),
            ])),
            ("Author", object(authorProperties)),
            ("AuthorDetail", object(authorProperties + [("articles", array(ref("ArticleSummary")))])),
            ("AuthorList", envelope("Author")),
            ("Locality", object(localityProperties + [("parent", nullableString)])),
            ("LocalityDetail", object(localityProperties + [
                ("parent", nullable(ref("PlaceRef"))), ("ancestors", array(ref("PlaceRef"))), ("children", array(ref("PlaceRef"))),
                ("from_gazetteer", boolean), ("articles", array(ref("ArticleSummary"))), ("initiatives", array(ref("Initiative"))),
            ])),
            ("LocalityList", envelope("Locality")),
            ("Initiative", object(initiativeProperties)),
            ("InitiativeDetail", object(initiativeProperties + [
                ("mentions_in_context", array(object([
                    ("article", object([("id", string), ("title", nullableString)])), ("count", count), ("context", string),
                ]))),
                ("articles", array(ref("ArticleSummary"))),
            ])),
            ("InitiativeList", envelope("Initiative")),
            ("Tag", object([("term", string), ("url", string), ("articles", count)])),
            ("TagList", envelope("Tag")),
            ("TagDetail", envelope("ArticleSummary", extra: [("term", string)])),
            ("Page", object(pageProperties)),
            ("PageDetail", object(pageProperties + [
                ("editors", array(object([("role", string), ("name", string)]))), ("emails", strings), ("page_numbers", strings),
                ("fragments", strings), ("articles", array(ref("ArticleSummary"))),
            ])),
            ("PageList", envelope("Page")),
            ("Health", object([("status", enumeration(["ok"]))])),
            ("Ready", object([
                ("status", enumeration(["ready"])), ("version", string), ("archive_version", string), ("pages", count), ("articles", count),
                ("load_errors", array(object([("file", string), ("reason", string)]))),
            ])),
        ]
    }
}
