import Analysis
import JSONValue
import PageParser

/// JSON Schemas (2020-12, as OpenAPI 3.1 uses) of every body the API returns, each property with
/// a description and an example. Objects are closed (`additionalProperties: false`) so that a
/// response drifting from its description fails schema checks instead of passing silently.
enum Schemas {
    /// One property: its schema, what it means, an example value.
    struct Property {
        var name: String
        var schema: JSON
        var description: String
        var example: JSON
        var optional = false
    }

    static func p(_ name: String, _ schema: JSON, _ description: String, _ example: JSON, optional: Bool = false) -> Property {
        Property(name: name, schema: schema, description: description, example: example, optional: optional)
    }

    static let string = JSON.object([("type", .string("string"))])
    static let nullableString = JSON.object([("type", .array([.string("string"), .string("null")]))])
    static let integer = JSON.object([("type", .string("integer"))])
    static let count = JSON.object([("type", .string("integer")), ("minimum", .int(0))])
    static let number = JSON.object([("type", .string("number"))])
    static let boolean = JSON.object([("type", .string("boolean"))])
    static let strings = array(string)
    static let timestamp = JSON.object([("type", .string("string")), ("format", .string("date-time"))])
    static let date = JSON.object([("type", .string("string")), ("format", .string("date"))])
    static let nullableDate = JSON.object([("type", .array([.string("string"), .string("null")])), ("format", .string("date"))])

    static func ref(_ name: String) -> JSON { .object([("$ref", .string("#/components/schemas/\(name)"))]) }
    static func array(_ items: JSON) -> JSON { .object([("type", .string("array")), ("items", items)]) }
    static func nullable(_ schema: JSON) -> JSON { .object([("anyOf", .array([schema, .object([("type", .string("null"))])]))]) }
    static func enumeration(_ values: [String]) -> JSON { .object([("type", .string("string")), ("enum", .array(values.map(JSON.string)))]) }

    static func object(_ properties: [Property], description: String? = nil) -> JSON {
        var fields: [(String, JSON)] = [("type", .string("object"))]
        if let description { fields.append(("description", .string(description))) }
        fields += [
            ("properties", .object(properties.map { property in
                (property.name, withAnnotations(property.schema, property.description, property.example))
            })),
            ("required", .array(properties.filter { !$0.optional }.map { .string($0.name) })),
            ("additionalProperties", .bool(false)),
        ]
        return .object(fields)
    }

    /// A `$ref` cannot carry siblings in every validator, so annotated references are wrapped.
    private static func withAnnotations(_ schema: JSON, _ description: String, _ example: JSON) -> JSON {
        guard case .object(var fields) = schema else { return schema }
        if fields.contains(where: { $0.0 == "$ref" }) {
            return .object([("allOf", .array([schema])), ("description", .string(description)), ("examples", .array([example]))])
        }
        fields.append(("description", .string(description)))
        fields.append(("examples", .array([example])))
        return .object(fields)
    }

    static let kinds = ["theory", "news", "digest", "editorial"]
    static let roles = ["author", "reporter", "correspondent", "photographer", "intern", "editor"]
    static let levels = ["province", "city", "district", "county", "street", "community"]
    static let highlights = array(.object([("type", .string("array")), ("items", integer), ("minItems", .int(2)), ("maxItems", .int(2))]))

    static func envelope(_ item: String, itemDescription: String, totalMayBeLowerBound: Bool = false,
                         extra: [Property] = []) -> JSON {
        var fields = [
            p("items", array(ref(item)), "This page of \(itemDescription).", .array([])),
            p("total", count, "How many there are over all pages (also in X-Total-Count when exact).", .int(25)),
        ]
        if totalMayBeLowerBound {
            fields.append(p("total_relation", enumeration(["eq", "gte"]), """
                eq: total counts every match. gte: a relevance search found more matches than the server counts \
                exactly (setting searchExactTotal) and skipped those that could not reach the page, so total is a \
                lower bound; there is then no X-Total-Count and no last link, and next is given while pages are full. \
                The hits are the same either way.
                """, .string("eq")))
        }
        return object(fields + [
            p("page", integer, "This page's number, from 1.", .int(1)),
            p("per_page", integer, "Items per page.", .int(20)),
        ] + extra)
    }

    static func collection(_ item: String, _ description: String) -> JSON {
        object([
            p("total", count, "How many there are in all.", .int(12)),
            p("url", string, "The full, paginated list.", .string("/api/v1/authors/%E6%9D%8E%E9%BE%99%E5%B1%B1/articles")),
            p("items", array(ref(item)), "The first few, newest first.", .array([])),
        ], description: description)
    }

    // MARK: - Shapes

    static let pageSummary: [Property] = [
        p("id", string, "The page id (its file name without extension).", .string("003_1eed3ba100fbfa73")),
        p("url", string, "This page in the API.", .string("/api/v1/pages/003_1eed3ba100fbfa73")),
        p("name", string, "How to name the page: newspaper, date and page label where known, else its id.", .string("株洲日报 2023-10-12 第3版")),
        p("newspaper", nullableString, "The newspaper: as uploaded, else as printed; null when neither.", .string("株洲日报")),
        p("date", nullableDate, "The edition date (YYYY-MM-DD): as uploaded, else as printed; null when neither (never guessed).", .string("2023-10-12")),
        p("page_label", nullableString, "The page label as printed or uploaded (A05, 第3版, 04).", .string("第3版")),
        p("section", nullableString, "The section (智库·理论, 综合·城区).", .string("综合·城区")),
        p("source", enumeration(["seed", "uploaded"]), "Bundled (read-only) or uploaded.", .string("seed")),
        p("article_count", count, "Articles on the page.", .int(6)),
        p("created_at", timestamp, "When the page entered the archive (RFC 3339).", .string("2026-12-01T21:00:00.000Z")),
        p("updated_at", timestamp, "When the page last changed (RFC 3339).", .string("2026-12-01T21:05:00.000Z")),
    ]

    static let articleSummary: [Property] = [
        p("id", string, "Stable article id: <page id>-<content key>; kept when the page is replaced and the article is still there.",
          .string("003_1eed3ba100fbfa73-2yhxj1")),
        p("url", string, "This article in the API.", .string("/api/v1/articles/003_1eed3ba100fbfa73-2yhxj1")),
        p("name", string, "The title, or for an untitled article its opening clause (see display_title_derived).", .string("推动新时代志愿服务体系建设")),
        p("title", nullableString, "The headline as printed; null when the page prints none.", .string("推动新时代志愿服务体系建设")),
        p("display_title_derived", boolean, "True when name was made from the text because the article has no title.", .bool(false)),
        p("kicker", nullableString, "The line printed above the headline.", .string("湖南长城海外销售火爆——")),
        p("subtitle", nullableString, "The line under the headline (——以…为例).", .null),
        p("series", nullableString, "A running series label.", .string("新区企业上新了②")),
        p("kind", enumeration(kinds), "theory (signed commentary), news (reported, bylined), digest (reprinted excerpts), editorial.", .string("theory")),
        p("dateline", nullableString, "A news dateline as printed (10月10日).", .null),
        p("date", nullableDate, "The edition date of the article's page.", .string("2023-10-12")),
        p("newspaper", nullableString, "The newspaper of the article's page.", .string("株洲日报")),
        p("page_label", nullableString, "The page label of the article's page.", .string("第3版")),
        p("section", nullableString, "The section of the article's page.", .string("智库·理论")),
        p("page", ref("PageSummary"), "The page the article is on.", .object([])),
        p("ordinal", integer, "Position on the page, from 1.", .int(2)),
        p("byline", array(ref("Byline")), "The people the page credits, in printed order, with their roles.", .array([])),
        p("excerpt", string, "The opening of the first paragraph (120 characters).", .string("志愿服务是社会文明进步的重要标志。")),
    ]

    static let searchFields: [Property] = [
        p("score", number, "Relevance score (BM25F), when the list was searched.", .double(12.34), optional: true),
        p("snippet", object([
            p("text", string, "A stretch of the body showing the query's matches, with … where text was left out.", .string("…推动志愿服务体系建设…")),
            p("highlights", highlights, "UTF-16 ranges of text to mark.", .array([.array([.int(3), .int(7)])])),
        ]), "Where the query matches the body, when the list was searched.", .object([]), optional: true),
        p("title_highlights", highlights, "UTF-16 ranges of the title to mark, when the list was searched.", .array([]), optional: true),
        p("shared", strings, "Initiatives and tags the related article shares (in related lists).", .array([.string("志愿服务")]), optional: true),
    ]

    static let author: [Property] = [
        p("id", string, "Author id: the name, or name@organisation when namesakes are told apart by their credits.", .string("李龙山")),
        p("url", string, "This author in the API.", .string("/api/v1/authors/%E6%9D%8E%E9%BE%99%E5%B1%B1")),
        p("name", string, "The name as printed.", .string("李龙山")),
        p("roles", array(enumeration(roles)), "Every role the person is credited with.", .array([.string("author")])),
        p("organisations", strings, "Organisations of their closing credits.", .array([.string("株洲市委党校")])),
        p("positions", strings, "Positions of their closing credits.", .array([])),
        p("article_count", count, "Articles credited to them.", .int(3)),
    ]

    static let locality: [Property] = [
        p("id", string, "Place id: the administrative division code, or the name of a place found by naming pattern.", .string("430200")),
        p("url", string, "This place in the API.", .string("/api/v1/localities/430200")),
        p("name", string, "The official name.", .string("株洲市")),
        p("level", enumeration(levels), "Administrative level.", .string("city")),
        p("parent_id", nullableString, "The id of the place above it.", .string("430000")),
        p("from_gazetteer", boolean, "True for official divisions, false for places found by naming pattern.", .bool(true)),
        p("article_count", count, "Articles about this place or a place below it.", .int(10)),
        p("mention_count", count, "Times the place is named in all articles.", .int(23)),
    ]

    static let initiative: [Property] = [
        p("id", string, "Initiative id: its shortest spelling.", .string("六单工作法")),
        p("url", string, "This initiative in the API.", .string("/api/v1/initiatives/%E5%85%AD%E5%8D%95%E5%B7%A5%E4%BD%9C%E6%B3%95")),
        p("name", string, "The most used spelling.", .string("六单工作法")),
        p("aliases", strings, "Other spellings merged into it.", .array([])),
        p("type", enumeration(InitiativeKind.allCases.map(\.rawValue)),
          "What it is: programme (工程, 计划 …), mechanism (工作法, 机制 …), platform (平台, 驿站 …), campaign (行动, 活动 …), or slogan (a national formula or a name used in two provinces).",
          .string("mechanism")),
        p("naming_word", nullableString, "The naming word that marked it (工作法, 模式, 平台 …), if one did.", .string("工作法")),
        p("locality_id", nullableString, "The place that runs it.", .string("500154")),
        p("article_count", count, "Articles mentioning it.", .int(1)),
        p("mention_count", count, "Times it is named in all articles.", .int(3)),
    ]

    static let tag: [Property] = [
        p("id", string, "The tag's term (its id).", .string("志愿服务")),
        p("url", string, "This tag in the API.", .string("/api/v1/tags/%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1")),
        p("name", string, "The term.", .string("志愿服务")),
        p("article_count", count, "Articles it tags.", .int(4)),
    ]

    static let edition: [Property] = [
        p("id", string, "The date (its id).", .string("2023-10-12")),
        p("url", string, "This edition in the API.", .string("/api/v1/editions/2023-10-12")),
        p("name", string, "The date.", .string("2023-10-12")),
        p("date", date, "The edition date.", .string("2023-10-12")),
        p("page_count", count, "Pages of that day.", .int(8)),
    ]

    static var all: [(String, JSON)] {
        [
            ("Problem", object([
                p("type", string, "The problem type: urn:newsroom:problem:<slug> (see the list in info.description).", .string("urn:newsroom:problem:not-found")),
                p("title", string, "The status text.", .string("Not Found")),
                p("status", integer, "The HTTP status.", .int(404)),
                p("detail", string, "What went wrong, for people.", .string("no article with id 'x'")),
                p("parameter", string, "The query parameter at fault.", .string("per_page"), optional: true),
                p("candidates", array(.object([])), "The entities an ambiguous name may mean.", .array([]), optional: true),
                p("page", .object([]), "The page a gone article was on.", .object([]), optional: true),
                p("existing", .object([]), "The page already holding this id or content.", .object([]), optional: true),
                p("current_etag", nullableString, "The page's current ETag (on 412).", .string("\"p1x2y3\""), optional: true),
                p("changed", boolean, "Whether a failed write changed anything.", .bool(false), optional: true),
            ], description: "An RFC 9457 problem document.")),
            ("Byline", object([
                p("name", string, "The name as printed.", .string("潘东晓")),
                p("role", enumeration(roles), "The role the byline gives.", .string("reporter")),
            ], description: "A person as the page credits them.")),
            ("PageSummary", object(pageSummary, description: "A page, as referenced everywhere.")),
            ("ArticleSummary", object(articleSummary + searchFields, description: "An article, as listed and referenced everywhere. Made only from its page, so it changes only with the page.")),
            ("ArticleAuthor", object([
                p("id", nullableString, "The author record, or null.", .string("李龙山")),
                p("url", nullableString, "The author in the API, or null.", .string("/api/v1/authors/%E6%9D%8E%E9%BE%99%E5%B1%B1")),
                p("name", string, "The name as printed.", .string("李龙山")),
                p("role", enumeration(roles), "The role in this article.", .string("author")),
                p("roles", array(enumeration(roles)), "Every role the person is credited with.", .array([]), optional: true),
                p("organisations", strings, "Organisations of their credits.", .array([]), optional: true),
                p("positions", strings, "Positions of their credits.", .array([]), optional: true),
                p("article_count", count, "Articles credited to them.", .int(1), optional: true),
            ], description: "An author of one article: the author summary with the role here.")),
            ("Article", object(articleSummary + [
                p("authors", array(ref("ArticleAuthor")), "The credited people as author records, in byline order.", .array([])),
                p("affiliation", nullableString, "The closing credit as printed.", .string("作者单位:株洲市委党校")),
                p("credit", object([
                    p("organisations", strings, "Organisations the credit names.", .array([.string("株洲市委党校")])),
                    p("positions", strings, "Positions the credit names.", .array([])),
                ]), "The credit split into organisations and positions.", .object([])),
                p("source", nullableString, "The reprint source as printed.", .string("载《经济日报》")),
                p("created_at", timestamp, "When its page entered the archive.", .string("2026-12-01T21:00:00.000Z")),
                p("updated_at", timestamp, "When its page last changed.", .string("2026-12-01T21:05:00.000Z")),
                p("body", array(object([
                    p("type", enumeration(["paragraph", "subheading"]), "Paragraph or subheading.", .string("paragraph")),
                    p("text", string, "The text.", .string("志愿服务是社会文明进步的重要标志。")),
                ])), "Paragraphs and subheadings in reading order.", .array([])),
                p("paragraphs", strings, "The body paragraphs, clean (reflowed, spacing fixed, duplicates dropped).", .array([])),
                p("subheadings", array(object([
                    p("index", integer, "Printed before paragraphs[index].", .int(2)),
                    p("text", string, "The subheading.", .string("坚持党的领导")),
                ])), "Subheadings with their positions.", .array([])),
                p("captions", array(object([
                    p("text", string, "The caption as printed.", .string("田心路通车 吴楚/摄")),
                    p("credit", nullableString, "The photo credit.", .string("吴楚/摄")),
                ])), "Photo captions.", .array([])),
                p("duplicates_removed", count, "Verbatim duplicate paragraphs dropped.", .int(0)),
                p("tags", array(ref("ArticleTag")), "Keyword tags, best first, with scores.", .array([])),
                p("locality", nullable(ref("Locality")), "The place the article is about.", .null),
                p("places", array(ref("ArticlePlace")), "Places the article names, most named first.", .array([])),
                p("initiatives", array(ref("ArticleInitiative")), "Initiatives it mentions, with the sentence.", .array([])),
                p("related", array(ref("ArticleSummary")), "Articles sharing initiatives or tags, best first.", .array([])),
                p("links", object([
                    p("page", string, "The article's page.", .string("/api/v1/pages/003_1eed3ba100fbfa73")),
                    p("raw", string, "The page as stored.", .string("/api/v1/pages/003_1eed3ba100fbfa73/raw")),
                ]), "Related resources.", .object([])),
            ], description: "An article in full.")),
            ("ArticleTag", object(tag + [p("score", number, "TF-IDF score in this article.", .double(41.2))],
                                  description: "A tag of one article: the tag summary with its score here.")),
            ("ArticlePlace", object(locality + [p("occurrences", count, "Times the article names it.", .int(2))],
                                    description: "A place one article names: the place summary with how often.")),
            ("ArticleInitiative", object(initiative + [
                p("occurrences", count, "Times the article names it.", .int(3)),
                p("context", nullableString, "The first sentence naming it.", .string("开州区创新推出“六单工作法”服务机制。")),
            ], description: "An initiative one article mentions.")),
            ("ArticleList", envelope("ArticleSummary", itemDescription: "articles", totalMayBeLowerBound: true)),
            ("SearchResults", envelope("ArticleSummary", itemDescription: "articles, best first, with snippets",
                                       totalMayBeLowerBound: true, extra: [
                p("query", string, "The query as given.", .string("志愿服务")),
                p("authors", array(ref("Author")), "Authors whose name starts with a word of the query.", .array([])),
                p("localities", array(ref("Locality")), "Places whose name or short form starts with a word of the query.", .array([])),
                p("initiatives", array(ref("Initiative")), "Initiatives one of whose spellings starts with a word of the query.", .array([])),
                p("tags", array(ref("Tag")), "Tags starting with a word of the query.", .array([])),
            ])),
            ("Author", object(author, description: "An author, as listed and referenced everywhere.")),
            ("AuthorDetail", object(author + [p("articles", collection("ArticleSummary", "Their newest articles."), "Their newest articles.", .object([]))])),
            ("AuthorList", envelope("Author", itemDescription: "authors")),
            ("Locality", object(locality + [p("occurrences", count, "Times one article names it (in an article's places).", .int(1), optional: true)],
                                description: "A place, as listed and referenced everywhere.")),
            ("LocalityDetail", object(locality + [
                p("parent", nullable(ref("Locality")), "The place above it.", .null),
                p("ancestors", array(ref("Locality")), "Places above it, nearest first.", .array([])),
                p("children", collection("Locality", "Places below it that articles are about or mention."), "Places directly below it in use.", .object([])),
                p("mentioning_article_count", count, "Articles naming the place.", .int(5)),
                p("initiatives", collection("Initiative", "Initiatives run there or below."), "Initiatives run there or below.", .object([])),
                p("articles", collection("ArticleSummary", "Its newest articles."), "Its newest articles.", .object([])),
            ])),
            ("LocalityList", envelope("Locality", itemDescription: "places")),
            ("Initiative", object(initiative, description: "An initiative, as listed and referenced everywhere.")),
            ("InitiativeMention", object([
                p("article", ref("ArticleSummary"), "The article.", .object([])),
                p("occurrences", count, "Times the article names it.", .int(2)),
                p("context", nullableString, "The first sentence naming it.", .string("开州区创新推出“六单工作法”服务机制。")),
            ], description: "How one article mentions an initiative.")),
            ("InitiativeDetail", object(initiative + [
                p("locality", nullable(ref("Locality")), "The place that runs it.", .null),
                p("mentions", collection("InitiativeMention", "Its newest mentions in context."), "Its newest mentions in context.", .object([])),
            ])),
            ("InitiativeList", envelope("Initiative", itemDescription: "initiatives")),
            ("Tag", object(tag, description: "A keyword tag, as listed and referenced everywhere.")),
            ("TagDetail", object(tag + [p("articles", collection("ArticleSummary", "Its newest articles."), "Its newest articles.", .object([]))])),
            ("TagList", envelope("Tag", itemDescription: "tags")),
            ("PageDetail", object(pageSummary + [
                p("file", string, "The page file's name.", .string("003_1eed3ba100fbfa73.txt")),
                p("version", string, "The page's version: its ETag, for If-Match.", .string("\"p3k2j1\"")),
                p("printed", object([
                    p("newspaper", nullableString, "The newspaper as printed.", .string("株洲日报")),
                    p("date", nullableDate, "The edition date as printed.", .null),
                    p("page_label", nullableString, "The page label as printed.", .null),
                    p("section", nullableString, "The section as printed.", .null),
                ]), "What the page itself prints.", .object([])),
                p("metadata_conflicts", array(object([
                    p("field", string, "newspaper, date, page_label or section.", .string("date")),
                    p("uploaded", string, "The upload's value (used).", .string("2023-10-12")),
                    p("printed", string, "The printed value.", .string("2023-10-11")),
                ])), "Printed values that contradict the upload.", .array([])),
                p("banners", strings, "Section and column banners.", .array([.string("综合·城区")])),
                p("editors", array(object([
                    p("role", string, "The role as printed.", .string("责任编辑")),
                    p("normalized_role", enumeration(EditorRole.allCases.map(\.rawValue)),
                      "The role, normalised across papers' wordings (责编, 编辑, 责任编辑 → editor).", .string("editor")),
                    p("name", string, "The name.", .string("胡乐")),
                ])), "Editor lines.", .array([])),
                p("source_format", enumeration(["text", "html"]), "How the page file was marked up.", .string("text")),
                p("source_encoding", enumeration(PageEncoding.allCases.map(\.rawValue)), "The character encoding the page file was read in.",
                  .string("UTF-8")),
                p("emails", strings, "E-mail addresses printed.", .array([])),
                p("page_numbers", strings, "Page numbers printed.", .array([])),
                p("fragments", strings, "Displaced text the parser could not place.", .array([])),
                p("furniture", strings, "Every line classified as page furniture, verbatim.", .array([])),
                p("articles", array(ref("ArticleSummary")), "The articles in page order.", .array([])),
                p("gone_articles", strings, "Ids of articles the page once had (they answer 410).", .array([])),
                p("links", object([
                    p("raw", string, "The page as stored.", .string("/api/v1/pages/003_1eed3ba100fbfa73/raw")),
                    p("articles", string, "Its articles as a list.", .string("/api/v1/pages/003_1eed3ba100fbfa73/articles")),
                    p("edition", nullableString, "Its edition day.", .string("/api/v1/editions/2023-10-12")),
                ]), "Related resources.", .object([])),
                p("removed_articles", strings, "Article ids a write removed (write responses only).", .array([]), optional: true),
                p("warning", string, "Set when the write is visible but its durability could not be confirmed.", .string("fsync: I/O error"), optional: true),
            ], description: "A page in full.")),
            ("PageList", envelope("PageSummary", itemDescription: "pages")),
            ("RawPage", .object([("type", .string("string")), ("description", .string("The page text exactly as stored."))])),
            ("Edition", object(edition, description: "An edition day.")),
            ("EditionList", envelope("Edition", itemDescription: "edition days, newest first")),
            ("EditionDetail", object([
                p("id", string, "The date.", .string("2023-10-12")),
                p("url", string, "This edition in the API.", .string("/api/v1/editions/2023-10-12")),
                p("name", string, "The date.", .string("2023-10-12")),
                p("date", date, "The edition date.", .string("2023-10-12")),
                p("newspapers", strings, "Newspapers with pages that day.", .array([.string("株洲日报")])),
                p("page_count", count, "Pages that day.", .int(8)),
                p("article_count", count, "Articles that day.", .int(40)),
                p("pages", array(ref("PageSummary")), "The pages by newspaper and page label: the first \(EditionEndpoints.embeddedPages); all of them are at links.pages, a page at a time.", .array([])),
                p("links", object([p("articles", string, "The day's articles.", .string("/api/v1/articles?from=2023-10-12&to=2023-10-12")),
                                   p("pages", string, "The day's pages, paginated.", .string("/api/v1/pages?date=2023-10-12"))]),
                  "Related resources.", .object([])),
            ])),
            ("Index", object([
                p("name", string, "Newsroom.", .string("Newsroom")),
                p("version", string, "The server's version.", .string("0.2.0")),
                p("description", string, "What this is.", .string("A searchable archive.")),
                p("counts", object([
                    p("pages", count, "Pages.", .int(5)), p("articles", count, "Articles.", .int(25)), p("editions", count, "Edition days.", .int(0)),
                ]), "How much the archive holds.", .object([])),
                p("links", .object([("type", .string("object")), ("additionalProperties", string)]), "Where everything is.", .object([])),
            ])),
            ("AtomFeed", .object([("type", .string("string")), ("description", .string("An Atom 1.0 document (RFC 4287)."))])),
            ("Sitemap", .object([("type", .string("string")), ("description", .string("A sitemap or sitemap index (sitemaps.org 0.9)."))])),
            ("Health", object([p("status", enumeration(["ok"]), "The process answers.", .string("ok"))])),
            ("Ready", object([
                p("status", enumeration(["ready", "unready", "loading"]), "ready; unready (page folders unreadable); loading.", .string("ready")),
                p("version", string, "The server's version.", .string("0.2.0")),
                p("archive_version", string, "The content fingerprint (ETags derive from it).", .string("1x2y3z"), optional: true),
                p("pages", count, "Pages loaded.", .int(5), optional: true),
                p("articles", count, "Articles loaded.", .int(25), optional: true),
                p("model_articles", count, "Articles the corpus model was built from.", .int(25), optional: true),
                p("load_errors", array(object([
                    p("file", string, "The file or folder.", .string("seeds/bad.txt")),
                    p("reason", string, "Why it was skipped.", .string("not UTF-8 at byte 3")),
                ])), "Page files that could not be loaded.", .array([]), optional: true),
                p("phase", string, "While loading: the phase.", .string("parsing"), optional: true),
                p("done", count, "While loading: pages done.", .int(100), optional: true),
                p("total", count, "While loading: pages in all.", .int(5000), optional: true),
            ])),
        ]
    }
}
