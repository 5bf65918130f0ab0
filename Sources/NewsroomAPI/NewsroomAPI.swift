import Archive
import Foundation
import HTTPServer
import JSONValue

/// The REST API and the frontend, as routes for the HTTP engine.
public enum NewsroomAPI {
    /// - Parameter metrics: the registry the server records into; given, the archive's and the
    ///   API's metrics join it and `/metrics` serves them all.
    public static func makeRouter(archive: Archive, configuration: APIConfiguration, metrics registry: MetricsRegistry? = nil) -> Router {
        let cache = ResponseCache(capacityBytes: configuration.responseCacheBytes)
        let metrics = registry.map { APIMetrics(registry: $0, archive: archive, cache: cache) }
        let endpoints = endpoints(archive: archive, cache: cache, configuration: configuration, metrics: metrics)
        let openAPI = OpenAPIDocument.make(endpoints, version: configuration.version).serialized()
        let openAPIGzip = Gzip.compress(openAPI)

        var router = Router()
        for endpoint in endpoints {
            switch endpoint.execution {
            case .loop(let handler):
                router.add(endpoint.method, endpoint.path, handler)
            case .pool(let pool, let handler):
                router.add(endpoint.method, endpoint.path, pool: pool, handler)
            case .cached(let fast, let pool, let slow):
                router.add(endpoint.method, endpoint.path, fast: fast, pool: pool, slow: slow)
            }
        }
        let openAPIHandler: RouteHandler = { request, _ in
            let cached = CachedResponse(status: .ok, headers: [
                "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300", "Vary": "Accept-Encoding",
            ], body: openAPI, gzipped: openAPIGzip, etag: "\"" + String(fnv1a64(openAPI), radix: 36) + "\"", lastModified: nil)
            return CachedEndpoint.respond(cached, to: request)
        }
        if let registry { router.add(.GET, "/metrics", registry.handler) }
        router.add(.GET, "/api/v1/openapi.json", openAPIHandler)
        router.add(.GET, "/openapi.json", openAPIHandler)

        if let directory = configuration.publicDirectory {
            let files = StaticFiles(directory: directory)
            router.add(.GET, "/", files.handler)
            router.add(.GET, "/index.html", files.handler)
            router.add(.GET, "/favicon.ico", files.handler)
            router.add(.GET, "/assets/{path...}", files.handler)
            // Links in feeds and sitemaps: the frontend shell, which routes by path.
            for path in ["/articles/{id}", "/pages/{id}", "/authors/{id}", "/localities/{id}", "/initiatives/{id}", "/tags/{id}",
                         "/editions/{id}"] {
                router.add(.GET, path, files.shell)
            }
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

    static func endpoints(archive: Archive, cache: ResponseCache, configuration: APIConfiguration, metrics: APIMetrics? = nil) -> [Endpoint] {
        let pool = configuration.readPool
        func read(_ path: String, _ operationID: String, _ summary: String, tag: String, _ parameters: [ParameterSpec],
                  pathParameters: [ParameterSpec] = [], schema: String, errors: [Int] = [],
                  cacheControl: String = "public, no-cache", contentType: String = "application/json", description: String? = nil,
                  render: @escaping Renderer) -> Endpoint {
            let cached = CachedEndpoint(archive: archive, cache: cache, parameters: parameters, cacheControl: cacheControl, render: render)
            return Endpoint(method: .GET, path: path, operationID: operationID, summary: summary, description: description, tag: tag,
                            parameters: parameters, pathParameters: pathParameters, responseSchema: schema, contentType: contentType,
                            errors: errors + [503], execution: .cached(fast: cached.fast, pool: pool, slow: cached.slow))
        }
        func articlesOf(_ filter: String, _ path: String, _ operationID: String, _ what: String, tag: String,
                        pathParameters: [ParameterSpec]) -> Endpoint {
            read(path, operationID, "The articles of \(what), with the filters, dates and sorts of /articles.", tag: tag,
                 ArticleFilters.parameters(fixed: filter == "page_id" ? "page_id" : filter), pathParameters: pathParameters,
                 schema: "ArticleList", errors: [404]) { state, request, reader, context throws(Problem) in
                try EntityEndpoints.articles(setting: filter, state, request, reader, context,
                                             exactTotalUpTo: configuration.searchExactTotal)
            }
        }
        let writer = PageEndpoints.Writer(archive: archive, configuration: configuration, metrics: metrics)
        let id = [ParameterSpec(name: "id", description: "The resource id.", kind: .string, example: "430200")]
        let articleID = [ParameterSpec(name: "id", description: "The article id: <page id>-<six-character content key>.", kind: .string,
                                       example: "003_1eed3ba100fbfa73-2yhxj1")]
        let authorID = [ParameterSpec(name: "id", description: "The author id: the name, or name@organisation for namesakes.", kind: .string,
                                      example: "李龙山")]
        let placeID = [ParameterSpec(name: "id", description: "The place id: its administrative division code, or its name for places found by naming pattern.",
                                     kind: .string, example: "430200")]
        let initiativeID = [ParameterSpec(name: "id", description: "The initiative id: its shortest spelling (any spelling is accepted).",
                                          kind: .string, example: "六单工作法")]
        let tagID = [ParameterSpec(name: "id", description: "The tag: its term.", kind: .string, example: "志愿服务")]
        let pageID = [ParameterSpec(name: "id", description: "The page id.", kind: .pattern(ParameterSpec.pageIDPattern),
                                    example: "003_1eed3ba100fbfa73")]
        let date = [ParameterSpec(name: "date", description: "Edition date, YYYY-MM-DD.", kind: .date, example: "2023-10-12")]
        let sitemapName = [ParameterSpec(name: "name", description: "pages.xml, or articles-N.xml (N from 1).", kind: .string,
                                         example: "articles-1.xml")]
        _ = id
        return [
            read("/api/v1", "index", "Links to every collection, the feeds and the documents.", tag: "index", [.pretty], schema: "Index",
                 render: IndexEndpoint.index(version: configuration.version)),
            read("/api/v1/articles", "listArticles", "Articles, filtered, searched, dated, sorted and paginated.", tag: "articles",
                 ArticleEndpoints.listParameters, schema: "ArticleList", render: ArticleEndpoints.list(exactTotalUpTo: configuration.searchExactTotal)),
            read("/api/v1/articles/{id}", "getArticle", "One article in full, with its links. A removed article is 410 Gone with a link to its page.",
                 tag: "articles", ArticleEndpoints.detailParameters, pathParameters: articleID, schema: "Article", errors: [404, 410],
                 render: ArticleEndpoints.detail(related: (configuration.relatedArticles, configuration.relatedCandidatesPerEntity))),
            read("/api/v1/search", "search", "Ranked article hits with highlighted snippets, and the authors, places, initiatives and tags whose names start with the query's words.",
                 tag: "articles", ArticleEndpoints.searchParameters, schema: "SearchResults",
                 render: ArticleEndpoints.search(exactTotalUpTo: configuration.searchExactTotal)),
            read("/api/v1/authors", "listAuthors", "Authors, most prolific first, or by name prefix.", tag: "authors",
                 EntityEndpoints.authorListParameters, schema: "AuthorList", render: EntityEndpoints.authors),
            read("/api/v1/authors/{id}", "getAuthor", "One author with their newest articles.", tag: "authors", EntityEndpoints.detailParameters,
                 pathParameters: authorID, schema: "AuthorDetail", errors: [404], render: EntityEndpoints.author),
            articlesOf("author", "/api/v1/authors/{id}/articles", "listAuthorArticles", "one author", tag: "authors", pathParameters: authorID),
            read("/api/v1/localities", "listLocalities", "Places articles are about or mention, by article count; browse the tree with parent, search with q.",
                 tag: "localities", EntityEndpoints.localityListParameters, schema: "LocalityList", render: EntityEndpoints.localities),
            read("/api/v1/localities/{id}", "getLocality", "One place with its parent, ancestors, children, initiatives and newest articles.",
                 tag: "localities", EntityEndpoints.detailParameters, pathParameters: placeID, schema: "LocalityDetail", errors: [404],
                 render: EntityEndpoints.locality),
            articlesOf("locality", "/api/v1/localities/{id}/articles", "listLocalityArticles", "one place (and the places below it)",
                       tag: "localities", pathParameters: placeID),
            read("/api/v1/initiatives", "listInitiatives", "Local policy initiatives, most mentioned first.", tag: "initiatives",
                 EntityEndpoints.initiativeListParameters, schema: "InitiativeList", render: EntityEndpoints.initiatives),
            read("/api/v1/initiatives/{id}", "getInitiative", "One initiative with its place and its mentions in context.", tag: "initiatives",
                 EntityEndpoints.detailParameters, pathParameters: initiativeID, schema: "InitiativeDetail", errors: [404],
                 render: EntityEndpoints.initiative),
            articlesOf("initiative", "/api/v1/initiatives/{id}/articles", "listInitiativeArticles", "one initiative", tag: "initiatives",
                       pathParameters: initiativeID),
            read("/api/v1/tags", "listTags", "Keyword tags with the number of articles they tag.", tag: "tags",
                 EntityEndpoints.tagListParameters, schema: "TagList", render: EntityEndpoints.tags),
            read("/api/v1/tags/{id}", "getTag", "One tag with its newest articles.", tag: "tags", EntityEndpoints.detailParameters,
                 pathParameters: tagID, schema: "TagDetail", errors: [404], render: EntityEndpoints.tag),
            articlesOf("tag", "/api/v1/tags/{id}/articles", "listTagArticles", "one tag", tag: "tags", pathParameters: tagID),
            read("/api/v1/pages", "listPages", "Pages in edition order: newest edition first, then newspaper and page label; undated pages last.",
                 tag: "pages", PageEndpoints.listParameters, schema: "PageList", render: PageEndpoints.list),
            read("/api/v1/pages/{id}", "getPage", "One page: edition, printed furniture, articles. Its ETag is the page's version, for If-Match.",
                 tag: "pages", PageEndpoints.detailParameters, pathParameters: pageID, schema: "PageDetail", errors: [404],
                 render: PageEndpoints.detail),
            read("/api/v1/pages/{id}/raw", "getPageRaw", "The page exactly as stored (the source of truth), in its own content type.",
                 tag: "pages", [], pathParameters: pageID, schema: "RawPage", errors: [404], contentType: "text/plain",
                 render: PageEndpoints.raw(store: archive.store)),
            articlesOf("page_id", "/api/v1/pages/{id}/articles", "listPageArticles", "one page", tag: "pages", pathParameters: pageID),
            Endpoint(method: .POST, path: "/api/v1/pages", operationID: "createPage",
                     summary: "Upload a page. Stored durably before the 201. The same content under any id is 409 (duplicate-page); If-None-Match: * makes a taken id 412.",
                     tag: "pages", parameters: PageEndpoints.createParameters, responseSchema: "PageDetail", successStatus: 201,
                     errors: [401, 403, 409, 412, 413, 415, 422, 503], cacheable: false, requestBody: true, authenticated: true,
                     execution: .pool(configuration.writePool, writer.create)),
            Endpoint(method: .PUT, path: "/api/v1/pages/{id}", operationID: "putPage",
                     summary: "Create or replace an uploaded page; articles still there keep their ids. If-Match (the page's ETag) guards against lost updates. Seed pages are read-only.",
                     tag: "pages", parameters: PageEndpoints.replaceParameters, pathParameters: pageID, responseSchema: "PageDetail",
                     errors: [401, 403, 409, 412, 413, 415, 422, 503], cacheable: false, requestBody: true, authenticated: true,
                     execution: .pool(configuration.writePool, writer.replace)),
            Endpoint(method: .DELETE, path: "/api/v1/pages/{id}", operationID: "deletePage",
                     summary: "Remove an uploaded page; its articles answer 410 Gone from then on. If-Match guards it. Seed pages are read-only.",
                     tag: "pages", parameters: [], pathParameters: pageID, responseSchema: nil, successStatus: 204,
                     errors: [401, 403, 404, 412, 503], cacheable: false, authenticated: true,
                     execution: .pool(configuration.writePool, writer.delete)),
            read("/api/v1/editions", "listEditions", "Edition days the archive holds, newest first, with how many pages each has.", tag: "pages",
                 EditionEndpoints.listParameters, schema: "EditionList", render: EditionEndpoints.list),
            read("/api/v1/editions/{date}", "getEdition", "One edition day: its pages by newspaper and page label.", tag: "pages",
                 EditionEndpoints.detailParameters, pathParameters: date, schema: "EditionDetail", errors: [404], render: EditionEndpoints.detail),
            read("/feed.atom", "feed", "An Atom 1.0 feed of the newest 50 articles; takes the filters of /articles (feed.atom?locality=株洲).",
                 tag: "feeds", FeedEndpoints.feedParameters, schema: "AtomFeed", contentType: "application/atom+xml",
                 render: FeedEndpoints.atom(baseURL: configuration.publicBaseURL)),
            read("/sitemap.xml", "sitemap", "A sitemap index of the frontend's page and article URLs.", tag: "feeds",
                 FeedEndpoints.sitemapParameters, schema: "Sitemap", contentType: "application/xml",
                 render: FeedEndpoints.sitemapIndex(baseURL: configuration.publicBaseURL)),
            read("/sitemaps/{name}", "sitemapPart", "One sitemap of the index: pages.xml or articles-N.xml (50,000 URLs each).", tag: "feeds",
                 FeedEndpoints.sitemapParameters, pathParameters: sitemapName, schema: "Sitemap", errors: [404], contentType: "application/xml",
                 render: FeedEndpoints.sitemap(baseURL: configuration.publicBaseURL)),
            Endpoint(method: .GET, path: "/healthz", operationID: "health", summary: "The process is up (liveness).", tag: "health",
                     parameters: [], responseSchema: "Health", cacheable: false, execution: .loop(HealthEndpoints.health())),
            Endpoint(method: .GET, path: "/readyz", operationID: "ready",
                     summary: "The archive is loaded and its page folders are readable (readiness); 503 with progress while loading.",
                     tag: "health", parameters: [.pretty], responseSchema: "Ready", errors: [503], cacheable: false,
                     execution: .loop(HealthEndpoints.ready(archive: archive, version: configuration.version))),
        ]
    }
}
