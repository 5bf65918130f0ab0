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
