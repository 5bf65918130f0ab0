import Foundation
import HTTPServer
import Persistence

/// `newsroom healthcheck`: the container's HEALTHCHECK, which needs no curl. Exit 0 when the
/// local server answers GET /healthz with 200.
enum HealthcheckCommand {
    static let help = """
    USAGE: newsroom healthcheck [--host HOST] [--port PORT] [--timeout SECONDS] [--config DIR]

    Asks the running server for GET /healthz. Exit status 0 when it answers 200, 1 otherwise.
    The port comes from --port, else NEWSROOM_PORT, else config/newsroom.json, else 8080.
    """

    static func run(_ argv: [String]) -> Int32 {
        let arguments: Arguments
        do {
            arguments = try Arguments(argv, valueOptions: ["host", "port", "timeout", "config"], flagOptions: ["help"])
        } catch {
            printError("newsroom healthcheck: \(error)\n\n\(help)")
            return 64
        }
        if arguments.flag("help") { print(help); return 0 }
        var flags: [String: String] = [:]
        if let port = arguments.value("port") { flags["port"] = port }
        guard let settings = try? ServeSettings.resolve(file: (try? configDirectory(arguments))?.appendingPathComponent("newsroom.json"),
                                                        environment: ProcessInfo.processInfo.environment, flags: flags) else {
            printError("newsroom healthcheck: invalid port or configuration")
            return 64
        }
        let host = arguments.value("host") ?? "127.0.0.1"
        let timeout = arguments.value("timeout").flatMap(Double.init) ?? 3
        do {
            let response = try HTTPClient.request(host: host, port: settings.port, path: "/healthz", timeout: timeout)
            guard response.status == 200 else {
                printError("newsroom healthcheck: /healthz answered \(response.status)")
                return 1
            }
            return 0
        } catch {
            printError("newsroom healthcheck: \(host):\(settings.port): \(error)")
            return 1
        }
    }
}

/// `newsroom --version`: the version and how this binary was built.
func versionText() -> String {
    #if swift(>=6.3)
    let swift = "6.3 or later"
    #elseif swift(>=6.2)
    let swift = "6.2"
    #elseif swift(>=6.1)
    let swift = "6.1"
    #else
    let swift = "6.0"
    #endif
    #if DEBUG
    let build = "debug"
    #else
    let build = "release"
    #endif
    #if arch(x86_64)
    let architecture = "x86_64"
    #elseif arch(arm64)
    let architecture = "arm64"
    #else
    let architecture = "other"
    #endif
    var defaults = Checksum()
    for file in embeddedFiles { defaults.update(Array("\(file.folder)/\(file.path)\u{0}\(file.contents)".utf8)) }
    return """
    newsroom \(newsroomVersion)
    \(build) build, Swift \(swift), Linux \(architecture)
    built-in configuration and frontend: \(embeddedFiles.count) files, fingerprint \(String(defaults.value, radix: 16))
    """
}
