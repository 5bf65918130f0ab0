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
    /// Ready responses kept per event loop and archive version.
    public var responseCacheEntries: Int
    /// Folder of the frontend (index.html and assets); nil serves no frontend.
    public var publicDirectory: URL?
    /// Build identifier shown by /healthz.
    public var version: String

    public init(apiToken: String? = nil, corsOrigins: [String] = [], maxPageBytes: Int = 2 * 1024 * 1024,
                responseCacheEntries: Int = 4096, publicDirectory: URL? = nil, version: String = "dev") {
        self.apiToken = apiToken
        self.corsOrigins = corsOrigins
        self.maxPageBytes = maxPageBytes
        self.responseCacheEntries = responseCacheEntries
        self.publicDirectory = publicDirectory
        self.version = version
    }
}
