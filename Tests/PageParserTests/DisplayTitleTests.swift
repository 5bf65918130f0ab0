import PageParser
import Testing

@Suite("Display titles")
struct DisplayTitleTests {
    func untitled(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) -> Article {
        let page = parse("第一篇\n\n张三\n\n\(filler)（作者系某单位干部）\n\n\(body)\n\n\(filler)", sourceLocation: sourceLocation)
        return page.articles.last ?? Article(id: "")
    }

    @Test func titledArticleShowsItsTitle() {
        let found = article("推动新时代志愿服务体系建设\n\n张怀东\n\n\(filler)")
        #expect(found.displayTitle == "推动新时代志愿服务体系建设")
        #expect(!found.displayTitleIsDerived)
    }

    @Test func untitledArticleShowsItsFirstClause() {
        let found = untitled("县农业农村局组织农技人员深入各乡镇，指导农户抢抓晴好天气收割晚稻。")
        #expect(found.title == nil)
        #expect(found.displayTitle == "县农业农村局组织农技人员深入各乡镇")
        #expect(found.displayTitleIsDerived)
    }

    @Test func shortOpeningClauseIsJoinedWithTheNext() {
        let found = untitled("党的二十大报告指出，提升环境基础设施建设水平，推进城乡人居环境整治。")
        #expect(found.displayTitle == "党的二十大报告指出，提升环境基础设施建设水平")
    }

    @Test func shortFramingClauseGivesWayWhenTheNextIsTooLongToJoin() {
        let found = untitled("近日，县农业农村局组织农技人员深入各乡镇开展晚稻收割技术指导，农户纷纷点赞。")
        #expect(found.displayTitle == "县农业农村局组织农技人员深入各乡镇开展晚稻收割技术指导")
    }

    @Test func longClauseWithNoSafeCutIsKeptWholeUpToTwiceTheLength() {
        let found = untitled("县农业农村局组织全县农技人员分成十二个小组深入各乡镇开展技术指导，农户纷纷点赞。")
        #expect(found.displayTitle == "县农业农村局组织全县农技人员分成十二个小组深入各乡镇开展技术指导")
    }

    @Test func shortWholeSentenceIsATitle() {
        let found = untitled("路灯“罢工”。今年3月起，双丰社区因供电线路故障，路灯无法照明，导致居民出行不便。")
        #expect(found.displayTitle == "路灯“罢工”")
    }

    @Test func clauseMarksInsideQuotesDoNotCut() {
        let found = untitled("开州区推出“巡单、接单、派单”工作法，精准满足群众需要，受到群众欢迎。")
        #expect(found.displayTitle == "开州区推出“巡单、接单、派单”工作法")
    }

    @Test func longClauseIsCutWhereNoWordIsSplitAndMarked() {
        let found = untitled("习近平总书记在中央党校建校90周年庆祝大会暨2023年春季学期开学典礼上强调，党校始终不变的初心就是为党育才。")
        #expect(found.displayTitle == "习近平总书记在中央党校建校90周年庆祝大会…")
        #expect(found.displayTitle.count <= 25)
    }
}
