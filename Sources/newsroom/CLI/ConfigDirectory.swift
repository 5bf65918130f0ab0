import Analysis
import Foundation
import PageParser

/// Where the tunables come from: the built-in defaults, overridden file by file by `--config DIR`,
/// else `NEWSROOM_CONFIG_DIR`, else `./config` when there is one. A folder named explicitly must
/// exist. Returns a folder holding the merged files (made once per process).
func configDirectory(_ arguments: Arguments) throws -> URL {
    if let merged = ConfigFolder.merged { return merged }
    let named = arguments.value("config") ?? ProcessInfo.processInfo.environment["NEWSROOM_CONFIG_DIR"]
    var overrides: URL?
    if let named {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: named, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DefaultFiles.Failure(description: "configuration folder \(named) does not exist")
        }
        overrides = URL(fileURLWithPath: named, isDirectory: true)
    } else if FileManager.default.fileExists(atPath: "config") {
        overrides = URL(fileURLWithPath: "config", isDirectory: true)
    }
    let merged = try DefaultFiles.materialize("config", overriddenBy: overrides)
    ConfigFolder.merged = merged
    return merged
}

private enum ConfigFolder {
    nonisolated(unsafe) static var merged: URL?
}

func loadParserConfiguration(_ arguments: Arguments) throws -> ParserConfiguration {
    try ParserConfiguration.load(fromDirectory: configDirectory(arguments))
}

/// Everything a command that opens the archive needs from the configuration folder.
struct LoadedConfiguration {
    var directory: URL
    var settings: ServeSettings
    var parser: PageParser
    var analysis: AnalysisConfiguration

    /// Loads the folder, the settings (file, then environment, then the `flags` given on the
    /// command line) and the parser and analysis tunables. On failure, says why as `command`
    /// and returns nil (the caller exits 78, EX_CONFIG).
    static func load(_ arguments: Arguments, flags flagNames: some Sequence<String>, command: String) -> LoadedConfiguration? {
        do {
            let directory = try configDirectory(arguments)
            var flags: [String: String] = [:]
            for name in flagNames { if let value = arguments.value(name) { flags[name] = value } }
            let settings = try ServeSettings.resolve(file: directory.appendingPathComponent("newsroom.json"),
                                                     environment: ProcessInfo.processInfo.environment, flags: flags)
            return LoadedConfiguration(directory: directory, settings: settings,
                                       parser: PageParser(configuration: try ParserConfiguration.load(fromDirectory: directory)),
                                       analysis: try AnalysisConfiguration.load(fromDirectory: directory))
        } catch {
            printError("\(command): configuration: \(error)")
            return nil
        }
    }
}
