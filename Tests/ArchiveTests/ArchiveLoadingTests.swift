import Analysis
import Archive
import Foundation
import PageParser
import Testing
import TestSupport

@Suite("Archive: loading the page files")
struct ArchiveLoadingTests {
    let archive = makeArchive()

    @Test func loadsEverySeedPage() throws {
        let state = try #require(archive.state())
        #expect(state.pageCount == 5)
        #expect(state.articleCount == 25)
        #expect(Set(state.allArticleIDs).count == 25)
    }

    @Test func articleIdsArePageIdPlusAContentKey() throws {
        let state = try #require(archive.state())
        for id in state.articleIDs(ofPage: "003_1eed3ba100fbfa73") {
            #expect(id.hasPrefix("003_1eed3ba100fbfa73-"))
            #expect(id.count == "003_1eed3ba100fbfa73-".count + 6)
            #expect(state.article(id: id)?.id == id)
        }
    }

    @Test func idsAndFingerprintAreTheSameOnEveryLoad() throws {
        let other = try #require(makeArchive().state())
        let state = try #require(archive.state())
        #expect(other.allArticleIDs == state.allArticleIDs)
        #expect(other.fingerprint == state.fingerprint)
    }

    @Test func seedPagesPrintNoDateSoTheirArticlesAreUndated() throws {
        let state = try #require(archive.state())
        let page = try #require(state.page(id: "003_1eed3ba100fbfa73"))
        #expect(page.edition.date == nil)
        #expect(page.edition.newspaper == "株洲日报")
        #expect(page.source == .seed)
    }

    @Test func brokenFilesAreReportedByNameAndTheRestLoad() throws {
        let seeds = emptySeeds()
        try Data([0xC3, 0x28]).write(to: seeds.appendingPathComponent("bad.txt"))
        try Data().write(to: seeds.appendingPathComponent("empty.txt"))
        try page.write(to: seeds.appendingPathComponent("good.txt"))
        var reported: [String] = []
        let archive = makeArchive(seeds: seeds) { reported.append($0) }
        let state = try #require(archive.state())
        #expect(state.pageCount == 1)
        #expect(state.page(id: "good") != nil)
        #expect(state.loadErrors.count == 2)
        #expect(reported.contains { $0.contains("bad.txt") && $0.contains("UTF-8") })
        #expect(reported.contains { $0.contains("empty.txt") && $0.contains("empty") })
    }

    @Test func anUnreadableSeedsFolderIsALoadError() throws {
        let archive = makeArchive(seeds: temporaryDirectory().appendingPathComponent("missing"))
        let state = try #require(archive.state())
        #expect(state.loadErrors.contains { $0.reason.contains("cannot list") })
    }
}
