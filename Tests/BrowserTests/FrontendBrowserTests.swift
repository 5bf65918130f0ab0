import Foundation
import TestSupport
import Testing

// The frontend in real headless Chromium against a live in-process server.
//
// The checks themselves are `browser/frontend_checks.py` and `browser/budget_checks.py` (Selenium);
// each test starts the server, runs a script, prints its report and fails with it. Screenshots of the main views at 1280 and
// 360 px go to `artifacts/screenshots/` at the repository root. Without Chromium, chromedriver or
// selenium the test is skipped with a notice, unless `NEWSROOM_REQUIRE_BROWSER=1` (see
// `BrowserEnvironment` for the variables that point at each tool).
// Serialized: each test drives its own Chromium, and two at once on a shared 2-core machine would
// make both slow enough to time out.
@Suite("Browser", .serialized)
struct FrontendBrowserTests {
    @Test("Frontend views, search highlights, links, back button, XSS safety, 404, charts, editions and dates, 360 px layout, axe",
          .enabled(if: BrowserEnvironment.current.shouldRun,
                   "BrowserTests SKIPPED: Chromium, chromedriver or selenium is missing (see the notice above)"),
          .timeLimit(.minutes(8)))
    func frontendInHeadlessChromium() throws {
        guard let tools = BrowserTools.required() else { return }
        let server = try LiveServer()
        defer { server.stop() }
        let run = try tools.run("frontend_checks.py", against: server, extra: ["--screenshots", tools.screenshots.path], timeout: 420)
        #expect(!run.timedOut, "the browser checks did not finish within 420 s:\n\(run.output)")
        #expect(run.status == 0, "browser checks failed (exit \(run.status)):\n\(run.output)")
    }

    /// The archive's size must not show in any view: on a generated archive of a few thousand
    /// articles (one province gathering most of them), no view builds more than 3,000 DOM nodes or
    /// downloads more than 300 KB of JSON. The measurements go to artifacts/budgets.json. With a
    /// small `searchExactTotal`, a search of a common word must read "至少 N" and page on.
    @Test("Every view stays within its DOM and JSON budgets on a large generated archive",
          .enabled(if: BrowserEnvironment.current.shouldRun,
                   "BrowserTests SKIPPED: Chromium, chromedriver or selenium is missing (see the notice above)"),
          .timeLimit(.minutes(12)))
    func budgetsHoldOnALargeArchive() throws {
        guard let tools = BrowserTools.required() else { return }
        let articles = ProcessInfo.processInfo.environment["NEWSROOM_BUDGET_ARTICLES"].flatMap(Int.init) ?? 3000
        let generator = repositoryRoot.appendingPathComponent("Tests/BrowserTests/browser/generate_archive.py")
        // A small exact count, so that a search of a common word reports a lower bound.
        let server = try LiveServer(searchExactTotal: 100) { data in
            let run = try ScriptRun(tools.python, [generator.path, String(articles), data.path], timeout: 120)
            guard run.status == 0 else { throw GeneratorFailed(output: run.output) }
        }
        defer { server.stop() }
        let report = repositoryRoot.appendingPathComponent("artifacts/budgets.json")
        let run = try tools.run("budget_checks.py", against: server, extra: ["--report", report.path, "--expect-lower-bound"],
                                timeout: 540)
        #expect(!run.timedOut, "the budget checks did not finish within 540 s:\n\(run.output)")
        #expect(run.status == 0, "a view is over budget (exit \(run.status)):\n\(run.output)")
    }
}

struct GeneratorFailed: Error, CustomStringConvertible {
    var output: String
    var description: String { "generate_archive.py failed:\n\(output)" }
}

/// The located tools, and how to run one of the Python check scripts against a live server.
struct BrowserTools {
    var python: String
    var chromium: String
    var chromedriver: String
    let screenshots = repositoryRoot.appendingPathComponent("artifacts/screenshots", isDirectory: true)

    /// The tools, or nil after recording an issue when a required browser is missing.
    static func required() -> BrowserTools? {
        let environment = BrowserEnvironment.current
        if let missing = environment.missing {
            Issue.record("NEWSROOM_REQUIRE_BROWSER=1 but the browser checks cannot run: \(missing) (\(BrowserEnvironment.installHint))")
            return nil
        }
        guard let python = environment.python, let chromium = environment.chromium, let chromedriver = environment.chromedriver else { return nil }
        return BrowserTools(python: python, chromium: chromium, chromedriver: chromedriver)
    }

    func run(_ script: String, against server: LiveServer, extra: [String], timeout: TimeInterval) throws -> ScriptRun {
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let path = repositoryRoot.appendingPathComponent("Tests/BrowserTests/browser/\(script)").path
        let run = try ScriptRun(python, ["-u", path, "--base-url", server.baseURL, "--token", server.token,
                                         "--chromium", chromium, "--chromedriver", chromedriver] + extra, timeout: timeout)
        print("BrowserTests: \(script) against \(server.baseURL)\n\(run.output)")
        return run
    }
}

/// A child process with its output (stdout and stderr together) and a deadline.
struct ScriptRun {
    var status: Int32
    var output: String
    var timedOut: Bool

    init(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws {
        let log = scratchURL("newsroom-browser", suffix: ".log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment["SE_OFFLINE"] = "true"
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            finished.signal()
        }
        timedOut = finished.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            process.terminate()
            finished.wait()
        }
        status = process.terminationStatus
        output = (try? String(contentsOf: log, encoding: .utf8)) ?? "(no output)"
    }
}
