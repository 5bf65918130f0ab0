import Archive
import Foundation
import Testing

@Suite("Archive: stable article ids and 410 Gone")
struct ArticleIdentityTests {
    let first = (title: "推动新时代志愿服务体系建设", author: "张怀东", body: "志愿服务是社会文明进步的重要标志,株洲登记在册的志愿者超过45万人。")
    let second = (title: "为基层松绑减负", author: "李龙山", body: "整治形式主义为基层减负,让基层干部轻装上阵,把更多精力投入抓落实。")
    let third = (title: "修复路灯方便夜间出行", author: "刘婷", body: "学林街道修复和新装路灯,方便居民夜间出行,群众纷纷点赞。")

    @Test func replacingAPageWithItsArticlesReorderedKeepsEveryId() throws {
        let archive = makeArchive(seeds: emptySeeds())
        _ = try archive.create(pageText([first, second, third]), id: "p", metadata: UploadMetadata())
        let before = try #require(archive.state()).articleIDs(ofPage: "p")
        _ = try archive.replace(id: "p", pageText([third, first, second]), metadata: UploadMetadata())
        let after = try #require(archive.state()).articleIDs(ofPage: "p")
        #expect(after == [before[2], before[0], before[1]])
    }

    @Test func anEditedArticleKeepsItsIdAndTheEditSurvivesARestart() throws {
        let data = temporaryDirectory()
        let seeds = emptySeeds()
        let archive = makeArchive(seeds: seeds, data: data)
        _ = try archive.create(pageText([first, second]), id: "p", metadata: UploadMetadata())
        let before = try #require(archive.state()).articleIDs(ofPage: "p")
        var edited = second
        edited.body += "今年以来,共精简会议文件三成。"
        _ = try archive.replace(id: "p", pageText([first, edited]), metadata: UploadMetadata())
        #expect(try #require(archive.state()).articleIDs(ofPage: "p") == before)
        let restarted = makeArchive(seeds: seeds, data: data)
        #expect(try #require(restarted.state()).articleIDs(ofPage: "p") == before)
    }

    @Test func aRemovedArticleIsGoneWithItsPage() throws {
        let data = temporaryDirectory()
        let seeds = emptySeeds()
        let archive = makeArchive(seeds: seeds, data: data)
        _ = try archive.create(pageText([first, second]), id: "p", metadata: UploadMetadata())
        let ids = try #require(archive.state()).articleIDs(ofPage: "p")
        let result = try archive.replace(id: "p", pageText([first]), metadata: UploadMetadata())
        #expect(result.removedArticles == [ids[1]])
        let state = try #require(archive.state())
        #expect(state.article(id: ids[1]) == nil)
        #expect(state.pageOfGoneArticle(id: ids[1]) == "p")
        #expect(state.article(id: ids[0]) != nil)
        // The page file remembers, so a rebuild answers the same.
        #expect(try #require(makeArchive(seeds: seeds, data: data).state()).pageOfGoneArticle(id: ids[1]) == "p")
    }

    @Test func aDeletedPagesArticlesAreGone() throws {
        let data = temporaryDirectory()
        let seeds = emptySeeds()
        let archive = makeArchive(seeds: seeds, data: data)
        _ = try archive.create(pageText([first]), id: "p", metadata: UploadMetadata())
        let id = try #require(archive.state()).articleIDs(ofPage: "p")[0]
        try archive.delete(id: "p")
        #expect(try #require(archive.state()).pageOfGoneArticle(id: id) == "p")
        #expect(try #require(makeArchive(seeds: seeds, data: data).state()).pageOfGoneArticle(id: id) == "p")
    }

    @Test func theSamePageUploadedTwiceUnderOneIdGetsTheSameIds() throws {
        let a = makeArchive(seeds: emptySeeds())
        let b = makeArchive(seeds: emptySeeds())
        _ = try a.create(pageText([first, second]), id: "p", metadata: UploadMetadata())
        _ = try b.create(pageText([first, second]), id: "p", metadata: UploadMetadata())
        #expect(try #require(a.state()).articleIDs(ofPage: "p") == (try #require(b.state()).articleIDs(ofPage: "p")))
    }
}
