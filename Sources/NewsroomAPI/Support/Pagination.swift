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

    func envelope(_ items: [JSON], total: Int, request: HTTPRequest, pretty: Bool, extra: [(String, JSON)] = []) -> Rendered {
        let json = JSON.object([("items", .array(items)), ("total", .int(total)), ("page", .int(page)), ("per_page", .int(perPage))] + extra)
        var headers: HTTPHeaders = ["X-Total-Count": String(total)]
        headers.add("Link", links(total: total, request: request))
        return Rendered(json: json, pretty: pretty, headers: headers)
    }

    /// `first` and `last` always; `prev` and `next` where they exist. Other query parameters are kept.
    func links(total: Int, request: HTTPRequest) -> String {
        let last = max(1, (total + perPage - 1) / perPage)
        let kept = request.query.filter { $0.name != "page" }
        func url(_ target: Int) -> String {
            var parts = kept.map { percentEncode($0.name) + "=" + percentEncode($0.value) }
            parts.append("page=\(target)")
            return "<" + request.path + "?" + parts.joined(separator: "&") + ">"
        }
        var links = [url(1) + #"; rel="first""#]
        if page > 1 { links.append(url(min(page - 1, last)) + #"; rel="prev""#) }
        if page < last { links.append(url(page + 1) + #"; rel="next""#) }
        links.append(url(last) + #"; rel="last""#)
        return links.joined(separator: ", ")
    }
}
