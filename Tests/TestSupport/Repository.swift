import Foundation

/// The repository root, found from this file's path, so tests read the real `config/`, `seeds/`
/// and `Public/` wherever the checkout is.
public let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
}()

public let configDirectory = repositoryRoot.appendingPathComponent("config")
public let seedsDirectory = repositoryRoot.appendingPathComponent("seeds")
