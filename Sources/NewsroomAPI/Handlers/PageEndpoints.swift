import Archive
import Foundation
import HTTPServer
import JSONValue
import PageParser

/// `GET /pages`, `GET /pages/{id}` and the writes: `POST /pages`, `PUT` and `DELETE /pages/{id}`.
enum PageEndpoints {
    static let listParameters: [ParameterSpec] = [.page, .perPage, .pretty]
    static let detailParameters: [ParameterSpec] = [.pretty]
    static let createParameters: [ParameterSpec] = [
        ParameterSpec(name: "id", description: "Page id to use (letters, digits, '-', '_', '.'); default: upload-<content hash>.",
                      kind: .pattern(ParameterSpec.pageIDPattern)),
        .pretty,
    ]

    static func summary(_ record: PageRecord) -> JSON {
        .object([
            ("id", .string(record.page.id)),
            ("url", .string("/api/v1/pages/" + percentEncodePathSegment(record.page.id))),
            ("file", .string(record.page.file)),
            ("source", .string(record.source.rawValue)),
            ("newspaper", .optional(record.page.newspaper)),
            ("banners", .array(record.page.banners.map(JSON.string))),
            ("article_count", .int(record.page.articles.count)),
        ])
    }

    static func detailJSON(_ record: PageRecord, in snapshot: ArchiveSnapshot) -> JSON {
        guard case .object(var fields) = summary(record) else { return .null }
        let page = record.page
        fields += [
            ("editors", .array(page.editors.map { .object([("role", .string($0.role)), ("name", .string($0.name))]) })),
            ("emails", .array(page.emails.map(JSON.string))),
            ("page_numbers", .array(page.pageNumbers.map(JSON.string))),
            ("fragments", .array(page.fragments.map(JSON.string))),
            ("articles", .array(record.articleIndexes.map { ArticleJSON.summary(snapshot.articles[$0], in: snapshot) })),
        ]
        return .object(fields)
    }

    static func list(_ snapshot: ArchiveSnapshot, _ request: HTTPRequest, _ reader: QueryReader) throws(Problem) -> Rendered {
        let pagination = try Pagination(reader)
        return pagination.envelope(pagination.slice(snapshot.pages).map(summary), total: snapshot.pages.count, request: request)
    }

    static func detail(_ snapshot: ArchiveSnapshot, _ request: HTTPRequest, _ reader: QueryReader) throws(Problem) -> Rendered {
        let id = request.parameters["id"] ?? ""
        guard let record = snapshot.page(id: id) else { throw .notFound("no page with id '\(id)'") }
        return Rendered(json: detailJSON(record, in: snapshot))
    }

    // MARK: - Writes

    struct Writer: Sendable {
        let archive: Archive
        let configuration: APIConfiguration

        func create(_ request: HTTPRequest, _ context: RequestContext) -> HTTPResponse {
            respond { () throws(Problem) -> HTTPResponse in
                let reader = try QueryReader(request, allowed: createParameters)
                try authorize(request)
                let data = try pageBody(request)
                let id = try reader.string("id") ?? request.headers["Slug"]
                let record: PageRecord
                do throws(WriteError) { record = try archive.add(data, id: id) } catch { throw problem(error) }
                return written(record, status: .created, pretty: try reader.pretty)
            }
        }

        func replace(_ request: HTTPRequest, _ context: RequestContext) -> HTTPResponse {
            respond { () throws(Problem) -> HTTPResponse in
                let reader = try QueryReader(request, allowed: detailParameters)
                try authorize(request)
                let data = try pageBody(request)
                let id = request.parameters["id"] ?? ""
                let result: Archive.WriteResult
                do throws(WriteError) { result = try archive.put(data, id: id) } catch { throw problem(error) }
                switch result {
                case .created(let record): return written(record, status: .created, pretty: try reader.pretty)
                case .replaced(let record): return written(record, status: .ok, pretty: try reader.pretty)
                }
            }
        }

        func delete(_ request: HTTPRequest, _ context: RequestContext) -> HTTPResponse {
            respond { () throws(Problem) -> HTTPResponse in
                _ = try QueryReader(request, allowed: [])
                try authorize(request)
                do throws(WriteError) { try archive.delete(id: request.parameters["id"] ?? "") } catch { throw problem(error) }
                return HTTPResponse(status: .noContent)
            }
        }

        private func respond(_ body: () throws(Problem) -> HTTPResponse) -> HTTPResponse {
            do throws(Problem) { return try body() } catch { return error.response() }
        }

        /// `Authorization: Bearer <token>`, compared in constant time. No configured token means
        /// writes are off.
        private func authorize(_ request: HTTPRequest) throws(Problem) {
            guard let token = configuration.apiToken, !token.isEmpty else {
                throw Problem(status: .forbidden, type: "urn:newsroom:problem:writes-disabled",
                              detail: "writes are disabled: no API token is configured (set NEWSROOM_API_TOKEN)")
            }
            guard let header = request.headers["Authorization"] else {
                throw Problem(status: .unauthorized, type: "urn:newsroom:problem:unauthorized", detail: "missing Authorization: Bearer token")
            }
            let prefix = "bearer "
            guard header.count > prefix.count, header.lowercased().hasPrefix(prefix),
                  constantTimeEqual(Array(header.utf8.dropFirst(prefix.utf8.count)), Array(token.utf8))
            else {
                throw Problem(status: .unauthorized, type: "urn:newsroom:problem:unauthorized", detail: "invalid bearer token")
            }
        }

        /// The page text: `text/plain` in UTF-8, within the size limit.
        private func pageBody(_ request: HTTPRequest) throws(Problem) -> Data {
            let contentType = request.headers["Content-Type"] ?? ""
            let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard parts.first == "text/plain" else {
                throw Problem(status: .unsupportedMediaType, type: "urn:newsroom:problem:unsupported-media-type",
                              detail: "send the page as text/plain; charset=utf-8, not '\(contentType)'")
            }
            for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
                let charset = parameter.dropFirst("charset=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                guard charset == "utf-8" || charset == "utf8" else {
                    throw Problem(status: .unsupportedMediaType, type: "urn:newsroom:problem:unsupported-media-type",
                                  detail: "only charset=utf-8 is accepted, not '\(charset)'")
                }
            }
            guard request.body.count <= configuration.maxPageBytes else {
                throw Problem(status: .payloadTooLarge, type: "urn:newsroom:problem:page-too-large",
                              detail: "a page may be at most \(configuration.maxPageBytes) bytes; this one is \(request.body.count)")
            }
            return Data(request.body)
        }

        private func written(_ record: PageRecord, status: HTTPStatus, pretty: Bool) -> HTTPResponse {
            let snapshot = archive.snapshot()
            let body = detailJSON(snapshot.page(id: record.page.id) ?? record, in: snapshot)
            var headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"]
            headers.add("Location", "/api/v1/pages/" + percentEncodePathSegment(record.page.id))
            return HTTPResponse(status: status, headers: headers, body: body.serialized(pretty: pretty))
        }

        private func problem(_ error: WriteError) -> Problem {
            switch error {
            case .invalidID(let id):
                return .invalidParameter("id", "'\(id)' is not a valid page id: use 1-64 letters, digits, '-', '_' or '.', not starting with '.'")
            case .conflict(let id):
                return Problem(status: .conflict, type: "urn:newsroom:problem:page-exists",
                               detail: "a page with id '\(id)' already exists; PUT /api/v1/pages/\(id) replaces an uploaded page")
            case .readOnly(let id):
                return Problem(status: .forbidden, type: "urn:newsroom:problem:read-only",
                               detail: "page '\(id)' is a bundled seed page and cannot be changed")
            case .notFound(let id):
                return .notFound("no page with id '\(id)'")
            case .unparseable(let parseError):
                return Problem(status: .unprocessableContent, type: "urn:newsroom:problem:unparseable-page", detail: parseError.message)
            case .storage(let detail):
                return Problem(status: .internalServerError, type: "urn:newsroom:problem:storage",
                               detail: "the page could not be stored: \(detail); nothing was changed")
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
