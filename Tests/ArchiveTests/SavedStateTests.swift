import Analysis
import CLinux
@testable import Archive
import Foundation
import PageParser
import Persistence
import Testing
import TestSupport

/// The derived state is saved beside the page files so a restart reads it instead of rebuilding,
/// and the page files stay the record: whatever happens to the state, the archive answers as a
/// build of its pages does.
@Suite("Archive: saved state")
struct SavedStateTests {
    struct Fixture {
        let data = temporaryDirectory()
        let state = temporaryDirectory()

        func open(configurationKey: UInt64 = 7, parserRevision: Int = PageParser.rulesRevision, log: Log = Log()) -> Archive {
            var options = Archive.Options(stateDirectory: state, configurationKey: configurationKey, backgroundWork: false)
            options.parserRevision = parserRevision
            return makeArchive(data: data, options: options, report: { log.append($0) })
        }

        func stateFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? []).sorted()
        }

        func size(_ name: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: state.appendingPathComponent(name).path))?[.size] as? Int) ?? 0
        }
    }

    /// An archive with uploads, replacements and deletions, saved.
    func populated(_ fixture: Fixture) throws -> Archive {
        let archive = fixture.open()
        for (index, upload) in try IncrementalEqualsFullTests.uploads().enumerated() {
            _ = try archive.create(upload.body, id: upload.id, metadata: UploadMetadata(date: EditionDate("2024-03-0\(index % 9 + 1)")),
                                   now: Date(timeIntervalSince1970: 1_710_000_000 + Double(index)))
        }
        let uploads = try IncrementalEqualsFullTests.uploads()
        _ = try archive.replace(id: uploads[0].id, uploads[0].body + Data("\n\n(本文有删改)".utf8), metadata: UploadMetadata())
        try archive.delete(id: uploads[1].id)
        #expect(archive.checkpoint())
        return archive
    }

    @Test func aRestartReadsTheSavedStateAndAnswersAsBefore() throws {
        let fixture = Fixture()
        let before = ArchiveDescription(try #require(try populated(fixture).state()))
        let log = Log()
        let restarted = fixture.open(log: log)
        #expect(log.contains("read the saved state"))
        #expect(!log.contains("building it from the page files"))
        // The deleted page's record is still in its segment, but the saved state knows it is gone.
        #expect(!log.contains("up to date"))
        expectSame(before, ArchiveDescription(try #require(restarted.state())))
    }

    @Test func aRestartWithNothingChangedWritesNothing() throws {
        let fixture = Fixture()
        let generation = try #require(try populated(fixture).state()).generation
        let files = fixture.stateFiles()
        let manifest = try Data(contentsOf: fixture.state.appendingPathComponent("manifest.nrs"))
        #expect(try #require(fixture.open().state()).generation == generation)
        #expect(fixture.stateFiles() == files)
        #expect(try Data(contentsOf: fixture.state.appendingPathComponent("manifest.nrs")) == manifest)
    }

    @Test func theFirstStartBuildsAndSaves() throws {
        let fixture = Fixture()
        let log = Log()
        _ = fixture.open(log: log)
        #expect(log.contains("no saved state"))
        let files = fixture.stateFiles()
        #expect(files.contains("manifest.nrs"))
        #expect(files.contains { $0.hasPrefix("seg-") && $0.hasSuffix(".search") })
        #expect(files.contains { $0.hasPrefix("model-") })
    }

    @Test func readyIsAnnouncedWithTheServedStateBeforeItIsSaved() throws {
        let fixture = Fixture()
        let archive = Archive(store: PageStore(seedsDirectory: seedsDirectory, dataDirectory: fixture.data), parser: parser,
                              configuration: analysisConfiguration,
                              options: Archive.Options(stateDirectory: fixture.state, configurationKey: 7, backgroundWork: false))
        var announced: [(articles: Int, served: Int?, saved: Bool)] = []
        archive.load(ready: { state in
            announced.append((state.articleCount, archive.state()?.articleCount, fixture.stateFiles().contains("manifest.nrs")))
        })
        #expect(announced.count == 1)
        #expect(announced.first?.articles ?? 0 > 0)
        #expect(announced.first?.served == announced.first?.articles, "the announced state is the one served")
        #expect(announced.first?.saved == false, "announced before the first save")
        #expect(fixture.stateFiles().contains("manifest.nrs"), "saved once load returns")
    }

    @Test func aPageFileRemovedWhileDownIsRemovedOnceNotAtEveryStart() throws {
        let fixture = Fixture()
        let removed = try IncrementalEqualsFullTests.uploads()[2].id
        // (Each archive is released before the next opens: only one process saves the state.)
        for entry in try populated(fixture).store.entries(forID: removed) { try FileManager.default.removeItem(atPath: entry.path) }
        let first = Log()
        let afterRemoval = ArchiveDescription(try #require(fixture.open(log: first).state()))
        #expect(first.contains("1 removed"))
        #expect(!afterRemoval.lines.contains { $0.contains(removed) })
        let second = Log()
        let again = ArchiveDescription(try #require(fixture.open(log: second).state()))
        #expect(second.contains("read the saved state"))
        #expect(!second.contains("up to date"))
        expectSame(afterRemoval, again)
    }

    @Test func pagesChangedWhileTheServerWasDownAreReadOnTopOfTheSavedState() throws {
        let fixture = Fixture()
        let saved = try populated(fixture)
        let model = try #require(saved.state()).model
        // Another process (an older server, an import) changes the page files meanwhile.
        let other = makeArchive(data: fixture.data, model: model)
        _ = try other.create(pageText([("停机期间上传的稿件", "赵六", "这篇稿件在服务停机期间写入页面文件,重启后必须可见。")]), id: "while-down",
                             metadata: UploadMetadata(date: EditionDate("2024-04-01")))
        let uploads = try IncrementalEqualsFullTests.uploads()
        try other.delete(id: uploads[2].id)
        _ = try other.replace(id: uploads[3].id, uploads[3].body + Data("\n\n(补充报道)".utf8), metadata: UploadMetadata())

        let log = Log()
        let restarted = fixture.open(log: log)
        #expect(log.contains("read the saved state"))
        #expect(log.contains("up to date"))
        let state = try #require(restarted.state())
        #expect(state.page(id: "while-down") != nil)
        #expect(state.page(id: uploads[2].id) == nil)
        let full = makeArchive(data: fixture.data, model: state.model)
        expectSame(ArchiveDescription(try #require(full.state())).withoutScores, ArchiveDescription(state).withoutScores)
    }

    /// What a full build of the fixture's page files answers.
    func fullBuild(_ fixture: Fixture) throws -> ArchiveDescription {
        ArchiveDescription(try #require(makeArchive(data: fixture.data).state()))
    }

    @Test func aRestartReadsTheSavedAggregateInsteadOfComputingIt() throws {
        let fixture = Fixture()
        _ = try populated(fixture)
        #expect(fixture.stateFiles().filter { $0.hasSuffix(".aggregate") }.count == 1)
        // The aggregate of the saved generation is read, not computed from the analyses.
        try expectARestartReadsTheSavedAggregate(fixture, answering: ArchiveDescription(try #require(fixture.open().state())))
    }

    /// Restarts on the saved state: the saved aggregate is read (nothing computed, nothing refused)
    /// and the archive answers as `before`.
    func expectARestartReadsTheSavedAggregate(_ fixture: Fixture, answering before: ArchiveDescription,
                                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let log = Log()
        let restarted = fixture.open(log: log)
        #expect(log.contains("read the saved aggregate"), sourceLocation: sourceLocation)
        #expect(!log.contains("computing") && !log.contains("not usable"), sourceLocation: sourceLocation)
        expectSame(before, ArchiveDescription(try #require(restarted.state(), sourceLocation: sourceLocation)), sourceLocation: sourceLocation)
    }

    @Test func aDamagedSavedAggregateIsComputedFromTheAnalysesInstead() throws {
        let fixture = Fixture()
        let before = ArchiveDescription(try #require(try populated(fixture).state()))
        let aggregate = try #require(fixture.stateFiles().first { $0.hasSuffix(".aggregate") })
        try damage(fixture.state.appendingPathComponent(aggregate), at: 0.5)
        let log = Log()
        let restarted = fixture.open(log: log)
        #expect(log.contains("read the saved state"))
        #expect(log.contains("saved aggregate not usable"))
        #expect(log.contains(aggregate))
        expectSame(before, ArchiveDescription(try #require(restarted.state())))
        // The start-up's checkpoint replaced the damaged file with the computed aggregate, though the
        // state did not change: without it every start would compute the aggregate again.
        #expect(!fixture.stateFiles().contains(aggregate))
        try expectARestartReadsTheSavedAggregate(fixture, answering: before)
    }

    @Test func aDamagedSmallFileIsFoundAtStartAndRebuilt() throws {
        let fixture = Fixture()
        _ = try populated(fixture)
        // The corpus model is read whole at start-up, so all of it is checked then.
        let model = try #require(fixture.stateFiles().first { $0.hasPrefix("model-") })
        try damage(fixture.state.appendingPathComponent(model), at: 0.5)
        let log = Log()
        let restarted = fixture.open(log: log)
        #expect(log.contains("not usable"))
        #expect(log.contains(model))
        expectSame(try fullBuild(fixture), ArchiveDescription(try #require(restarted.state())))
        // …and the rebuilt state is saved and read cleanly next time.
        let again = Log()
        _ = fixture.open(log: again)
        #expect(again.contains("read the saved state"))
    }

    @Test(arguments: [".search", ".records", ".analysis"])
    func damageInTheLargeSectionsIsFoundByTheScrubAndRebuilt(suffix: String) throws {
        let fixture = Fixture()
        _ = try populated(fixture)
        // The largest, whose bulk is certainly in those sections (not in a small file's padding).
        let segment = try #require(fixture.stateFiles().filter { $0.hasSuffix(suffix) }.max { fixture.size($0) < fixture.size($1) })
        // Postings, text, article records and analyses make up most of a segment's files;
        // start-up maps them unread.
        try damage(fixture.state.appendingPathComponent(segment), at: 0.3)
        let log = Log()
        let restarted = fixture.open(log: log)
        #expect(log.contains("read the saved state"))
        #expect(!restarted.scrub(report: { log.append($0) }))
        #expect(log.contains("damaged"))
        #expect(log.contains(segment))
        expectSame(try fullBuild(fixture), ArchiveDescription(try #require(restarted.state())))
        #expect(restarted.scrub())
        #expect(!fixture.stateFiles().contains(segment))
    }

    @Test func aShutdownDoesNotWaitForTheScrub() throws {
        let fixture = Fixture()
        _ = try populated(fixture)
        let segment = try #require(fixture.stateFiles().first { $0.hasSuffix(".search") })
        try damage(fixture.state.appendingPathComponent(segment), at: 0.3)
        let log = Log()
        let restarted = fixture.open(log: log)
        restarted.maintenance.stopping.store(true, ordering: .releasing)
        // Stopping: the scrub returns before reading the segments, and the next start checks them.
        #expect(restarted.scrub(report: { log.append($0) }))
        #expect(!log.contains("damaged"))
        #expect(fixture.stateFiles().contains(segment))
    }

    @Test func aTruncatedManifestIsRebuilt() throws {
        let fixture = Fixture()
        _ = try populated(fixture)
        let manifest = fixture.state.appendingPathComponent("manifest.nrs")
        let bytes = try Data(contentsOf: manifest)
        try bytes.prefix(bytes.count - 5).write(to: manifest)
        let log = Log()
        let restarted = fixture.open(log: log)
        #expect(log.contains("not usable"))
        expectSame(try fullBuild(fixture), ArchiveDescription(try #require(restarted.state())))
    }

    @Test func aMissingSegmentFileIsRebuilt() throws {
        let fixture = Fixture()
        _ = try populated(fixture)
        let records = try #require(fixture.stateFiles().first { $0.hasSuffix(".records") })
        try FileManager.default.removeItem(at: fixture.state.appendingPathComponent(records))
        let log = Log()
        let restarted = fixture.open(log: log)
        #expect(log.contains("not usable"))
        expectSame(try fullBuild(fixture), ArchiveDescription(try #require(restarted.state())))
    }

    func damage(_ url: URL, at fraction: Double) throws {
        var bytes = try Data(contentsOf: url)
        bytes[Int(Double(bytes.count) * fraction)] ^= 0xFF
        try bytes.write(to: url)
    }

    @Test func stateSavedUnderAnotherConfigurationIsRebuiltNotRead() throws {
        let fixture = Fixture()
        _ = try populated(fixture)
        let log = Log()
        let restarted = fixture.open(configurationKey: 8, log: log)
        #expect(log.contains("not usable"))
        #expect(!log.contains("read the saved state"))
        #expect(try #require(restarted.state()).configurationKey == 8)
    }

    @Test func stateSavedUnderOtherPageRulesIsRebuiltFromThePageFiles() throws {
        let fixture = Fixture()
        let before = try #require(try populated(fixture).state())
        let log = Log()
        let restarted = fixture.open(parserRevision: PageParser.rulesRevision + 1, log: log)
        #expect(log.contains("page-rules revision"))
        #expect(log.contains("rebuilding it from the page files"))
        #expect(!log.contains("read the saved state"))
        // Rebuilt from the files, it holds what they hold: the same pages and articles.
        let rebuilt = try #require(restarted.state())
        #expect(rebuilt.articleCount == before.articleCount)
        #expect(Set(rebuilt.pages(offset: 0, limit: .max).map(\.id)) == Set(before.pages(offset: 0, limit: .max).map(\.id)))
        // And it was saved under the new rules: the next start of that program reads it.
        let log2 = Log()
        _ = fixture.open(parserRevision: PageParser.rulesRevision + 1, log: log2)
        #expect(log2.contains("read the saved state"))
    }

    @Test func stateOfOtherAnalysisRulesCallsForReanalysis() throws {
        let fixture = Fixture()
        let archive = try populated(fixture)
        let saved = try #require(archive.state())
        #expect(saved.model.rulesRevision == CorpusAnalyzer.rulesRevision)
        #expect(!archive.needsReanalysis(saved))
        // A program with newer rules reads the state, serves it, and re-analyses it.
        #expect(archive.needsReanalysis(saved, rulesRevision: CorpusAnalyzer.rulesRevision + 1))
        // An empty archive has nothing to re-analyse, whatever its model's rules.
        let empty = makeArchive(seeds: emptySeeds())
        #expect(!empty.needsReanalysis(try #require(empty.state()), rulesRevision: CorpusAnalyzer.rulesRevision + 1))
    }

    @Test func modelKeepsItsRulesRevisionThroughTheStateFile() throws {
        let fixture = Fixture()
        let archive = try populated(fixture)
        let store = try #require(archive.stateStore)
        let current = try #require(archive.state()).model
        // A model saved before revisions were recorded reads as revision 0, under its old name.
        let old = try current.bytes.withUnsafeBytes { try CorpusModel(bytes: $0, rulesRevision: 0) }
        #expect(old.fingerprint != current.fingerprint)
        try store.write(old)
        #expect(try store.model(old.fingerprint).rulesRevision == 0)
        #expect(try store.model(current.fingerprint).rulesRevision == CorpusAnalyzer.rulesRevision)
    }

    @Test func backgroundWorkRunsInTheIdleDiskClass() throws {
        // The scrub reads the whole saved state after a start; a search faulting its postings in
        // must not queue behind it.
        let fixture = Fixture()
        _ = try populated(fixture)
        let archive = makeArchive(data: fixture.data, options: Archive.Options(stateDirectory: fixture.state, configurationKey: 7))
        archive.startMaintenance(interval: 3600) { _ in }
        defer { archive.stopMaintenance() }
        let tasks = "/proc/self/task"
        var maintenance: Int32?
        for _ in 0..<200 where maintenance == nil {
            for task in (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? [] {
                let name = (try? String(contentsOfFile: "\(tasks)/\(task)/comm", encoding: .utf8)) ?? ""
                if name.trimmingCharacters(in: .whitespacesAndNewlines) == "archive-maint" { maintenance = Int32(task) }
            }
            if maintenance == nil { Thread.sleep(forTimeInterval: 0.01) }
        }
        let thread = try #require(maintenance)
        // The class is set first thing on the thread; wait for it rather than race it.
        var ioClass = clinux_thread_io_class(thread)
        for _ in 0..<200 where ioClass != 3 {
            Thread.sleep(forTimeInterval: 0.01)
            ioClass = clinux_thread_io_class(thread)
        }
        #expect(ioClass == 3)
    }

    @Test func checkpointsWriteOnlyWhatChanged() throws {
        let fixture = Fixture()
        let archive = try populated(fixture)
        let files = fixture.stateFiles()
        #expect(!archive.checkpoint())
        #expect(fixture.stateFiles() == files)
        _ = try archive.create(page, id: "one-more", metadata: UploadMetadata())
        #expect(archive.checkpoint())
        let after = fixture.stateFiles()
        // The old segments are kept; one new segment (search, records, analyses) is added, and the
        // aggregate of the new generation replaces the old one.
        let aggregates = { (names: [String]) in names.filter { $0.hasSuffix(".aggregate") } }
        #expect(Set(files).subtracting(["manifest.nrs"] + aggregates(files)).isSubset(of: Set(after)))
        #expect(after.count == files.count + 3)
        #expect(aggregates(after).count == 1 && aggregates(after) != aggregates(files))
    }

    @Test func checkpointsAtTheSameTimeLeaveAStateThatReadsBack() throws {
        let fixture = Fixture()
        let archive = try populated(fixture)
        _ = try archive.create(page, id: "one-more", metadata: UploadMetadata())
        // A shutdown's checkpoint can meet the loader's: each must not collect the other's files.
        DispatchQueue.concurrentPerform(iterations: 4) { _ in archive.checkpoint() }
        try expectARestartReadsTheSavedAggregate(fixture, answering: ArchiveDescription(try #require(archive.state())))
    }

    @Test func mergedSegmentsReplaceTheirPartsOnDisk() throws {
        let fixture = Fixture()
        let archive = fixture.open()
        for index in 0..<20 {
            _ = try archive.create(pageText([("第\(index)篇合并测试稿件", "记者\(index)", "合并测试正文第\(index)段,内容各不相同,编号\(index * 7)。")]),
                                   id: "merge-\(index)", metadata: UploadMetadata())
        }
        let before = try #require(archive.state())
        #expect(before.segments.count > 8)
        archive.maintain()
        let after = try #require(archive.state())
        #expect(after.segments.count < before.segments.count)
        #expect(after.segments.allSatisfy { $0.fileID != nil })
        expectSame(ArchiveDescription(before), ArchiveDescription(after))
        let searchFiles = fixture.stateFiles().filter { $0.hasSuffix(".search") }
        #expect(searchFiles.count == after.segments.count)
        // A merge changes no content: the saved aggregate stays.
        let aggregate = fixture.stateFiles().filter { $0.hasSuffix(".aggregate") }
        #expect(aggregate.count == 1)
        archive.maintain()
        #expect(fixture.stateFiles().filter { $0.hasSuffix(".aggregate") } == aggregate)
        let restarted = fixture.open()
        expectSame(ArchiveDescription(after), ArchiveDescription(try #require(restarted.state())))
    }

    @Test func leftoverTemporaryFilesAreRemovedAtTheNextCheckpoint() throws {
        let fixture = Fixture()
        let archive = try populated(fixture)
        let leftover = fixture.state.appendingPathComponent("seg-99.search.123.456.tmp")
        try Data("partial".utf8).write(to: leftover)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: leftover.path)
        _ = try archive.create(page, id: "trigger", metadata: UploadMetadata())
        let log = Log()
        #expect(archive.checkpoint(report: { log.append($0) }))
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(log.contains("seg-99.search.123.456.tmp"))
    }

    @Test func fullSizeSegmentsAreNeverMergedAgain() {
        func segment(base: Int, count: Int) -> ArchiveSegment {
            ArchiveSegment(search: SearchSegment(documents: [], base: base, count: count),
                           records: RecordSegment(base: base, count: count, articles: [:], pages: []),
                           analyses: AnalysisSegment(base: base, count: count, modelFingerprint: 0, analyses: [:]), fileID: nil)
        }
        let size = Archive.bulkSegmentSize
        let full = (0..<10).map { segment(base: $0 * size, count: size) }
        #expect(Archive.mergeCandidates(full, live: .all(10 * size)) == nil)
        let small = (0..<8).map { segment(base: 10 * size + $0 * 10, count: 10) }
        let candidates = Archive.mergeCandidates(full + small, live: .all(10 * size + 80))
        #expect(candidates?.map(\.base) == small.map(\.base))
    }
}
