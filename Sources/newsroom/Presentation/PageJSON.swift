import JSONValue
import PageParser

/// The `newsroom parse` document: `{"pages":[…]}` with the keys in the documented order.
func parseDocument(_ pages: [Page]) -> JSON {
    .object([("pages", .array(pages.map(pageJSON)))])
}

func pageJSON(_ page: Page) -> JSON {
    .object([
        ("id", .string(page.id)),
        ("file", .string(page.file)),
        ("newspaper", .optional(page.newspaper)),
        ("banners", .array(page.banners.map(JSON.string))),
        ("editors", .array(page.editors.map { .object([("role", .string($0.role)), ("name", .string($0.name))]) })),
        ("emails", .array(page.emails.map(JSON.string))),
        ("page_numbers", .array(page.pageNumbers.map(JSON.string))),
        ("fragments", .array(page.fragments.map(JSON.string))),
        ("articles", .array(page.articles.map(articleJSON))),
    ])
}

func articleJSON(_ article: Article) -> JSON {
    .object([
        ("id", .string(article.id)),
        ("title", .optional(article.title)),
        ("kicker", .optional(article.kicker)),
        ("subtitle", .optional(article.subtitle)),
        ("series", .optional(article.series)),
        ("authors", .array(article.authors.map { .object([("name", .string($0.name)), ("role", .string($0.role.rawValue))]) })),
        ("affiliation", .optional(article.affiliation)),
        ("credit", .object([
            ("organisations", .array(article.credit.organisations.map(JSON.string))),
            ("positions", .array(article.credit.positions.map(JSON.string))),
        ])),
        ("source", .optional(article.source)),
        ("kind", .string(article.kind.rawValue)),
        ("dateline", .optional(article.dateline)),
        ("paragraphs", .array(article.paragraphs.map(JSON.string))),
        ("subheadings", .array(article.subheadings.map { .object([("index", .int($0.index)), ("text", .string($0.text))]) })),
        ("captions", .array(article.captions.map { .string($0.text) })),
        ("duplicates_removed", .int(article.duplicatesRemoved)),
    ])
}
