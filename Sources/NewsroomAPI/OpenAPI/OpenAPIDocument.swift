import JSONValue

/// The OpenAPI 3.1 description of the API, made from the same endpoint list the router serves.
enum OpenAPIDocument {
    static func make(_ endpoints: [Endpoint], version: String) -> JSON {
        var paths: [(String, [(String, JSON)])] = []
        for endpoint in endpoints {
            let operation = (endpoint.method.description.lowercased(), self.operation(endpoint))
            if let index = paths.firstIndex(where: { $0.0 == endpoint.path }) {
                paths[index].1.append(operation)
            } else {
                paths.append((endpoint.path, [operation]))
            }
        }
        return .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([
                ("title", .string("Newsroom")),
                ("version", .string(version)),
                ("description", .string(description)),
            ])),
            ("servers", .array([.object([("url", .string("/"))])])),
            ("tags", .array([
                ("index", "Where everything is."), ("articles", "Articles, their search and their full text."),
                ("authors", "People credited by the pages."), ("localities", "Places: official divisions and places found by naming pattern."),
                ("initiatives", "Named local policy programmes."), ("tags", "Keyword tags discovered from the archive."),
                ("pages", "Page files, editions and uploads."), ("feeds", "Atom feeds and sitemaps."), ("health", "Liveness and readiness."),
            ].map { .object([("name", .string($0.0)), ("description", .string($0.1))]) })),
            ("paths", .object(paths.map { ($0.0, .object($0.1)) })),
            ("components", .object([
                ("schemas", .object(Schemas.all)),
                ("securitySchemes", .object([("bearerAuth", .object([
                    ("type", .string("http")), ("scheme", .string("bearer")),
                    ("description", .string("The server's API token (NEWSROOM_API_TOKEN); writes are refused when none is set.")),
                ]))])),
                ("headers", .object([
                    ("ETag", header("Strong entity tag of the representation (a page's version on /pages/{id}); send it back in If-None-Match (304) or If-Match (412).", "\"1x2y3z-4a5b6c\"")),
                    ("Last-Modified", header("When the content last changed; If-Modified-Since gets 304.", "Tue, 01 Dec 2026 21:05:00 GMT")),
                    ("Link", header("RFC 8288 links: first, prev, next, last.", "</api/v1/articles?page=2>; rel=\"next\"")),
                    ("X-Total-Count", .object([("description", .string("Number of items over all pages.")),
                                              ("schema", .object([("type", .string("string")), ("pattern", .string("^[0-9]+$"))])),
                                              ("example", .string("25"))])),
                    ("X-Request-Id", header("The request's id, as in the access log (the client's own when it sent a valid one).", "k3j2h1g0f9e8d7c6")),
                ])),
            ])),
        ])
    }

    static let description = """
    A structured, searchable archive of Chinese local-newspaper pages: articles, authors, localities, local \
    policy initiatives and keyword tags.

    **Conventions.** Lists take page and per_page (at most 100) and answer with an envelope \
    {items, total, page, per_page}, X-Total-Count and RFC 8288 Link headers. Every entity has one summary \
    shape used wherever it is referenced (with id, url and name) and a full shape at its own URL; counts are \
    article_count (articles linked to the entity) and mention_count (times it is named). Every GET has a strong \
    ETag (If-None-Match → 304) and Last-Modified (If-Modified-Since → 304); JSON, feeds and the frontend are \
    gzip-compressed when the client accepts it. Add pretty=1 for indented JSON.

    **Dates.** Pages carry their edition date, newspaper, page label and section (as uploaded, else as printed; \
    never guessed). Article lists sort newest edition first (sort=-date) by default; from and to select an \
    inclusive range of edition dates. Undated articles come after dated ones.

    **Ids.** Article ids are <page id>-<content key> and survive replacing the page (matched by content); a \
    removed article answers 410 Gone with a link to its page. Filters accept names and short forms as well as \
    ids (locality=株洲 is 430200); an ambiguous name is a 400 listing the candidates.

    **Search syntax** (q): words separated by spaces must all match; "quoted text" must occur as written; \
    A OR B matches either; -word or -"phrase" excludes matches.

    **Query parameters.** An unknown parameter is a 400 naming it (with the closest known name), except those \
    browsers and trackers add, which are ignored: _ and any name starting with _, utm_*, fbclid, gclid, msclkid, \
    mc_cid, mc_eid, yclid, dclid, igshid and spm.

    **Writes** need Authorization: Bearer <token>. POST /pages and PUT /pages/{id} with If-None-Match: * create only; PUT and \
    DELETE honour If-Match with the page's ETag (412 on a stale tag); the same content under any id is 409 \
    duplicate-page with a link to the stored page.

    **Errors** are RFC 9457 problem documents whose type is urn:newsroom:problem:<slug>:
    """ + Problem.types.map { "\n- \($0.slug) (\($0.status)): \($0.meaning)" }.joined()

    private static func header(_ description: String, _ example: String) -> JSON {
        .object([("description", .string(description)), ("schema", Schemas.string), ("example", .string(example))])
    }

    private static func operation(_ endpoint: Endpoint) -> JSON {
        var parameters: [JSON] = endpoint.pathParameters.map { parameter in
            .object([("name", .string(parameter.name)), ("in", .string("path")), ("required", .bool(true)),
                     ("description", .string(parameter.description)), ("schema", schema(for: parameter.kind)),
                     ("example", .string(parameter.example))])
        }
        for parameter in endpoint.parameters {
            parameters.append(.object([
                ("name", .string(parameter.name)), ("in", .string("query")),
                ("required", .bool(endpoint.operationID == "search" && parameter.name == "q")),
                ("description", .string(parameter.description)),
                ("schema", schema(for: parameter.kind)),
                ("example", .string(parameter.example)),
            ]))
        }
        switch endpoint.method {
        case .PUT:
            parameters.append(headerParameter("If-Match", "The page's ETag as last read; a stale tag is 412 and nothing changes.", "\"p3k2j1\""))
            parameters.append(headerParameter("If-None-Match", "`*`: create only; an existing page is 412 and nothing changes. With If-Match too it is always 412 (both cannot hold).", "*", only: ["*"]))
        case .DELETE:
            parameters.append(headerParameter("If-Match", "The page's ETag as last read; a stale tag is 412 and nothing changes.", "\"p3k2j1\""))
        case .POST:
            parameters.append(headerParameter("If-None-Match", "`*`: create only; a taken id is 412 instead of 409.", "*", only: ["*"]))
        default:
            if endpoint.cacheable {
                parameters.append(headerParameter("If-None-Match", "ETags the client holds; a current one gets 304.", "\"1x2y3z-4a5b6c\""))
            }
        }
        var responses: [(String, JSON)] = []
        let success: JSON
        if let schema = endpoint.responseSchema {
            var headers: [(String, JSON)] = [("X-Request-Id", .object([("$ref", .string("#/components/headers/X-Request-Id"))]))]
            if endpoint.cacheable || endpoint.method != .GET {
                headers.append(("ETag", .object([("$ref", .string("#/components/headers/ETag"))])))
                headers.append(("Last-Modified", .object([("$ref", .string("#/components/headers/Last-Modified"))])))
            }
            if schema.hasSuffix("List") || schema == "SearchResults" {
                headers.append(("Link", .object([("$ref", .string("#/components/headers/Link"))])))
                headers.append(("X-Total-Count", .object([("$ref", .string("#/components/headers/X-Total-Count"))])))
            }
            if endpoint.successStatus == 201 {
                headers.append(("Location", .object([("description", .string("URL of the page.")), ("schema", Schemas.string)])))
            }
            success = .object([
                ("description", .string(endpoint.successStatus == 201 ? "Created." : "OK.")),
                ("headers", .object(headers)),
                ("content", content(endpoint, schema)),
            ])
        } else {
            success = .object([("description", .string("No content."))])
        }
        responses.append((String(endpoint.successStatus), success))
        if endpoint.method == .PUT {
            responses.append(("201", .object([
                ("description", .string("Created (the page did not exist).")),
                ("headers", .object([("Location", .object([("description", .string("URL of the page.")), ("schema", Schemas.string)]))])),
                ("content", .object([("application/json", .object([("schema", Schemas.ref("PageDetail"))]))])),
            ])))
        }
        if endpoint.cacheable {
            responses.append(("304", .object([("description", .string("Not modified: the If-None-Match tag is current, or nothing changed since If-Modified-Since."))])))
        }
        for status in Set([400] + endpoint.errors).sorted() {
            if endpoint.operationID == "ready" && status == 503 {
                responses.append(("503", .object([
                    ("description", .string("Still loading (with progress), or a page folder cannot be read.")),
                    ("content", .object([("application/json", .object([("schema", Schemas.ref("Ready"))]))])),
                ])))
                continue
            }
            responses.append((String(status), .object([
                ("description", .string(problemDescription(status))),
                ("content", .object([("application/problem+json", .object([("schema", Schemas.ref("Problem"))]))])),
            ])))
        }
        var fields: [(String, JSON)] = [
            ("operationId", .string(endpoint.operationID)),
            ("summary", .string(endpoint.summary)),
            ("description", .string(endpoint.description ?? endpoint.summary)),
            ("tags", .array([.string(endpoint.tag)])),
            ("parameters", .array(parameters)),
            ("responses", .object(responses)),
        ]
        if endpoint.requestBody {
            let schema = JSON.object([("type", .string("string")), ("description", .string("The page as dumped from the newspaper page."))])
            fields.append(("requestBody", .object([
                ("required", .bool(true)),
                ("description", .string("The page: text (UTF-8) or HTML, as dumped from the newspaper page. The query parameters give what the page does not print.")),
                ("content", .object([
                    ("text/plain", .object([("schema", schema), ("example", .string("为基层松绑减负\n\n李龙山\n\n党的二十大提出……(作者单位:株洲市委党校)"))])),
                ])),
            ])))
        }
        if endpoint.authenticated {
            fields.append(("security", .array([.object([("bearerAuth", .array([]))])])))
        }
        return .object(fields)
    }

    private static func content(_ endpoint: Endpoint, _ schema: String) -> JSON {
        switch endpoint.contentType {
        case "text/plain":
            return .object([("text/plain", .object([("schema", Schemas.ref(schema))])), ("text/html", .object([("schema", Schemas.ref(schema))]))])
        default:
            return .object([(endpoint.contentType, .object([("schema", Schemas.ref(schema))]))])
        }
    }

    private static func headerParameter(_ name: String, _ description: String, _ example: String, only values: [String]? = nil) -> JSON {
        let schema: JSON = values.map { .object([("type", .string("string")), ("enum", .array($0.map(JSON.string)))]) } ?? Schemas.string
        return .object([("name", .string(name)), ("in", .string("header")), ("required", .bool(false)),
                        ("description", .string(description)), ("schema", schema), ("example", .string(example))])
    }

    private static func schema(for kind: ParameterSpec.Kind) -> JSON {
        switch kind {
        case .string: return .object([("type", .string("string")), ("minLength", .int(1))])
        case .integer(let minimum, let maximum, let fallback):
            return .object([("type", .string("integer")), ("minimum", .int(minimum)), ("maximum", .int(maximum)), ("default", .int(fallback))])
        case .choice(let options): return .object([("type", .string("string")), ("enum", .array(options.map(JSON.string)))])
        case .flag: return .object([("type", .string("string")), ("enum", .array(["1", "true", "0", "false"].map(JSON.string)))])
        case .pattern(let pattern): return .object([("type", .string("string")), ("pattern", .string(pattern))])
        case .date: return .object([("type", .string("string")), ("format", .string("date")), ("pattern", .string(ParameterSpec.datePattern))])
        }
    }

    private static func problemDescription(_ status: Int) -> String {
        let slugs = Problem.types.filter { $0.status == status }.map(\.slug)
        let meaning: String = switch status {
        case 400: "Invalid parameter (unknown, repeated or malformed; the problem names it), or an ambiguous name."
        case 401: "Missing or wrong bearer token."
        case 403: "Writes are disabled (no token configured), or the page is a read-only seed page."
        case 404: "No such resource."
        case 409: "A page with this id exists already, or the same content is stored under another id."
        case 410: "The article was removed from its page; the problem links to the page."
        case 412: "If-Match or If-None-Match did not hold; the problem gives the current ETag."
        case 413: "The page is larger than the configured limit."
        case 415: "The body is not text/plain in a supported charset."
        case 422: "The text is not a newspaper page: not text, empty, binary, or no recognisable article."
        case 503: "The archive is still loading (Retry-After), or the server is busy."
        default: "Error."
        }
        return slugs.isEmpty ? meaning : meaning + " Types: " + slugs.joined(separator: ", ") + "."
    }
}
