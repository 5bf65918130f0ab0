import Archive
import Foundation
import HTTPServer
import JSONValue
import PageParser

/// `GET /pages`, `GET /pages/{id}` (and its raw text and articles), and the writes: `POST /pages`,
/// `PUT` and `DELETE /pages/{id}`.
enum PageEndpoints {
    static let listParameters: [ParameterSpec] = [
        ParameterSpec(name: "date", description: "Only pages of this edition date (YYYY-MM-DD).", kind: .date, example: "2023-10-12"),
        .page, .perPage, .pretty,
    ]
    static let detailParameters: [ParameterSpec] = [.pretty]
    static let metadataParameters: [ParameterSpec] = [
        ParameterSpec(name: "newspaper", description: "The newspaper's name, when the page does not print it (or to correct it).",
                      kind: .string, example: "株洲日报"),
        ParameterSpec(name: "date", description: "The edition date, YYYY-MM-DD. A date the page prints otherwise is reported in metadata_conflicts.",
                      kind: .date, example: "2023-10-12"),
        ParameterSpec(name: "page_label", description: "The page label as printed (A05, 第3版, 04).", kind: .string, example: "第3版"),
        ParameterSpec(name: "section", description: "The section (智库·理论, 综合·城区).", kind: .string, example: "智库·理论"),
    ]
    static let createParameters: [ParameterSpec] = [
        ParameterSpec(name: "id", description: "Page id to use (letters, digits, '-', '_', '.'); default: upload-<content hash>.",
                      kind: .pattern(ParameterSpec.pageIDPattern), example: "zzrb-20231012-03"),
    ] + metadataParameters + [.pretty]
    static let replaceParameters: [ParameterSpec] = metadataParameters + [.pretty]

    // MARK: - Reads

    static func list(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext) throws(Problem) -> Rendered {
        let pagination = try Pagination(reader)
        let pages: [PageEntry]
        let total: Int
        if let date = try ArticleFilters.date(reader, "date") {
            // Only the page asked for is read: a day can hold thousands of pages (a backlog
            // imported under one date).
            pages = state.pages(on: date, offset: pagination.offset, limit: pagination.perPage)
            total = state.pageCount(on: date)
        } else {
            pages = state.pages(offset: pagination.offset, limit: pagination.perPage)
            total = state.pageCount
        }
        return pagination.envelope(pages.map(PageJSON.summary), total: total, request: request, pretty: try reader.pretty)
    }

    static func detail(_ state: ArchiveState, _ request: HTTPRequest, _ reader: QueryReader, _ context: RequestContext) throws(Problem) -> Rendered {
        let page = try requirePage(state, request)
        var rendered = Rendered(json: PageJSON.full(page, in: state), pretty: try reader.pretty)
        rendered.etag = page.etag
        rendered.lastModified = page.updatedAt
        return rendered
    }

    /// The page exactly as stored (uploaded or bundled), in its own content type.
    static func raw(store: PageStore) -> Renderer {
        { state, request, _, _ throws(Problem) in
            let page = try requirePage(state, request)
            guard let body = store.body(of: page) else { throw .notFound("the file of page '\(page.id)' cannot be read") }
            var rendered = Rendered(body: Array(body), contentType: page.contentType ?? "text/plain; charset=utf-8")
            rendered.etag = String(page.etag.dropLast()) + "-raw\""
            rendered.lastModified = page.updatedAt
            return rendered
        }
    }

    static func requirePage(_ state: ArchiveState, _ request: HTTPRequest) throws(Problem) -> PageEntry {
        let id = request.parameters["id"] ?? ""
        guard let page = state.page(id: id) else { throw .notFound("no page with id '\(id)'") }
        return page
    }

    // MARK: - Writes

    struct Writer: Sendable {
        let archive: Archive
        let configuration: APIConfiguration
        let metrics: APIMetrics?

        func create(_ request: HTTPRequest, _ context: RequestContext) -> HTTPResponse {
            respond("create") { () throws(Problem) -> HTTPResponse in
                let reader = try QueryReader(request, allowed: createParameters)
                let pretty = try reader.pretty  // every parameter is checked before the preconditions
                try authorize(request)
                let (data, contentType) = try pageBody(request)
                let id = try reader.string("id") ?? request.headers["Slug"]
                var precondition: Precondition?
                if let condition = request.headers["If-None-Match"] {
                    guard condition.trimmingCharacters(in: .whitespaces) == "*" else {
                        throw Problem(status: .badRequest, slug: "invalid-parameter", detail: "POST takes only If-None-Match: *")
                    }
                    precondition = .ifNoneMatchAny
                }
                let upload = try metadata(reader, contentType: contentType)
                let result: WriteResult
                do throws(WriteError) {
                    result = try archive.create(data, id: id, metadata: upload, precondition: precondition)
                } catch { throw problem(error) }
                return written(result, status: .created, pretty: pretty)
            }
        }

        func replace(_ request: HTTPRequest, _ context: RequestContext) -> HTTPResponse {
            respond("replace") { () throws(Problem) -> HTTPResponse in
                let reader = try QueryReader(request, allowed: replaceParameters)
                let pretty = try reader.pretty  // every parameter is checked before the preconditions
                try authorize(request)
                let (data, contentType) = try pageBody(request)
                let id = request.parameters["id"] ?? ""
                let upload = try metadata(reader, contentType: contentType)
                var condition = try ifMatch(request)
                if let noneMatch = request.headers["If-None-Match"] {
                    guard noneMatch.trimmingCharacters(in: .whitespaces) == "*" else {
                        throw Problem(status: .badRequest, slug: "invalid-parameter", detail: "PUT takes only If-None-Match: *")
                    }
                    // Evaluated as RFC 9110 orders them, If-Match needs the page to exist and
                    // If-None-Match: * needs it not to: together they never hold (for a valid id).
                    guard condition == nil else {
                        guard isValidPageID(id) else { throw problem(.invalidID(id)) }
                        throw Problem(status: .preconditionFailed, slug: "precondition-failed",
                                      detail: "If-Match needs the page to exist and If-None-Match: * needs it not to: both cannot hold",
                                      extra: [("current_etag", .null)])
                    }
                    condition = .ifNoneMatchAny
                }
                let result: WriteResult
                do throws(WriteError) {
                    result = try archive.replace(id: id, data, metadata: upload, precondition: condition)
                } catch { throw problem(error) }
                return written(result, status: result.created ? .created : .ok, pretty: pretty)
            }
        }

        func delete(_ request: HTTPRequest, _ context: RequestContext) -> HTTPResponse {
            respond("delete") { () throws(Problem) -> HTTPResponse in
                _ = try QueryReader(request, allowed: [])
                try authorize(request)
                let condition = try ifMatch(request)
                let warning: String?
                do throws(WriteError) {
                    warning = try archive.delete(id: request.parameters["id"] ?? "", precondition: condition)
                } catch { throw problem(error) }
                var headers: HTTPHeaders = [:]
                if let warning { headers.add("Warning", "199 - \"stored, but not yet durable: \(warning)\"") }
                return HTTPResponse(status: .noContent, headers: headers)
            }
        }

        private func respond(_ operation: String, _ body: () throws(Problem) -> HTTPResponse) -> HTTPResponse {
            let start = DispatchTime.now().uptimeNanoseconds
            let response: HTTPResponse
            do throws(Problem) { response = try body() } catch { response = error.response() }
            metrics?.record(operation, status: response.status, since: start)
            return response
        }

        private func ifMatch(_ request: HTTPRequest) throws(Problem) -> Precondition? {
            guard let header = request.headers["If-Match"] else { return nil }
            return .ifMatch(strongTags(header))
        }

        private func metadata(_ reader: QueryReader, contentType: String) throws(Problem) -> UploadMetadata {
            UploadMetadata(newspaper: try reader.string("newspaper"), date: try ArticleFilters.date(reader, "date"),
                           pageLabel: try reader.string("page_label"), section: try reader.string("section"),
                           contentType: contentType)
        }

        /// `Authorization: Bearer <token>`, compared in constant time. No configured token means
        /// writes are off.
        private func authorize(_ request: HTTPRequest) throws(Problem) {
            guard let token = configuration.apiToken, !token.isEmpty else {
                throw Problem(status: .forbidden, slug: "writes-disabled",
                              detail: "writes are disabled: no API token is configured (set NEWSROOM_API_TOKEN)")
            }
            guard let header = request.headers["Authorization"] else {
                throw Problem(status: .unauthorized, slug: "unauthorized", detail: "missing Authorization: Bearer token")
            }
            let prefix = "bearer "
            guard header.count > prefix.count, header.lowercased().hasPrefix(prefix),
                  constantTimeEqual(Array(header.utf8.dropFirst(prefix.utf8.count)), Array(token.utf8))
            else {
                throw Problem(status: .unauthorized, slug: "unauthorized", detail: "invalid bearer token")
            }
        }

        /// The page: `text/plain` or `text/html`, in a charset the parser reads (UTF-8 when none is
        /// declared and the bytes are not recognisably another), within the size limit.
        private func pageBody(_ request: HTTPRequest) throws(Problem) -> (Data, String) {
            let contentType = request.headers["Content-Type"] ?? ""
            let parts = contentType.split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces).lowercased() }
            guard let media = parts.first, Self.mediaTypes.contains(media) else {
                throw Problem(status: .unsupportedMediaType, slug: "unsupported-media-type",
                              detail: "send the page as text/plain or text/html, not '\(contentType)'")
            }
            for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
                let charset = String(parameter.dropFirst("charset=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
                guard PageEncoding(charsetLabel: charset) != nil else {
                    throw Problem(status: .unsupportedMediaType, slug: "unsupported-media-type",
                                  detail: "charset '\(charset)' is not supported; use UTF-8, UTF-16 or GB18030 (GBK, GB2312)")
                }
            }
            guard request.body.count <= configuration.maxPageBytes else {
                throw Problem(status: .payloadTooLarge, slug: "page-too-large",
                              detail: "a page may be at most \(configuration.maxPageBytes) bytes; this one is \(request.body.count)")
            }
            return (Data(request.body), contentType)
        }

        static let mediaTypes: Set<String> = ["text/plain", "text/html"]

        private func written(_ result: WriteResult, status: HTTPStatus, pretty: Bool) -> HTTPResponse {
            let state = archive.state()
            let page = state?.page(id: result.page.id) ?? result.page
            guard case .object(var fields)? = state.map({ PageJSON.full(page, in: $0) }) else {
                return HTTPResponse(status: status)
            }
            fields.append(("removed_articles", .array(result.removedArticles.map(JSON.string))))
            if let warning = result.durabilityWarning { fields.append(("warning", .string("stored, but not yet durable: \(warning)"))) }
            var headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"]
            headers.add("Location", Links.page(page.id))
            headers.add("ETag", page.etag)
            headers.add("Last-Modified", RFC3339.httpDate(page.updatedAt))
            return HTTPResponse(status: status, headers: headers, body: JSON.object(fields).serialized(pretty: pretty))
        }

        private func problem(_ error: WriteError) -> Problem {
            switch error {
            case .notReady:
                return .notReady
            case .invalidID(let id):
                return .invalidParameter("id", "'\(id)' is not a valid page id: use 1-64 letters, digits, '-', '_' or '.', not starting with '.'")
            case .conflict(let id):
                return Problem(status: .conflict, slug: "page-exists",
                               detail: "a page with id '\(id)' already exists; PUT \(Links.page(id)) replaces an uploaded page",
                               extra: [("existing", .object([("id", .string(id)), ("url", .string(Links.page(id)))]))])
            case .duplicate(let existing):
                return Problem(status: .conflict, slug: "duplicate-page",
                               detail: "the same page is stored already, as '\(existing)'",
                               extra: [("existing", .object([("id", .string(existing)), ("url", .string(Links.page(existing)))]))],
                               headers: ["Link": "<\(Links.page(existing))>; rel=\"duplicate\""])
            case .readOnly(let id):
                return Problem(status: .forbidden, slug: "read-only", detail: "page '\(id)' is a bundled seed page and cannot be changed")
            case .notFound(let id):
                return .notFound("no page with id '\(id)'")
            case .preconditionFailed(let current):
                var headers: HTTPHeaders = [:]
                if let current { headers.add("ETag", current) }
                return Problem(status: .preconditionFailed, slug: "precondition-failed",
                               detail: current == nil ? "the page does not exist (If-Match) or exists (If-None-Match: *)"
                                   : "the page has changed since; its current tag is \(current!)",
                               extra: [("current_etag", .optional(current))], headers: headers)
            case .unparseable(let parseError):
                return Problem(status: .unprocessableContent, slug: "unparseable-page", detail: parseError.message)
            case .storage(let detail, let changed):
                return Problem(status: .internalServerError, slug: "storage",
                               detail: changed ? "the page was changed, but: \(detail)" : "the page could not be stored: \(detail); nothing was changed",
                               extra: [("changed", .bool(changed))])
            }
        }
    }
}

/// Equal length and equal bytes, in time that depends only on the lengths.
func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
    let count = max(a.count, b.count)
    for index in 0..<count {
        let x = index < a.count ? a[index] : 0
        let y = index < b.count ? b[index] : 0
        difference |= x ^ y
    }
    return difference == 0 && a.count == b.count
}
