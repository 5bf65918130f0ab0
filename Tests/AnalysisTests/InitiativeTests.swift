import Analysis
import PageParser
import Testing

@Suite("Local policy initiatives")
struct InitiativeTests {
    func names(_ analysis: CorpusAnalysis) -> [String] { analysis.initiatives.map(\.name) }

    @Test func quotedNameEndingInANamingWordIsAnInitiative() {
        let analysis = analyze([article("a", paragraphs: ["开州区创新推出“六单工作法”服务机制,精准服务群众。"])])
        let found = analysis.initiatives.first
        #expect(found?.name == "六单工作法")
        #expect(found?.type == "工作法")
        #expect(found?.locality == "500154") // 开州区
    }

    @Test func quotedNameFollowedByANamingWordIsAnInitiative() {
        let analysis = analyze([article("a", paragraphs: ["长沙着力深化“一件事一次办”改革,群众少跑腿。"])])
        #expect(names(analysis) == ["一件事一次办"])
        #expect(analysis.initiatives.first?.type == "改革")
    }

    @Test func dottedBrandNextToALaunchVerbIsAnInitiative() {
        let analysis = analyze([article("a", paragraphs: ["湖州创新开展每周三“亲清直通车·政企恳谈会”,打造最优营商环境。"])])
        #expect(names(analysis) == ["亲清直通车·政企恳谈会"])
    }

    @Test func spellingsWithDifferentMiddleDotsAndQuotesMerge() {
        let analysis = analyze([article("a", paragraphs: [
            "湖州创新开展\"亲清直通车·政企恳谈会\",成效显著。",
            "自去年6月“亲清直通车・政企恳谈会”启动以来,氛围更好。",
        ])])
        #expect(analysis.initiatives.count == 1)
        #expect(analysis.initiatives.first?.mentionCount == 2)
    }

    @Test func numberedSloganIsNotAnInitiative() {
        let analysis = analyze([article("a", paragraphs: ["深刻领悟“两个确立”的决定性意义,增强“四个意识”,坚定“四个自信”机制。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    @Test func quotedConceptWithoutNamingWordIsNotAnInitiative() {
        let analysis = analyze([article("a", paragraphs: ["总书记提出“新质生产力”,这一新概念意义重大。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    @Test func nameUsedInTwoProvincesIsNotLocal() {
        let analysis = analyze(pages: [
            [article("a", paragraphs: ["长沙市推行“网格化管理”模式,效果明显。"])],
            [article("b", paragraphs: ["湖州市推行“网格化管理”模式,效果也明显。"])],
        ])
        #expect(analysis.initiatives.isEmpty)
    }

    @Test func localityIsTheHeadOfThePlaceChainBeforeTheName() {
        let analysis = analyze([article("a", paragraphs: ["天心区金盆岭街道积极探索了“联心结网3334”模式,调动社会力量。"])])
        #expect(analysis.initiatives.first?.name == "联心结网3334")
        #expect(analysis.initiatives.first?.locality == "430103") // 天心区
    }

    @Test func ourCityMeansTheArticlesPlace() {
        let analysis = analyze([article("a", title: "湖州实践", paragraphs: [
            "湖州市历来重视民营经济。湖州的营商环境不断优化。", "我市创新推出“企业服务直通车”平台,回应企业诉求。",
        ])])
        #expect(analysis.initiatives.first?.locality == "330500") // 湖州市
    }

    @Test func everyQuotedUseOfAFoundNameIsAMentionWithItsSentence() {
        let analysis = analyze([
            article("a", title: "推进政务服务“网办到家”", paragraphs: ["长沙全力打造“幸福长沙、网办到家”政务服务品牌。群众很满意。"]),
            article("b", paragraphs: ["长沙的“网办到家”让企业少跑腿。"]),
        ])
        let found = analysis.initiatives.first
        #expect(found?.name == "网办到家")
        #expect(found.map { analysis.ids($0.articles) } == ["a", "b"])
        #expect(found?.mentionCount == 3)
        #expect(found.flatMap { analysis.mentions(of: $0).last?.context } == "长沙的“网办到家”让企业少跑腿。")
    }

    @Test func seedInitiativesAreAttributedToTheirPlaces() throws {
        let analysis = analyzer.analyze(try seedPages())
        func locality(_ name: String) -> String? { analysis.initiatives.first { $0.name == name }?.locality }
        #expect(locality("六单工作法") == "500154") // 开州区
        #expect(locality("亲清直通车·政企恳谈会") == "330500") // 湖州市
        #expect(locality("志在株洲") == "430200") // 株洲市
        #expect(locality("一件事一次办") == "430100") // 长沙市
        #expect(locality("联心结网3334") == "430103") // 天心区
        #expect(!analysis.initiatives.contains { ["两个确立", "四个自信", "两个维护", "四个意识"].contains($0.name) })
    }

    @Test func removingTheArticleThatJoinedTwoNamesLeavesTheOtherAnInitiative() {
        // 部门报到 links the two names into one group, used in two provinces: not local.
        let pages = [
            [article("a", paragraphs: ["重庆市璧山区推行“企业吹哨、部门报到”机制,服务企业发展。"])],
            [article("b", paragraphs: ["湘潭市岳塘区推行“街道吹哨、部门报到”机制,服务基层治理。"])],
        ]
        let both = analyze(pages: pages)
        #expect(both.initiatives.isEmpty)
        var aggregate = both.aggregate
        aggregate.remove([(slot: 1, analysis: both.articles[1])])
        let alone = analyze(pages: [pages[0]])
        #expect(!alone.initiatives.isEmpty)
        #expect(aggregate.rankedInitiatives(offset: 0, limit: .max).map(\.name) == alone.initiatives.map(\.name))
    }

    @Test func aPartSharedByManyListedNamesLinksNoneOfThemAndIncrementalAgrees() {
        // 企业吹哨 is shared by four listed names: with a limit of two it is a generic phrase.
        let pages = (1...4).map { number in
            [article("a\(number)", paragraphs: ["重庆市璧山区推行“企业吹哨、部门报到\(number)号”机制,服务企业发展。"])]
        }
        let analysis = analyze(pages: pages)
        let all = analysis.articles.enumerated().map { (slot: $0.offset, analysis: $0.element) }
        let bulk = CorpusAggregate(places: analysis.places, linkLimit: 2, articles: all)
        var incremental = CorpusAggregate(places: analysis.places, linkLimit: 2)
        for article in all { incremental.add([article]) }
        let names = { (aggregate: CorpusAggregate) in aggregate.rankedInitiatives(offset: 0, limit: .max).map { "\($0.id) \($0.aliases)" } }
        #expect(names(bulk) == names(incremental))
        #expect(!names(bulk).contains { $0.contains("企业吹哨\"") })
        // Back under the limit, the part links again, one by one as in bulk.
        incremental.remove(Array(all.suffix(2)))
        #expect(names(incremental) == names(CorpusAggregate(places: analysis.places, linkLimit: 2, articles: Array(all.prefix(2)))))
    }
}
