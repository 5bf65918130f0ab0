import Testing
@testable import HTTPServer

private func ok(_ tag: String) -> RouteHandler {
    { _, _ in HTTPResponse(body: tag) }
}

private func resolve(_ table: RouteTable, _ method: HTTPMethod, _ raw: String) -> (String?, [String: String], RouteTable.Match) {
    guard case .success(let target) = RequestTarget.decode(raw, method: method) else { fatalError("bad target") }
    let match = table.match(method, target)
    if case .route(let route, let parameters, _) = match {
        let request = HTTPRequest(method: method, path: target.path)
        let context = RequestContext(loopIndex: 0, loopCount: 1, remoteAddress: "test")
        return (String(decoding: route.handler(request, context).body, as: UTF8.self), parameters, match)
    }
    return (nil, [:], match)
}

@Suite("Router")
struct RouterTests {
    @Test func prefersLiteralSegmentsOverParameters() {
        var router = Router()
        router.add(.GET, "/articles/{id}", ok("param"))
        router.add(.GET, "/articles/latest", ok("literal"))
        let table = RouteTable(router)
        #expect(resolve(table, .GET, "/articles/latest").0 == "literal")
        let (tag, parameters, _) = resolve(table, .GET, "/articles/42")
        #expect(tag == "param")
        #expect(parameters == ["id": "42"])
    }

    @Test func backtracksFromALiteralDeadEnd() {
        var router = Router()
        router.add(.GET, "/a/b/c", ok("abc"))
        router.add(.GET, "/a/{x}/d", ok("axd"))
        let (tag, parameters, _) = resolve(RouteTable(router), .GET, "/a/b/d")
        #expect(tag == "axd")
        #expect(parameters == ["x": "b"])
    }

    @Test func catchAllCapturesTheRestIncludingSlashes() {
        var router = Router()
        router.add(.GET, "/static/{path...}", ok("static"))
        let (tag, parameters, _) = resolve(RouteTable(router), .GET, "/static/css/site%20a.css")
        #expect(tag == "static")
        #expect(parameters == ["path": "css/site a.css"])
    }

    @Test func methodMismatchGives405WithAllowAndHeadUsesGet() {
        var router = Router()
        router.add(.GET, "/r", ok("get"))
        router.add(.POST, "/r", ok("post"))
        let table = RouteTable(router)
        guard case .methodNotAllowed(let allow) = resolve(table, .DELETE, "/r").2 else { Issue.record("no 405"); return }
        #expect(allow == "GET, HEAD, POST, OPTIONS")
        #expect(resolve(table, .HEAD, "/r").0 == "get")
        guard case .options(let optionsAllow) = resolve(table, .OPTIONS, "/r").2 else { Issue.record("no options"); return }
        #expect(optionsAllow == allow)
    }

    @Test func unmatchedPathsUseTheFallbackOrNotFound() {
        var router = Router()
        router.add(.GET, "/r", ok("r"))
        guard case .notFound = resolve(RouteTable(router), .GET, "/other").2 else { Issue.record("not 404"); return }
        router.fallback = ok("fallback")
        guard case .fallback = resolve(RouteTable(router), .GET, "/other").2 else { Issue.record("no fallback"); return }
    }

    @Test func routesSharingATrieNodeKeepTheirOwnParameterNames() {
        var router = Router()
        router.add(.GET, "/a/{id}", ok("id"))
        router.add(.GET, "/a/{slug}/b", ok("slug"))
        router.add(.DELETE, "/a/{key}", ok("key"))
        let table = RouteTable(router)
        #expect(resolve(table, .GET, "/a/1").1 == ["id": "1"])
        #expect(resolve(table, .GET, "/a/x/b").1 == ["slug": "x"])
        #expect(resolve(table, .DELETE, "/a/2").1 == ["key": "2"])
    }

    @Test func prefersARouteThatServesTheMethodOverA405() {
        var router = Router()
        router.add(.GET, "/articles/new", ok("form"))
        router.add(.DELETE, "/articles/{id}", ok("delete"))
        let table = RouteTable(router)
        let (tag, parameters, _) = resolve(table, .DELETE, "/articles/new")
        #expect(tag == "delete")
        #expect(parameters == ["id": "new"])
        guard case .methodNotAllowed(let allow) = resolve(table, .POST, "/articles/new").2 else { Issue.record("no 405"); return }
        #expect(allow == "GET, HEAD, OPTIONS")
    }

    @Test func reRegisteringARouteReplacesIt() {
        var router = Router()
        router.add(.GET, "/r", ok("first"))
        router.add(.GET, "/r", ok("second"))
        #expect(resolve(RouteTable(router), .GET, "/r").0 == "second")
    }

    @Test func trailingSlashIsADistinctPath() {
        var router = Router()
        router.add(.GET, "/r", ok("r"))
        guard case .notFound = resolve(RouteTable(router), .GET, "/r/").2 else { Issue.record("matched"); return }
    }
}
