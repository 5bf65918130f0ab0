import Analysis
import Foundation
import PageParser
import Persistence

/// What an upload says about its page (query parameters of POST and PUT).
public struct UploadMetadata: Sendable, Hashable {
    public var newspaper: String?
    public var date: EditionDate?
    public var pageLabel: String?
    public var section: String?
    /// The request's Content-Type, kept for decoding the stored body.
    public var contentType: String?

    public init(newspaper: String? = nil, date: EditionDate? = nil, pageLabel: String? = nil, section: String? = nil,
                contentType: String? = nil) {
        self.newspaper = newspaper
        self.date = date
        self.pageLabel = pageLabel
        self.section = section
        self.contentType = contentType
    }
}

/// A condition on the current version of a page (RFC 9110 §13.1).
public enum Precondition: Sendable, Hashable {
    /// `If-Match`: one of these strong entity tags, or `*` for any current version.
    case ifMatch([String])
    /// `If-None-Match: *`: only when no page has the id.
    case ifNoneMatchAny
}

public struct WriteResult: Sendable {
    public var page: PageEntry
    public var created: Bool
    /// Set when the file is in place but its directory could not be synced (see `PageStore`).
    public var durabilityWarning: String?
    /// Article ids the write removed (a replacement that dropped articles).
    public var removedArticles: [String]
}

public enum WriteError: Error, Sendable {
    case notReady
    case invalidID(String)
    /// The id is taken.
    case conflict(String)
    /// The same content is stored already, as this page.
    case duplicate(of: String)
    case readOnly(String)
    case notFound(String)
    case preconditionFailed(current: String?)
    case unparseable(PageParseError)
    /// The write failed; `changed` says whether anything was changed before it did.
    case storage(String, changed: Bool)
}

extension Archive {
    /// Adds a page. Refused (and nothing changes) when the id is taken (`If-None-Match: *` makes
    /// that a failed precondition), when the same content is stored under any id, when the text
    /// has no article, or when the file cannot be written durably.
    public func create(_ body: Data, id requestedID: String?, metadata upload: UploadMetadata,
                       precondition: Precondition? = nil, now: Date = Date()) throws(WriteError) -> WriteResult {
        let hash = PagePreparer.bodyHash(body)
        let id = requestedID ?? "upload-" + String(hash, radix: 16)
        guard isValidPageID(id) else { throw .invalidID(id) }
        let page = try parse(body, id: id, contentType: upload.contentType)
        return try writing { state throws(WriteError) -> WriteResult in
            var metadata = PageMetadata(newspaper: upload.newspaper, date: upload.date?.description, pageLabel: upload.pageLabel,
                                        section: upload.section, contentType: upload.contentType, createdAt: now, updatedAt: now)
            if state.page(id: id) != nil {
                throw precondition == .ifNoneMatchAny ? .preconditionFailed(current: nil) : .conflict(id)
            }
            if let existing = state.page(withBodyHash: hash) { throw .duplicate(of: existing.id) }
            // A page re-created after a delete keeps answering 410 for what it no longer has.
            if let tombstone = store.current(id), tombstone.isTombstone { metadata.gone = tombstone.metadata?.gone ?? [] }
            let outcome = try store(id: id, precondition: precondition) { () throws(StorageError) in
                try store.write(id: id, metadata: metadata, body: body, create: true)
            }
            let input = PagePreparer.Input(id: id, file: "\(id).txt", source: .uploaded, body: body, metadata: metadata,
                                           size: outcome.size, modified: outcome.modified)
            let prepared = preparer.prepare(input, parsed: page, model: state.model, places: places.with(model: state.model))
            let next = state.applying(removing: [], adding: [prepared], configuration: configuration, now: now)
            install(next)
            afterWrite(next)
            return WriteResult(page: next.page(id: id)!, created: true, durabilityWarning: outcome.durability, removedArticles: [])
        }
    }

    /// Creates or replaces an uploaded page; seed pages are read-only. Articles that are still
    /// there (by content) keep their ids; the others become gone. Metadata the upload does not give
    /// is kept from the page's earlier version.
    public func replace(id: String, _ body: Data, metadata upload: UploadMetadata, precondition: Precondition? = nil,
                        now: Date = Date()) throws(WriteError) -> WriteResult {
        guard isValidPageID(id) else { throw .invalidID(id) }
        let page = try parse(body, id: id, contentType: upload.contentType)
        let hash = PagePreparer.bodyHash(body)
        return try writing { state throws(WriteError) -> WriteResult in
            let existing = state.page(id: id)
            if existing?.source == .seed { throw .readOnly(id) }
            try Self.check(precondition, against: existing)
            if let other = state.page(withBodyHash: hash), other.id != id { throw .duplicate(of: other.id) }
            var removedArticles: [String] = []
            var metadata = PageMetadata(contentType: upload.contentType ?? existing?.contentType, createdAt: existing?.createdAt ?? now,
                                        updatedAt: now)
            metadata.newspaper = upload.newspaper ?? existing.flatMap { $0.edition.newspaper == $0.printed.newspaper ? nil : $0.edition.newspaper }
            metadata.date = (upload.date ?? existing.flatMap { $0.edition.date == $0.printed.date ? nil : $0.edition.date })?.description
            metadata.pageLabel = upload.pageLabel ?? existing.flatMap { $0.edition.pageLabel == $0.printed.pageLabel ? nil : $0.edition.pageLabel }
            metadata.section = upload.section ?? existing.flatMap { $0.edition.section == $0.printed.section ? nil : $0.edition.section }
            if let existing {
                let old = existing.slots.indices.compactMap { index -> (key: String, article: Article)? in
                    guard let ref = state.article(slot: existing.slots[index]), let article = state.article(ref) else { return nil }
                    return (existing.keys[index], article)
                }
                let matched = ArticleKeys.match(new: page.articles, old: old)
                metadata.articleKeys = matched.kept
                removedArticles = matched.gone.map { "\(id)-\($0)" }
                metadata.gone = Array(Set(existing.gone + removedArticles)).sorted()
            }
            if existing == nil, let tombstone = store.current(id), tombstone.isTombstone {
                metadata.gone = Array(Set(metadata.gone + (tombstone.metadata?.gone ?? []))).sorted()
            }
            let outcome = try store(id: id, precondition: precondition) { () throws(StorageError) in
                try store.write(id: id, metadata: metadata, body: body, create: existing == nil)
            }
            let input = PagePreparer.Input(id: id, file: "\(id).txt", source: .uploaded, body: body, metadata: metadata,
                                           size: outcome.size, modified: outcome.modified)
            var prepared = preparer.prepare(input, parsed: page, model: state.model, places: places.with(model: state.model))
            prepared.entry.gone = prepared.entry.gone.filter { gone in !prepared.entry.keys.contains { "\(id)-\($0)" == gone } }
            let next = state.applying(removing: existing == nil ? [] : [id], adding: [prepared], configuration: configuration, now: now)
            install(next)
            afterWrite(next)
            return WriteResult(page: next.page(id: id)!, created: existing == nil, durabilityWarning: outcome.durability,
                               removedArticles: removedArticles)
        }
    }

    /// Removes an uploaded page; its articles answer 410 Gone from then on.
    @discardableResult
    public func delete(id: String, precondition: Precondition? = nil, now: Date = Date()) throws(WriteError) -> String? {
        try writing { state throws(WriteError) -> String? in
            guard let existing = state.page(id: id) else { throw .notFound(id) }
            guard existing.source == .uploaded else { throw .readOnly(id) }
            try Self.check(precondition, against: existing)
            var tombstone = PageMetadata(createdAt: existing.createdAt, updatedAt: now)
            tombstone.deletedAt = now
            tombstone.gone = Array(Set(existing.gone + existing.keys.map { "\(id)-\($0)" })).sorted()
            let outcome = try store(id: id, precondition: precondition) { () throws(StorageError) in
                try store.delete(id: id, tombstone: tombstone)
            }
            let next = state.applying(removing: [id], adding: [], deleting: [id], configuration: configuration, now: now)
            install(next)
            afterWrite(next)
            return outcome.durability
        }
    }

    /// Runs a write in the archive's turn and holding the store's lock, which every process
    /// sharing the data directory takes for its writes, on the state caught up with every change
    /// any of them made: checks (id taken, same content stored, If-Match) see the truth, not
    /// this process's view of it.
    private func writing<T>(_ body: (ArchiveState) throws(WriteError) -> T) throws(WriteError) -> T {
        try writes.withLock { _ throws(WriteError) -> T in
            guard state() != nil else { throw .notReady }
            let lock: PageStore.Lock
            do throws(StorageError) { lock = try store.lock() } catch { throw .storage(error.description, changed: false) }
            defer { lock.release() }
            guard let state = catchUpWithChanges() else { throw .notReady }
            return try body(state)
        }
    }

    /// Changes the page files of `id` and records the change for other processes.
    private func store(id: String, precondition: Precondition?,
                       _ change: () throws(StorageError) -> PageStore.WriteOutcome) throws(WriteError) -> PageStore.WriteOutcome {
        var outcome: PageStore.WriteOutcome
        do { outcome = try change() } catch { throw Self.writeError(error, id: id, precondition: precondition) }
        if let end = store.appendChange(id) {
            changeOffset.withLock { $0 = end }
        } else {
            let warning = "the change log could not be written: other servers sharing the data directory see this change when they restart"
            outcome.durability = [outcome.durability, warning].compactMap { $0 }.joined(separator: "; ")
        }
        return outcome
    }

    private func parse(_ body: Data, id: String, contentType: String?) throws(WriteError) -> Page {
        do {
            return try preparer.parse(body, id: id, file: "\(id).txt", contentType: contentType)
        } catch {
            throw .unparseable(error)
        }
    }

    private static func check(_ precondition: Precondition?, against existing: PageEntry?) throws(WriteError) {
        switch precondition {
        case .ifMatch(let tags)?:
            guard let existing else { throw .preconditionFailed(current: nil) }
            let matches = tags.contains("*") || tags.contains(existing.etag)
            if !matches { throw .preconditionFailed(current: existing.etag) }
        case .ifNoneMatchAny?:
            if existing != nil { throw .preconditionFailed(current: existing?.etag) }
        case nil:
            break
        }
    }

    private static func writeError(_ error: StorageError, id: String, precondition: Precondition?) -> WriteError {
        switch error {
        case .exists(let name) where name.hasPrefix("\u{0}"):
            return .duplicate(of: String(name.dropFirst()))
        case .exists:
            return precondition == .ifNoneMatchAny ? .preconditionFailed(current: nil) : .conflict(id)
        case .system:
            return .storage(error.description, changed: false)
        }
    }
}
