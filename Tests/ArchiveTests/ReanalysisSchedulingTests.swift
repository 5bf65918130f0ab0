@testable import Archive
import Dispatch
import Foundation
import Testing

/// A re-analysis rebuilds the corpus model from every article. While pages stream in back to
/// back, it waits for them to pause: a backlog posted page by page would otherwise be re-analysed
/// each time it grew by the drift share, each time over the whole corpus, beside its uploads.
@Suite("Archive: when a due re-analysis runs")
struct ReanalysisSchedulingTests {
    /// An archive of uploads only, whose model is due for a re-analysis after `pages` uploads.
    func archive(quietPeriod: TimeInterval, pages: Int = 4) throws -> Archive {
        var options = Archive.Options(reanalysisDrift: 0.01, reanalysisMinimumChange: 1, backgroundWork: false)
        options.reanalysisQuietPeriod = quietPeriod
        let archive = makeArchive(seeds: emptySeeds(), options: options)
        for index in 0..<pages {
            _ = try archive.create(pageText([("第\(index)篇测试稿件讲社区治理", "记者\(index)",
                                              "社区治理第\(index)段正文,居民议事会每月召开,编号\(index * 13)。")]),
                                   id: "drift-\(index)", metadata: UploadMetadata())
        }
        return archive
    }

    @Test func aDueReanalysisWaitsWhilePagesStreamIn() throws {
        let archive = try archive(quietPeriod: 3600)
        let before = try #require(archive.state())
        #expect(archive.needsReanalysis(before))
        let log = Log()
        archive.maintain(checkpoint: false, report: log.append)
        let after = try #require(archive.state())
        #expect(after.model.articleCount == before.model.articleCount, "the model was not rebuilt")
        #expect(log.contains("waiting for the pages streaming in to pause"))
        #expect(!archive.writesPaused())
        #expect(archive.writesPaused(now: DispatchTime.now().uptimeNanoseconds + 3_601_000_000_000))
        #expect(!archive.writesPaused(now: 1), "a write after the given time is no pause")
        #expect(archive.isReanalysisWaiting, "metrics show the wait")
    }

    @Test func theWaitEndsWhenDeletesUndoTheDrift() throws {
        let archive = try archive(quietPeriod: 3600)
        archive.maintain(checkpoint: false)
        #expect(archive.isReanalysisWaiting)
        for index in 0..<4 { try archive.delete(id: "drift-\(index)") }
        let state = try #require(archive.state())
        #expect(!archive.needsReanalysis(state))
        archive.maintain(checkpoint: false)
        #expect(!archive.isReanalysisWaiting)
    }

    @Test func aDueReanalysisRunsOnceWritesHavePaused() throws {
        let archive = try archive(quietPeriod: 0.05)
        // Only a lower bound on the pause matters: a slower machine pauses longer.
        Thread.sleep(forTimeInterval: 0.1)
        archive.maintain(checkpoint: false)
        #expect(!archive.isReanalysisWaiting)
        let after = try #require(archive.state())
        #expect(after.model.articleCount == after.articleCount)
        #expect(!archive.needsReanalysis(after))
    }

    @Test func withoutAQuietPeriodADueReanalysisRunsAtOnce() throws {
        let archive = try archive(quietPeriod: 0)
        archive.maintain(checkpoint: false)
        let after = try #require(archive.state())
        #expect(after.model.articleCount == after.articleCount)
    }

    @Test func anArchiveNeverWrittenToHasPaused() {
        var options = Archive.Options(backgroundWork: false)
        options.reanalysisQuietPeriod = 3600
        #expect(makeArchive(seeds: emptySeeds(), options: options).writesPaused())
    }
}
