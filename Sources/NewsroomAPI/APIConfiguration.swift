import Foundation

/// Settings of the REST API and the frontend it serves (from `config/newsroom.json`, the
/// environment and flags; see `newsroom serve --help`).
public struct APIConfiguration: Sendable {
    /// Bearer token for writes; nil disables writes altogether.
    public var apiToken: String?
    /// Origins allowed to call the API from a browser page of another origin ("*" for any).
    /// Empty: same origin only.
    public var corsOrigins: [String]
    /// Largest page text accepted by `POST`/`PUT /pages`.
    public var maxPageBytes: Int
    /// Bytes of ready responses kept (shared by all event loops).
    public var responseCacheBytes: Int
    /// Folder of the frontend (index.html and assets); nil serves no frontend.
    public var publicDirectory: URL?
    /// Build identifier shown by /healthz, /readyz and the OpenAPI document.
    public var version: String
    /// The public origin (`https://news.example.org`) for absolute links in feeds and sitemaps;
    /// nil uses the request's Host.
    public var publicBaseURL: String?
    /// Related articles shown with an article, and how many of each shared tag's or
    /// initiative's newest articles are weighed to find them (the cost of an article detail).
    public var relatedArticles: Int
    public var relatedCandidatesPerEntity: Int
    /// Text matches a relevance search counts exactly; past that it skips the ones that cannot
    /// rank, and its `total` is a lower bound (`total_relation: gte`).
    public var searchExactTotal: Int
    /// Worker pools for rendering and for writes (names of `ServerConfiguration.workerPools`).
    public var readPool: String
    public var writePool: String

    public init(apiToken: String? = nil, corsOrigins: [String] = [], maxPageBytes: Int = 2 * 1024 * 1024,
                responseCacheBytes: Int = 64 << 20, publicDirectory: URL? = nil, version: String = "dev",
                publicBaseURL: String? = nil, relatedArticles: Int = 5, relatedCandidatesPerEntity: Int = 200,
                searchExactTotal: Int = 10_000, readPool: String = "reads", writePool: String = "writes") {
        self.apiToken = apiToken
        self.corsOrigins = corsOrigins
        self.maxPageBytes = maxPageBytes
        self.responseCacheBytes = responseCacheBytes
        self.publicDirectory = publicDirectory
        self.version = version
        self.publicBaseURL = publicBaseURL
        self.relatedArticles = relatedArticles
        self.relatedCandidatesPerEntity = relatedCandidatesPerEntity
        self.searchExactTotal = searchExactTotal
        self.readPool = readPool
        self.writePool = writePool
    }
}
