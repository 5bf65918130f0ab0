import Analysis
import Archive
import Foundation
import PageParser

enum ImportCommand {
    static let help = """
    USAGE: newsroom import [OPTIONS] PATH...

    Imports a backlog of page files into the archive's data folder and builds the saved state
    for them on every core, offline, so that `newsroom serve` starts in seconds. Each PATH is a
    page file (.txt, .html, .htm) or a folder of them (not recursive); the page id is the file
    name without its extension. A running server sharing the data folder picks the pages up
    itself (through the change log) and this command then only copies them.

    Pages whose id is taken or whose content is stored already are skipped, and pages that do
    not parse are not kept; each is reported by name. Progress is a bar on a terminal, else a
    log line every --log-every pages.

    OPTIONS:
      --data DIR         Data folder (default: as `newsroom serve`: flag, NEWSROOM_DATA_DIR, newsroom.json).
      --seeds DIR        Seeds folder (as `newsroom serve`).
      --state DIR        State folder (as `newsroom serve`; default <data>/state).
      --newspaper NAME   The newspaper of every imported page (else what each page prints).
      --date YYYY-MM-DD  The edition date of every imported page (else what each page prints).
      --section NAME     The section of every imported page.
      --log-every N      Pages between progress lines when not on a terminal (default 1000).
      --config DIR       Configuration folder (default: $NEWSROOM_CONFIG_DIR or ./config).
      -h, --help         Show this help.

    Exit status: 0 when every file was imported; 1 when any was skipped; 64 on a usage error;
    78 on a configuration error.
    """

    static func run(_ argv: [String]) -> Int32 {
        let arguments: Arguments
        do {
            arguments = try Arguments(argv, valueOptions: ["config", "data", "seeds", "state", "newspaper", "date", "section", "log-every"],
                                      flagOptions: ["help"])
        } catch {
            printError("newsroom import: \(error)\n\n\(help)")
            return 64
        }
        if arguments.flag("help") { print(help); return 0 }
        guard !arguments.positionals.isEmpty else {
            printError("newsroom import: no PATH given\n\n\(help)")
            return 64
        }
        var date: EditionDate?
        if let text = arguments.value("date") {
            guard let parsed = EditionDate(text) else {
                printError("newsroom import: --date must be a date YYYY-MM-DD, not '\(text)'")
                return 64
            }
            date = parsed
        }
        guard let logEvery = Int(arguments.value("log-every") ?? "1000"), logEvery > 0 else {
            printError("newsroom import: --log-every takes a positive number")
            return 64
        }
        guard let configuration = LoadedConfiguration.load(arguments, flags: ["data", "seeds", "state"], command: "newsroom import") else { return 78 }
        let (directory, settings, parser, analysis) =
            (configuration.directory, configuration.settings, configuration.parser, configuration.analysis)

        var files: [URL] = []
        for path in arguments.positionals {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                printError("newsroom import: \(path): no such file or folder")
                return 64
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().filter { !$0.hasPrefix(".") }.map { URL(fileURLWithPath: path).appendingPathComponent($0) }
            } else {
                files.append(URL(fileURLWithPath: path))
            }
        }

        let started = Date()
        let store = PageStore(seedsDirectory: ServeCommand.seedsDirectory(settings),
                              dataDirectory: URL(fileURLWithPath: settings.dataDirectory, isDirectory: true))
        let archive = ServeCommand.makeArchive(store: store, settings: settings, configuration: directory, parser: parser, analysis: analysis,
                                               backgroundWork: false)
        let progress = ProgressDisplay(logEvery: logEvery)
        progress.start(archive)
        archive.load { progress.log($0) }
        let writer = archive.savesState
        if !writer { progress.log("another process (a running server) saves the state: copying only; it loads the pages itself") }
        let report = archive.importPages(files, metadata: UploadMetadata(newspaper: arguments.value("newspaper"), date: date,
                                                                          section: arguments.value("section")),
                                         copied: { progress.copied($0, of: files.count) }, report: { progress.log($0) })
        progress.stop()
        for (file, reason) in report.skipped { printError("newsroom import: skipped \(file): \(reason)") }
        let state = archive.state()
        printError(String(format: "newsroom import: %d of %d page files imported in %.1f s%@; the archive holds %d pages, %d articles",
                          report.imported.count, files.count, Date().timeIntervalSince(started),
                          report.rebuilt ? " (archive rebuilt with a new corpus model)" : "",
                          state?.pageCount ?? 0, state?.articleCount ?? 0))
        return report.skipped.isEmpty ? 0 : 1
    }
}

/// A progress bar on a terminal, else a line every N pages, from the archive's load progress.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let terminal = isatty(STDERR_FILENO) == 1
    private let logEvery: Int
    private var running = false
    private var lastLogged: (phase: LoadProgress.Phase, done: Int) = (.starting, 0)
    private var lineOpen = false

    init(logEvery: Int) { self.logEvery = logEvery }

    func start(_ archive: Archive) {
        lock.withLock { running = true }
        Thread.detachNewThread { [self] in
            while lock.withLock({ running }) {
                show(archive.loadProgress)
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }

    func stop() {
        lock.withLock {
            running = false
            if lineOpen { FileHandle.standardError.write(Data("\n".utf8)); lineOpen = false }
        }
    }

    func log(_ message: String) {
        lock.withLock {
            if lineOpen { FileHandle.standardError.write(Data("\n".utf8)); lineOpen = false }
            printError("newsroom import: \(message)")
        }
    }

    func copied(_ done: Int, of total: Int) {
        show(LoadProgress(phase: .reading, done: done, total: total), label: "copying")
    }

    private func show(_ progress: LoadProgress, label: String? = nil) {
        guard progress.phase != .ready, progress.phase != .starting, progress.total > 0 else { return }
        let name = label ?? progress.phase.rawValue
        lock.withLock {
            if terminal {
                let width = 30
                let filled = min(width, progress.done * width / progress.total)
                let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                let line = String(format: "\r%-10@ [%@] %d/%d (%d%%)", name, bar, progress.done, progress.total, progress.done * 100 / progress.total)
                FileHandle.standardError.write(Data(line.utf8))
                lineOpen = true
            } else if progress.phase != lastLogged.phase || progress.done - lastLogged.done >= logEvery || progress.done == progress.total {
                guard (progress.phase, progress.done) != lastLogged else { return }
                lastLogged = (progress.phase, progress.done)
                printError("newsroom import: \(name) \(progress.done)/\(progress.total)")
            }
        }
    }
}
