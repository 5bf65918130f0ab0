import Analysis
import Foundation
import PageParser
import Synchronization

/// The one mutable place of the archive: the current snapshot, and the serialised writes that
/// replace it. Reads never wait on writes: a reader takes the snapshot reference (or, on the hot
/// path, compares `generation` and keeps its own reference) and works on an immutable value.
public final class Archive: Sendable {
    public let store: PageStore
    let parser: PageParser
    let builder: SnapshotBuilder
    private let current: Mutex<ArchiveSnapshot>
    private let counter = Atomic<Int>(0)
    /// Writers take turns; the store and the snapshot change together.
    private let writes = Mutex<Void>(())

    /// Loads every page of the store. Files that fail to parse are reported in `loadErrors` (and
    /// to `report`) by name; the rest load.
    public init(store: PageStore, parser: PageParser, analyzer: CorpusAnalyzer, report: (String) -> Void = { _ in }) {
        self.store = store
        self.parser = parser
        builder = SnapshotBuilder(analyzer: analyzer)
        let (files, readErrors) = store.readAll()
        var errors = readErrors.map { LoadError(file: $0.path, reason: $0.reason) }
        var pages: [(page: Page, source: PageSource, contentHash: UInt64)] = []
        var seen = Set<String>()
        for file in files {
            guard isValidPageID(file.id) else {
                errors.append(LoadError(file: file.path, reason: "file name is not a valid page id (letters, digits, '-', '_', '.'; at most 64)"))
                continue
            }
            guard seen.insert(file.id).inserted else {
                errors.append(LoadError(file: file.path, reason: "a page with id '\(file.id)' is already loaded (seeds win over uploads)"))
                continue
            }
            do {
                let page = try parser.parse(data: file.data, fileName: file.fileName)
                pages.append((page, file.source, fnv1a64(file.data)))
            } catch {
                errors.append(LoadError(file: file.path, reason: error.message))
            }
        }
        for error in errors { report(error.description) }
        current = Mutex(builder.build(pages, loadErrors: errors))
    }

    /// Changes each time a write lands; cheap to read on every request.
    public var generation: Int { counter.load(ordering: .acquiring) }

    public func snapshot() -> ArchiveSnapshot { current.withLock { $0 } }

    // MARK: - Writes

    public enum WriteResult: Sendable {
        case created(PageRecord)
        case replaced(PageRecord)
    }

    /// Adds a page. Refused (and nothing changes) when the id is taken, the text has no article, or
    /// the file cannot be written durably.
    public func add(_ data: Data, id requestedID: String?) throws(WriteError) -> PageRecord {
        let id = requestedID ?? "upload-" + String(fnv1a64(data), radix: 16)
        guard isValidPageID(id) else { throw .invalidID(id) }
        return try writes.withLock { _ throws(WriteError) -> PageRecord in
            let snapshot = current.withLock { $0 }
            // The id is taken, by an upload or a seed: adding never replaces (PUT does, for uploads).
            if snapshot.page(id: id) != nil { throw .conflict(id) }
            return try commit(data, id: id, over: snapshot)
        }
    }

    /// Creates or replaces an uploaded page. Seed pages are read-only.
    public func put(_ data: Data, id: String) throws(WriteError) -> WriteResult {
        guard isValidPageID(id) else { throw .invalidID(id) }
        return try writes.withLock { _ throws(WriteError) -> WriteResult in
            let snapshot = current.withLock { $0 }
            let existing = snapshot.page(id: id)
            if existing?.source == .seed { throw .readOnly(id) }
            let record = try commit(data, id: id, over: snapshot)
            return existing == nil ? .created(record) : .replaced(record)
        }
    }

    public func delete(id: String) throws(WriteError) {
        try writes.withLock { _ throws(WriteError) in
            let snapshot = current.withLock { $0 }
            guard let existing = snapshot.page(id: id) else { throw .notFound(id) }
            guard existing.source == .uploaded else { throw .readOnly(id) }
            do { try store.delete(id: id) } catch { throw .storage("\(error)") }
            let pages = snapshot.pages.filter { $0.page.id != id }.map { ($0.page, $0.source, $0.contentHash) }
            install(builder.build(pages, loadErrors: snapshot.loadErrors))
        }
    }

    /// Parse first (a page that does not parse is never stored), then store durably, then swap.
    private func commit(_ data: Data, id: String, over snapshot: ArchiveSnapshot) throws(WriteError) -> PageRecord {
        let page: Page
        do {
            page = try parser.parse(data: data, fileName: "\(id).txt")
        } catch {
            throw .unparseable(error)
        }
        do { try store.write(id: id, data: data) } catch { throw .storage(error.description) }
        var pages = snapshot.pages.filter { $0.page.id != id }.map { ($0.page, $0.source, $0.contentHash) }
        pages.append((page, .uploaded, fnv1a64(data)))
        let next = builder.build(pages, loadErrors: snapshot.loadErrors)
        install(next)
        return next.page(id: id)!
    }

    private func install(_ snapshot: ArchiveSnapshot) {
        current.withLock { $0 = snapshot }
        counter.add(1, ordering: .releasing)
    }
}

public enum WriteError: Error, Sendable {
    case invalidID(String)
    case conflict(String)
    case readOnly(String)
    case notFound(String)
    case unparseable(PageParseError)
    case storage(String)
}

/// Page ids are file names and URL segments: letters, digits, `-`, `_` and `.`, not starting with
/// a dot, at most 64 characters.
public func isValidPageID(_ id: String) -> Bool {
    guard (1...64).contains(id.utf8.count), !id.hasPrefix(".") else { return false }
    return id.utf8.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == 0x2D || byte == 0x5F || byte == 0x2E
    }
}
