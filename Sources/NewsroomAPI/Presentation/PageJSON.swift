import Archive
import JSONValue
import PageParser

/// The page shapes. Both are made only from the page itself, so `GET /pages/{id}` carries the
/// page's own strong ETag: the one `If-Match` compares when the page is replaced or deleted.
enum PageJSON {
    /// How a page is named for people: `株洲日报 2023-10-12 第3版`, else its id.
    static func name(_ page: PageEntry) -> String {
        let parts = [page.edition.newspaper, page.edition.date?.description, page.edition.pageLabel].compactMap { $0 }
        return parts.isEmpty ? page.id : parts.joined(separator: " ")
    }

    static func summary(_ page: PageEntry) -> JSON {
        .object([
            ("id", .string(page.id)),
            ("url", .string(Links.page(page.id))),
            ("name", .string(name(page))),
            ("newspaper", .optional(page.edition.newspaper)),
            ("date", .optional(page.edition.date?.description)),
            ("page_label", .optional(page.edition.pageLabel)),
            ("section", .optional(page.edition.section)),
            ("source", .string(page.source.rawValue)),
            ("article_count", .int(page.slots.count)),
            ("created_at", .string(RFC3339.string(page.createdAt))),
            ("updated_at", .string(RFC3339.string(page.updatedAt))),
        ])
    }

    static func full(_ page: PageEntry, in state: ArchiveState) -> JSON {
        guard case .object(var fields) = summary(page) else { return .null }
        let furniture = state.furniture(ofPage: page)
        func edition(_ edition: Edition) -> JSON {
            .object([("newspaper", .optional(edition.newspaper)), ("date", .optional(edition.date?.description)),
                     ("page_label", .optional(edition.pageLabel)), ("section", .optional(edition.section))])
        }
        fields += [
            ("file", .string(page.file)),
            ("version", .string(page.etag)),
            ("printed", edition(page.printed)),
            ("metadata_conflicts", .array(page.conflicts.map { conflict in
                .object([("field", .string(conflict.field)), ("uploaded", .string(conflict.uploaded)), ("printed", .string(conflict.printed))])
            })),
            ("banners", .array((furniture?.banners ?? []).map(JSON.string))),
            ("editors", .array((furniture?.editors ?? []).map {
                .object([("role", .string($0.role)), ("normalized_role", .string($0.normalizedRole.rawValue)), ("name", .string($0.name))])
            })),
            ("source_format", .string((furniture?.sourceFormat ?? .text).rawValue)),
            ("source_encoding", .string((furniture?.sourceEncoding ?? .utf8).rawValue)),
            ("emails", .array((furniture?.emails ?? []).map(JSON.string))),
            ("page_numbers", .array((furniture?.pageNumbers ?? []).map(JSON.string))),
            ("fragments", .array((furniture?.fragments ?? []).map(JSON.string))),
            ("furniture", .array((furniture?.furniture ?? []).map(JSON.string))),
            ("articles", .array(page.slots.compactMap { state.article(slot: $0) }.map { ArticleJSON.summary($0, in: state) })),
            ("gone_articles", .array(page.gone.map(JSON.string))),
            ("links", .object([
                ("raw", .string(Links.pageRaw(page.id))),
                ("articles", .string(Links.page(page.id) + "/articles")),
                ("edition", page.edition.date.map { .string(Links.edition($0.description)) } ?? .null),
            ])),
        ]
        return .object(fields)
    }
}
