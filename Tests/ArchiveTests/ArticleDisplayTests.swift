import Archive
import PageParser
import Testing

@Suite("Archive: how articles are shown")
struct ArticleDisplayTests {
    @Test func aFirstParagraphOfExactlyTheExcerptLengthIsShownWhole() {
        let article = Article(id: "a", paragraphs: ["志愿服务是社会文明进步的重要标志", "第二段"])
        #expect(ArticleDisplay.excerpt(of: article, length: 16) == "志愿服务是社会文明进步的重要标志")
    }

    @Test func aLongerFirstParagraphIsCutAtTheLengthWithAnEllipsis() {
        let article = Article(id: "a", paragraphs: ["志愿服务是社会文明进步的重要标志。"])
        #expect(ArticleDisplay.excerpt(of: article, length: 4) == "志愿服务…")
    }

    @Test func theExcerptCountsCharactersNotUTF16Units() {
        // 𠮷 is outside the Basic Multilingual Plane: one character, two UTF-16 units.
        let article = Article(id: "a", paragraphs: ["𠮷野家开业𠮷日"])
        #expect(ArticleDisplay.excerpt(of: article, length: 3) == "𠮷野家…")
    }

    @Test func anArticleWithoutParagraphsHasAnEmptyExcerpt() {
        #expect(ArticleDisplay.excerpt(of: Article(id: "a")).isEmpty)
    }
}
