import Archive
import HTTPServer
import JSONValue

/// `GET /api/v1`: where everything is.
enum IndexEndpoint {
    static func index(version: String) -> Renderer {
        { state, _, reader, _ throws(Problem) in
            Rendered(json: .object([
                ("name", .string("Newsroom")),
                ("version", .string(version)),
                ("description", .string("A searchable archive of Chinese local-newspaper pages: articles, authors, localities, policy initiatives and keyword tags.")),
                ("counts", .object([("pages", .int(state.pageCount)), ("articles", .int(state.articleCount)),
                                    ("editions", .int(state.editionCount))])),
                ("links", .object([
                    ("articles", .string(Links.base + "/articles")),
                    ("search", .string(Links.base + "/search{?q}")),
                    ("authors", .string(Links.base + "/authors")),
                    ("localities", .string(Links.base + "/localities")),
                    ("initiatives", .string(Links.base + "/initiatives")),
                    ("tags", .string(Links.base + "/tags")),
                    ("pages", .string(Links.base + "/pages")),
                    ("editions", .string(Links.base + "/editions")),
                    ("feed", .string("/feed.atom")),
                    ("sitemap", .string("/sitemap.xml")),
                    ("openapi", .string(Links.base + "/openapi.json")),
                    ("health", .string("/healthz")),
                    ("ready", .string("/readyz")),
                    ("metrics", .string("/metrics")),
                ])),
            ]), pretty: try reader.pretty)
        }
    }
}
