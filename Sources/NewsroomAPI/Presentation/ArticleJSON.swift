import Analysis
import Archive
import JSONValue
import PageParser

/// JSON shapes of articles: summaries for lists, the full article for `GET /articles/{id}`.
enum ArticleJSON {
    static func summary(_ record: ArticleRecord, in snapshot: ArchiveSnapshot, extra: [(String, JSON)] = []) -> JSON {
        let article = record.article
        var fields: [(String, JSON)] = [("id", .string(article.id)),
                                        ("url", .string("/api/v1/articles/" + percentEncodePathSegment(article.id)))]
        fields += heading(record)
        fields += [
            ("affiliation", .optional(article.affiliation)),
            ("source", .optional(article.source)),
            ("locality", place(record.analysis.locality, in: snapshot)),
            ("page", .object([("id", .string(record.pageID)), ("ordinal", .int(record.ordinal))])),
            ("tags", .array(record.analysis.tags.prefix(5).map { .string($0.term) })),
            ("initiatives", .array(record.analysis.initiatives.compactMap { id in
                snapshot.initiative(id: id).map { .object([("id", .string($0.id)), ("name", .string($0.name))]) }
            })),
            ("excerpt", .string(excerpt(article))),
        ]
        fields += extra
        return .object(fields)
    }

    static func full(_ record: ArticleRecord, in snapshot: ArchiveSnapshot) -> JSON {
        let article = record.article
        let page = snapshot.page(id: record.pageID)
        var body: [JSON] = []
        var next = 0
        for (index, paragraph) in article.paragraphs.enumerated() {
            while next < article.subheadings.count, article.subheadings[next].index == index {
                body.append(.object([("type", .string("subheading")), ("text", .string(article.subheadings[next].text))]))
                next += 1
            }
            body.append(.object([("type", .string("paragraph")), ("text", .string(paragraph))]))
        }
        for subheading in article.subheadings[next...] {
            body.append(.object([("type", .string("subheading")), ("text", .string(subheading.text))]))
        }
        return .object([("id", .string(article.id))] + heading(record) + [
            ("affiliation", .optional(article.affiliation)),
            ("credit", .object([
                ("organisations", .array(article.credit.organisations.map(JSON.string))),
                ("positions", .array(article.credit.positions.map(JSON.string))),
            ])),
            ("source", .optional(article.source)),
            ("page", .object([
                ("id", .string(record.pageID)),
                ("file", .optional(page?.page.file)),
                ("newspaper", .optional(page?.page.newspaper)),
                ("ordinal", .int(record.ordinal)),
            ])),
            ("body", .array(body)),
            ("paragraphs", .array(article.paragraphs.map(JSON.string))),
            ("subheadings", .array(article.subheadings.map { .object([("index", .int($0.index)), ("text", .string($0.text))]) })),
            ("captions", .array(article.captions.map { .object([("text", .string($0.text)), ("credit", .optional($0.credit))]) })),
            ("duplicates_removed", .int(article.duplicatesRemoved)),
            ("tags", .array(record.analysis.tags.map { .object([("term", .string($0.term)), ("score", .double($0.score))]) })),
            ("locality", place(record.analysis.locality, in: snapshot)),
            ("places", .array(record.analysis.places.map { count in
                .object([("id", .string(count.place)), ("name", .string(snapshot.place(id: count.place)?.name ?? count.place)),
                         ("count", .int(count.count))])
            })),
            ("initiatives", .array(record.analysis.initiatives.compactMap { id -> JSON? in
                guard let initiative = snapshot.initiative(id: id) else { return nil }
                let mention = initiative.mentions.first { $0.article == record.id }
                return .object([
                    ("id", .string(initiative.id)), ("name", .string(initiative.name)),
                    ("locality", place(initiative.locality, in: snapshot)),
                    ("mentions", .int(mention?.count ?? 0)), ("context", .optional(mention?.context)),
                ])
            })),
            ("related", .array(snapshot.related(to: record).map { related in
                .object([
                    ("id", .string(related.article.id)), ("title", .optional(related.article.article.title)),
                    ("shared", .array(related.shared.map(JSON.string))),
                ])
            })),
        ])
    }

    /// What every article shape opens with: how the page heads the article.
    private static func heading(_ record: ArticleRecord) -> [(String, JSON)] {
        let article = record.article
        return [
            ("title", .optional(article.title)),
            ("kicker", .optional(article.kicker)),
            ("subtitle", .optional(article.subtitle)),
            ("series", .optional(article.series)),
            ("kind", .string(article.kind.rawValue)),
            ("dateline", .optional(article.dateline)),
            ("authors", authors(record)),
        ]
    }

    static func authors(_ record: ArticleRecord) -> JSON {
        .array(zip(record.article.authors, paddedIDs(record)).map { person, id in
            .object([("id", .optional(id)), ("name", .string(person.name)), ("role", .string(person.role.rawValue))])
        })
    }

    /// Author ids in byline order; a person listed twice (two roles) shares one id.
    private static func paddedIDs(_ record: ArticleRecord) -> [String?] {
        let ids = record.analysis.authorIDs
        return record.article.authors.map { person in
            ids.first { $0 == person.name || $0.hasPrefix(person.name + "@") }
        }
    }

    static func place(_ id: String?, in snapshot: ArchiveSnapshot) -> JSON {
        guard let id, let place = snapshot.place(id: id) else { return .null }
        return .object([("id", .string(place.id)), ("name", .string(place.name)), ("level", .string(place.level.rawValue))])
    }

    static func excerpt(_ article: Article, length: Int = 120) -> String {
        guard let first = article.paragraphs.first else { return "" }
        let scalars = first.unicodeScalars
        guard scalars.count > length else { return first }
        return String(String.UnicodeScalarView(scalars.prefix(length))) + "…"
    }
}

/// Percent-encodes one path segment (ids may hold CJK: 六单工作法 → %E5%85%AD…).
func percentEncodePathSegment(_ segment: String) -> String {
    var out = ""
    for byte in segment.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }
    return out
}

/// Percent-encodes a query value (space as %20).
func percentEncodeQueryValue(_ value: String) -> String { percentEncodePathSegment(value) }

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
