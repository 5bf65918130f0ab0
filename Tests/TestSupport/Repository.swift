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

/// This test process's scratch folder in the system's temporary folder, removed when the process
/// exits: the suites create hundreds of archives, page folders and logs, and left in /tmp they
/// piled up run after run.
public let scratchRoot: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-tests-\(getpid())", isDirectory: true)
    try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: scratchRoot) }
    return root
}()

/// A new path (nothing is created there) in `scratchRoot`, its name starting with `prefix`.
public func scratchURL(_ prefix: String, suffix: String = "") -> URL {
    scratchRoot.appendingPathComponent("\(prefix)-\(UUID().uuidString)\(suffix)")
}
