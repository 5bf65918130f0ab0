import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Page files on disk: the bundled seeds (read-only) and uploaded pages in `<data>/pages/`. The
/// files are the only storage; an upload is on disk (written to a temporary file, fsynced, renamed
/// into place, directory fsynced) before it is acknowledged, so a crash leaves either the old file
/// or the new one, never half of one.
public struct PageStore: Sendable {
    public let seedsDirectory: URL
    public let dataDirectory: URL
    public var uploadsDirectory: URL { dataDirectory.appendingPathComponent("pages", isDirectory: true) }

    public init(seedsDirectory: URL, dataDirectory: URL) {
        self.seedsDirectory = seedsDirectory
        self.dataDirectory = dataDirectory
    }

    public struct StoredFile: Sendable {
        public var id: String
        public var fileName: String
        public var path: String
        public var data: Data
        public var source: PageSource
    }

    public struct ReadError: Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Every `.txt` file of both directories, seeds first, each sorted by name. Unreadable files
    /// are reported, not fatal. A missing uploads directory is simply empty.
    public func readAll() -> (files: [StoredFile], errors: [ReadError]) {
        var files: [StoredFile] = []
        var errors: [ReadError] = []
        for (directory, source) in [(seedsDirectory, PageSource.seed), (uploadsDirectory, PageSource.uploaded)] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
                if source == .seed { errors.append(ReadError(path: directory.path, reason: "cannot list directory")) }
                continue
            }
            for name in names.sorted() where name.hasSuffix(".txt") && !name.hasPrefix(".") {
                let path = directory.appendingPathComponent(name).path
                guard let data = FileManager.default.contents(atPath: path) else {
                    errors.append(ReadError(path: path, reason: "cannot read file"))
                    continue
                }
                files.append(StoredFile(id: String(name.dropLast(4)), fileName: name, path: path, data: data, source: source))
            }
        }
        return (files, errors)
    }

    /// Writes an uploaded page durably, replacing any earlier version atomically.
    public func write(id: String, data: Data) throws(StorageError) {
        try ensureDirectory(uploadsDirectory)
        let final = uploadsDirectory.appendingPathComponent("\(id).txt").path
        let temporary = uploadsDirectory.appendingPathComponent(".\(id).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StorageError.system("open \(temporary)", errno) }
        var failure: StorageError?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .system("write \(temporary)", errno)
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = .system("fsync \(temporary)", errno) }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, final) == 0 else {
            let code = errno
            unlink(temporary)
            throw StorageError.system("rename to \(final)", code)
        }
        try syncDirectory(uploadsDirectory)
    }

    /// Removes an uploaded page durably.
    public func delete(id: String) throws(StorageError) {
        let path = uploadsDirectory.appendingPathComponent("\(id).txt").path
        guard unlink(path) == 0 else { throw StorageError.system("unlink \(path)", errno) }
        try syncDirectory(uploadsDirectory)
    }

    private func ensureDirectory(_ url: URL) throws(StorageError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw StorageError.system("create \(url.path)", errno)
        }
    }

    /// The rename is durable only once the directory entry is on disk.
    private func syncDirectory(_ url: URL) throws(StorageError) {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StorageError.system("open \(url.path)", errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StorageError.system("fsync \(url.path)", errno) }
    }
}

public enum PageSource: String, Sendable, Hashable {
    case seed, uploaded
}

public enum StorageError: Error, Sendable, CustomStringConvertible {
    case system(String, Int32)

    public var description: String {
        switch self {
        case .system(let operation, let code): "\(operation): \(String(cString: strerror(code)))"
        }
    }
}
