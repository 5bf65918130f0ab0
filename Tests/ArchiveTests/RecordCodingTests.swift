import PageParser
import Testing
@testable import Archive

@Suite("Archive: stored article records")
struct RecordCodingTests {
    /// An article with every field set, two of each body part.
    private static let article: Article = {
        var article = Article(id: "p-1", paragraphs: ["本报讯 县里召开政企恳谈会。", "会议强调优化营商环境。", "（完）"])
        article.title = "亲清直通车·政企恳谈会召开"
        article.kicker = "优化营商环境"
        article.subtitle = "企业家面对面提问题"
        article.series = "一线观察"
        article.authors = [Person(name: "李明", role: .reporter), Person(name: "王芳", role: .correspondent)]
        article.affiliation = "县融媒体中心"
        article.credit = Credit(organisations: ["县委宣传部"], positions: ["干事"])
        article.source = "株洲日报"
        article.dateline = "本报讯"
        article.subheadings = [Subheading(index: 1, text: "直面问题"), Subheading(index: 2, text: "马上就办")]
        article.captions = [Caption(text: "恳谈会现场。", credit: "李明 摄"), Caption(text: "企业代表发言。", credit: nil)]
        article.duplicatesRemoved = 1
        return article
    }()

    private func decode(_ article: Article, summary: Bool) throws -> Article {
        let bytes = RecordCoding.encode(article)
        return try bytes.withUnsafeBytes { raw in try RecordCoding.decodeArticle(raw, id: article.id, summary: summary) }
    }

    @Test func aRecordDecodesToTheArticleItWasMadeFrom() throws {
        #expect(try decode(Self.article, summary: false) == Self.article)
    }

    @Test func aSummaryDecodeKeepsEveryFieldButTheBodyAfterTheFirstParagraph() throws {
        var expected = Self.article
        expected.paragraphs = ["本报讯 县里召开政企恳谈会。"]
        expected.subheadings = []
        expected.captions = []
        #expect(try decode(Self.article, summary: true) == expected)
    }

    @Test func aSummaryOfAnArticleWithoutBodyIsTheArticle() throws {
        var bare = Article(id: "p-2")
        bare.title = "短讯"
        #expect(try decode(bare, summary: true) == bare)
    }

    @Test func aTruncatedRecordIsAnErrorForTheSummaryToo() throws {
        let bytes = RecordCoding.encode(Self.article)
        // Cut inside the paragraphs passed over, and in the fields after the captions.
        for cut in [bytes.count / 2, bytes.count - 12] {
            let truncated = Array(bytes.prefix(cut))
            #expect(throws: (any Error).self) {
                try truncated.withUnsafeBytes { raw in try RecordCoding.decodeArticle(raw, id: "p-1", summary: true) }
            }
        }
    }
}
