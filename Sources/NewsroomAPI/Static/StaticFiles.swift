import Archive
import Foundation
import HTTPServer

/// The frontend: files of the public folder, read once at start-up and served from memory.
///
/// Assets are also served under a fingerprinted name (`app.3k9x2a.js`) with a year-long
/// immutable cache lifetime; `index.html` refers to them by those names and is never cached stale
/// (`no-cache`, revalidated by ETag). ES modules get the same: a module's relative static imports
/// (`from './dom.js'`) are rewritten to the fingerprinted names of what they import, and its own
/// fingerprint is taken over the rewritten text, so a change anywhere below a module changes its
/// name too and every module can be cached for a year. `{{modulepreload:js/main.js}}` in
/// index.html becomes a `<link rel="modulepreload">` for each module that one imports, directly or
/// not, so the browser fetches the graph at once instead of level by level. An import the graph
/// cannot fingerprint (a cycle, a missing file) keeps its plain name, which is served with
/// `no-cache` and revalidated. Only files found inside the folder at start-up exist, so a
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
        let modules = ModuleGraph(files: raw)
        for (relative, original) in raw where relative != "index.html" {
            let bytes = modules.rewritten[relative] ?? original
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
                let preloads = modules.dependencies(of: name).compactMap { fingerprints[$0] }
                    .map { "<link rel=\"modulepreload\" href=\"/assets/\($0)\">" }
                index = index.replacingOccurrences(of: "{{modulepreload:\(name)}}", with: preloads.joined(separator: "\n"))
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

/// The JavaScript modules of the folder and their relative static imports, with each module's text
/// rewritten to import the fingerprinted names (computed bottom-up: a module's name depends on the
/// rewritten text of everything it imports).
private struct ModuleGraph {
    /// Module path → the paths it imports (resolved within the folder, only those that exist).
    private(set) var imports: [String: [String]] = [:]
    /// Module path → its text with imports rewritten; a module left out is served as it is.
    private(set) var rewritten: [String: [UInt8]] = [:]

    /// `import … from './x.js'`, `export … from '../y.js'` and `import './z.js'`, each statement at the
    /// start of a line (how the frontend writes them); dynamic `import()` is not rewritten.
    private static let pattern = try! NSRegularExpression(
        pattern: #"^(\s*(?:import|export)\b[^'";]*?(?:\bfrom\s*)?)(['"])(\.{1,2}/[^'"]+)\2"#, options: [.anchorsMatchLines])

    init(files: [String: [UInt8]]) {
        let sources = files.filter { isModule($0.key) }.mapValues { String(decoding: $0, as: UTF8.self) }
        for (path, text) in sources {
            imports[path] = Self.specifiers(in: text).compactMap { resolve($0, from: path) }.filter { sources[$0] != nil }
        }
        var names: [String: String] = [:]
        var visiting: Set<String> = []
        func fingerprint(_ path: String) -> String? {
            if let done = names[path] { return done }
            guard let text = sources[path], visiting.insert(path).inserted else { return nil }
            defer { visiting.remove(path) }
            var replacements: [String: String] = [:]
            for specifier in Self.specifiers(in: text) {
                guard let target = resolve(specifier, from: path), let name = fingerprint(target) else { continue }
                replacements[specifier] = relativeSpecifier(from: path, to: name)
            }
            let bytes = Array(Self.replacing(replacements, in: text).utf8)
            rewritten[path] = bytes
            let name = fingerprintedName(path, hash: String(fnv1a64(bytes), radix: 36))
            names[path] = name
            return name
        }
        for path in sources.keys.sorted() { _ = fingerprint(path) }
    }

    /// Every module `path` imports, directly or not, in a stable order (depth first).
    func dependencies(of path: String) -> [String] {
        var seen: [String] = []
        func walk(_ module: String) {
            for next in imports[module] ?? [] where !seen.contains(next) && next != path {
                seen.append(next)
                walk(next)
            }
        }
        walk(path)
        return seen
    }

    private static func specifiers(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { Range($0.range(at: 3), in: text).map { String(text[$0]) } }
    }

    private static func replacing(_ replacements: [String: String], in text: String) -> String {
        guard !replacements.isEmpty else { return text }
        let mutable = NSMutableString(string: text)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        for match in matches.reversed() {
            let specifier = mutable.substring(with: match.range(at: 3))
            if let replacement = replacements[specifier] { mutable.replaceCharacters(in: match.range(at: 3), with: replacement) }
        }
        return String(mutable)
    }
}

private func isModule(_ path: String) -> Bool { path.hasSuffix(".js") || path.hasSuffix(".mjs") }

/// `./dom.js` imported from `js/views/front.js` → `js/dom.js`; nil when it leaves the folder.
private func resolve(_ specifier: String, from path: String) -> String? {
    var parts = path.split(separator: "/").dropLast().map(String.init)
    for segment in specifier.split(separator: "/") {
        switch segment {
        case ".": continue
        case "..":
            guard !parts.isEmpty else { return nil }
            parts.removeLast()
        default: parts.append(String(segment))
        }
    }
    return parts.joined(separator: "/")
}

/// The specifier that reaches `target` from the module at `path` (both relative to the folder).
private func relativeSpecifier(from path: String, to target: String) -> String {
    let base = path.split(separator: "/").dropLast()
    let destination = target.split(separator: "/")
    var common = 0
    while common < base.count, common < destination.count - 1, base[base.startIndex + common] == destination[common] { common += 1 }
    let ups = base.count - common
    let rest = destination[common...].joined(separator: "/")
    return ups == 0 ? "./" + rest : String(repeating: "../", count: ups) + rest
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
