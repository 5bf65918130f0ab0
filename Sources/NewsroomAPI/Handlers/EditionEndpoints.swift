import Archive
import HTTPServer
import JSONValue

/// `GET /editions` (the days the archive has pages for, newest first) and `GET /editions/{date}`
/// (that day's pages, by newspaper and page label).
enum EditionEndpoints {
    static let listParameters: [ParameterSpec] = [.page, .perPage, .pretty]
    static let detailParameters: [ParameterSpec] = [.pretty]
    /// Pages listed in a day's detail; the rest are at `links.pages`, a page at a time. A daily
    /// prints dozens, but a backlog imported under one date can put thousands on a day.
    static let embeddedPages = 100

    static func list(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext) throws(Problem) -> Rendered {
        let pagination = try Pagination(reader)
        let rows = state.editions(offset: pagination.offset, limit: pagination.perPage).map { edition in
            JSON.object([("id", .string(edition.date.description)), ("url", .string(Links.edition(edition.date.description))),
                         ("name", .string(edition.date.description)), ("date", .string(edition.date.description)),
                         ("page_count", .int(edition.pages))])
        }
        return pagination.envelope(rows, total: state.editionCount, request: request, pretty: try reader.pretty)
    }

    static func detail(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext) throws(Problem) -> Rendered {
        let raw = request.parameters["date"] ?? ""
        guard let date = EditionDate(raw) else { throw .notFound("'\(raw)' is not an edition date (YYYY-MM-DD)") }
        let pageCount = state.pageCount(on: date)
        guard pageCount > 0 else { throw .notFound("no pages of \(date)") }
        let pages = state.pages(on: date, limit: embeddedPages)
        var query = ArticleQuery()
        query.from = date
        query.to = date
        query.perPage = 1
        return Rendered(json: .object([
            ("id", .string(date.description)), ("url", .string(Links.edition(date.description))), ("name", .string(date.description)),
            ("date", .string(date.description)),
            ("newspapers", .array(state.newspapers(on: date).map(JSON.string))),
            ("page_count", .int(pageCount)),
            ("article_count", .int(state.findArticles(query).total)),
            ("pages", .array(pages.map(PageJSON.summary))),
            ("links", .object([("articles", .string(Links.base + "/articles?from=\(date)&to=\(date)")),
                               ("pages", .string(Links.base + "/pages?date=\(date)"))])),
        ]), pretty: try reader.pretty)
    }
}
