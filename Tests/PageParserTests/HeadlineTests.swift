import PageParser
import Testing

@Suite("Headlines, kickers and column names")
struct HeadlineTests {
    @Test func plainLineAboveAuthorLineIsTheTitle() {
        let found = article("""
        加快构建和完善国家安全法治体系

        马丙合

        \(filler)
        """)
        #expect(found.title == "加快构建和完善国家安全法治体系")
    }

    @Test func markdownHeadingMarksAndBoldAreRemovedFromTheTitle() {
        let found = article("""
        # **在深化内化转化上下功夫求实效**

        张作林

        \(filler)
        """)
        #expect(found.title == "在深化内化转化上下功夫求实效")
    }

    @Test func spaceBetweenHeadlineHalvesIsKept() {
        let found = article("""
        以数字经济 引领现代化产业体系建设

        颜礼蓉

        \(filler)
        """)
        #expect(found.title == "以数字经济 引领现代化产业体系建设")
    }

    @Test func columnNamePrintedUnderTheHeadlineIsABannerNotTheTitle() {
        let page = parse("""
        ## 发展未来产业要有长效机制

        ## 学习宣传贯彻党的二十大精神

        \(filler)
        """)
        #expect(page.articles.map(\.title) == ["发展未来产业要有长效机制"])
        #expect(page.banners == ["学习宣传贯彻党的二十大精神"])
    }

    @Test func columnLinesStackedAboveTheHeadlineAreBanners() {
        let page = parse("""
        深入学习宣传贯彻党的二十大精神

        领导干部学习笔谈

        基层学报告

        在中国式现代化建设中打造璧山“五新”样板

        秦文敏

        \(filler)
        """)
        #expect(page.articles.map(\.title) == ["在中国式现代化建设中打造璧山“五新”样板"])
        #expect(page.articles.first?.kicker == nil)
        #expect(page.banners == ["深入学习宣传贯彻党的二十大精神", "领导干部学习笔谈", "基层学报告"])
    }

    @Test func lineEndingInADashAboveTheHeadlineIsTheKicker() {
        let found = article("""
        湖南长城海外销售火爆——

        “巴掌大小投影仪 海外卖三四百美元”

        株洲日报全媒体记者/吴楚

        \(filler)
        """)
        #expect(found.kicker == "湖南长城海外销售火爆——")
        #expect(found.title == "“巴掌大小投影仪 海外卖三四百美元”")
    }

    @Test func placeNameAboveTheHeadlineIsTheKicker() {
        let found = article("""
        石峰区学林街道

        修复+新装路灯 方便居民夜间出行

        \(filler)
        """)
        #expect(found.kicker == "石峰区学林街道")
        #expect(found.title == "修复+新装路灯 方便居民夜间出行")
    }

    @Test func seriesLabelWithCircledNumberIsTheSeries() {
        let found = article("""
        “巴掌大小投影仪 海外卖三四百美元”

        新区企业上新了②

        株洲日报(全媒体记者/潘东晓)\(filler)
        """)
        #expect(found.series == "新区企业上新了②")
        #expect(found.paragraphs.allSatisfy { !$0.contains("新区企业上新了") })
    }

    @Test func bodyAfterAClosedArticleWithoutHeadlineIsAnUntitledArticle() {
        let page = parse("""
        发展未来产业要有长效机制

        \(filler)

        (载《经济日报》)

        习近平总书记在中央党校建校90周年庆祝大会上强调,党校始终不变的初心就是为党育才、为党献策。

        (作者单位系市委党校)
        """)
        #expect(page.articles.map(\.title) == ["发展未来产业要有长效机制", nil])
        #expect(page.articles.last?.affiliation == "作者单位系市委党校")
    }

    @Test func singleShortLineAfterAClosedArticleStartsANewArticle() {
        let page = parse("""
        第一篇文章

        \(filler)(作者单位:株洲市委党校)

        ## 第二篇文章的标题

        \(filler)
        """)
        #expect(page.articles.map(\.title) == ["第一篇文章", "第二篇文章的标题"])
    }

    @Test func headingsLeftAtThePageEndAreEmptySectionHeads() {
        let page = parse("""
        第一篇文章

        张三

        \(filler)

        ## 知行录
        """)
        #expect(page.articles.count == 1)
        #expect(page.banners == ["知行录"])
    }

    @Test func boldLineBetweenPlainLinesIsTheHeadline() {
        let found = article("""
        瓯江两岸又添一处“网红”打卡点

        **古堰画乡夜游项目开放**

        首周接待游客超3万人次

        本报记者 叶晓雯

        \(filler)
        """)
        #expect(found.kicker == "瓯江两岸又添一处“网红”打卡点")
        #expect(found.title == "古堰画乡夜游项目开放")
        #expect(found.subtitle == "首周接待游客超3万人次")
    }

    @Test func boldLineUnderAMarkdownHeadlineIsItsSubtitle() {
        let found = article("""
        ## 全省秋冬种生产现场推进会召开

        **压实责任 抢抓农时 确保秋冬种面积稳中有增**

        \(filler)
        """)
        #expect(found.title == "全省秋冬种生产现场推进会召开")
        #expect(found.subtitle == "压实责任 抢抓农时 确保秋冬种面积稳中有增")
    }

    @Test func longPlainLineAboveTheHeadlineIsItsKicker() {
        let found = article("""
        雨花区天然气入户改造完成过半

        这个冬天，老旧小区用上了“暖心气”

        本报记者 张敏

        \(filler)
        """)
        #expect(found.kicker == "雨花区天然气入户改造完成过半")
        #expect(found.title == "这个冬天，老旧小区用上了“暖心气”")
    }

    @Test func shortPlainLineAboveTheHeadlineIsAColumnBanner() {
        let page = parse("""
        理论圆桌

        推动高校思政课守正创新

        陈静

        \(filler)
        """)
        #expect(page.articles.first?.kicker == nil)
        #expect(page.banners == ["理论圆桌"])
    }

    @Test func nameWrittenAsAHeadingWithNoHeadlineAboveIsTheHeadline() {
        let found = article("""
        ## 江山如画

        \(filler)
        """)
        #expect(found.title == "江山如画")
        #expect(found.authors.isEmpty)
    }

    @Test func lesserHeadingAboveALeadBylineIsTheNextArticlesHeadline() {
        let page = parse("""
        # 七旬老人迷路街头 民警暖心送回家

        记者 刘畅

        \(filler)

        ## 小区加装电梯 邻里协商解难题

        本报讯（记者 王蕾）近日，硚口区某小区3栋新装的电梯正式投入使用，住在7楼的张婆婆第一个乘坐。
        """)
        #expect(page.articles.map(\.title) == ["七旬老人迷路街头 民警暖心送回家", "小区加装电梯 邻里协商解难题"])
        #expect(page.articles.first?.subheadings.isEmpty == true)
    }
}
