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

    private let files: [String: File]

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
        self.files = files
    }

    var paths: [String] { files.keys.sorted() }

    var handler: RouteHandler {
        let files = self.files
        return { request, _ in
            let path = request.path
            if path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." })
                || path.contains("\\") || path.contains("\0") || path.contains("//") {
                return Problem(status: .badRequest, type: "urn:newsroom:problem:bad-path", detail: "path refused: \(path)").response()
            }
            guard let file = files[path] else { return Problem.notFound("no file at \(path)").response() }
            var headers: HTTPHeaders = ["Content-Type": file.contentType, "ETag": file.etag, "Cache-Control": file.cacheControl]
            if let condition = request.headers["If-None-Match"], etagMatches(condition, file.etag) {
                headers.remove("Content-Type")
                return HTTPResponse(status: .notModified, headers: headers)
            }
            return HTTPResponse(status: .ok, headers: headers, body: file.body)
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
