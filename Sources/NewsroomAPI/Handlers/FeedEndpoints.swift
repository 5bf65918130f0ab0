import Archive
import Foundation
import HTTPServer
import JSONValue
import PageParser

/// `GET /feed.atom` (Atom 1.0, RFC 4287: the latest 50 articles, with every filter of `/articles`,
/// so `/feed.atom?locality=株洲` is that place's feed) and `/sitemap.xml` (a sitemap index of the
/// frontend's article and page URLs, 50,000 per file as the protocol allows).
enum FeedEndpoints {
    static let feedParameters: [ParameterSpec] = [ArticleFilters.text] + ArticleFilters.entityFilters + ArticleFilters.dateFilters
    static let sitemapParameters: [ParameterSpec] = []
    static let sitemapChunk = 50_000
    static let feedSize = 50

    static func atom(baseURL: String?) -> Renderer {
        { state, request, reader, _ throws(Problem) in
            var query = try ArticleFilters.read(reader, state: state)
            query.page = 1
            query.perPage = feedSize
            query.sort = .reverseDate
            let results = state.findArticles(query)
            let base = origin(request, configured: baseURL)
            let selfURL = base + request.rawTarget
            var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
            xml += #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">"# + "\n"
            xml += "  <id>\(escape(selfURL))</id>\n"
            let filters = request.query.pairs.filter { !QueryReader.isIgnored($0.name) }.map { "\($0.name)=\($0.value)" }
            xml += "  <title>\(escape("Newsroom" + (filters.isEmpty ? "" : "：" + filters.joined(separator: "，"))))</title>\n"
            xml += "  <updated>\(RFC3339.string(results.items.map(\.page.updatedAt).max() ?? state.lastModified))</updated>\n"
            xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(selfURL))\"/>\n"
            xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(base + "/"))\"/>\n"
            xml += "  <generator>Newsroom</generator>\n"
            for ref in results.items {
                guard let article = state.article(ref) else { continue }
                let page = ref.page
                let published = page.edition.date.map { "\($0)T00:00:00Z" } ?? RFC3339.string(page.createdAt)
                xml += "  <entry>\n"
                xml += "    <id>\(escape(base + Links.article(ref.id)))</id>\n"
                xml += "    <title>\(escape(ArticleJSON.displayTitle(article).text))</title>\n"
                xml += "    <published>\(published)</published>\n"
                xml += "    <updated>\(RFC3339.string(page.updatedAt))</updated>\n"
                let authors = article.authors.map(\.name)
                for author in (authors.isEmpty ? [page.edition.newspaper ?? "Newsroom"] : authors) {
                    xml += "    <author><name>\(escape(author))</name></author>\n"
                }
                xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(base + "/articles/" + Links.segment(ref.id)))\"/>\n"
                xml += "    <link rel=\"related\" type=\"application/json\" href=\"\(escape(base + Links.article(ref.id)))\"/>\n"
                xml += "    <category term=\"\(article.kind.rawValue)\"/>\n"
                if let section = page.edition.section { xml += "    <category term=\"\(escape(section))\" label=\"section\"/>\n" }
                var source = [page.edition.newspaper, page.edition.date?.description, page.edition.pageLabel].compactMap { $0 }.joined(separator: " ")
                if source.isEmpty { source = page.id }
                xml += "    <summary>\(escape(ArticleJSON.excerpt(article)))</summary>\n"
                xml += "    <rights>\(escape(source))</rights>\n"
                xml += "  </entry>\n"
            }
            xml += "</feed>\n"
            return Rendered(body: Array(xml.utf8), contentType: "application/atom+xml; charset=utf-8")
        }
    }

    static func sitemapIndex(baseURL: String?) -> Renderer {
        { state, request, _, _ throws(Problem) in
            let base = origin(request, configured: baseURL)
            let chunks = max(1, (state.articleCount + sitemapChunk - 1) / sitemapChunk)
            var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
            xml += #"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n"
            let modified = RFC3339.string(state.lastModified)
            xml += "  <sitemap><loc>\(escape(base + "/sitemaps/pages.xml"))</loc><lastmod>\(modified)</lastmod></sitemap>\n"
            for chunk in 1...chunks {
                xml += "  <sitemap><loc>\(escape(base + "/sitemaps/articles-\(chunk).xml"))</loc><lastmod>\(modified)</lastmod></sitemap>\n"
            }
            xml += "</sitemapindex>\n"
            return Rendered(body: Array(xml.utf8), contentType: "application/xml; charset=utf-8")
        }
    }

    /// `/sitemaps/articles-N.xml` (the articles newest first, 50,000 per file) and `/sitemaps/pages.xml`.
    static func sitemap(baseURL: String?) -> Renderer {
        { state, request, _, _ throws(Problem) in
            let base = origin(request, configured: baseURL)
            let name = request.parameters["name"] ?? ""
            var urls: [(String, Date)] = []
            if name == "pages.xml" {
                urls = state.pages(offset: 0, limit: sitemapChunk).map { (base + "/pages/" + Links.segment($0.id), $0.updatedAt) }
            } else if name.hasPrefix("articles-"), name.hasSuffix(".xml"),
                      let number = Int(name.dropFirst("articles-".count).dropLast(4)), number >= 1 {
                var query = ArticleQuery()
                query.perPage = sitemapChunk
                query.page = number
                let results = state.findArticles(query)
                guard !results.items.isEmpty || number == 1 else { throw .notFound("no sitemap \(name)") }
                urls = results.items.map { (base + "/articles/" + Links.segment($0.id), $0.page.updatedAt) }
            } else {
                throw .notFound("no sitemap \(name)")
            }
            var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
            xml += #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n"
            for (url, modified) in urls {
                xml += "  <url><loc>\(escape(url))</loc><lastmod>\(RFC3339.string(modified))</lastmod></url>\n"
            }
            xml += "</urlset>\n"
            return Rendered(body: Array(xml.utf8), contentType: "application/xml; charset=utf-8")
        }
    }

    /// The absolute origin for links: the configured public URL, else the request's Host when it
    /// is a plain host name, else localhost.
    static func origin(_ request: HTTPRequest, configured: String?) -> String {
        if let configured, !configured.isEmpty { return configured.hasSuffix("/") ? String(configured.dropLast()) : configured }
        if let host = request.headers["Host"], !host.isEmpty,
           host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.:[]".contains($0)) }) {
            return "http://" + host
        }
        return "http://localhost"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 allows no control characters but tab and line breaks.
                if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
