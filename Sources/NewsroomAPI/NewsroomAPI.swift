import Archive
import Foundation
import HTTPServer
import JSONValue

/// The REST API and the frontend, as routes for the HTTP engine.
public enum NewsroomAPI {
    /// - Parameter loopCount: the server's event loops, each of which gets its own response cache.
    public static func makeRouter(archive: Archive, configuration: APIConfiguration, loopCount: Int) -> Router {
        let states = LoopStates(archive: archive, loops: loopCount, capacity: configuration.responseCacheEntries)
        let endpoints = endpoints(archive: archive, states: states, configuration: configuration)
        let openAPI = OpenAPIDocument.make(endpoints, version: configuration.version).serialized()

        var router = Router()
        for endpoint in endpoints {
            if let pool = endpoint.pool {
                router.add(endpoint.method, endpoint.path, pool: pool, endpoint.handler)
            } else {
                router.add(endpoint.method, endpoint.path, endpoint.handler)
            }
        }
        let openAPIHandler: RouteHandler = { _, _ in
            HTTPResponse(status: .ok, headers: [
                "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300",
                "ETag": "\"" + String(fnv1a64(openAPI), radix: 36) + "\"",
            ], body: openAPI)
        }
        router.add(.GET, "/api/v1/openapi.json", openAPIHandler)
        router.add(.GET, "/openapi.json", openAPIHandler)
        router.add(.GET, "/healthz", HealthEndpoints.health(version: configuration.version))
        router.add(.GET, "/readyz", HealthEndpoints.ready(states: states, version: configuration.version))

        if let directory = configuration.publicDirectory {
            let files = StaticFiles(directory: directory)
            router.add(.GET, "/", files.handler)
            router.add(.GET, "/index.html", files.handler)
            router.add(.GET, "/assets/{path...}", files.handler)
        }
        router.fallback = { request, _ in
            Problem.notFound("no resource at \(request.path)").response()
        }
        let cors = CORSPolicy(origins: configuration.corsOrigins)
        router.responseFilter = { request, response in
            cors.apply(to: request, &response)
            SecurityHeaders.apply(&response)
        }
        return router
    }

    static func endpoints(archive: Archive, states: LoopStates, configuration: APIConfiguration) -> [Endpoint] {
        func read(_ path: String, _ operationID: String, _ summary: String, tag: String, _ parameters: [ParameterSpec],
                  pathParameters: [ParameterSpec] = [], schema: String, errors: [Int] = [],
                  render: @escaping @Sendable (ArchiveSnapshot, HTTPRequest, QueryReader) throws(Problem) -> Rendered) -> Endpoint {
            let cached = CachedEndpoint(states: states, parameters: parameters, cacheControl: "public, no-cache", render: render)
            return Endpoint(method: .GET, path: path, operationID: operationID, summary: summary, tag: tag, parameters: parameters,
                            pathParameters: pathParameters, responseSchema: schema, errors: errors, handler: cached.handler)
        }
        let writer = PageEndpoints.Writer(archive: archive, configuration: configuration)
        let id = [ParameterSpec(name: "id", description: "The resource id.", kind: .string)]
        let pageID = [ParameterSpec(name: "id", description: "The page id.", kind: .pattern(ParameterSpec.pageIDPattern))]
        return [
            read("/api/v1/articles", "listArticles", "Articles, filtered, searched, sorted and paginated.", tag: "articles",
                 ArticleEndpoints.listParameters, schema: "ArticleList", render: ArticleEndpoints.list),
            read("/api/v1/articles/{id}", "getArticle", "One article in full, with its links.", tag: "articles",
                 EntityEndpoints.detailParameters, pathParameters: id, schema: "Article", errors: [404], render: ArticleEndpoints.detail),
            read("/api/v1/search", "search", "Ranked article hits with highlighted snippets, and matching authors, initiatives and tags.",
                 tag: "articles", ArticleEndpoints.searchParameters, schema: "SearchResults", render: ArticleEndpoints.search),
            read("/api/v1/authors", "listAuthors", "Authors, most prolific first.", tag: "authors",
                 EntityEndpoints.authorListParameters, schema: "AuthorList", render: EntityEndpoints.authors),
            read("/api/v1/authors/{id}", "getAuthor", "One author with positions, organisations and articles.", tag: "authors",
                 EntityEndpoints.detailParameters, pathParameters: id, schema: "AuthorDetail", errors: [404], render: EntityEndpoints.author),
            read("/api/v1/localities", "listLocalities", "Places that articles are about or mention.", tag: "localities",
                 EntityEndpoints.localityListParameters, schema: "LocalityList", render: EntityEndpoints.localities),
            read("/api/v1/localities/{id}", "getLocality", "One place with its parent, children, articles and initiatives.",
                 tag: "localities", EntityEndpoints.detailParameters, pathParameters: id, schema: "LocalityDetail", errors: [404],
                 render: EntityEndpoints.locality),
            read("/api/v1/initiatives", "listInitiatives", "Local policy initiatives, most mentioned first.", tag: "initiatives",
                 EntityEndpoints.initiativeListParameters, schema: "InitiativeList", render: EntityEndpoints.initiatives),
            read("/api/v1/initiatives/{id}", "getInitiative", "One initiative with its mentions in context.", tag: "initiatives",
                 EntityEndpoints.detailParameters, pathParameters: id, schema: "InitiativeDetail", errors: [404],
                 render: EntityEndpoints.initiative),
            read("/api/v1/tags", "listTags", "Keyword tags with the number of articles they tag.", tag: "tags",
                 EntityEndpoints.tagListParameters, schema: "TagList", render: EntityEndpoints.tags),
            read("/api/v1/tags/{tag}", "getTag", "The articles of one tag.", tag: "tags", EntityEndpoints.pagedDetailParameters,
                 pathParameters: [ParameterSpec(name: "tag", description: "The tag's term.", kind: .string)], schema: "TagDetail", errors: [404], render: EntityEndpoints.tag),
            read("/api/v1/pages", "listPages", "Page files of the archive.", tag: "pages", PageEndpoints.listParameters,
                 schema: "PageList", render: PageEndpoints.list),
            read("/api/v1/pages/{id}", "getPage", "One page with banners, editors and its articles.", tag: "pages",
                 PageEndpoints.detailParameters, pathParameters: id, schema: "PageDetail", errors: [404], render: PageEndpoints.detail),
            Endpoint(method: .POST, path: "/api/v1/pages", operationID: "createPage",
                     summary: "Upload a page (text/plain; charset=utf-8). Stored durably before the 201.", tag: "pages",
                     parameters: PageEndpoints.createParameters, responseSchema: "PageDetail", successStatus: 201,
                     errors: [401, 403, 409, 413, 415, 422], cacheable: false, requestBody: true, authenticated: true,
                     handler: writer.create, pool: "writes"),
            Endpoint(method: .PUT, path: "/api/v1/pages/{id}", operationID: "putPage",
                     summary: "Create or replace an uploaded page. Seed pages are read-only.", tag: "pages",
                     parameters: PageEndpoints.detailParameters, pathParameters: pageID, responseSchema: "PageDetail",
                     errors: [401, 403, 413, 415, 422], cacheable: false, requestBody: true, authenticated: true,
                     handler: writer.replace, pool: "writes"),
            Endpoint(method: .DELETE, path: "/api/v1/pages/{id}", operationID: "deletePage",
                     summary: "Remove an uploaded page. Seed pages are read-only.", tag: "pages", parameters: [],
                     pathParameters: pageID, responseSchema: nil, successStatus: 204, errors: [401, 403, 404], cacheable: false,
                     authenticated: true, handler: writer.delete, pool: "writes"),
            Endpoint(method: .GET, path: "/api/v1/healthz", operationID: "health", summary: "The process is up.", tag: "health",
                     parameters: [], responseSchema: "Health", cacheable: false, handler: HealthEndpoints.health(version: configuration.version)),
            Endpoint(method: .GET, path: "/api/v1/readyz", operationID: "ready", summary: "The archive is loaded and serving.",
                     tag: "health", parameters: [.pretty], responseSchema: "Ready", cacheable: false,
                     handler: HealthEndpoints.ready(states: states, version: configuration.version)),
        ]
    }
}
