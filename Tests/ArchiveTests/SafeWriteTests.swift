@testable import Archive
import Foundation
import Testing

@Suite("Archive: durable writes, preconditions and duplicates")
struct SafeWriteTests {
    @Test func anAddedPageIsOnDiskAndInANewState() throws {
        let data = temporaryDirectory()
        let archive = makeArchive(data: data)
        let before = try #require(archive.state())
        let generation = archive.generation
        let result = try archive.create(page, id: "p1", metadata: UploadMetadata(newspaper: "测试日报", date: EditionDate("2023-10-12")))
        #expect(result.created)
        let stored = try Data(contentsOf: data.appendingPathComponent("pages/p1.txt"))
        #expect(stored.count > page.count && stored.suffix(page.count) == page)
        #expect(archive.generation == generation + 1)
        #expect(archive.state()?.articleCount == 26)
        // A reader holding the old state still sees the old archive.
        #expect(before.articleCount == 25)
        #expect(before.page(id: "p1") == nil)
        #expect(archive.state()?.page(id: "p1")?.edition.date == EditionDate("2023-10-12"))
    }

    @Test func refusedWritesChangeNothing() throws {
        let data = temporaryDirectory()
        let archive = makeArchive(data: data)
        let fingerprint = try #require(archive.state()).fingerprint
        #expect(throws: WriteError.self) { try archive.create(Data("责任编辑:胡乐".utf8), id: "x", metadata: UploadMetadata()) }
        #expect(throws: WriteError.self) { try archive.create(page, id: "../x", metadata: UploadMetadata()) }
        #expect(throws: WriteError.self) { try archive.replace(id: "000_4a89308387e3b988", page, metadata: UploadMetadata()) }
        #expect(throws: WriteError.self) { try archive.delete(id: "000_4a89308387e3b988") }
        #expect(throws: WriteError.self) { try archive.delete(id: "missing") }
        #expect(try #require(archive.state()).fingerprint == fingerprint)
        let stored = (try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("pages").path)) ?? []
        #expect(stored.filter { !$0.hasPrefix(".") }.isEmpty)
    }

    @Test func theSameContentUnderAnotherIdIsADuplicate() throws {
        let archive = makeArchive()
        _ = try archive.create(page, id: "p1", metadata: UploadMetadata())
        #expect {
            try archive.create(page, id: "p2", metadata: UploadMetadata())
        } throws: { error in
            guard case WriteError.duplicate(of: "p1") = error else { return false }
            return true
        }
        // Line endings and trailing spaces do not make it new.
        let windows = Data(String(decoding: page, as: UTF8.self).replacingOccurrences(of: "\n", with: " \r\n").utf8)
        #expect(throws: WriteError.self) { try archive.create(windows, id: "p3", metadata: UploadMetadata()) }
        #expect(archive.state()?.page(id: "p2") == nil)
    }

    @Test func aTakenIdIsAConflictOrAFailedPreconditionWithIfNoneMatch() throws {
        let archive = makeArchive()
        _ = try archive.create(page, id: "p1", metadata: UploadMetadata())
        let other = pageText([("另一篇文章的标题", "赵六", "完全不同的正文内容,讲述社区治理的故事。")])
        #expect {
            try archive.create(other, id: "p1", metadata: UploadMetadata())
        } throws: { error in
            guard case WriteError.conflict("p1") = error else { return false }
            return true
        }
        #expect {
            try archive.create(other, id: "p1", metadata: UploadMetadata(), precondition: .ifNoneMatchAny)
        } throws: { error in
            guard case WriteError.preconditionFailed = error else { return false }
            return true
        }
    }

    @Test func aStaleIfMatchIsRefusedAndTheCurrentOneAccepted() throws {
        let archive = makeArchive()
        let created = try archive.create(page, id: "p1", metadata: UploadMetadata())
        let edited = page + Data("补充说明。".utf8)
        let replaced = try archive.replace(id: "p1", edited, metadata: UploadMetadata(), precondition: .ifMatch([created.page.etag]))
        #expect(replaced.page.etag != created.page.etag)
        #expect {
            try archive.replace(id: "p1", page, metadata: UploadMetadata(), precondition: .ifMatch([created.page.etag]))
        } throws: { error in
            guard case WriteError.preconditionFailed(current: replaced.page.etag) = error else { return false }
            return true
        }
        #expect(throws: WriteError.self) { try archive.delete(id: "p1", precondition: .ifMatch(["\"nope\""])) }
        try archive.delete(id: "p1", precondition: .ifMatch([replaced.page.etag]))
        #expect(archive.state()?.page(id: "p1") == nil)
    }

    @Test func replacingKeepsCreationTimeAndMetadataNotGivenAgain() throws {
        let archive = makeArchive()
        let created = try archive.create(page, id: "p1", metadata: UploadMetadata(newspaper: "测试日报", date: EditionDate("2023-10-12"),
                                                                                  pageLabel: "A05", section: "要闻"),
                                         now: Date(timeIntervalSince1970: 1_700_000_000))
        let replaced = try archive.replace(id: "p1", page + Data("补充。".utf8), metadata: UploadMetadata(section: "综合"),
                                           now: Date(timeIntervalSince1970: 1_700_000_100))
        #expect(replaced.page.createdAt == created.page.createdAt)
        #expect(replaced.page.updatedAt > created.page.updatedAt)
        #expect(replaced.page.edition.newspaper == "测试日报")
        #expect(replaced.page.edition.pageLabel == "A05")
        #expect(replaced.page.edition.section == "综合")
    }

    @Test func theUploadsNewspaperWinsOverThePrintedOneAndTheConflictIsReported() throws {
        let archive = makeArchive(seeds: emptySeeds())
        let printed = Data("""
        社区开展志愿服务

        株洲日报全媒体记者/吴楚

        本报讯 社区组织志愿者开展服务活动,居民踊跃参加,活动持续了一整天,大家都很满意。
        """.utf8)
        let result = try archive.create(printed, id: "p", metadata: UploadMetadata(newspaper: "湘江晚报"))
        #expect(result.page.edition.newspaper == "湘江晚报")
        #expect(result.page.printed.newspaper == "株洲日报")
        #expect(result.page.conflicts.map(\.field) == ["newspaper"])
    }

    @Test func aPageLabelWrittenAnotherWayIsNoConflict() throws {
        let archive = makeArchive(seeds: emptySeeds())
        let printed = Data("""
        株洲日报 2023年10月12日 星期四 第3版

        社区开展志愿服务

        本报讯 社区组织志愿者开展服务活动,居民踊跃参加,活动持续了一整天,大家都很满意。
        """.utf8)
        let same = try archive.create(printed, id: "p", metadata: UploadMetadata(pageLabel: "03"))
        #expect(same.page.printed.pageLabel == "第3版")
        #expect(same.page.edition.pageLabel == "03")
        #expect(same.page.conflicts.isEmpty)
        let other = try archive.create(printed + Data("补记。".utf8), id: "q", metadata: UploadMetadata(pageLabel: "A03"))
        #expect(other.page.conflicts.map(\.field) == ["page_label"])
    }

    @Test func pageLabelsAreComparedByThePageTheyName() {
        #expect(PagePreparer.pageNumberKey("第03版") == "3")
        #expect(PagePreparer.pageNumberKey("3") == "3")
        #expect(PagePreparer.pageNumberKey("a05") == "A5")
        #expect(PagePreparer.pageNumberKey("A05") != PagePreparer.pageNumberKey("B05"))
        #expect(PagePreparer.pageNumberKey("10") != PagePreparer.pageNumberKey("1"))
    }

    @Test func noTemporaryFilesAreLeftBehind() throws {
        let data = temporaryDirectory()
        let archive = makeArchive(data: data)
        _ = try archive.create(page, id: "p1", metadata: UploadMetadata())
        _ = try archive.replace(id: "p1", page + Data("补充。".utf8), metadata: UploadMetadata())
        let files = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("pages").path)
        #expect(files.filter { $0.hasSuffix(".tmp") }.isEmpty)
        #expect(files.contains("p1.txt"))
    }

    @Test func readersNeverSeeAHalfAppliedWrite() async throws {
        let archive = makeArchive()
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for number in 0..<6 {
                    _ = try? archive.create(pageText([("第\(number)篇测试文章", "王小明", "这是第\(number)篇测试文章的正文,讲述社区服务。")]),
                                            id: "w\(number)", metadata: UploadMetadata())
                }
                return true
            }
            for _ in 0..<2 {
                group.addTask {
                    for _ in 0..<200 {
                        guard let state = archive.state() else { return false }
                        if state.search.documentCount != state.articleCount { return false }
                    }
                    return true
                }
            }
            for await consistent in group { #expect(consistent) }
        }
        #expect(archive.state()?.pageCount == 11)
    }

    @Test func pageIdsAreSafeFileNames() {
        #expect(isValidPageID("003_1eed3ba100fbfa73"))
        #expect(isValidPageID("my-page.v2"))
        for bad in ["", ".hidden", "../x", "a/b", "空格", String(repeating: "a", count: 65), "a b"] {
            #expect(!isValidPageID(bad), "\(bad)")
        }
    }
}
