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
                ("description", .string("A structured, searchable archive of Chinese local-newspaper pages: articles, authors, localities, local policy initiatives and keyword tags. Lists use page/per_page pagination with X-Total-Count and RFC 8288 Link headers; errors are RFC 9457 problem documents; every GET has a strong ETag and answers If-None-Match with 304; add pretty=1 for indented JSON.")),
            ])),
            ("servers", .array([.object([("url", .string("/"))])])),
            ("tags", .array(["articles", "authors", "localities", "initiatives", "tags", "pages", "health"].map { .object([("name", .string($0))]) })),
            ("paths", .object(paths.map { ($0.0, .object($0.1)) })),
            ("components", .object([
                ("schemas", .object(Schemas.all)),
                ("securitySchemes", .object([("bearerAuth", .object([("type", .string("http")), ("scheme", .string("bearer"))]))])),
                ("headers", .object([
                    ("ETag", .object([("description", .string("Strong entity tag of the representation.")), ("schema", Schemas.string)])),
                    ("Link", .object([("description", .string("RFC 8288 links: first, prev, next, last.")), ("schema", Schemas.string)])),
                    ("X-Total-Count", .object([("description", .string("Number of items over all pages.")),
                                              ("schema", .object([("type", .string("string")), ("pattern", .string("^[0-9]+$"))]))])),
                ])),
            ])),
        ])
    }

    private static func operation(_ endpoint: Endpoint) -> JSON {
        var parameters: [JSON] = endpoint.pathParameters.map { parameter in
            .object([("name", .string(parameter.name)), ("in", .string("path")), ("required", .bool(true)),
                     ("description", .string(parameter.description)), ("schema", schema(for: parameter.kind))])
        }
        for parameter in endpoint.parameters {
            parameters.append(.object([
                ("name", .string(parameter.name)), ("in", .string("query")),
                ("required", .bool(endpoint.operationID == "search" && parameter.name == "q")),
                ("description", .string(parameter.description)),
                ("schema", schema(for: parameter.kind)),
            ]))
        }
        var responses: [(String, JSON)] = []
        let success: JSON
        if let schema = endpoint.responseSchema {
            var headers: [(String, JSON)] = []
            if endpoint.cacheable { headers.append(("ETag", .object([("$ref", .string("#/components/headers/ETag"))]))) }
            if schema.hasSuffix("List") || schema == "SearchResults" || schema == "TagDetail" {
                headers.append(("Link", .object([("$ref", .string("#/components/headers/Link"))])))
                headers.append(("X-Total-Count", .object([("$ref", .string("#/components/headers/X-Total-Count"))])))
            }
            if endpoint.successStatus == 201 {
                headers.append(("Location", .object([("description", .string("URL of the page.")), ("schema", Schemas.string)])))
            }
            success = .object([
                ("description", .string(endpoint.successStatus == 201 ? "Created." : "OK.")),
                ("headers", .object(headers)),
                ("content", .object([("application/json", .object([("schema", Schemas.ref(schema))]))])),
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
            responses.append(("304", .object([("description", .string("Not modified: the If-None-Match tag is current."))])))
        }
        for status in ([400] + endpoint.errors).sorted() {
            responses.append((String(status), .object([
                ("description", .string(problemDescription(status))),
                ("content", .object([("application/problem+json", .object([("schema", Schemas.ref("Problem"))]))])),
            ])))
        }
        var fields: [(String, JSON)] = [
            ("operationId", .string(endpoint.operationID)),
            ("summary", .string(endpoint.summary)),
            ("tags", .array([.string(endpoint.tag)])),
            ("parameters", .array(parameters)),
            ("responses", .object(responses)),
        ]
        if endpoint.requestBody {
            fields.append(("requestBody", .object([
                ("required", .bool(true)),
                ("description", .string("The page text, as dumped from the newspaper page.")),
                ("content", .object([("text/plain", .object([("schema", .object([("type", .string("string"))]))]))])),
            ])))
        }
        if endpoint.authenticated {
            fields.append(("security", .array([.object([("bearerAuth", .array([]))])])))
        }
        return .object(fields)
    }

    private static func schema(for kind: ParameterSpec.Kind) -> JSON {
        switch kind {
        case .string: return .object([("type", .string("string")), ("minLength", .int(1))])
        case .integer(let minimum, let maximum, let fallback):
            return .object([("type", .string("integer")), ("minimum", .int(minimum)), ("maximum", .int(maximum)), ("default", .int(fallback))])
        case .choice(let options): return .object([("type", .string("string")), ("enum", .array(options.map(JSON.string)))])
        case .flag: return .object([("type", .string("string")), ("enum", .array(["1", "true", "0", "false"].map(JSON.string)))])
        case .pattern(let pattern): return .object([("type", .string("string")), ("pattern", .string(pattern))])
        }
    }

    private static func problemDescription(_ status: Int) -> String {
        switch status {
        case 400: "Invalid parameter: unknown name, repeated name or bad value (the problem names it)."
        case 401: "Missing or wrong bearer token."
        case 403: "Writes are disabled (no token configured), or the page is a read-only seed page."
        case 404: "No such resource."
        case 409: "A page with this id already exists."
        case 413: "The page is larger than the configured limit."
        case 415: "The body is not text/plain in UTF-8."
        case 422: "The text is not a newspaper page: not UTF-8, empty, binary, or no recognisable article."
        default: "Error."
        }
    }
}
