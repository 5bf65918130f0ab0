import Foundation
import PageParser

/// Where the tunables live: `--config DIR`, else `NEWSROOM_CONFIG_DIR`, else `./config`.
func configDirectory(_ arguments: Arguments) -> URL {
    let path = arguments.value("config")
        ?? ProcessInfo.processInfo.environment["NEWSROOM_CONFIG_DIR"]
        ?? "config"
    return URL(fileURLWithPath: path, isDirectory: true)
}

func loadParserConfiguration(_ arguments: Arguments) throws -> ParserConfiguration {
    try ParserConfiguration.load(fromDirectory: configDirectory(arguments))
}
