import Analysis
import PageParser
import Testing

@Suite("Keyword tags are discovered from the corpus")
struct TagTests {
    /// Filler articles so that corpus statistics have something to contrast with.
    let background = (1...6).map { index in
        article("bg-\(index)", paragraphs: [
            "今年以来,这个地方的干部群众围绕重点任务开展了很多工作,取得了明显的成效,群众比较满意。",
            "下一步,有关部门将继续努力,把各项工作做得更好,让人民群众有更多获得感和幸福感。",
        ])
    }

    func terms(_ analysis: CorpusAnalysis, _ id: String) -> [String] {
        analysis.article(id)?.tags.map(\.term) ?? []
    }

    @Test func repeatedCompoundIsOneTagAndItsFragmentsAreNot() {
        let focus = article("focus", title: "如何理解新质生产力", paragraphs: [
            "新质生产力是创新起主导作用的先进生产力。加快形成新质生产力,要发挥创新的作用。",
            "我们要深刻理解新质生产力的内涵,推动新质生产力加快发展。传统生产力与新质生产力不同。",
            "培育新质生产力,关键在于科技创新。新质生产力的发展需要人才。",
        ])
        let tags = terms(analyze(background + [focus]), "focus")
        #expect(tags.first == "新质生产力")
        #expect(!tags.contains("质生产力"))
        #expect(!tags.contains("新质生产"))
    }

    @Test func quotedTermIsATagEvenWhenRare() {
        let focus = article("focus", paragraphs: ["社区推行“邻里守望”以后,居民关系更融洽了。", "今年以来,这个地方开展了很多工作。"])
        #expect(terms(analyze(background + [focus]), "focus").contains("邻里守望"))
    }

    @Test func stopWordsAreNeverTags() {
        let focus = article("focus", title: "发展工作", paragraphs: Array(repeating: "发展工作建设推进坚持发展工作,营商环境优化。", count: 4))
        let tags = terms(analyze(background + [focus]), "focus")
        for word in ["发展", "工作", "建设", "推进", "坚持"] { #expect(!tags.contains(word)) }
    }

    @Test func wordsOpeningOrClosingOnAFunctionCharacterAreNotTags() {
        let focus = article("focus", paragraphs: [
            "优化营商环境的措施很多。营商环境的改善需要时间,营商环境评价体系已经建立。",
            "良好营商环境是生产力,打造一流营商环境,营商环境好不好企业说了算。",
            "各地比拼营商环境,营商环境指标持续向好,持续优化营商环境。",
        ])
        let tags = terms(analyze(background + [focus]), "focus")
        #expect(tags.contains("营商环境"))
        #expect(!tags.contains { $0.hasSuffix("的") || $0.hasPrefix("的") })
    }

    @Test func headlineTermsRankAboveEquallyFrequentBodyTerms() {
        let focus = article("focus", title: "做好志愿服务", paragraphs: [
            "志愿服务和数字经济都很重要。", "数字经济带动发展,志愿服务温暖人心。", "“志愿服务”“数字经济”两个词都出现了三次。",
        ])
        let tags = terms(analyze(background + [focus]), "focus")
        let volunteer = tags.firstIndex(of: "志愿服务"), digital = tags.firstIndex(of: "数字经济")
        #expect(volunteer != nil && digital != nil)
        if let volunteer, let digital { #expect(volunteer < digital) }
    }

    @Test func atMostTenTagsWithDescendingScores() throws {
        let analysis = analyze(try seedPages().flatMap(\.articles))
        for result in analysis.articles {
            #expect(result.tags.count <= 10)
            #expect(result.tags.map(\.score) == result.tags.map(\.score).sorted(by: >))
        }
    }

    @Test func corpusTagTableCountsArticles() {
        let one = article("a", paragraphs: ["“营商环境”要优化。营商环境很重要,营商环境是生产力。"])
        let two = article("b", paragraphs: ["“营商环境”要改善。营商环境评价,营商环境指标。"])
        let analysis = analyze(background + [one, two])
        #expect(analysis.tagCounts.first { $0.term == "营商环境" }?.articles == 2)
    }
}
