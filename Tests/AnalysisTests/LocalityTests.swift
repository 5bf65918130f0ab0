import Analysis
import PageParser
import Testing

@Suite("Localities: gazetteer, patterns, main place")
struct LocalityTests {
    func result(_ analysis: CorpusAnalysis, _ id: String = "a") -> ArticleAnalysis {
        analysis.article(id)!
    }

    @Test func placeIdsAreOfficialDivisionCodes() {
        let analysis = analyze([article("a", paragraphs: ["株洲市天元区推出新举措。"])])
        #expect(result(analysis).places.map(\.place).sorted() == ["430200", "430211"])
        #expect(analysis.places["430211"]?.name == "天元区")
        #expect(analysis.places["430211"]?.parent == "430200")
        #expect(analysis.places["430200"]?.parent == "430000")
    }

    @Test func shortFormOfACountyNextToItsCityIsTheCounty() {
        let analysis = analyze([article("a", paragraphs: ["长沙宁乡坚持高质量发展,宁乡的经济持续增长。"])])
        #expect(result(analysis).places.contains(PlaceCount(place: "430182", count: 2))) // 宁乡市
        #expect(analysis.places["430182"]?.parent == "430100")
    }

    @Test func shortFormOfACountyWithoutContextIsSkipped() {
        let analysis = analyze([article("a", paragraphs: ["宁乡坚持高质量发展,宁乡的经济持续增长。"])])
        #expect(result(analysis).places.isEmpty)
    }

    @Test func shortFormOfACountyInTheNewspapersCityCounts() {
        let analysis = analyze([article("a", paragraphs: ["宁乡坚持高质量发展,宁乡的经济持续增长。"])], newspaper: "长沙晚报")
        #expect(result(analysis).places == [PlaceCount(place: "430182", count: 2)])
    }

    @Test func wordsThatContainACountysShortFormAreNotPlaces() {
        let analysis = analyze([article("a", paragraphs: ["湖南坚持理论创新和理论武装,融城步伐再迈进,党和政府关怀群众。"])])
        #expect(result(analysis).places == [PlaceCount(place: "430000", count: 1)])
    }

    @Test func mostMentionedPlaceIsTheMainLocality() {
        let analysis = analyze([article("a", paragraphs: ["开州区推出新机制。开州区的经验在重庆推广,开州区群众满意。"])])
        #expect(result(analysis).locality == "500154") // 开州区
    }

    @Test func provinceGivesWayToAMentionedCityOfIt() {
        let analysis = analyze([article("a", paragraphs: [
            "湖南长城是湖南的企业,湖南长城产品远销海外,湖南长城在湖南很有名,湖南长城发展快。",
            "株洲制造基地年产500万台整机,株洲的产业链很完整。",
        ])])
        #expect(result(analysis).locality == "430200") // 株洲市
    }

    @Test func gazetteerStreetAfterItsDistrictHasItsCode() {
        let analysis = analyze([article("a", paragraphs: ["天心区金盆岭街道赤岭路社区成立了公益基金。"])])
        #expect(result(analysis).places.map(\.place).contains("430103006")) // 金盆岭街道
        #expect(analysis.places["赤岭路社区"]?.parent == "430103006")
    }

    @Test func aPatternPlacesAncestorsRunOnThroughTheGazetteer() {
        let analysis = analyze([article("a", paragraphs: ["天心区金盆岭街道赤岭路社区成立了公益基金。"])])
        #expect(analysis.places.ancestors(of: "赤岭路社区") == ["430103006", "430103", "430100", "430000"])
        #expect(analysis.places.province(of: "赤岭路社区") == "430000")
    }

    @Test func unknownStreetPrintedAfterAKnownPlaceIsAPatternPlaceWithThatParent() {
        let analysis = analyze([article("a", paragraphs: ["比如,开州区桃溪坪街道杏林社区实践站接到群众需求后,立即处理。"])])
        #expect(result(analysis).places.map(\.place).contains("桃溪坪街道"))
        #expect(analysis.places["桃溪坪街道"]?.parent == "500154")
        #expect(analysis.places["杏林社区"]?.parent == "桃溪坪街道")
    }

    @Test func verbBeforeCommunityIsNotAPlace() {
        let analysis = analyze([article("a", paragraphs: [
            "要确保社区事务公开,确保政策落实,确保群众满意,确保社区安全,确保工作到位。",
        ])])
        #expect(!result(analysis).places.map(\.place).contains("确保社区"))
    }

    @Test func countBeforeCommunityIsNotAPlaceEvenAfterAKnownPlace() {
        let analysis = analyze([article("a", paragraphs: ["成立了湖南省首家社区公益发展基金,每个村都有服务站。"])])
        #expect(result(analysis).places.map(\.place) == ["430000"])
    }

    @Test func compoundWordEndingInAPlaceSuffixIsNotAPlace() {
        let analysis = analyze([article("a", paragraphs: ["提升城乡环境,推动城乡融合,实施农村改革,提升城乡环境。"])])
        #expect(result(analysis).places.isEmpty)
    }

    @Test func passingMentionDoesNotMakeTheArticleAboutAPlace() {
        let analysis = analyze([article("a", paragraphs: ["总书记在黑龙江考察时提出了新概念,这一概念意义重大。"],
                                        affiliation: "作者系湖南省社会科学院研究员")])
        #expect(result(analysis).locality == "430000") // 湖南省
    }

    @Test func articleWithoutPlacesTakesTheNewspapersCity() {
        let analysis = analyze([article("a", paragraphs: ["党建工作做实了就是生产力,做强了就是竞争力。"])], newspaper: "株洲日报")
        #expect(result(analysis).locality == "430200") // 株洲市
    }

    @Test func headlineMentionOutweighsBodyMentions() {
        let analysis = analyze([article("a", title: "璧山打造样板", paragraphs: ["重庆学习借鉴开州经验,开州做法值得推广。"])])
        #expect(result(analysis).locality == "500120") // 璧山区
    }
}
