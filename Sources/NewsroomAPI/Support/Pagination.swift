import HTTPServer
import JSONValue

/// Pagination as GitHub and WordPress do it: `page` and `per_page` in, the list envelope
/// `{"items","total","page","per_page"}` out, with `X-Total-Count` and an RFC 8288 `Link` header.
struct Pagination {
    var page: Int
    var perPage: Int

    init(_ reader: QueryReader) throws(Problem) {
        page = try reader.integer("page", default: 1, range: 1...1_000_000)
        perPage = try reader.integer("per_page", default: 20, range: 1...100)
    }

    init(page: Int, perPage: Int) {
        self.page = page
        self.perPage = perPage
    }

    var offset: Int { (page - 1) * perPage }

    func slice<T>(_ items: [T]) -> ArraySlice<T> {
        let start = min(items.count, offset)
        return items[start..<min(items.count, start + perPage)]
    }

    /// `relation`, when given, is the list's `total_relation`: "eq", or "gte" when the total is
    /// only a lower bound. Such a total is not sent as `X-Total-Count`, and there is no `last`.
    func envelope(_ items: [JSON], total: Int, relation: TotalRelation? = nil, request: HTTPRequest, pretty: Bool,
                  extra: [(String, JSON)] = []) -> Rendered {
        var fields: [(String, JSON)] = [("items", .array(items)), ("total", .int(total))]
        if let relation { fields.append(("total_relation", .string(relation.rawValue))) }
        let json = JSON.object(fields + [("page", .int(page)), ("per_page", .int(perPage))] + extra)
        var headers: HTTPHeaders = [:]
        if relation != .atLeast { headers.add("X-Total-Count", String(total)) }
        headers.add("Link", links(total: total, exact: relation != .atLeast, pageIsFull: items.count == perPage, request: request))
        return Rendered(json: json, pretty: pretty, headers: headers)
    }

    /// `first` always, `last` when the total is exact, `prev` and `next` where they exist. Past a
    /// total that is only a lower bound, a full page always has a `next`. Other query parameters
    /// are kept.
    func links(total: Int, exact: Bool, pageIsFull: Bool, request: HTTPRequest) -> String {
        let last = exact ? max(1, (total + perPage - 1) / perPage) : Int.max
        let kept = request.query.filter { $0.name != "page" }
        func url(_ target: Int) -> String {
            var parts = kept.map { percentEncode($0.name) + "=" + percentEncode($0.value) }
            parts.append("page=\(target)")
            return "<" + request.path + "?" + parts.joined(separator: "&") + ">"
        }
        var links = [url(1) + #"; rel="first""#]
        if page > 1 { links.append(url(min(page - 1, last)) + #"; rel="prev""#) }
        if exact ? page < last : page * perPage < total || pageIsFull { links.append(url(page + 1) + #"; rel="next""#) }
        if exact { links.append(url(last) + #"; rel="last""#) }
        return links.joined(separator: ", ")
    }
}

/// Whether a list's `total` counts every item or only some (as Elasticsearch's
/// `hits.total.relation`).
enum TotalRelation: String {
    case exact = "eq"
    case atLeast = "gte"
}
