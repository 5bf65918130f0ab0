import Foundation
import TestSupport
import Testing

// The frontend in real headless Chromium against a live in-process server.
//
// The checks themselves are `browser/frontend_checks.py` (Selenium); this test starts the server,
// runs the script, prints its report and fails with it. Screenshots of the main views at 1280 and
// 360 px go to `artifacts/screenshots/` at the repository root. Without Chromium, chromedriver or
// selenium the test is skipped with a notice, unless `NEWSROOM_REQUIRE_BROWSER=1` (see
// `BrowserEnvironment` for the variables that point at each tool).
@Suite("Browser")
struct FrontendBrowserTests {
    @Test("Frontend views, search highlights, links, back button, XSS safety, 404, charts, 360 px layout",
          .enabled(if: BrowserEnvironment.current.shouldRun,
                   "BrowserTests SKIPPED: Chromium, chromedriver or selenium is missing (see the notice above)"),
          .timeLimit(.minutes(5)))
    func frontendInHeadlessChromium() throws {
        let environment = BrowserEnvironment.current
        if let missing = environment.missing {
            Issue.record("NEWSROOM_REQUIRE_BROWSER=1 but the browser checks cannot run: \(missing) (\(BrowserEnvironment.installHint))")
            return
        }
        guard let python = environment.python, let chromium = environment.chromium, let chromedriver = environment.chromedriver else { return }

        let root = repositoryRoot
        let screenshots = root.appendingPathComponent("artifacts/screenshots", isDirectory: true)
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let script = root.appendingPathComponent("Tests/BrowserTests/browser/frontend_checks.py")

        let server = try LiveServer()
        defer { server.stop() }
        let run = try ScriptRun(python, [
            "-u", script.path, "--base-url", server.baseURL, "--token", server.token, "--screenshots", screenshots.path,
            "--chromium", chromium, "--chromedriver", chromedriver,
        ], timeout: 240)
        print("BrowserTests: \(script.lastPathComponent) against \(server.baseURL)\n\(run.output)")
        #expect(!run.timedOut, "the browser checks did not finish within 240 s:\n\(run.output)")
        #expect(run.status == 0, "browser checks failed (exit \(run.status)):\n\(run.output)")
    }
}

/// A child process with its output (stdout and stderr together) and a deadline.
struct ScriptRun {
    var status: Int32
    var output: String
    var timedOut: Bool

    init(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-browser-\(UUID().uuidString).log")
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
