import Foundation

/// What `importPages` did, file by file.
public struct ImportReport: Sendable {
    /// Page ids stored and loaded.
    public var imported: [String] = []
    /// Files not imported, with why (invalid name, id taken, same content stored, unparseable).
    public var skipped: [(file: String, reason: String)] = []
    /// True when the whole archive was rebuilt (a new corpus model) rather than extended.
    public var rebuilt = false
}

extension Archive {
    /// Imports a backlog of page files (`.txt`, `.html`, `.htm`) into the uploads directory and
    /// loads them: files are copied without a per-file fsync and made durable together, recorded
    /// in the change log (a running server sharing the directory picks them up), then parsed and
    /// analysed on every core. A backlog large against the archive rebuilds it with a fresh
    /// corpus model, as a full load would; a small one is added to it like uploads. Files whose
    /// id is taken or whose content is stored already are skipped; files that do not parse are
    /// removed again. Each is reported by name.
    public func importPages(_ files: [URL], metadata upload: UploadMetadata = UploadMetadata(), now: Date = Date(),
                            copied: (Int) -> Void = { _ in }, report: (String) -> Void = { _ in }) -> ImportReport {
        var result = ImportReport()
        guard let before = state() else {
            result.skipped = files.map { ($0.path, "the archive is not loaded") }
            return result
        }
        var hashes = Set<UInt64>()
        var imported: [(id: String, path: String)] = []
        let batchSize = 256
        for start in stride(from: 0, to: files.count, by: batchSize) {
            // The lock is taken per batch so that a running server's uploads are not held up for long.
            let batch = files[start..<min(files.count, start + batchSize)]
            writes.withLock { _ in
                do {
                    let lock = try store.lock()
                    defer { lock.release() }
                    let state = catchUpWithChanges() ?? before
                    var stored: [String] = []
                    for file in batch {
                        let ext = file.pathExtension.lowercased()
                        let id = file.deletingPathExtension().lastPathComponent
                        guard PageStore.seedExtensions.contains(ext) else { result.skipped.append((file.path, "not a .txt, .html or .htm file")); continue }
                        guard isValidPageID(id) else {
                            result.skipped.append((file.path, "file name is not a valid page id (letters, digits, '-', '_', '.'; at most 64)"))
                            continue
                        }
                        guard let body = FileManager.default.contents(atPath: file.path) else { result.skipped.append((file.path, "cannot read file")); continue }
                        let hash = PagePreparer.bodyHash(body)
                        if let existing = state.page(withBodyHash: hash) { result.skipped.append((file.path, "same content as page \(existing.id)")); continue }
                        guard hashes.insert(hash).inserted else { result.skipped.append((file.path, "same content as another file of this import")); continue }
                        if state.page(id: id) != nil || store.entries(forID: id).contains(where: { !$0.isTombstone }) {
                            result.skipped.append((file.path, "a page with id '\(id)' exists"))
                            continue
                        }
                        var metadata = PageMetadata(newspaper: upload.newspaper, date: upload.date?.description, pageLabel: upload.pageLabel,
                                                    section: upload.section, contentType: ext == "txt" ? upload.contentType : "text/html",
                                                    createdAt: now, updatedAt: now)
                        if let tombstone = store.current(id), tombstone.isTombstone { metadata.gone = tombstone.metadata?.gone ?? [] }
                        do throws(StorageError) {
                            _ = try store.write(id: id, metadata: metadata, body: body, create: true, durable: false)
                            imported.append((id, store.uploadsDirectory.appendingPathComponent("\(id).txt").path))
                            stored.append(id)
                        } catch {
                            result.skipped.append((file.path, error.description))
                        }
                    }
                    try store.syncUploads()
                    // Recorded only once durable: another process never reads a page that could still vanish.
                    var end: Int?
                    for id in stored { end = store.appendChange(id) ?? end }
                    if let end { changeOffset.withLock { $0 = end } }
                } catch {
                    report("import: \(error)")
                }
            }
            copied(min(files.count, start + batchSize))
        }
        let ids = Set(imported.map(\.id))
        if Double(ids.count) >= options.reanalysisDrift * Double(max(1, before.pageCount)) {
            result.rebuilt = true
            rebuild(report: report)
        } else {
            writes.withLock { _ in
                let entries = ids.sorted().flatMap { store.entries(forID: $0) }
                if let state = state() { install(reconcile(state, with: entries, scope: ids, report: report)) }
            }
            checkpoint(report: report)
        }
        // Files that did not load are not kept: an import leaves only pages the archive serves.
        let failed = Dictionary((state()?.loadErrors ?? []).map { ($0.file, $0.reason) }, uniquingKeysWith: { first, _ in first })
        for (id, path) in imported {
            if let reason = failed[path] {
                result.skipped.append((path, reason))
                try? FileManager.default.removeItem(atPath: path)
            } else {
                result.imported.append(id)
            }
        }
        if result.imported.count < imported.count {
            writes.withLock { _ in
                let removed = Set(imported.map(\.id)).subtracting(result.imported)
                if let lock = try? store.lock() {
                    for id in removed.sorted() { _ = store.appendChange(id) }
                    changeOffset.withLock { $0 = store.changeLogSize() }
                    lock.release()
                }
                if let state = state() {
                    install(state.with(loadErrors: state.loadErrors.filter { error in !removed.contains { error.file.hasSuffix("/\($0).txt") } }))
                }
            }
        }
        return result
    }
}
