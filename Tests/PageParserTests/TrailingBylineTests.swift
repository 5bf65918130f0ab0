import PageParser
import Testing

@Suite("Bylines printed after the text")
struct TrailingBylineTests {
    @Test func paperAndReporterWithTextAndPhotosCloseTheLastParagraph() {
        let page = parse("""
        蒸湘区“红色驿站”为户外劳动者撑起“歇脚港”

        \(filler)

        据了解，“红色驿站”由街道社区党组织牵头建设。（衡州日报全媒体记者 黄磊 文/图）
        """)
        let found = page.articles.first
        #expect(found?.authors == [Person(name: "黄磊", role: .reporter)])
        #expect(found?.kind == .news)
        #expect(found?.paragraphs.last == "据了解，“红色驿站”由街道社区党组织牵头建设。")
        #expect(page.newspaper == "衡州日报")
    }

    @Test func reporterAndCorrespondentCloseTheLastParagraph() {
        let found = article("""
        珠晖区启动“城市家具”整治行动

        \(filler)(记者 邓婷 通讯员 谢雨)
        """)
        #expect(found.authors == [Person(name: "邓婷", role: .reporter), Person(name: "谢雨", role: .correspondent)])
        #expect(found.paragraphs == [filler])
    }

    @Test func trailingBylineEndsTheArticle() {
        let page = parse("""
        第一条

        \(filler)（记者 唐亮 通讯员 李青）

        这是另一篇没有标题的稿件的正文。\(filler)
        """)
        #expect(page.articles.count == 2)
        #expect(page.articles.last?.authors.isEmpty == true)
    }

    @Test func bracketedBylineOnItsOwnLineAfterTheTextJoinsAndClosesTheArticle() {
        let page = parse("""
        石鼓区：老街焕新颜

        \(filler)

        (衡州日报全媒体记者 孙悦)

        另一篇稿件的正文，它不属于上一篇文章。\(filler)
        """)
        #expect(page.articles.first?.authors == [Person(name: "孙悦", role: .reporter)])
        #expect(page.articles.count == 2)
    }

    @Test func parenthesesHoldingOtherTextAreNotAByline() {
        let found = article("""
        标题

        张三

        \(filler)（记者节当天）
        """)
        #expect(found.authors == [Person(name: "张三", role: .author)])
        #expect(found.paragraphs.last?.hasSuffix("（记者节当天）") == true)
    }

    @Test func oneCharacterLabelInsideAWordIsNoLabel() {
        // 文 is a byline label (文/李四), but not inside 文章 of a headline.
        let page = parse("""
        第一篇文章

        \(filler)（作者单位:株洲市委党校）

        ## 第二篇文章的标题

        \(filler)
        """)
        #expect(page.articles.map(\.title) == ["第一篇文章", "第二篇文章的标题"])
    }

    @Test func writersOnlyBylineSignsCommentaryNotNews() {
        let found = article("""
        以“小切口”推动基层治理“大变化”

        文/ 欧阳华 刘敏

        \(filler)
        """)
        #expect(found.authors.map(\.name) == ["欧阳华", "刘敏"])
        #expect(found.kind == .theory)
    }

    @Test func paperOpeningADatedBylineNamesThePage() {
        let page = parse("""
        全省秋冬种生产现场推进会召开

        湖南日报10月10日讯(全媒体记者 周磊)今天，全省秋冬种生产现场推进会在常德召开，会议强调要压实各级责任。
        """)
        #expect(page.newspaper == "湖南日报")
        #expect(page.articles.first?.authors == [Person(name: "周磊", role: .reporter)])
    }
}
