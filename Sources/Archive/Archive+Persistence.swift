import Analysis
import Foundation
import PageParser
import Persistence

/// Bumped when the layout of state files or what they hold changes: state written by another
/// layout is rebuilt from the page files.
let archiveStateFormat: UInt64 = 5

extension Archive {
    /// The state store of `options.stateDirectory`, keyed to this program and configuration.
    var stateStore: StateStore? {
        guard let directory = options.stateDirectory else { return nil }
        var checksum = Checksum(seed: archiveStateFormat)
        withUnsafeBytes(of: options.configurationKey.littleEndian) { checksum.update($0) }
        withUnsafeBytes(of: UInt64(StateFile.formatVersion).littleEndian) { checksum.update($0) }
        // The stored forms of analyses and models have their own versions. The page rules are
        // in the key too: records parsed by other rules are not this program's reading of the
        // pages. (Analysis rules are not: a model of other rules is re-analysed in the background.)
        for version in [UInt64(ArticleAnalysis.encodingVersion), UInt64(CorpusModel.encodingVersion)] {
            withUnsafeBytes(of: version.littleEndian) { checksum.update($0) }
        }
        if options.parserRevision != 1 {
            // Revision 1 is the first with a number, left out so states saved before it still read.
            withUnsafeBytes(of: UInt64(options.parserRevision).littleEndian) { checksum.update($0) }
        }
        return StateStore(directory: directory, schemaKey: checksum.value)
    }

    // MARK: - Start-up

    /// The archive from its persisted state, brought up to date with the page files (pages added,
    /// changed or removed while it was down), or nil when there is no usable state (then the
    /// caller builds from the page files). Throws describe why the state was not usable.
    func loadPersisted(_ store: StateStore, entries: [PageStore.Entry], errors: [LoadError],
                       report: (String) -> Void) throws(StateFileError) -> ArchiveState? {
        guard let manifest = try store.manifest() else { return nil }
        progress.withLock { $0 = LoadProgress(phase: .reading, done: 0, total: manifest.segments.count) }
        let model = try store.model(manifest.modelFingerprint)
        let places = self.places.with(model: model)
        let linkLimit = configuration.initiatives.maxNamesSharingAPart
        // Decoding the saved aggregate needs nothing the rest of the start-up makes: it runs on
        // another core meanwhile (each was about half of a large start).
        let saved = manifest.aggregate.flatMap { saved in
            saved.generation != manifest.generation ? nil : InBackground { () throws(StateFileError) in
                try store.aggregate(fileID: saved.fileID, generation: saved.generation, modelFingerprint: model.fingerprint,
                                    places: places, linkLimit: linkLimit)
            }
        }
        var segments: [ArchiveSegment] = []
        for entry in manifest.segments {
            segments.append(try store.load(entry))
            progress.withLock { $0.done += 1 }
        }
        // The newest version of each page (older ones stay in their segments until merged away).
        var pages: [String: PageEntry] = [:]
        for segment in segments {
            for index in 0..<segment.records.pageCount {
                guard let bytes = try? segment.records.withPageBytes(index, { Array($0) }),
                      let entry = Archive.decodePage(bytes) else {
                    throw .corrupt(store.path("seg-\(segment.fileID ?? -1).records"), "damaged page record")
                }
                if let existing = pages[entry.id], existing.number > entry.number { continue }
                if let current = manifest.currentPages, !current.contains(entry.number) { continue }
                pages[entry.id] = entry
            }
        }
        // Every current article's analysis must be readable before the state is used.
        let pageList = Array(pages.values)
        for page in pageList {
            for slot in page.slots {
                guard let segment = segments.last(where: { $0.slots.contains(slot) }) else {
                    throw .corrupt(store.path("manifest.nrs"), "slot \(slot) of page \(page.id) is in no segment")
                }
                guard segment.analyses.hasAnalysis(atSlot: slot) else {
                    throw .corrupt(store.path("ana-\(segment.analysisFileID ?? -1).analysis"), "no analysis of slot \(slot)")
                }
            }
        }
        report("read the saved state: \(segments.count) segment(s), \(pages.count) page(s), generation \(manifest.generation)")
        func aggregate() -> CorpusAggregate {
            switch saved?.value() {
            case .success(let aggregate)?:
                report("read the saved aggregate")
                return aggregate
            case .failure(let error)?:
                report("saved aggregate not usable (\(error)): computing it from the saved analyses")
                aggregateUnsaved.store(true, ordering: .releasing)
            case nil:
                report("no saved aggregate of generation \(manifest.generation): computing it from the saved analyses")
            }
            return ArchiveState.aggregate(of: pageList, in: segments, places: places, linkLimit: linkLimit)
        }
        let state = ArchiveState.assembled(
            segments: segments, pages: pageList, aggregate: aggregate(), model: model,
            search: searchConfiguration, tombstones: tombstones(entries), loadErrors: errors,
            configurationKey: options.configurationKey, generation: manifest.generation)
        fileIDs.withLock { $0 = max($0, manifest.nextFileID) }
        return reconcile(state, with: entries, report: report)
    }

    /// The removed article ids of deleted pages, from their tombstone files.
    func tombstones(_ entries: [PageStore.Entry]) -> [String: [String]] {
        var tombstones: [String: [String]] = [:]
        for entry in entries where entry.isTombstone {
            if let gone = (try? store.read(entry))?.metadata?.gone { tombstones[entry.id] = gone }
        }
        return tombstones
    }

    /// `state` with the page files as they are now: new or changed files parsed and analysed,
    /// vanished or tombstoned pages removed. Costs what changed. With `scope`, only those page
    /// ids are looked at (`entries` are theirs), and they are re-read even when their files look
    /// unchanged (another host's clock or a coarse file system can hide a change).
    func reconcile(_ state: ArchiveState, with entries: [PageStore.Entry], scope: Set<String>? = nil,
                   report: (String) -> Void) -> ArchiveState {
        var byID: [String: PageStore.Entry] = [:]
        var tombstoned = Set<String>()
        var errors = state.loadErrors
        if let scope { errors.removeAll { error in scope.contains { error.file.hasSuffix("/\($0).txt") } } }
        for entry in entries {
            if entry.isTombstone { tombstoned.insert(entry.id); continue }
            if let problem = Self.unloadable(entry, loaded: byID[entry.id] != nil) {
                errors.append(problem)
                continue
            }
            byID[entry.id] = entry
        }
        var removed: [String] = []
        var deleted = Set<String>()
        func compare(_ id: String, _ number: Int) {
            guard let page = state.page(number: number) else { return }
            guard let entry = byID[id] else {
                removed.append(id)
                if tombstoned.contains(id) { deleted.insert(id) }
                return
            }
            if scope != nil || entry.size != page.size || entry.modified != page.modified || entry.source != page.source { removed.append(id) }
        }
        if let scope {
            for id in scope.sorted() { if let number = state.pageNumbers[id] { compare(id, number) } }
        } else {
            state.pageNumbers.forEach(compare)
        }
        let changed = Set(removed)
        let fresh = byID.values.filter { state.page(id: $0.id) == nil || changed.contains($0.id) }.sorted { $0.id < $1.id }
        guard !removed.isEmpty || !fresh.isEmpty else { return errors == state.loadErrors ? state : state.with(loadErrors: errors) }
        if scope == nil {
            report("bringing the saved state up to date: \(fresh.count) new or changed page file(s), "
                   + "\(removed.count - fresh.filter { changed.contains($0.id) }.count) removed")
        }
        let places = self.places.with(model: state.model)
        let model = state.model
        let store = self.store
        let preparer = self.preparer
        let results: [Result<PreparedPage, LoadError>] = parallelMap(fresh) { entry in
            do {
                let (metadata, body) = try store.read(entry)
                let input = PagePreparer.Input(id: entry.id, file: (entry.path as NSString).lastPathComponent, source: entry.source,
                                               body: body, metadata: metadata, size: entry.size, modified: entry.modified)
                return .success(preparer.prepare(input, parsed: try preparer.parse(input), model: model, places: places))
            } catch let error as PageParseError {
                return .failure(LoadError(file: entry.path, reason: error.message))
            } catch {
                return .failure(LoadError(file: entry.path, reason: "\(error)"))
            }
        }
        var prepared: [PreparedPage] = []
        for result in results {
            switch result {
            case .success(let page): prepared.append(page)
            case .failure(let error): errors.append(error)
            }
        }
        // Many new pages (an import) become several segments of the bulk size, not one huge one.
        var next = state
        var batch: [PreparedPage] = []
        var articles = 0
        var first = true
        func flush() {
            next = next.applying(removing: first ? removed : [], adding: batch, deleting: first ? deleted : [],
                                 tombstones: first ? tombstones(entries) : [:], configuration: configuration)
            first = false
            batch = []
            articles = 0
        }
        for page in prepared {
            batch.append(page)
            articles += page.articles.count
            if articles >= Self.bulkSegmentSize { flush() }
        }
        if first || !batch.isEmpty { flush() }
        return next.with(loadErrors: errors)
    }

    // MARK: - Scrubbing

    /// Verifies the large sections of the saved search, record and analysis segments, which start-up
    /// maps without reading so that a large archive is ready in seconds. A damaged one is reported and the
    /// archive rebuilt from its page files in the background (readers keep the current state
    /// meanwhile). Returns false when it found damage.
    @discardableResult
    public func scrub(report: (String) -> Void = { _ in }) -> Bool {
        guard let stateStore, let state = state() else { return true }
        for segment in state.segments {
            // A shutdown does not wait for the rest (minutes of reading at a million articles);
            // the next start scrubs again.
            if maintenance.stopping.load(ordering: .acquiring) { return true }
            guard let id = segment.fileID else { continue }
            do {
                try SearchSegment.verify(path: stateStore.path("seg-\(id).search"), schemaKey: stateStore.schemaKey)
                try RecordSegment.verify(path: stateStore.path("seg-\(id).records"), schemaKey: stateStore.schemaKey)
                if let analyses = segment.analysisFileID {
                    try AnalysisSegment.verify(path: stateStore.path("ana-\(analyses).analysis"), schemaKey: stateStore.schemaKey)
                }
            } catch {
                report("saved state damaged (\(error)): rebuilding it from the page files")
                rebuild(report: report)
                return false
            }
        }
        return true
    }

    /// Builds the archive afresh from its page files while serving the current state, catches up
    /// with the writes that landed meanwhile, installs and saves it.
    public func rebuild(report: (String) -> Void = { _ in }) {
        statistics.rebuilds.add(1, ordering: .relaxed)
        let (entries, listErrors) = store.list()
        var errors = listErrors.map { LoadError(file: $0.path, reason: $0.reason) }
        let built = build(entries, errors: &errors, report: report)
        writes.withLock { _ in
            let (now, _) = store.list()
            install(reconcile(built.with(loadErrors: errors), with: now, report: report))
        }
        progress.withLock { $0.phase = .ready }
        checkpoint(report: report)
    }

    // MARK: - Ownership

    /// True when this process saves the derived state (or could: no other process holds it).
    public var savesState: Bool { ownsState() }

    /// True when this process saves the state: it holds the state directory's lock (taken at the
    /// first chance, so when the owner stops another process takes over at its next checkpoint).
    func ownsState(report: (String) -> Void = { _ in }) -> Bool {
        guard let stateStore else { return false }
        return stateLock.withLock { descriptor in
            if descriptor != nil { return true }
            guard let taken = stateStore.tryLock() else { return false }
            descriptor = taken
            let highest = max(stateStore.highestFileID(), (try? stateStore.manifest())?.nextFileID ?? 0)
            fileIDs.withLock { $0 = max($0, highest) }
            return true
        }
    }

    // MARK: - Checkpoints

    /// Writes what the current state holds that is not on disk yet (new segments, new analyses, the
    /// model) and a manifest naming exactly that state, then serves the written segments from
    /// their files and removes files no manifest names. Uploads are durable before this (their
    /// page files are); a crash before a checkpoint costs only re-reading those pages at start-up.
    @discardableResult
    public func checkpoint(report: (String) -> Void = { _ in }) -> Bool {
        saving.withLock { _ in save(report: report) }
    }

    private func save(report: (String) -> Void) -> Bool {
        guard let store = stateStore, let state = state(), ownsState() else { return false }
        let previous = try? store.manifest()
        let aggregateUnsaved = aggregateUnsaved.load(ordering: .acquiring)
        let needsWrite = state.segments.contains { $0.fileID == nil || $0.analysisFileID == nil } || !store.hasModel(state.model.fingerprint)
            || previous.map { $0.generation != state.generation || $0.aggregate?.generation != state.generation } ?? true
            || aggregateUnsaved
        guard needsWrite else { return false }
        do {
            try store.prepareDirectory()
            if !store.hasModel(state.model.fingerprint) { try store.write(state.model) }
            var persisted: [ArchiveSegment] = []
            for segment in state.segments {
                var written = segment
                if written.fileID == nil { written = try store.write(segment, fileID: nextFileID()) }
                if written.analysisFileID == nil {
                    let id = nextFileID()
                    let analyses = try store.write(analyses: written.analyses, fileID: id)
                    written = ArchiveSegment(search: written.search, records: written.records, analyses: analyses, fileID: written.fileID)
                    written.analysisFileID = id
                }
                persisted.append(written)
            }
            // The aggregate changes with the generation; a checkpoint after a merge alone keeps the saved one.
            var aggregate = previous?.aggregate
            if aggregate?.generation != state.generation || !store.hasAggregate(aggregate!.fileID) || aggregateUnsaved {
                let id = nextFileID()
                try store.write(state.aggregate, generation: state.generation, modelFingerprint: state.model.fingerprint, fileID: id)
                aggregate = (id, state.generation)
            }
            let manifest = StateStore.Manifest(
                generation: state.generation, nextFileID: fileIDs.withLock { $0 }, modelFingerprint: state.model.fingerprint,
                segments: persisted.map { .init(fileID: $0.fileID!, analysisFileID: $0.analysisFileID!, base: $0.base, count: $0.slots.count) },
                aggregate: aggregate, currentPages: SlotSet(state.pageNumbers.entries.map(\.value)))
            try store.write(manifest)
            if aggregateUnsaved { self.aggregateUnsaved.store(false, ordering: .releasing) }
            writes.withLock { _ in
                if let current = self.state() { install(current.withPersisted(persisted), changed: false) }
            }
            for name in store.collectGarbage(keeping: manifest) where name.hasSuffix(".tmp") { report("removed stale temporary file \(name)") }
            statistics.checkpoints.add(1, ordering: .relaxed)
            statistics.lastCheckpoint.store(Int(Date().timeIntervalSince1970), ordering: .relaxed)
            // The in-memory copies of what is now mapped from files were just freed.
            options.memoryReleased?()
            return true
        } catch {
            statistics.failedCheckpoints.add(1, ordering: .relaxed)
            report("could not save the derived state (the page files are safe; it is rebuilt at start-up): \(error)")
            return false
        }
    }

    func nextFileID() -> Int {
        fileIDs.withLock { id in
            id += 1
            return id
        }
    }
}
