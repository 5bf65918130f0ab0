import Analysis
import Archive
import Foundation
import HTTPServer
import NewsroomAPI
import PageParser

enum ServeCommand {
    static var help: String {
        var text = """
        USAGE: newsroom [serve] [OPTIONS]

        Serves the archive over HTTP/1.1: the REST API under /api/v1, the web frontend at /, and
        /healthz and /readyz. Loads the seed pages and the uploaded pages of the data folder; a
        page file that fails to parse is reported on stderr by name and the rest are served.
        Stops gracefully on SIGTERM or SIGINT.

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
        let directory = configDirectory(arguments)
        let settings: ServeSettings
        let parser: PageParser
        let analyzer: CorpusAnalyzer
        do {
            var flags: [String: String] = [:]
            for name in flagNames { if let value = arguments.value(name) { flags[name] = value } }
            settings = try ServeSettings.resolve(file: directory.appendingPathComponent("newsroom.json"),
                                                 environment: ProcessInfo.processInfo.environment, flags: flags)
            parser = PageParser(configuration: try ParserConfiguration.load(fromDirectory: directory))
            analyzer = CorpusAnalyzer(configuration: try AnalysisConfiguration.load(fromDirectory: directory))
        } catch {
            printError("newsroom serve: configuration: \(error)")
            return 78
        }

        let started = DispatchTime.now().uptimeNanoseconds
        let store = PageStore(seedsDirectory: URL(fileURLWithPath: settings.seedsDirectory, isDirectory: true),
                              dataDirectory: URL(fileURLWithPath: settings.dataDirectory, isDirectory: true))
        let archive = Archive(store: store, parser: parser, analyzer: analyzer) { printError("newsroom: skipped page file \($0)") }
        let snapshot = archive.snapshot()

        var serverConfiguration = settings.serverConfiguration
        if settings.loops == 0 { serverConfiguration.loopCount = ServerConfiguration.availableCores() }
        let publicDirectory = URL(fileURLWithPath: settings.publicDirectory, isDirectory: true)
        let api = APIConfiguration(
            apiToken: settings.apiToken, corsOrigins: settings.corsOrigins, maxPageBytes: settings.maxPageBytes,
            responseCacheEntries: settings.responseCacheEntries,
            publicDirectory: FileManager.default.fileExists(atPath: publicDirectory.path) ? publicDirectory : nil,
            version: newsroomVersion
        )
        let router = NewsroomAPI.makeRouter(archive: archive, configuration: api, loopCount: serverConfiguration.loopCount)
        let server = HTTPServer(configuration: serverConfiguration, router: router)
        do {
            try server.start()
        } catch {
            printError("newsroom serve: cannot listen on \(settings.host):\(settings.port): \(error)")
            return 1
        }
        server.installSignalHandlers()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let display = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        printError(String(format: "newsroom: %d pages, %d articles loaded in %.2f s; serving http://%@:%d with %d event loops%@",
                          snapshot.pages.count, snapshot.articles.count, seconds, display, server.localPort,
                          serverConfiguration.loopCount, settings.apiToken == nil ? " (writes disabled: no API token)" : ""))
        server.wait()
        printError("newsroom: stopped")
        return 0
    }
}

let newsroomVersion = "0.1.0"
