import Foundation
import TestSupport
import Testing

/// The frontend's ES modules are fingerprinted like every asset: imports between them are rewritten
/// to fingerprinted names, so each module can be cached for a year.
@Suite("Static files: ES modules, fingerprinted imports, modulepreload")
struct StaticModuleTests {
    /// A public folder with the given files (path → text), served by a fresh server.
    private func serve(_ files: [String: String]) throws -> APIServer {
        let folder = scratchURL("newsroom-modules")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return try APIServer(publicDirectory: folder)
    }

    private static let app: [String: String] = [
        "index.html": "<html>{{modulepreload:js/main.js}}<script type=\"module\" src=\"{{asset:js/main.js}}\"></script></html>",
        "js/main.js": "import { a } from './a.js';\nimport { view } from './views/view.js';\nconsole.log(a, view);\n",
        "js/a.js": "import { b } from './lib/b.js';\nexport const a = b + 1;\n",
        "js/lib/b.js": "export const b = 1;\n",
        "js/views/view.js": "import {\n  a,\n} from '../a.js';\nexport const view = a;\n",
    ]

    private func firstMatch(_ pattern: String, in text: String) throws -> String {
        let range = try #require(text.range(of: pattern, options: .regularExpression), "no \(pattern) in \(text)")
        return String(text[range])
    }

    @Test func relativeImportsAreRewrittenToFingerprintedNamesThatAreImmutable() throws {
        let server = try serve(Self.app)
        defer { server.stop() }
        let index = try server.get("/").text
        let main = try server.get(try firstMatch(#"/assets/js/main\.[a-z0-9]+\.js"#, in: index))
        #expect(main.headers["Cache-Control"] == "public, max-age=31536000, immutable")
        let imported = try firstMatch(#"\./a\.[a-z0-9]+\.js"#, in: main.text)
        let a = try server.get("/assets/js/" + imported.dropFirst(2))
        #expect(a.status == 200)
        #expect(a.headers["Cache-Control"] == "public, max-age=31536000, immutable")
        #expect(a.text.range(of: #"from '\./lib/b\.[a-z0-9]+\.js'"#, options: .regularExpression) != nil, "a.js is \(a.text)")
    }

    @Test func importsThatClimbOutOfASubfolderAndSpanLinesAreRewritten() throws {
        let server = try serve(Self.app)
        defer { server.stop() }
        let main = try server.get(try firstMatch(#"/assets/js/main\.[a-z0-9]+\.js"#, in: try server.get("/").text)).text
        let view = try server.get("/assets/js/" + (try firstMatch(#"\./views/view\.[a-z0-9]+\.js"#, in: main)).dropFirst(2)).text
        #expect(view.range(of: #"\} from '\.\./a\.[a-z0-9]+\.js'"#, options: .regularExpression) != nil, "view.js is \(view)")
    }

    @Test func aChangeInAnImportedModuleChangesTheNameOfEveryModuleAboveIt() throws {
        var changed = Self.app
        changed["js/lib/b.js"] = "export const b = 2;\n"
        let first = try serve(Self.app)
        defer { first.stop() }
        let second = try serve(changed)
        defer { second.stop() }
        let pattern = #"/assets/js/main\.[a-z0-9]+\.js"#
        #expect(try firstMatch(pattern, in: try first.get("/").text) != firstMatch(pattern, in: try second.get("/").text))
    }

    @Test func modulepreloadNamesEveryModuleTheEntryImportsDirectlyOrNot() throws {
        let server = try serve(Self.app)
        defer { server.stop() }
        let index = try server.get("/").text
        for module in ["a", "lib/b", "views/view"] {
            #expect(index.range(of: #"<link rel="modulepreload" href="/assets/js/\#(module)\.[a-z0-9]+\.js">"#, options: .regularExpression) != nil,
                    "no modulepreload for \(module) in \(index)")
        }
        #expect(!index.contains("{{"))
        #expect(!index.contains("modulepreload\" href=\"/assets/js/main."), "the entry module preloads itself")
    }

    @Test func aCycleOrAMissingModuleKeepsThePlainNameWhichIsRevalidated() throws {
        let server = try serve([
            "index.html": "<script type=\"module\" src=\"{{asset:x.js}}\"></script>",
            "x.js": "import { y } from './y.js';\nimport { z } from './missing.js';\nexport const x = 1;\n",
            "y.js": "import { x } from './x.js';\nexport const y = 2;\n",
        ])
        defer { server.stop() }
        let x = try server.get(try firstMatch(#"/assets/x\.[a-z0-9]+\.js"#, in: try server.get("/").text)).text
        #expect(x.contains("from './missing.js'"))
        let y = try server.get("/assets/" + (try firstMatch(#"\./y\.[a-z0-9]+\.js"#, in: x)).dropFirst(2)).text
        #expect(y.contains("from './x.js'"), "the import that closes the cycle keeps its plain name: \(y)")
        let plain = try server.get("/assets/x.js")
        #expect(plain.status == 200)
        #expect(plain.headers["Cache-Control"] == "public, no-cache")
    }

    @Test func theRepositoryFrontendHasAFaviconAndFingerprintedModules() throws {
        let index = try sharedServer.get("/").text
        #expect(index.contains("rel=\"modulepreload\""))
        #expect(!index.contains("{{"))
        let icon = try sharedServer.get("/favicon.ico")
        #expect(icon.status == 200)
        #expect(icon.headers["Content-Type"] == "image/svg+xml")
    }
}
