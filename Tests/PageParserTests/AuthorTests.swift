import PageParser
import Testing

@Suite("Authors, bylines and roles")
struct AuthorTests {
    @Test func nameLineUnderTheHeadlineIsTheAuthor() {
        let found = article("""
        推动新时代志愿服务体系建设

        张怀东

        \(filler)
        """)
        #expect(found.authors == [Person(name: "张怀东", role: .author)])
    }

    @Test func nameLineDirectlyUnderTheHeadlineIsTheAuthor() {
        let found = article("""
        以“网格+”赋能城市基层治理
        欧阳明

        \(filler)
        """)
        #expect(found.title == "以“网格+”赋能城市基层治理")
        #expect(found.authors == [Person(name: "欧阳明", role: .author)])
    }

    @Test func bylineDirectlyUnderTheHeadlineIsTheByline() {
        let found = article("""
        社区服务实现一件事一次办
        本报记者 李明

        \(filler)
        """)
        #expect(found.title == "社区服务实现一件事一次办")
        #expect(names(found.authors) == ["李明"])
    }

    @Test func twoNamesOnOneLineAreTwoAuthorsInOrder() {
        let found = article("""
        为建设文化强国贡献出版力量

        肖钊 彭鑫

        \(filler)
        """)
        #expect(names(found.authors) == ["肖钊", "彭鑫"])
        #expect(found.authors.allSatisfy { $0.role == .author })
    }

    @Test func articleWithoutNameLineHasNoAuthors() {
        let found = article("""
        ## 发展未来产业要有长效机制

        \(filler)

        (载《经济日报》)
        """)
        #expect(found.authors.isEmpty)
    }

    @Test func nameLineWithoutHeadlineStartsAnUntitledArticle() {
        let page = parse("""
        第一篇

        秦文敏

        \(filler)(作者系中共璧山区委书记)

        宋建峰

        党的二十大报告指出,提升环境基础设施建设水平,推进城乡人居环境整治。

        (作者系重庆市第十批援藏干部人才工作队队员)
        """)
        #expect(page.articles.count == 2)
        #expect(page.articles.last?.title == nil)
        #expect(page.articles.last.map { names($0.authors) } == ["宋建峰"])
    }

    @Test func bylineOnItsOwnLineGivesAReporter() {
        let found = article("""
        政府工作报告45次提到“城市”

        株洲日报全媒体记者/吴楚

        \(filler)
        """)
        #expect(found.authors == [Person(name: "吴楚", role: .reporter)])
        #expect(found.kind == .news)
    }

    @Test func bylineOpeningTheLeadGivesEachPersonTheirRole() {
        let found = article("""
        “巴掌大小投影仪 海外卖三四百美元”

        株洲日报(全媒体记者/潘东晓 通讯员/刘玲 吴迪)“我手上的这款产品已经销售到欧美地区。”10月10日,湖南长城计算机系统有限公司展厅内,总监举起一款投影仪。
        """)
        #expect(found.authors == [
            Person(name: "潘东晓", role: .reporter),
            Person(name: "刘玲", role: .correspondent),
            Person(name: "吴迪", role: .correspondent),
        ])
        #expect(found.paragraphs.first?.hasPrefix("“我手上的这款产品") == true)
    }

    @Test func benbaoxunBylineWithSpacesInsteadOfSlashes() {
        let found = article("""
        全市秋粮收购进度过半

        本报讯(记者 王晓明 通讯员 李芳)10月12日,记者从市粮食和物资储备局获悉,全市秋粮收购已过半,农民售粮顺畅。
        """)
        #expect(found.authors == [Person(name: "王晓明", role: .reporter), Person(name: "李芳", role: .correspondent)])
        #expect(found.dateline == "10月12日")
        #expect(found.paragraphs.first?.hasPrefix("10月12日") == true)
    }

    @Test func agencyDatelineBylineGivesTheDateline() {
        let found = article("""
        国产大飞机完成新一轮试飞

        新华社上海10月9日电(记者 张建松)国产大飞机9日在上海完成新一轮试飞,各项数据符合预期,试飞团队表示将继续推进后续工作。
        """)
        #expect(found.authors == [Person(name: "张建松", role: .reporter)])
        #expect(found.dateline == "10月9日")
    }

    @Test func lateBylineJoinsAnArticleThatHasNone() {
        let found = article("""
        石峰区学林街道

        修复+新装路灯 方便居民夜间出行

        路灯“罢工”。今年3月起,双丰社区谭家湖组因供电线路故障,路灯无法照明,导致居民出行不便。

        株洲日报(全媒体记者/李逸峰 通讯员/刘婷)“真是太好了!有了路灯,晚上出门再也不怕看不清路了!”10月11日,居民刘湘光高兴地说道。
        """)
        #expect(names(found.authors) == ["李逸峰", "刘婷"])
        #expect(found.paragraphs.count == 2)
        #expect(found.dateline == "10月11日")
    }

    @Test func digestCreditGivesAuthorAndSource() {
        let page = parse("""
        ## 观点摘编

        ### 从人民群众的创造中汲取理论创新智慧

        人民的创造性实践是理论创新的不竭源泉。一切脱离人民的理论都是苍白无力的。——李正兴(摘编自《人民日报》)
        """)
        let found = page.articles.first
        #expect(found?.authors == [Person(name: "李正兴", role: .author)])
        #expect(found?.source == "摘编自《人民日报》")
        #expect(found?.kind == .digest)
        #expect(found?.paragraphs.last?.hasSuffix("苍白无力的。") == true)
        #expect(page.banners == ["观点摘编"])
    }

    @Test func nameShapedHeadlineFollowedByAuthorLineIsTheTitle() {
        let found = article("""
        江山如画

        张三

        \(filler)
        """)
        #expect(found.title == "江山如画")
        #expect(names(found.authors) == ["张三"])
    }
}
