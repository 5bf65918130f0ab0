import Analysis
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Persistence

/// Derived state on disk, beside the page files it is derived from (and rebuilt from whenever it
/// is missing, damaged, or made by another program or configuration): a manifest naming the
/// segments of one consistent archive state, each segment's search index, records and analyses
/// in their own checksummed state files, and the corpus model. Files are written whole (temporary
/// name, fsync, rename) and never changed; a file no manifest names is garbage.
///
///     manifest.nrs              the current state: generation, model, segments
///     model-<fingerprint>.nrs   a corpus model
///     seg-<id>.search           a search segment        seg-<id>.records   its article and page records
///     ana-<id>.analysis         the analyses of one segment's articles against one model
///     agg-<id>.aggregate        the corpus aggregate of one generation (tags, places, initiatives,
///                               authors), so a start-up reads it instead of computing it
struct StateStore: Sendable {
    let directory: URL
    let schemaKey: UInt64

    static let manifestKind = fourCC("MANI")
    static let modelKind = fourCC("MODL")
    static let aggregateKind = fourCC("AGGR")

    struct Manifest: Sendable {
        struct Segment: Sendable {
            var fileID: Int
            var analysisFileID: Int
            var base: Int
            var count: Int
        }

        var generation: Int
        var nextFileID: Int
        var modelFingerprint: UInt64
        var segments: [Segment]
        /// The saved aggregate and the generation it is of, when there is one (a manifest written
        /// before aggregates were saved has none; the aggregate is then computed at start-up).
        var aggregate: (fileID: Int, generation: Int)?
        /// The numbers of the state's current pages. A page removed since its segment was written
        /// keeps its record there until a merge drops it; without this list a start-up would find
        /// it again and remove it again, every time. (Absent from older manifests.)
        var currentPages: SlotSet?
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func prepareDirectory() throws(StateFileError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .system("create \(directory.path)", errno)
        }
    }

    /// Takes the directory's lock without waiting, for the process that saves the state (others
    /// sharing the directory only read it). Returns the descriptor that holds it, or nil.
    func tryLock() -> Int32? {
        try? prepareDirectory()
        let descriptor = open(path(".lock"), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    /// The highest file number in the directory, so a new owner never reuses a name.
    func highestFileID() -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return 0 }
        return names.compactMap { name -> Int? in
            guard let dash = name.firstIndex(of: "-"), let dot = name.firstIndex(of: "."), dash < dot else { return nil }
            return Int(name[name.index(after: dash)..<dot])
        }.max() ?? 0
    }

    // MARK: - Manifest

    /// The manifest, or nil when there is none yet.
    func manifest() throws(StateFileError) -> Manifest? {
        let file = path("manifest.nrs")
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        let state = try StateFile(path: file, kind: Self.manifestKind, schemaKey: schemaKey)
        try state.verifyAll()
        let meta = try state.array(fourCC("META"), of: UInt64.self)
        let list = try state.array(fourCC("SEGS"), of: Int64.self)
        guard meta.count == 3, list.count % 4 == 0 else { throw .corrupt(file, "bad manifest") }
        var segments: [Manifest.Segment] = []
        for index in stride(from: 0, to: list.count, by: 4) {
            segments.append(Manifest.Segment(fileID: Int(list[index]), analysisFileID: Int(list[index + 1]), base: Int(list[index + 2]),
                                             count: Int(list[index + 3])))
        }
        var aggregate: (fileID: Int, generation: Int)?
        if state.hasSection(fourCC("AGGR")) {
            let saved = try state.array(fourCC("AGGR"), of: Int64.self)
            guard saved.count == 2 else { throw .corrupt(file, "bad manifest") }
            aggregate = (Int(saved[0]), Int(saved[1]))
        }
        var currentPages: SlotSet?
        if state.hasSection(fourCC("PAGS")) {
            var reader = BinaryReader(try state.bytes(fourCC("PAGS")))
            do { currentPages = try SlotSet(from: &reader) } catch { throw .corrupt(file, "bad manifest page list") }
        }
        return Manifest(generation: Int(meta[0]), nextFileID: Int(meta[1]), modelFingerprint: meta[2], segments: segments,
                        aggregate: aggregate, currentPages: currentPages)
    }

    func write(_ manifest: Manifest) throws(StateFileError) {
        let writer = try StateFileWriter(path: path("manifest.nrs"), kind: Self.manifestKind, schemaKey: schemaKey)
        try writer.addSection(fourCC("META"), [UInt64(manifest.generation), UInt64(manifest.nextFileID), manifest.modelFingerprint])
        try writer.addSection(fourCC("SEGS"), manifest.segments.flatMap {
            [Int64($0.fileID), Int64($0.analysisFileID), Int64($0.base), Int64($0.count)]
        })
        if let aggregate = manifest.aggregate {
            try writer.addSection(fourCC("AGGR"), [Int64(aggregate.fileID), Int64(aggregate.generation)])
        }
        if let pages = manifest.currentPages {
            var bytes = BinaryWriter()
            pages.encode(into: &bytes)
            try writer.addSection(fourCC("PAGS"), bytes.bytes)
        }
        try writer.commit()
    }

    // MARK: - Model

    func modelFileName(_ fingerprint: UInt64) -> String { "model-\(String(fingerprint, radix: 16)).nrs" }

    func hasModel(_ fingerprint: UInt64) -> Bool { FileManager.default.fileExists(atPath: path(modelFileName(fingerprint))) }

    func write(_ model: CorpusModel) throws(StateFileError) {
        let writer = try StateFileWriter(path: path(modelFileName(model.fingerprint)), kind: Self.modelKind, schemaKey: schemaKey)
        try writer.addSection(fourCC("MODL"), model.bytes)
        try writer.addSection(fourCC("REVN"), [UInt64(model.rulesRevision)])
        try writer.commit()
    }

    func model(_ fingerprint: UInt64) throws(StateFileError) -> CorpusModel {
        let file = path(modelFileName(fingerprint))
        let state = try StateFile(path: file, kind: Self.modelKind, schemaKey: schemaKey)
        try state.verifyAll()
        let bytes = try state.bytes(fourCC("MODL"))
        // A model saved before its rules revision was recorded has none: revision 0.
        var revision = 0
        if state.hasSection(fourCC("REVN")) {
            let saved = try state.array(fourCC("REVN"), of: UInt64.self)
            guard saved.count == 1, saved[0] <= UInt64(Int.max) else { throw .corrupt(file, "bad model revision") }
            revision = Int(saved[0])
        }
        let model: CorpusModel
        do { model = try CorpusModel(bytes: bytes, rulesRevision: revision) } catch { throw .corrupt(file, "damaged model") }
        guard model.fingerprint == fingerprint else { throw .corrupt(file, "model fingerprint mismatch") }
        return model
    }

    // MARK: - Aggregate

    func aggregateFileName(_ fileID: Int) -> String { "agg-\(fileID).aggregate" }

    func hasAggregate(_ fileID: Int) -> Bool { FileManager.default.fileExists(atPath: path(aggregateFileName(fileID))) }

    /// Saves the aggregate of a state (streamed: its bytes are never all in memory).
    func write(_ aggregate: CorpusAggregate, generation: Int, modelFingerprint: UInt64, fileID: Int) throws(StateFileError) {
        let writer = try StateFileWriter(path: path(aggregateFileName(fileID)), kind: Self.aggregateKind, schemaKey: schemaKey)
        try writer.addSection(fourCC("META"), [UInt64(generation), modelFingerprint, UInt64(CorpusAggregate.encodingVersion)])
        try writer.beginSection(fourCC("AGGB"), elementSize: 1)
        try aggregate.encode { (bytes) throws(StateFileError) in try writer.write(bytes) }
        try writer.endSection()
        try writer.commit()
    }

    /// The saved aggregate of `generation` under `modelFingerprint`, read in full and checked.
    /// Throws when it is missing, damaged, or of another generation, model or encoding.
    func aggregate(fileID: Int, generation: Int, modelFingerprint: UInt64, places: PlaceDirectory,
                   linkLimit: Int) throws(StateFileError) -> CorpusAggregate {
        let file = path(aggregateFileName(fileID))
        let state = try StateFile(path: file, kind: Self.aggregateKind, schemaKey: schemaKey)
        try state.verifyAll()
        let meta = try state.array(fourCC("META"), of: UInt64.self)
        guard meta.count == 3, meta[0] == UInt64(generation), meta[1] == modelFingerprint else {
            throw .corrupt(file, "aggregate of another generation or model")
        }
        guard meta[2] == UInt64(CorpusAggregate.encodingVersion) else {
            throw .incompatible(file, "aggregate encoding \(meta[2]), expected \(CorpusAggregate.encodingVersion)")
        }
        do {
            return try CorpusAggregate(places: places, linkLimit: linkLimit, decoding: try state.bytes(fourCC("AGGB")))
        } catch let error as StateFileError {
            throw error
        } catch {
            throw .corrupt(file, "damaged aggregate")
        }
    }

    // MARK: - Segments

    func write(_ segment: ArchiveSegment, fileID: Int) throws(StateFileError) -> ArchiveSegment {
        try segment.search.write(to: path("seg-\(fileID).search"), schemaKey: schemaKey)
        try segment.records.write(to: path("seg-\(fileID).records"), schemaKey: schemaKey)
        return try loadSegment(fileID: fileID, analyses: segment.analyses, analysisFileID: segment.analysisFileID)
    }

    func write(analyses: AnalysisSegment, fileID: Int) throws(StateFileError) -> AnalysisSegment {
        let file = path("ana-\(fileID).analysis")
        try analyses.write(to: file, schemaKey: schemaKey)
        return try AnalysisSegment.load(path: file, schemaKey: schemaKey)
    }

    func loadSegment(fileID: Int, analyses: AnalysisSegment, analysisFileID: Int?) throws(StateFileError) -> ArchiveSegment {
        let search = try SearchSegment.load(path: path("seg-\(fileID).search"), schemaKey: schemaKey)
        let records = try RecordSegment.load(path: path("seg-\(fileID).records"), schemaKey: schemaKey)
        guard search.slots == records.slots, analyses.slots == search.slots else {
            throw .corrupt(path("seg-\(fileID).records"), "segment files cover different slots")
        }
        var segment = ArchiveSegment(search: search, records: records, analyses: analyses, fileID: fileID)
        segment.analysisFileID = analysisFileID
        return segment
    }

    func load(_ entry: Manifest.Segment) throws(StateFileError) -> ArchiveSegment {
        let analyses = try AnalysisSegment.load(path: path("ana-\(entry.analysisFileID).analysis"), schemaKey: schemaKey)
        let segment = try loadSegment(fileID: entry.fileID, analyses: analyses, analysisFileID: entry.analysisFileID)
        guard segment.base == entry.base, segment.slots.count == entry.count else {
            throw .corrupt(path("seg-\(entry.fileID).search"), "segment does not match the manifest")
        }
        return segment
    }

    // MARK: - Garbage

    static let stateSuffixes = [".nrs", ".search", ".records", ".analysis", ".aggregate"]

    /// Removes state files the manifest does not name (and temporary files older than a minute,
    /// left by a crash); returns their names.
    func collectGarbage(keeping manifest: Manifest) -> [String] {
        var keep: Set<String> = ["manifest.nrs", modelFileName(manifest.modelFingerprint)]
        for segment in manifest.segments {
            keep.insert("seg-\(segment.fileID).search")
            keep.insert("seg-\(segment.fileID).records")
            keep.insert("ana-\(segment.analysisFileID).analysis")
        }
        if let aggregate = manifest.aggregate { keep.insert(aggregateFileName(aggregate.fileID)) }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var removed: [String] = []
        let now = Date().timeIntervalSince1970
        for name in names where !keep.contains(name) {
            let isState = Self.stateSuffixes.contains { name.hasSuffix($0) }
            var old = false
            if name.hasSuffix(".tmp") {
                var status = stat()
                old = stat(path(name), &status) == 0 && now - Double(status.st_mtim.tv_sec) > 60
            }
            guard isState || old else { continue }
            if unlink(path(name)) == 0 { removed.append(name) }
        }
        return removed
    }

    /// Every state file, for starting over.
    func removeAll() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasSuffix(".tmp") || Self.stateSuffixes.contains(where: { name.hasSuffix($0) }) {
            unlink(path(name))
        }
    }
}
