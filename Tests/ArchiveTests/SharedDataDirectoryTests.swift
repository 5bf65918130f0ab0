import Analysis
import Archive
import Dispatch
import Foundation
import PageParser
import Persistence
import Testing
import TestSupport

/// Replicas: several processes serving one data directory. Two archives in one process stand in
/// for them here (they share nothing but the files, as processes do); `scripts/test-replicas`
/// runs real processes behind nginx.
@Suite("Archive: processes sharing a data directory")
struct SharedDataDirectoryTests {
    let data = temporaryDirectory()

    func replica(state: URL? = nil) -> Archive {
        makeArchive(seeds: emptySeeds(), data: data, options: Archive.Options(stateDirectory: state, backgroundWork: false))
    }

    func body(_ title: String) -> Data {
        pageText([(title, "王小明", "\(title)。测试区创新推出“邻里帮办”工作法,组织志愿者上门服务,居民办事更方便了。")])
    }

    @Test func aPageWrittenByOneIsServedByTheOtherAfterItCatchesUp() throws {
        let one = replica(), two = replica()
        _ = try one.create(body("第一篇稿件"), id: "shared", metadata: UploadMetadata(date: EditionDate("2024-05-01")))
        #expect(try #require(two.state()).page(id: "shared") == nil)
        two.applyChangesFromOtherProcesses()
        let twoState = try #require(two.state())
        let page = try #require(twoState.page(id: "shared"))
        #expect(page.edition.date == EditionDate("2024-05-01"))
        let oneState = try #require(one.state())
        #expect(twoState.articleIDs(ofPage: "shared") == oneState.articleIDs(ofPage: "shared"))
    }

    @Test func aReplacementKeepsArticleIdsOnTheOtherToo() throws {
        let one = replica(), two = replica()
        let first = pageText([("甲稿件标题", "王小明", "甲稿件的正文内容,讲述社区志愿服务。"), ("乙稿件标题", "李华", "乙稿件的正文内容,讲述营商环境。")])
        _ = try one.create(first, id: "order", metadata: UploadMetadata())
        two.applyChangesFromOtherProcesses()
        let ids = try #require(two.state()).articleIDs(ofPage: "order")
        let swapped = pageText([("乙稿件标题", "李华", "乙稿件的正文内容,讲述营商环境。"), ("甲稿件标题", "王小明", "甲稿件的正文内容,讲述社区志愿服务。")])
        _ = try one.replace(id: "order", swapped, metadata: UploadMetadata())
        two.applyChangesFromOtherProcesses()
        #expect(try #require(two.state()).articleIDs(ofPage: "order") == [ids[1], ids[0]])
    }

    @Test func aDeleteOnOneMakesTheArticlesGoneOnTheOther() throws {
        let one = replica(), two = replica()
        _ = try one.create(body("将被删除的稿件"), id: "doomed", metadata: UploadMetadata())
        two.applyChangesFromOtherProcesses()
        let ids = try #require(two.state()).articleIDs(ofPage: "doomed")
        try one.delete(id: "doomed")
        two.applyChangesFromOtherProcesses()
        let state = try #require(two.state())
        #expect(state.page(id: "doomed") == nil)
        #expect(ids.allSatisfy { state.pageOfGoneArticle(id: $0) == "doomed" })
    }

    @Test func theSameIdCreatedThroughBothGivesOneWinnerAndOneConflict() throws {
        let one = replica(), two = replica()
        _ = try one.create(body("先到的稿件"), id: "race", metadata: UploadMetadata())
        // `two` has not seen it, but the write checks the files under the shared lock.
        #expect(throws: WriteError.self) { try two.create(body("后到的稿件"), id: "race", metadata: UploadMetadata()) }
        let stored = try #require(String(data: try Data(contentsOf: data.appendingPathComponent("pages/race.txt")), encoding: .utf8))
        #expect(stored.contains("先到的稿件"))
        #expect(try #require(two.state()).page(id: "race") != nil)
    }

    @Test func aStaleIfMatchThroughTheOtherFails() throws {
        let one = replica(), two = replica()
        _ = try one.create(body("初版"), id: "edited", metadata: UploadMetadata())
        two.applyChangesFromOtherProcesses()
        let seen = try #require(two.state()?.page(id: "edited")).etag
        _ = try one.replace(id: "edited", body("第二版"), metadata: UploadMetadata(), precondition: .ifMatch([seen]))
        do {
            _ = try two.replace(id: "edited", body("第三版"), metadata: UploadMetadata(), precondition: .ifMatch([seen]))
            Issue.record("a stale If-Match was accepted")
        } catch {
            guard case .preconditionFailed = error else { Issue.record("expected 412, got \(error)"); return }
        }
    }

    @Test func theSameContentUnderAnotherIdThroughTheOtherIsADuplicate() throws {
        let one = replica(), two = replica()
        _ = try one.create(body("同一内容"), id: "original", metadata: UploadMetadata())
        do {
            _ = try two.create(body("同一内容"), id: "copy", metadata: UploadMetadata())
            Issue.record("a duplicate was stored")
        } catch {
            guard case .duplicate(of: "original") = error else { Issue.record("expected a duplicate, got \(error)"); return }
        }
    }

    @Test func concurrentWritesOfTheSameIdsLoseNothingAndTearNothing() throws {
        let one = replica(), two = replica()
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 2) { which in
            let archive = which == 0 ? one : two
            for index in 0..<15 {
                do {
                    _ = try archive.create(body("并发稿件\(index)来自\(which)"), id: "id-\(index)", metadata: UploadMetadata())
                    results.add(index, which)
                } catch {}
            }
        }
        for index in 0..<15 {
            let winners = results.winners(of: index)
            #expect(winners.count == 1)
            let text = try #require(String(data: try Data(contentsOf: data.appendingPathComponent("pages/id-\(index).txt")), encoding: .utf8))
            #expect(text.contains("并发稿件\(index)来自\(winners.first ?? -1)"))
        }
        one.applyChangesFromOtherProcesses()
        two.applyChangesFromOtherProcesses()
        #expect(ArchiveDescription(try #require(one.state())).withoutScores.lines.filter { $0.hasPrefix("page") }
                == ArchiveDescription(try #require(two.state())).withoutScores.lines.filter { $0.hasPrefix("page") })
    }

    @Test func onlyOneProcessSavesTheSharedStateAndAnotherTakesOverWhenItStops() throws {
        let state = temporaryDirectory()
        var owner: Archive? = replica(state: state)
        let reader = replica(state: state)
        _ = try reader.create(body("读者写入的稿件"), id: "by-reader", metadata: UploadMetadata())
        #expect(!reader.checkpoint())
        _ = owner
        owner = nil
        #expect(reader.checkpoint())
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var wins: [Int: [Int]] = [:]
        func add(_ index: Int, _ which: Int) { lock.withLock { wins[index, default: []].append(which) } }
        func winners(of index: Int) -> [Int] { lock.withLock { wins[index] ?? [] } }
    }
}
