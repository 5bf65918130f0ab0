import Analysis
import PageParser
import Persistence
import Testing

@Suite("Local policy initiatives")
struct InitiativeTests {
    func names(_ analysis: CorpusAnalysis) -> [String] { analysis.initiatives.map(\.name).sorted() }

    func kind(_ analysis: CorpusAnalysis, _ name: String) -> InitiativeKind? {
        analysis.initiatives.first { $0.name == name }?.kind
    }

    // MARK: - Naming words

    @Test func quotedNameEndingInANamingWordIsAnInitiative() {
        let analysis = analyze([article("a", paragraphs: ["开州区创新推出“六单工作法”服务机制,精准服务群众。"])])
        let found = analysis.initiatives.first
        #expect(found?.name == "六单工作法")
        #expect(found?.namingWord == "工作法")
        #expect(found?.kind == .mechanism)
        #expect(found?.locality == "500154") // 开州区
    }

    @Test func quotedNameFollowedByANamingWordIsAnInitiative() {
        let analysis = analyze([article("a", paragraphs: ["长沙着力深化“一件事一次办”改革,群众少跑腿。"])])
        #expect(names(analysis) == ["一件事一次办"])
        #expect(analysis.initiatives.first?.namingWord == "改革")
        #expect(analysis.initiatives.first?.kind == .programme)
    }

    @Test func threeCharacterNameWithANamingWordIsAnInitiative() {
        let analysis = analyze([article("a", paragraphs: ["大力推行政务大厅“综合窗”模式,推动服务事项一窗办成。"])])
        #expect(names(analysis) == ["综合窗"])
        #expect(kind(analysis, "综合窗") == .mechanism)
    }

    @Test func nameEndingInTheSystemCharacterIsAMechanism() {
        let analysis = analyze([article("a", paragraphs: ["深入实施“链长制”,做强产业链。"])])
        #expect(names(analysis) == ["链长制"])
        #expect(analysis.initiatives.first?.namingWord == "制")
        #expect(kind(analysis, "链长制") == .mechanism)
    }

    @Test func singleCharacterNamingWordCountsOnlyInsideTheName() {
        // 受制于 after the quote holds 制, but the quote is no 制 name.
        let analysis = analyze([article("a", paragraphs: ["我国制造业“卡脖子”技术受制于人,亟待突破。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    @Test func namingWordsGiveKinds() {
        let analysis = analyze([article("a", paragraphs: [
            "打造“志在株洲”志愿服务信息平台。", "深入开展城市品质提升“九大专项”行动。", "实施“双十双百双千”工程。",
        ])])
        #expect(kind(analysis, "志在株洲") == .platform)
        #expect(kind(analysis, "九大专项") == .campaign)
        #expect(kind(analysis, "双十双百双千") == .programme)
    }

    @Test func namingWordWindowEndsAtALaunchVerb() {
        // 模式 belongs to the next predicate (创新…模式), not to the quoted name.
        let analysis = analyze([article("a", paragraphs: ["构建了“城市基层党建体系”不断创新全域党建模式。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    @Test func twoCharacterNameNeedsANamingWord() {
        let analysis = analyze([article("a", paragraphs: ["着力在“深化”上下功夫,打造璧山“五新”样板。"])])
        #expect(names(analysis) == ["五新"])
    }

    @Test func singleCharactersAreNeverNames() {
        let analysis = analyze([article("a", paragraphs: ["发挥“钻”和“挤”的精神,开展“学”行动。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    // MARK: - Launch verbs

    @Test func dottedBrandNextToALaunchVerbIsAnInitiative() {
        let analysis = analyze([article("a", paragraphs: ["湖州创新开展每周三“亲清直通车·政企恳谈会”,打造最优营商环境。"])])
        #expect(names(analysis) == ["亲清直通车·政企恳谈会"])
    }

    @Test func launchVerbRightBeforeAQuotedNameIsEvidence() {
        let analysis = analyze([article("a", paragraphs: ["每周三市区县同步召开“周恳谈”。每月轮流召集“月评议”,研究共性问题。"])])
        #expect(names(analysis) == ["周恳谈", "月评议"])
        #expect(analysis.initiatives.allSatisfy { $0.evidence.cued == 1 })
    }

    @Test func launchVerbBeforeAQuoteThatModifiesTheNextWordIsNoEvidence() {
        let analysis = analyze([article("a", paragraphs: ["打造“东数西算”起步区,加快布局数字经济新赛道。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    @Test func bareNameAfterACreatingVerbWithANamingWordIsAnInitiative() {
        let analysis = analyze([article("a", paragraphs: ["湖州市设立民营企业家节,充分体现对民营企业家的重视。"])])
        #expect(names(analysis) == ["民营企业家节"])
        #expect(kind(analysis, "民营企业家节") == .campaign)
        #expect(analysis.initiatives.first?.locality == "330500") // 湖州市
        #expect(analysis.initiatives.first?.evidence.unquoted == 1)
    }

    @Test func placeBeforeAFirstOfItsKindIsAScopeNotTheRunner() {
        let analysis = analyze([article("a", title: "天心区的社区治理", paragraphs: [
            "天心区积极探索。其中,社区进行了尝试性探索,成立了湖南省首家社区公益发展基金,帮助弱势群体。",
        ])])
        #expect(names(analysis) == ["社区公益发展基金"])
        #expect(analysis.initiatives.first?.locality != "430000") // 湖南省 is where it is first
    }

    @Test func bareTextWithoutACreatingVerbIsNotAName() {
        let analysis = analyze([article("a", paragraphs: ["推进社会治理共同体建设,完善社区公益发展基金管理。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    // MARK: - Parallel items

    @Test func chainOfQuotesSharesTheNamingWordAfterItsLastQuote() {
        let analysis = analyze([article("a", paragraphs: ["围绕“数智”“数网”“数盾”工程,打造起步区。"])])
        #expect(names(analysis) == ["数智", "数盾", "数网"])
        #expect(analysis.initiatives.allSatisfy { $0.kind == .programme && $0.evidence.enumerated == 1 })
    }

    @Test func enumerationOfParallelQuotedAppsIsAnInitiativeEach() {
        let analysis = analyze([article("a", paragraphs: [
            "近年来,天心区相继开发“网格通”“居民通”“物业通”等移动端应用,实现数据整合和信息的双向互动。",
        ])])
        #expect(names(analysis) == ["居民通", "物业通", "网格通"])
        #expect(analysis.initiatives.allSatisfy { $0.kind == .platform && $0.locality == "430103" }) // 天心区
    }

    @Test func quotedNamesOfAParagraphSharingLengthAndLastCharacterAreParallelItems() {
        let analysis = analyze([article("a", paragraphs: [
            "推动政务服务“自助办”,优化整合自助服务功能。服务企业项目“上门办”,提供上门服务。聚焦特殊群体“帮代办”,全程陪同代办。",
        ])])
        #expect(names(analysis) == ["上门办", "帮代办", "自助办"])
    }

    @Test func twoQuotedWordsAreNotEnoughToBeParallelItems() {
        let analysis = analyze([article("a", paragraphs: ["推动经验由“小盆景”变“大风景”,形成示范效应。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    // MARK: - Numbered names and slogans

    @Test func numberedNameIsAProgramme() {
        let analysis = analyze([article("a", paragraphs: ["做大“八大资金池”规模和覆盖面,推行技能人才培养。"])])
        #expect(names(analysis) == ["八大资金池"])
        #expect(kind(analysis, "八大资金池") == .programme)
    }

    @Test func numberedMannerIsNotANumberedName() {
        let analysis = analyze([article("a", paragraphs: ["要加强“一企一策”服务协调,给予精准的政策支持。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    @Test func numberedNationalFormulaIsASlogan() {
        let analysis = analyze([article("a", paragraphs: ["深刻领悟“两个确立”的决定性意义,增强“四个意识”、坚定“四个自信”。"])])
        #expect(names(analysis) == ["两个确立", "四个意识", "四个自信"])
        #expect(analysis.initiatives.allSatisfy { $0.kind == .slogan })
    }

    @Test func numberedFormulaThatTheArticleDefinesByItsItemsIsLocal() {
        let analysis = analyze([article("a", paragraphs: ["深化政治建设考察、政治巡察“两个全覆盖”,引导党员干部提高政治能力。"])])
        #expect(names(analysis) == ["两个全覆盖"])
        #expect(kind(analysis, "两个全覆盖") == .programme)
    }

    @Test func quotedItemsCountedByANumberedNameAreLocalProgrammes() {
        let analysis = analyze([article("a", title: "以“四个升级版”提升办事便利度", paragraphs: [
            "长沙以“一件事一次办”“无证明城市”“跨域通办”三个升级版实现让数据多跑路。",
        ])])
        #expect(names(analysis) == ["一件事一次办", "四个升级版", "无证明城市", "跨域通办"])
        // Three items do not define “四个升级版”: it stays a national-looking formula.
        #expect(kind(analysis, "四个升级版") == .slogan)
        let withFour = analyze([article("a", title: "以“四个升级版”提升办事便利度", paragraphs: [
            "长沙以“一件事一次办”“无证明城市”“跨域通办”“好差评”四个升级版实现让数据多跑路。",
        ])])
        #expect(kind(withFour, "四个升级版") == .programme)
    }

    @Test func nameAttributedToANationalSourceIsASlogan() {
        let analysis = analyze([article("a", paragraphs: ["党中央部署开展“我为群众办实事”实践活动,各地积极响应。"])])
        #expect(names(analysis) == ["我为群众办实事"])
        #expect(kind(analysis, "我为群众办实事") == .slogan)
    }

    @Test func nameUsedInTwoProvincesIsASlogan() {
        let analysis = analyze(pages: [
            [article("a", paragraphs: ["长沙市推行“网格化管理”模式,效果明显。"])],
            [article("b", paragraphs: ["湖州市推行“网格化管理”模式,效果也明显。"])],
        ])
        #expect(names(analysis) == ["网格化管理"])
        #expect(kind(analysis, "网格化管理") == .slogan)
    }

    // MARK: - Recurrence and what is not a name

    @Test func nameQuotedTwiceAndNeverPrintedBareIsAnInitiative() {
        let analysis = analyze([article("a", paragraphs: ["四是通过表彰“好案例”,进行复制推广。由企业家代表为“好案例”颁奖。"])])
        #expect(names(analysis) == ["好案例"])
        #expect(analysis.initiatives.first?.evidence.recurring == 2)
    }

    @Test func notionQuotedAfterDeIsNotANameByRecurrence() {
        let analysis = analyze([article("a", title: "深刻感悟新时代的“精气神”", paragraphs: ["努力涵养共产党人的“精气神”。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    @Test func quoteModifyingTheNextWordIsNotANameByRecurrence() {
        let analysis = analyze([article("a", paragraphs: ["一家餐厅为每桌赠送“全家福”头碗。“全家福”头碗、扣肉都出自居民之手。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    @Test func wordPrintedBareMoreOftenThanQuotedIsACommonWord() {
        let analysis = analyze([article("a", paragraphs: [
            "加强“基层治理”。基层治理是基础,基层治理要创新。",
            "完善“基层治理”。基层治理要精细,基层治理要高效。",
        ])])
        #expect(analysis.initiatives.isEmpty)
    }

    @Test func quotedConceptWithoutEvidenceIsNotAnInitiative() {
        let analysis = analyze([article("a", paragraphs: ["总书记提出“新质生产力”,这一新概念意义重大。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    @Test func publicHolidayIsNotAProgramme() {
        let analysis = analyze([article("a", paragraphs: ["举行了服务女性创业创新“三八妇女节”专场活动。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    @Test func openFormulaIsNotAName() {
        let analysis = analyze([article("a", paragraphs: ["推动“智慧+”在城管中的应用。推动“智慧+”在金融中的应用。"])])
        #expect(analysis.initiatives.isEmpty)
    }

    // MARK: - Spellings, places, mentions

    @Test func spellingsWithDifferentMiddleDotsAndQuotesMerge() {
        let analysis = analyze([article("a", paragraphs: [
            "湖州创新开展\"亲清直通车·政企恳谈会\",成效显著。",
            "自去年6月“亲清直通车・政企恳谈会”启动以来,氛围更好。",
        ])])
        #expect(analysis.initiatives.count == 1)
        #expect(analysis.initiatives.first?.mentionCount == 2)
    }

    @Test func localityIsTheHeadOfThePlaceChainBeforeTheName() {
        let analysis = analyze([article("a", paragraphs: ["天心区金盆岭街道积极探索了“联心结网3334”模式,调动社会力量。"])])
        #expect(analysis.initiatives.first?.name == "联心结网3334")
        #expect(analysis.initiatives.first?.locality == "430103") // 天心区
    }

    @Test func aPlaceBacksThePlacesBelowItThatMentionsPointTo() {
        let analysis = analyze([article("a", title: "打造璧山“五新”样板", paragraphs: [
            "抢抓重庆新机场建设机遇,着力打造“五新”样板。",
        ])])
        #expect(analysis.initiatives.first?.locality == "500120") // 璧山区, not 重庆市
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

    // MARK: - Corpus decisions

    @Test func addingAndRemovingArticlesInAnyOrderEqualsABulkBuild() {
        let pages = [
            [article("a", paragraphs: ["深刻领悟“两个确立”的决定性意义。长沙市推行“网格化管理”模式。"])],
            [article("b", paragraphs: ["湖州市推行“网格化管理”模式,设立民营企业家节。"])],
            [article("c", paragraphs: ["深化政治建设考察、政治巡察“两个全覆盖”,实施“链长制”。"])],
        ]
        let bulk = analyze(pages: pages)
        var aggregate = CorpusAggregate(places: bulk.places)
        let numbered = bulk.articles.enumerated().map { (slot: $0.offset, analysis: $0.element) }
        aggregate.add(Array(numbered.reversed()))
        aggregate.remove([numbered[1]])
        aggregate.add([numbered[1]])
        #expect(aggregate.rankedInitiatives(offset: 0, limit: .max) == bulk.initiatives)
        #expect(kind(bulk, "网格化管理") == .slogan)
    }

    @Test func storedFormOfAnArticleAnalysisReadsBackEqual() throws {
        let analysis = analyze([article("a", paragraphs: ["天心区相继开发“网格通”“居民通”“物业通”等移动端应用。设立民营企业家节。"])])
        let original = try #require(analysis.articles.first)
        var writer = BinaryWriter(capacity: 256)
        original.encode(into: &writer)
        let bytes = writer.bytes
        let decoded = try bytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            return try ArticleAnalysis(from: &reader)
        }
        #expect(decoded == original)
        #expect(decoded.quotes.contains { $0.evidence.unquoted == 1 })
    }

    @Test func seedInitiativesAreAttributedToTheirPlaces() throws {
        let analysis = analyzer.analyze(try seedPages())
        func locality(_ name: String) -> String? { analysis.initiatives.first { $0.name == name }?.locality }
        #expect(locality("六单工作法") == "500154") // 开州区
        #expect(locality("亲清直通车·政企恳谈会") == "330500") // 湖州市
        #expect(locality("志在株洲") == "430200") // 株洲市
        #expect(locality("一件事一次办") == "430100") // 长沙市
        #expect(locality("联心结网3334") == "430103") // 天心区
        for slogan in ["两个确立", "四个自信", "两个维护", "四个意识"] { #expect(kind(analysis, slogan) == .slogan) }
    }

    @Test func removingTheArticleThatJoinedTwoNamesLeavesTheOtherAnInitiative() {
        // 部门报到 links the two names into one group, used in two provinces: a slogan, not a local programme.
        let pages = [
            [article("a", paragraphs: ["重庆市璧山区推行“企业吹哨、部门报到”机制,服务企业发展。"])],
            [article("b", paragraphs: ["湘潭市岳塘区推行“街道吹哨、部门报到”机制,服务基层治理。"])],
        ]
        let both = analyze(pages: pages)
        #expect(both.initiatives.allSatisfy { $0.kind == .slogan })
        var aggregate = both.aggregate
        aggregate.remove([(slot: 1, analysis: both.articles[1])])
        let alone = analyze(pages: [pages[0]])
        #expect(alone.initiatives.contains { $0.kind != .slogan })
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
