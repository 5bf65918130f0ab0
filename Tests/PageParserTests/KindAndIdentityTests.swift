import TestSupport
import Foundation
import PageParser
import Testing

@Suite("Article kinds, datelines and identity")
struct KindAndIdentityTests {
    @Test func editorsNoteIsEditorial() {
        let found = article("""
        开栏的话

        当前,长沙市正在深入开展第二批主题教育。为进一步强化理论联系实际,本报从今日起开辟理论专栏,敬请垂注。
        """)
        #expect(found.kind == .editorial)
        #expect(found.authors.isEmpty)
    }

    @Test func signedCommentaryIsTheory() {
        #expect(article("标题\n\n张三\n\n\(filler)").kind == .theory)
    }

    @Test func itemsOfADigestSectionAreDigests() {
        let page = parse("""
        ## 观点摘编

        ### 第一条观点

        \(filler)——张三(摘编自《光明日报》)

        ### 第二条观点

        \(filler)——李四(摘编自《人民日报》)
        """)
        #expect(page.articles.map(\.kind) == [.digest, .digest])
        #expect(page.articles.map { names($0.authors) } == [["张三"], ["李四"]])
    }

    @Test func datelineIsOnlyTakenNearTheStartOfTheLead() {
        let found = article("""
        标题

        株洲日报全媒体记者/吴楚

        近日,天元区泰山路街道唐人神家园小区里老人共享家宴,活动组织者介绍,这样的活动还将在10月20日,继续举办。
        """)
        #expect(found.dateline == nil)
    }

    @Test func articleIdsAreThePageIdAndTheOrdinal() {
        let page = parse("第一篇\n\n张三\n\n\(filler)(作者系某单位干部)\n\n第二篇\n\n李四\n\n\(filler)", file: "/somewhere/005_abc.txt")
        #expect(page.id == "005_abc")
        #expect(page.file == "005_abc.txt")
        #expect(page.articles.map(\.id) == ["005_abc-1", "005_abc-2"])
    }

    @Test func parsingIsDeterministic() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("seeds/003_1eed3ba100fbfa73.txt"), encoding: .utf8)
        #expect(parse(text, file: "x.txt") == parse(text, file: "x.txt"))
    }
}

@Suite("Files that are not pages give a clear error naming the file")
struct ParseErrorTests {
    @Test func invalidUTF8IsRejectedWithTheOffset() {
        let data = Data("标题".utf8) + Data([0xFF, 0xFE]) + Data("正文".utf8)
        #expect(throws: PageParseError(file: "bad.txt", reason: .notUTF8(byteOffset: 6))) {
            try parser.parse(data: data, fileName: "bad.txt")
        }
    }

    @Test func emptyFileIsRejected() {
        #expect(throws: PageParseError(file: "empty.txt", reason: .empty)) {
            try parser.parse(data: Data(), fileName: "empty.txt")
        }
        #expect(throws: PageParseError(file: "blank.txt", reason: .empty)) {
            try parser.parse(pageText: " \n\n\u{3000}\n", fileName: "blank.txt")
        }
    }

    @Test func binaryDataIsRejected() {
        #expect(throws: PageParseError(file: "image.png", reason: .binary)) {
            try parser.parse(data: Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x0D, 0x0A]), fileName: "image.png")
        }
    }

    @Test func textWithoutAnyArticleIsRejected() {
        #expect(throws: PageParseError(file: "furniture.txt", reason: .noArticles)) {
            try parser.parse(pageText: "责任编辑:胡乐\n\n投稿邮箱:a@b.com\n\n短句。", fileName: "furniture.txt")
        }
    }

    @Test func errorDescriptionNamesTheFile() {
        let error = PageParseError(file: "seeds/x.txt", reason: .empty)
        #expect(error.description.hasPrefix("seeds/x.txt: "))
    }
}
