import Foundation
import Synchronization

/// What the browser checks need on this machine: Chromium, chromedriver, and Python with Selenium.
///
/// Looked up once per test run. Each tool can be pointed at explicitly:
///
/// - `NEWSROOM_CHROMIUM`: the Chromium (or Chrome) binary; default `chromium`, `chromium-browser`,
///   `google-chrome` or `google-chrome-stable` on `PATH`.
/// - `NEWSROOM_CHROMEDRIVER`: the chromedriver binary; default `chromedriver` on `PATH` or
///   `/usr/bin/chromedriver`.
/// - `NEWSROOM_PYTHON`: the Python 3 interpreter that has `selenium`; default `python3` on `PATH`.
/// - `NEWSROOM_REQUIRE_BROWSER=1`: a missing tool fails the test instead of skipping it (for CI).
///
/// A path given in a variable that does not exist counts as missing, which is also how to
/// exercise the skip path: `NEWSROOM_CHROMIUM=/nonexistent swift test --filter BrowserTests`.
struct BrowserEnvironment: Sendable {
    var chromium: String?
    var chromedriver: String?
    var python: String?
    /// Why the checks cannot run here; nil when everything was found.
    var missing: String?
    var required: Bool

    static let current = BrowserEnvironment.detect()

    static let installHint = "install chromium chromium-driver (apt) and selenium (pip), or set NEWSROOM_CHROMIUM, "
        + "NEWSROOM_CHROMEDRIVER and NEWSROOM_PYTHON"

    /// Whether the test should run: everything found, or a browser is required (and its absence a failure).
    /// Prints the notice of a skip, once.
    var shouldRun: Bool {
        if let missing, !required {
            BrowserEnvironment.announceSkip(missing)
            return false
        }
        return true
    }

    private static let announced = AnnounceOnce()

    private static func announceSkip(_ reason: String) {
        announced.run {
            print("BrowserTests SKIPPED: \(reason) (\(installHint); NEWSROOM_REQUIRE_BROWSER=1 turns this skip into a failure)")
        }
    }

    static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> BrowserEnvironment {
        let required = environment["NEWSROOM_REQUIRE_BROWSER"] == "1"
        let searchPath = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)

        func locate(_ variable: String, _ names: [String]) -> (path: String?, reason: String?) {
            if let explicit = environment[variable], !explicit.isEmpty {
                let path = explicit.contains("/") ? explicit : lookUp(explicit, in: searchPath)
                if let path, isExecutable(path) { return (path, nil) }
                return (nil, "\(explicit) (from \(variable)) not found")
            }
            for name in names {
                if let path = name.hasPrefix("/") ? (isExecutable(name) ? name : nil) : lookUp(name, in: searchPath) {
                    return (path, nil)
                }
            }
            return (nil, "not found")
        }

        let chromium = locate("NEWSROOM_CHROMIUM", ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "/usr/bin/chromium"])
        let driver = locate("NEWSROOM_CHROMEDRIVER", ["chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"])
        let python = locate("NEWSROOM_PYTHON", ["python3"])

        var problems: [String] = []
        if let reason = chromium.reason { problems.append("chromium \(reason)") }
        if let reason = driver.reason { problems.append("chromedriver \(reason)") }
        if let reason = python.reason {
            problems.append("python3 \(reason)")
        } else if let interpreter = python.path, !hasSelenium(interpreter) {
            problems.append("the Python module selenium is not installed for \(interpreter)")
        }
        return BrowserEnvironment(chromium: chromium.path, chromedriver: driver.path, python: python.path,
                                  missing: problems.isEmpty ? nil : problems.joined(separator: "; "), required: required)
    }

    private static func lookUp(_ name: String, in searchPath: [String]) -> String? {
        searchPath.lazy.map { URL(fileURLWithPath: $0).appendingPathComponent(name).path }.first(where: isExecutable)
    }

    private static func isExecutable(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    private static func hasSelenium(_ python: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import selenium"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }
}

/// Runs a closure at most once, from any thread.
final class AnnounceOnce: Sendable {
    private let done = Mutex(false)

    func run(_ body: () -> Void) {
        let first = done.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        if first { body() }
    }
}
