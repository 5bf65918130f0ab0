import Archive
import Foundation
import HTTPServer

/// The frontend: files of the public folder, read once at start-up and served from memory.
///
/// Assets are also served under a fingerprinted name (`app.3k9x2a.js`) with a year-long
/// immutable cache lifetime; `index.html` refers to them by those names and is never cached stale
/// (`no-cache`, revalidated by ETag). Only files found inside the folder at start-up exist, so a
/// request can never reach outside it: `..`, encoded `%2e%2e`, absolute paths and symlinks that
/// leave the folder all end in 400 or 404.
struct StaticFiles: Sendable {
    struct File: Sendable {
        var body: [UInt8]
        var contentType: String
        var etag: String
        var cacheControl: String
    }

    private let files: [String: CachedResponse]

    init(directory: URL) {
        var files: [String: File] = [:]
        let root = directory.resolvingSymlinksInPath().standardizedFileURL.path
        var fingerprints: [String: String] = [:]
        var raw: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        while let relative = enumerator?.nextObject() as? String {
            let url = directory.appendingPathComponent(relative)
            let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
            // A symlink that leads out of the folder is not served.
            guard resolved.hasPrefix(root + "/"), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: resolved) else { continue }
            raw[relative] = Array(data)
        }
        for (relative, bytes) in raw where relative != "index.html" {
            let hash = String(fnv1a64(bytes), radix: 36)
            let fingerprinted = fingerprintedName(relative, hash: hash)
            fingerprints[relative] = fingerprinted
            let type = contentType(for: relative)
            files["/assets/" + relative] = File(body: bytes, contentType: type, etag: "\"\(hash)\"", cacheControl: "public, no-cache")
            files["/assets/" + fingerprinted] = File(body: bytes, contentType: type, etag: "\"\(hash)\"",
                                                     cacheControl: "public, max-age=31536000, immutable")
        }
        if var index = raw["index.html"].map({ String(decoding: $0, as: UTF8.self) }) {
            // `{{asset:app.js}}` in index.html becomes `/assets/app.<hash>.js`.
            for (name, fingerprinted) in fingerprints {
                index = index.replacingOccurrences(of: "{{asset:\(name)}}", with: "/assets/" + fingerprinted)
            }
            let bytes = Array(index.utf8)
            let file = File(body: bytes, contentType: "text/html; charset=utf-8", etag: "\"\(String(fnv1a64(bytes), radix: 36))\"",
                            cacheControl: "no-cache")
            files["/"] = file
            files["/index.html"] = file
        }
        // Browsers ask for /favicon.ico whatever the page says.
        if let icon = files["/assets/favicon.ico"] ?? files["/assets/favicon.svg"] {
            files["/favicon.ico"] = File(body: icon.body, contentType: icon.contentType, etag: icon.etag, cacheControl: "public, max-age=86400")
        }
        self.files = files.mapValues(Self.cached)
    }

    /// Text files are also kept gzipped (made once, at start-up).
    private static func cached(_ file: File) -> CachedResponse {
        let compressible = file.contentType.hasPrefix("text/") || file.contentType.hasPrefix("application/json")
            || file.contentType.hasPrefix("image/svg")
        let gzipped = compressible && file.body.count >= CachedEndpoint.gzipThreshold ? Gzip.compress(file.body, level: 9) : nil
        var headers: HTTPHeaders = ["Content-Type": file.contentType, "Cache-Control": file.cacheControl]
        if gzipped != nil { headers.add("Vary", "Accept-Encoding") }
        return CachedResponse(status: .ok, headers: headers, body: file.body, gzipped: gzipped, etag: file.etag, lastModified: nil)
    }

    var paths: [String] { files.keys.sorted() }

    var handler: RouteHandler {
        let files = self.files
        return { request, _ in
            let path = request.path
            if path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." })
                || path.contains("\\") || path.contains("\0") || path.contains("//") {
                return Problem(status: .badRequest, slug: "bad-request", detail: "path refused: \(path)").response()
            }
            guard let file = files[path] else { return Problem.notFound("no file at \(path)").response() }
            return CachedEndpoint.respond(file, to: request)
        }
    }

    /// The frontend's page for its own routes (`/articles/…`), which the frontend reads from the path.
    var shell: RouteHandler {
        let index = files["/"]
        return { request, _ in
            guard let index else { return Problem.notFound("no frontend").response() }
            return CachedEndpoint.respond(index, to: request)
        }
    }
}

/// `js/app.js` → `js/app.<hash>.js`.
private func fingerprintedName(_ relative: String, hash: String) -> String {
    guard let dot = relative.lastIndex(of: "."), !relative[dot...].contains("/") else { return relative + "." + hash }
    return relative[..<dot] + "." + hash + relative[dot...]
}

private func contentType(for path: String) -> String {
    switch (path as NSString).pathExtension.lowercased() {
    case "html": "text/html; charset=utf-8"
    case "js", "mjs": "text/javascript; charset=utf-8"
    case "css": "text/css; charset=utf-8"
    case "json": "application/json; charset=utf-8"
    case "svg": "image/svg+xml"
    case "png": "image/png"
    case "jpg", "jpeg": "image/jpeg"
    case "ico": "image/x-icon"
    case "txt": "text/plain; charset=utf-8"
    case "woff2": "font/woff2"
    default: "application/octet-stream"
    }
}
