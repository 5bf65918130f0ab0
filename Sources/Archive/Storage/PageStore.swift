import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Persistence

/// Page files on disk, the archive's only source of truth: the bundled seeds (read-only) and
/// uploaded pages in `<data>/pages/`. An upload is on disk (written to a temporary file, fsynced,
/// renamed into place, directory fsynced) before it is acknowledged, so a crash leaves either the
/// old file or the new one, never half of one.
///
/// Several server processes may share one data directory (replicas behind a load balancer).
/// Every change takes an exclusive `flock` on `pages/.lock` for its check-and-write, and a new page
/// is linked into place (which fails if the name exists) rather than renamed over, so two
/// replicas writing the same id get one winner and one conflict, never a torn or lost page.
public struct PageStore: Sendable {
    public let seedsDirectory: URL
    public let dataDirectory: URL
    public var uploadsDirectory: URL { dataDirectory.appendingPathComponent("pages", isDirectory: true) }

    public init(seedsDirectory: URL, dataDirectory: URL) {
        self.seedsDirectory = seedsDirectory
        self.dataDirectory = dataDirectory
    }

    /// A page file as listed, before it is read.
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var path: String
        public var source: PageSource
        public var size: Int
        /// Modification time in nanoseconds, to notice changes without reading.
        public var modified: Int64
        public var isTombstone: Bool
    }

    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    static let seedExtensions = ["txt", "html", "htm"]

    /// Every page file of both directories, seeds first, by name. A missing uploads directory is
    /// empty; an unreadable seeds directory is an error the caller reports (and is not ready).
    public func list() -> (entries: [Entry], errors: [ReadError]) {
        var entries: [Entry] = []
        var errors: [ReadError] = []
        for (directory, source) in [(seedsDirectory, PageSource.seed), (uploadsDirectory, PageSource.uploaded)] {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            } catch {
                if source == .seed || FileManager.default.fileExists(atPath: directory.path) {
                    errors.append(ReadError(path: directory.path, reason: "cannot list the folder: \(Self.reason(error))"))
                }
                continue
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = directory.appendingPathComponent(name)
                let ext = url.pathExtension.lowercased()
                let isTombstone = source == .uploaded && ext == "gone"
                guard isTombstone || (source == .seed ? Self.seedExtensions.contains(ext) : ext == "txt") else { continue }
                var status = stat()
                guard stat(url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
                    if (status.st_mode & S_IFMT) != S_IFDIR {
                        errors.append(ReadError(path: url.path, reason: "cannot read file"))
                    }
                    continue
                }
                let modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
                entries.append(Entry(id: url.deletingPathExtension().lastPathComponent, path: url.path, source: source,
                                     size: Int(status.st_size), modified: modified, isTombstone: isTombstone))
            }
        }
        return (entries, errors)
    }

    /// The stored body of a page (what was uploaded, exactly), and its declared content type.
    public func body(of page: PageEntry) -> Data? {
        let directory = page.source == .seed ? seedsDirectory : uploadsDirectory
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(page.file).path) else { return nil }
        guard page.source == .uploaded else { return data }
        return try? PageMetadata.split(data).body
    }

    /// The file's bytes, split into metadata and body.
    public func read(_ entry: Entry) throws(ReadError) -> (metadata: PageMetadata?, body: Data) {
        guard let data = FileManager.default.contents(atPath: entry.path) else {
            throw ReadError(path: entry.path, reason: "cannot read file")
        }
        guard entry.source == .uploaded else { return (nil, data) }
        do { return try PageMetadata.split(data) } catch { throw ReadError(path: entry.path, reason: error.description) }
    }

    // MARK: - Writes

    /// What a write did. `durability` is set when the file is in place but the directory could not
    /// be synced: the change is visible (and a restart will see it) but might not survive a crash.
    public struct WriteOutcome: Sendable {
        public var durability: String?
        /// The file as written, for noticing later changes without reading it.
        public var size = 0
        public var modified: Int64 = 0
    }

    /// The store's lock, shared by every process using this data directory, held until `release()`.
    public struct Lock: Sendable {
        let descriptor: Int32

        public func release() {
            _ = flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }

    /// Waits for the store's lock.
    public func lock() throws(StorageError) -> Lock {
        try ensureDirectory(uploadsDirectory)
        let path = uploadsDirectory.appendingPathComponent(".lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .system("open \(path)", errno) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let code = errno
                close(descriptor)
                throw .system("flock \(path)", code)
            }
        }
        return Lock(descriptor: descriptor)
    }

    /// Runs `body` holding the store's lock.
    public func locked<T>(_ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        let lock = try lock()
        defer { lock.release() }
        return try body()
    }

    // MARK: - Change log

    /// Every change appends the page's id, one per line, to `pages/.changes` while holding the
    /// lock. Processes sharing the data directory tail it to see each other's writes (inotify does
    /// not see changes made on another host of a network volume; a file's size does). An id may
    /// appear many times; a reader re-reads the page files it names. Some 20 bytes per write.
    var changeLogPath: String { uploadsDirectory.appendingPathComponent(".changes").path }

    /// The change log's size in bytes (0 before the first change).
    public func changeLogSize() -> Int {
        var status = stat()
        return stat(changeLogPath, &status) == 0 ? Int(status.st_size) : 0
    }

    /// Records a change of `id`; call holding the lock. Returns the log's new size, or nil when it
    /// could not be written (the page itself is safe; other processes see it when they restart).
    public func appendChange(_ id: String) -> Int? {
        let descriptor = open(changeLogPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let line = Array((id + "\n").utf8)
        let written = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
        guard written == line.count else { return nil }
        var status = stat()
        return fstat(descriptor, &status) == 0 ? Int(status.st_size) : nil
    }

    /// The ids of changes recorded from byte `offset` on (whole lines only), and where they end.
    public func changes(from offset: Int) -> (ids: [String], end: Int) {
        let descriptor = open(changeLogPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return ([], offset) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var position = offset
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, off_t(position)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
            position += count
        }
        guard let last = bytes.lastIndex(of: 0x0A) else { return ([], offset) }
        let ids = bytes[..<last].split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        return (ids, offset + last + 1)
    }

    /// The files of one page id as `list()` would give them (seeds first).
    public func entries(forID id: String) -> [Entry] {
        guard isValidPageID(id) else { return [] }
        var candidates = Self.seedExtensions.map { (seedsDirectory.appendingPathComponent("\(id).\($0)"), PageSource.seed, false) }
        candidates.append((uploadsDirectory.appendingPathComponent("\(id).txt"), .uploaded, false))
        candidates.append((uploadsDirectory.appendingPathComponent("\(id).gone"), .uploaded, true))
        return candidates.compactMap { url, source, isTombstone in
            var status = stat()
            guard stat(url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
            return Entry(id: id, path: url.path, source: source, size: Int(status.st_size),
                         modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec), isTombstone: isTombstone)
        }
    }

    /// The uploaded file of `id` (page or tombstone) as it is now; call under `locked`.
    public func current(_ id: String) -> (metadata: PageMetadata?, body: Data, isTombstone: Bool)? {
        for (name, isTombstone) in [("\(id).txt", false), ("\(id).gone", true)] {
            let path = uploadsDirectory.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path),
                  let split = try? PageMetadata.split(data) else { continue }
            return (split.metadata, split.body, isTombstone)
        }
        return nil
    }

    /// Writes an uploaded page. With `create`, fails with `.exists` when a page of that id is
    /// there (atomically, even against another process); otherwise replaces it. A tombstone of the
    /// id is removed once the page is in place. Call under `locked`.
    ///
    /// - Parameter durable: false for a bulk import, which makes everything durable at once at
    ///   the end (`syncUploads()`) instead of paying two fsyncs per page.
    public func write(id: String, metadata: PageMetadata, body: Data, create: Bool, durable: Bool = true) throws(StorageError) -> WriteOutcome {
        try ensureDirectory(uploadsDirectory)
        let final = uploadsDirectory.appendingPathComponent("\(id).txt").path
        let temporary = try writeTemporary(id: id, bytes: metadata.headerLine, body: body, sync: durable)
        if create {
            guard link(temporary, final) == 0 else {
                let code = errno
                unlink(temporary)
                if code == EEXIST { throw .exists(id) }
                throw .system("link \(temporary) to \(final)", code)
            }
            unlink(temporary)
        } else {
            guard rename(temporary, final) == 0 else {
                let code = errno
                unlink(temporary)
                throw .system("rename \(temporary) to \(final)", code)
            }
        }
        // From here on the page is in place: failures are reported, not undone.
        unlink(uploadsDirectory.appendingPathComponent("\(id).gone").path)
        var outcome = WriteOutcome(durability: durable ? syncDirectoryReason() : nil)
        var status = stat()
        if stat(final, &status) == 0 {
            outcome.size = Int(status.st_size)
            outcome.modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        }
        return outcome
    }

    /// Replaces an uploaded page by its tombstone (metadata only). Call under `locked`.
    public func delete(id: String, tombstone: PageMetadata) throws(StorageError) -> WriteOutcome {
        let final = uploadsDirectory.appendingPathComponent("\(id).gone").path
        let temporary = try writeTemporary(id: id, bytes: tombstone.headerLine, body: Data(), sync: true)
        guard rename(temporary, final) == 0 else {
            let code = errno
            unlink(temporary)
            throw .system("rename \(temporary) to \(final)", code)
        }
        let page = uploadsDirectory.appendingPathComponent("\(id).txt").path
        guard unlink(page) == 0 || errno == ENOENT else {
            let code = errno
            unlink(final)
            throw .system("unlink \(page)", code)
        }
        return WriteOutcome(durability: syncDirectoryReason())
    }

    private func writeTemporary(id: String, bytes header: [UInt8], body: Data, sync: Bool) throws(StorageError) -> String {
        let host = ProcessInfo.processInfo.hostName.filter { $0.isLetter || $0.isNumber || $0 == "-" }.prefix(32)
        let temporary = uploadsDirectory.appendingPathComponent(".\(id).\(host).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .system("open \(temporary)", errno) }
        var failure: StorageError?
        for chunk in [Data(header), body] where failure == nil {
            chunk.withUnsafeBytes { raw in
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
        }
        if failure == nil, sync, fsync(descriptor) != 0 { failure = .system("fsync \(temporary)", errno) }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw failure
        }
        return temporary
    }

    /// Makes every file written to the uploads directory durable (after writes with `durable: false`).
    public func syncUploads() throws(StorageError) {
        let descriptor = open(uploadsDirectory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system("open \(uploadsDirectory.path)", errno) }
        defer { close(descriptor) }
        // One flush for the whole batch (sync(2) has no result to check; the directory's fsync does).
        sync()
        guard fsync(descriptor) == 0 else { throw .system("fsync \(uploadsDirectory.path)", errno) }
    }

    /// Nil when the uploads directory is synced; otherwise why not.
    private func syncDirectoryReason() -> String? {
        do {
            try syncDirectory(containing: uploadsDirectory.appendingPathComponent("x").path)
            return nil
        } catch {
            return error.description
        }
    }

    private func ensureDirectory(_ url: URL) throws(StorageError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw StorageError.system("create \(url.path)", errno)
        }
    }

    /// Removes temporary files a crash left behind (older than `age` seconds, so a write in
    /// progress in another process is left alone) and returns their names.
    public func removeStaleTemporaryFiles(olderThan age: TimeInterval = 600) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: uploadsDirectory.path) else { return [] }
        var removed: [String] = []
        let now = Date().timeIntervalSince1970
        for name in names.sorted() where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let path = uploadsDirectory.appendingPathComponent(name).path
            var status = stat()
            guard stat(path, &status) == 0, now - Double(status.st_mtim.tv_sec) >= age else { continue }
            if unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}

public enum PageSource: String, Sendable, Hashable {
    case seed, uploaded
}

public enum StorageError: Error, Sendable, CustomStringConvertible {
    case system(String, Int32)
    /// A page of this id is already stored (another writer won).
    case exists(String)

    public var description: String {
        switch self {
        case .system(let operation, let code): "\(operation): \(String(cString: strerror(code)))"
        case .exists(let id): "a page with id '\(id)' already exists"
        }
    }
}
