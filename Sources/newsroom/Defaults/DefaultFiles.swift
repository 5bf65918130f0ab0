import Foundation

/// The configuration and the frontend are built into the binary (`EmbeddedFiles.swift`), so
/// `newsroom` works from any folder. A configuration folder overrides them file by file: a folder
/// holding only `stopwords.txt` changes the stop words and keeps every other default.
enum DefaultFiles {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The built-in files of `folder` ("config" or "Public"), with the files of `overrides` (if
    /// any) laid over them, in a private temporary folder removed when the process exits.
    static func materialize(_ folder: String, overriddenBy overrides: URL?) throws(Failure) -> URL {
        let target = scratch.appendingPathComponent(folder, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for file in embeddedFiles where file.folder == folder {
                let url = target.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
        } catch {
            throw Failure(description: "cannot write the built-in \(folder) to \(target.path): \(error.localizedDescription)")
        }
        guard let overrides else { return target }
        guard let files = FileManager.default.enumerator(at: overrides, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw Failure(description: "\(overrides.path): cannot read the folder")
        }
        for case let url as URL in files {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(overrides.standardizedFileURL.path.count + 1))
            guard !relative.hasPrefix(".") else { continue }
            let destination = target.appendingPathComponent(relative)
            do {
                try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                if FileManager.default.fileExists(atPath: destination.path) { try FileManager.default.removeItem(at: destination) }
                try FileManager.default.copyItem(at: url, to: destination)
            } catch {
                throw Failure(description: "\(url.path): cannot read: \(error.localizedDescription)")
            }
        }
        return target
    }

    /// This process's private folder for materialised defaults.
    nonisolated(unsafe) private static var scratchFolder: URL?

    private static let prefix = "newsroom-defaults-"

    private static var scratch: URL {
        if let scratchFolder { return scratchFolder }
        removeFoldersOfEndedProcesses(in: NSTemporaryDirectory())
        // The process id in the name lets a later process remove the folder of one that was
        // killed before its exit handler ran (SIGKILL, an out-of-memory kill); the pid namespace
        // in it keeps a container sharing this folder from taking a live process for an ended one.
        var template = Array((NSTemporaryDirectory() + "/\(prefix)\(ownTag)-XXXXXX").utf8CString)
        let path = template.withUnsafeMutableBufferPointer { buffer -> String in
            guard let made = mkdtemp(buffer.baseAddress!) else { return NSTemporaryDirectory() + "/\(prefix)\(ownTag)" }
            return String(cString: made)
        }
        let url = URL(fileURLWithPath: path, isDirectory: true)
        scratchFolder = url
        atexit {
            if let folder = DefaultFiles.scratchFolder { try? FileManager.default.removeItem(at: folder) }
        }
        return url
    }

    /// Removes the default folders, in `directory`, of processes of this pid namespace that no
    /// longer run. A folder of another namespace, or whose name carries no process id, or the id
    /// of a running process, is left alone.
    static func removeFoldersOfEndedProcesses(in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let namespacePrefix = prefix + pidNamespace + "-"
        for name in names where name.hasPrefix(namespacePrefix) {
            guard let pid = pid_t(name.dropFirst(namespacePrefix.count).prefix { $0 != "-" }), pid > 0, pid != getpid() else { continue }
            // ESRCH: no such process. EPERM means it runs under another user: keep its folder.
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }

    /// `<pid namespace>-<pid>`: what this process's folder name carries.
    private static var ownTag: String { "\(pidNamespace)-\(getpid())" }

    /// The inode of this process's pid namespace ("ns" where /proc does not say): process ids
    /// mean something only within it.
    private static let pidNamespace: String = {
        var buffer = [CChar](repeating: 0, count: 64)
        let length = readlink("/proc/self/ns/pid", &buffer, buffer.count - 1)
        guard length > 0 else { return "ns" }
        let link = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let digits = link.filter(\.isNumber)
        return digits.isEmpty ? "ns" : digits
    }()
}
