import Analysis
import Foundation
import PageParser
import Persistence
import Synchronization

/// The one mutable place of the archive: the current state, the serialised writes that replace
/// it, and the work done off the request path (loading, persisting, merging, re-analysing).
/// Readers never wait: they take the current state (or, on the hot path, compare `generation` and
/// keep theirs) and work on an immutable value.
public final class Archive: Sendable {
    public struct Options: Sendable {
        /// Where derived state (index segments, records, the corpus model) is kept; nil keeps it in
        /// memory only and rebuilds at every start.
        public var stateDirectory: URL?
        /// Identifies the program version and configuration: state made by another is rebuilt,
        /// and ETags change with it.
        public var configurationKey: UInt64
        /// Re-analyse the corpus (new word list, IDF, pattern places) once the number of articles
        /// has changed by this share since the model was built.
        public var reanalysisDrift: Double
        /// …but not for fewer changed articles than this.
        public var reanalysisMinimumChange: Int
        /// …and only once no page has been written for this long (0: at once). A backlog posted
        /// page by page drifts past the threshold again and again; re-analysing the whole corpus
        /// each time, beside the uploads, held the maintenance thread for minutes, so segments
        /// went unmerged and unsaved meanwhile. Waiting for a pause does it once, at the end.
        public var reanalysisQuietPeriod: TimeInterval = 0
        /// The page rules the saved state must have been made under (`PageParser.rulesRevision`;
        /// tests give another to play a program with newer rules).
        public var parserRevision = PageParser.rulesRevision
        /// Merge segments, re-analyse and persist in the background (off for tests that drive it).
        public var backgroundWork: Bool
        /// Called when large in-memory structures were just freed (after a load or a checkpoint),
        /// for the process to return memory to the system.
        public var memoryReleased: (@Sendable () -> Void)?

        public init(stateDirectory: URL? = nil, configurationKey: UInt64 = 0, reanalysisDrift: Double = 0.2,
                    reanalysisMinimumChange: Int = 50, backgroundWork: Bool = true) {
            self.stateDirectory = stateDirectory
            self.configurationKey = configurationKey
            self.reanalysisDrift = reanalysisDrift
            self.reanalysisMinimumChange = reanalysisMinimumChange
            self.backgroundWork = backgroundWork
        }
    }

    public let store: PageStore
    public let options: Options
    let preparer: PagePreparer
    let configuration: AnalysisConfiguration
    let modelBuilder: CorpusModelBuilder
    let places: PlaceDirectory
    private let current = Mutex<ArchiveState?>(nil)
    private let counter = Atomic<Int>(0)
    /// Writers take turns; the store and the state change together.
    let writes = Mutex<Void>(())
    let progress = Mutex(LoadProgress())
    /// The last state file number handed out (state files are never rewritten under one name).
    let fileIDs = Mutex(0)
    /// Held by a checkpoint: two at once (the loader's and a shutdown's) would each take the
    /// other's newly written files for garbage.
    let saving = Mutex<Void>(())
    let maintenance = MaintenanceSignal()
    /// When the last page was written (`DispatchTime` nanoseconds; 0 before the first).
    let lastWrite = Atomic<UInt64>(0)
    /// How much of the store's change log this process has applied (bytes).
    let changeOffset = Mutex(0)
    /// The state directory's lock, while this process is the one that saves the state.
    let stateLock = Mutex<Int32?>(nil)
    let following = Atomic<Bool>(false)
    /// Set when the start-up could not use the saved aggregate (damaged, or another encoding) and
    /// computed it: the next checkpoint replaces the file, or every start would compute it again.
    let aggregateUnsaved = Atomic<Bool>(false)
    public let statistics = ArchiveStatistics()

    public init(store: PageStore, parser: PageParser, configuration: AnalysisConfiguration, options: Options = Options()) {
        self.store = store
        self.options = options
        self.configuration = configuration
        preparer = PagePreparer(parser: parser, analyzer: PageAnalyzer(configuration: configuration))
        modelBuilder = CorpusModelBuilder(configuration: configuration)
        places = PlaceDirectory(configuration: configuration.localities)
    }

    deinit {
        stateLock.withLock { descriptor in
            if let descriptor { close(descriptor) }
        }
    }

    /// An archive loaded from its pages before returning (tools and tests).
    public static func open(store: PageStore, parser: PageParser, configuration: AnalysisConfiguration,
                            options: Options = Options(backgroundWork: false), model: CorpusModel? = nil,
                            report: (String) -> Void = { _ in }) -> Archive {
        let archive = Archive(store: store, parser: parser, configuration: configuration, options: options)
        archive.load(model: model, report: report)
        return archive
    }

    // MARK: - Reading

    /// Changes each time the state changes; cheap to read on every request.
    public var generation: Int { counter.load(ordering: .acquiring) }

    /// The current state, or nil while the archive is still loading.
    public func state() -> ArchiveState? { current.withLock { $0 } }

    public var isReady: Bool { state() != nil }

    public var loadProgress: LoadProgress { progress.withLock { $0 } }

    /// Makes `state` current. `changed: false` is for states that answer every request as the
    /// one they replace (the same segments, now served from their files): caches stay valid.
    func install(_ state: ArchiveState, changed: Bool = true) {
        current.withLock { $0 = state }
        if changed { counter.add(1, ordering: .releasing) }
    }

    // MARK: - Loading

    /// Builds the archive from its page files: every page is parsed and analysed (on all cores),
    /// the corpus model is built from them, and the state is installed in one step, so no request
    /// ever sees part of the archive. Files that fail are reported by name and skipped.
    ///
    /// - Parameter model: analyse against this corpus model instead of building one from the pages.
    /// With a state directory, the saved state is read instead (costing what was saved, not a
    /// rebuild) and brought up to date with the page files; a missing, damaged or foreign state is
    /// reported and rebuilt, and the rebuilt state saved.
    ///
    /// `ready` is called once the archive serves, before the state is saved: saving after a start
    /// that found page files changed can take seconds at a million articles, and a log line timed
    /// after it would overstate the start-up.
    public func load(model: CorpusModel? = nil, report: (String) -> Void = { _ in }, ready: (ArchiveState) -> Void = { _ in }) {
        // Changes recorded from here on are applied after loading (again, if the listing saw them).
        changeOffset.withLock { $0 = store.changeLogSize() }
        let (entries, listErrors) = store.list()
        var errors = listErrors.map { LoadError(file: $0.path, reason: $0.reason) }
        for removed in store.removeStaleTemporaryFiles() { report("removed stale temporary file \(removed)") }
        var loaded: ArchiveState?
        if model == nil, let stateStore {
            let owner = ownsState()
            if !owner { report("another process saves the state in \(stateStore.directory.path); this one reads it") }
            // A reader may race the owner replacing files: it tries again on the newer manifest.
            for attempt in 1...(owner ? 1 : 3) {
                do {
                    loaded = try loadPersisted(stateStore, entries: entries, errors: errors, report: report)
                    if loaded == nil { report("no saved state in \(stateStore.directory.path): building it from the page files") }
                    break
                } catch {
                    guard owner || attempt == 3 else { continue }
                    report("saved state not usable (\(error)): rebuilding it from the page files")
                    if owner {
                        stateStore.removeAll()
                        fileIDs.withLock { $0 = 0 }
                    }
                }
            }
        }
        let state: ArchiveState
        if let loaded {
            state = loaded
            errors = loaded.loadErrors
        } else {
            state = build(entries, model: model, errors: &errors, report: report)
        }
        for error in errors { report("skipped page file \(error)") }
        progress.withLock { $0 = LoadProgress(phase: .ready, done: state.pageCount, total: state.pageCount) }
        writes.withLock { _ in
            // A new generation only when something changed: each one is a checkpoint to write.
            install(errors == state.loadErrors ? state : state.with(loadErrors: errors))
            catchUpWithChanges(report: report)
        }
        if let current = self.state() { ready(current) }
        if stateStore != nil { checkpoint(report: report) }
        options.memoryReleased?()
    }

    var searchConfiguration: SearchConfiguration {
        let search = configuration.search
        return SearchConfiguration(k1: search.k1, b: search.b, exactRunBonus: search.exactRunBonus, snippetLength: search.snippetLength)
    }
}

/// How far loading has come, for logs and `/readyz`.
public struct LoadProgress: Sendable, Hashable {
    public enum Phase: String, Sendable {
        case starting, reading, parsing, modelling, analysing, indexing, ready
    }

    public var phase: Phase = .starting
    public var done = 0
    public var total = 0

    public init(phase: Phase = .starting, done: Int = 0, total: Int = 0) {
        self.phase = phase
        self.done = done
        self.total = total
    }
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
