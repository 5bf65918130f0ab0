import Analysis
import Archive
import CLinux
import Foundation
import HTTPServer
import NewsroomAPI
import PageParser
import Persistence

enum ServeCommand {
    static var help: String {
        var text = """
        USAGE: newsroom [serve] [OPTIONS]

        Serves the archive over HTTP/1.1: the REST API under /api/v1, the web frontend at /, feeds,
        /healthz, /readyz and /metrics. Starts listening at once and loads the archive in the
        background (/readyz answers 503 with progress until it is ready); loads the seed pages and
        the uploaded pages of the data folder; a page file that fails to parse is reported on stderr
        by name and the rest are served. Stops gracefully on SIGTERM or SIGINT.

        Each setting comes from its flag, else its environment variable, else config/newsroom.json,
        else the default shown.

        OPTIONS:
          --config DIR                  Configuration folder (default: $NEWSROOM_CONFIG_DIR or ./config).

        """
        let defaults = ServeSettings()
        for setting in ServeSettings.table {
            let flag = "  --\(setting.flag) VALUE"
            text += flag.padding(toLength: max(32, flag.count + 1), withPad: " ", startingAt: 0)
            text += "\(setting.help)\n" + String(repeating: " ", count: 32)
            text += "env \(setting.environment), key \"\(setting.key)\", default \(setting.current(defaults))\n"
        }
        text += "  -h, --help                    Show this help.\n"
        return text
    }

    static func run(_ argv: [String]) -> Int32 {
        let flagNames = Set(ServeSettings.table.map(\.flag))
        let arguments: Arguments
        do {
            arguments = try Arguments(argv, valueOptions: flagNames.union(["config"]), flagOptions: ["help"])
        } catch {
            printError("newsroom serve: \(error)\n\n\(help)")
            return 64
        }
        if arguments.flag("help") { print(help); return 0 }
        guard arguments.positionals.isEmpty else {
            printError("newsroom serve: unexpected argument '\(arguments.positionals[0])'\n\n\(help)")
            return 64
        }
        guard let configuration = LoadedConfiguration.load(arguments, flags: flagNames, command: "newsroom serve") else { return 78 }
        let (directory, settings, parser, analysis) =
            (configuration.directory, configuration.settings, configuration.parser, configuration.analysis)

        // Two malloc arenas instead of one per thread: each keeps the memory freed in it, and a
        // server with loops, pools and background threads would otherwise hold many such reserves.
        _ = clinux_malloc_arena_max(2)
        let started = DispatchTime.now().uptimeNanoseconds
        let dataDirectory = URL(fileURLWithPath: settings.dataDirectory, isDirectory: true)
        let store = PageStore(seedsDirectory: seedsDirectory(settings), dataDirectory: dataDirectory)
        let archive = makeArchive(store: store, settings: settings, configuration: directory, parser: parser, analysis: analysis)

        var serverConfiguration = settings.serverConfiguration
        if settings.loops == 0 { serverConfiguration.loopCount = ServerConfiguration.availableCores() }
        // The frontend folder as configured, else the built-in one.
        var publicDirectory: URL? = URL(fileURLWithPath: settings.publicDirectory, isDirectory: true)
        if let folder = publicDirectory, !FileManager.default.fileExists(atPath: folder.path) {
            publicDirectory = try? DefaultFiles.materialize("Public", overriddenBy: nil)
        }
        let api = APIConfiguration(
            apiToken: settings.apiToken, corsOrigins: settings.corsOrigins, maxPageBytes: settings.maxPageBytes,
            responseCacheBytes: settings.responseCacheBytes,
            publicDirectory: publicDirectory,
            version: newsroomVersion, publicBaseURL: settings.publicBaseURL.isEmpty ? nil : settings.publicBaseURL,
            relatedArticles: settings.relatedArticles, relatedCandidatesPerEntity: settings.relatedCandidatesPerEntity,
            searchExactTotal: settings.searchExactTotal
        )
        let metrics = MetricsRegistry(loops: serverConfiguration.loopCount)
        serverConfiguration.metrics = metrics
        let router = NewsroomAPI.makeRouter(archive: archive, configuration: api, metrics: metrics)
        let server = HTTPServer(configuration: serverConfiguration, router: router)
        do {
            try server.start()
        } catch {
            printError("newsroom serve: cannot listen on \(settings.host):\(settings.port): \(error)")
            return 1
        }
        server.installSignalHandlers()
        let display = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        printError("newsroom: listening on http://\(display):\(server.localPort) with \(serverConfiguration.loopCount) event loops; loading the archive"
                   + (settings.apiToken == nil ? " (writes disabled: no API token)" : ""))
        Thread.detachNewThread {
            archive.load(report: { printError("newsroom: \($0)") }, ready: { state in
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                printError(String(format: "newsroom: ready: %d pages, %d articles in %.2f s", state.pageCount, state.articleCount, seconds))
            })
            guard let state = archive.state() else { return }
            for error in state.loadErrors where error.reason.hasPrefix("cannot list") {
                printError("newsroom: not ready: \(error)")
            }
            archive.startMaintenance(interval: settings.checkpointSeconds) { printError("newsroom: \($0)") }
            archive.startFollowingChanges(interval: settings.changePollSeconds) { printError("newsroom: \($0)") }
        }
        server.wait()
        archive.stopMaintenance { printError("newsroom: \($0)") }
        printError("newsroom: stopped")
        return 0
    }
}

extension ServeCommand {
    /// The seeds folder: the one configured. The default (`./seeds`) may be absent (the binary
    /// run outside the repository): then there are no seeds. A folder named explicitly that
    /// cannot be listed makes the server unready, as it should.
    static func seedsDirectory(_ settings: ServeSettings) -> URL {
        let configured = URL(fileURLWithPath: settings.seedsDirectory, isDirectory: true)
        guard settings.seedsDirectory == ServeSettings().seedsDirectory, !FileManager.default.fileExists(atPath: configured.path),
              let empty = try? DefaultFiles.materialize("no-seeds", overriddenBy: nil) else { return configured }
        printError("newsroom: no seeds folder (./seeds): serving uploaded pages only")
        return empty
    }

    /// The archive as `serve` and `import` open it: the state folder (default `<data>/state`)
    /// keyed to this program and configuration.
    static func makeArchive(store: PageStore, settings: ServeSettings, configuration directory: URL, parser: PageParser,
                            analysis: AnalysisConfiguration, backgroundWork: Bool = true) -> Archive {
        var options = Archive.Options(
            stateDirectory: settings.stateDirectory.isEmpty ? store.dataDirectory.appendingPathComponent("state", isDirectory: true)
                : URL(fileURLWithPath: settings.stateDirectory, isDirectory: true),
            configurationKey: configurationFingerprint(directory), reanalysisDrift: settings.reanalysisDrift, backgroundWork: backgroundWork)
        options.reanalysisQuietPeriod = settings.reanalysisQuietSeconds
        options.memoryReleased = { _ = clinux_malloc_trim(0) }
        return Archive(store: store, parser: parser, configuration: analysis, options: options)
    }
}

/// A fingerprint of the program version and every configuration file: derived state and ETags
/// made under another are not reused.
func configurationFingerprint(_ directory: URL) -> UInt64 {
    var checksum = Checksum()
    checksum.update(Array("newsroom \(newsroomVersion)\u{0}".utf8))
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.sorted() ?? []
    for name in names where !name.hasPrefix(".") && name != "README.md" && name != "newsroom.json" {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { continue }
        checksum.update(Array(name.utf8) + [0])
        checksum.update(Array(data))
    }
    return checksum.value
}

let newsroomVersion = "0.2.0"
