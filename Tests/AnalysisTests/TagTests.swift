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

    // MARK: - Fragments and phrases

    /// Background articles plus one focus article, analysed together; the focus article's tags.
    func tags(of paragraphs: [String], title: String? = nil) -> [String] {
        terms(analyze(background + [article("focus", title: title, paragraphs: paragraphs)]), "focus")
    }

    /// Every discovered word of a corpus of the background and these articles.
    func words(_ paragraphs: [String]) -> [String] {
        analyze(background + [article("focus", paragraphs: paragraphs)]).model.words
    }

    @Test func pieceAlwaysAfterOnePrepositionIsNotAWord() {
        let found = words([
            "党校要坚持为党献策,为党育才。", "学校始终坚持为党献策。", "他们说为党献策是初心。", "为党献策,关键在于研究。",
        ])
        #expect(!found.contains("党献策"))
    }

    @Test func functionCharacterTheRestIsNeverPrintedWithoutIsPartOfTheWord() {
        // 对 is a preposition, but 外开放 only ever follows it: 对 belongs to the word.
        let found = words([
            "推进高水平对外开放。", "扩大对外开放,打造新门户。", "坚持对外开放和改革。", "对外开放是基本国策。", "他们说对外开放很重要。",
        ])
        #expect(found.contains("对外开放"))
    }

    @Test func particleNeverJoinsAWordHoweverBoundItsRestIs() {
        let found = words([
            "越来越多的人参加。", "吸引越来越多的企业。", "越来越多的青年回乡。", "有越来越多的志愿者,越来越多的家庭受益。",
        ])
        #expect(!found.contains { $0.hasSuffix("的") })
    }

    @Test func twoFunctionCharactersAtAnEdgeAreAPhraseBoundary() {
        // 在…上 plus 下功夫: 上 is no part of a word, however often 下功夫 follows it.
        let found = words([
            "在学习上下功夫。", "要在落实上下功夫,在服务上下功夫。", "更在创新上下功夫。", "他们在细节上下功夫。",
        ])
        #expect(!found.contains("上下功夫"))
    }

    @Test func unitAfterNumbersIsNotAWord() {
        let found = words([
            "全市有45万人参加,其中12万人是青年。", "去年共有30万人报名,8万人完成。", "超过3万人次受益,2万人点赞。",
        ])
        #expect(!found.contains("万人"))
    }

    @Test func pieceWhoseEdgeCutsGenericWordsIsNotAWord() {
        // 事务, 任务 and 服务 are generic words: 务公开 cuts them.
        let found = words(["推进事务公开。", "做到任务公开。", "坚持服务公开。", "要求财务公开。"])
        #expect(!found.contains("务公开"))
    }

    @Test func wordNeverSeenFreeButWithManyNeighboursIsAWord() {
        let found = words([
            "他们参加主题教育。", "第二批主题教育正在开展。", "全市主题教育意义重大。", "各单位主题教育成效明显。",
        ])
        #expect(found.contains("主题教育"))
    }

    @Test func genericVerbWithItsObjectIsAPhraseNotATag() {
        let tags = tags(of: [
            "坚持以人为本,优化营商环境。", "坚持以人为本,就是要优化营商环境。", "坚持以人为本是宗旨,优化营商环境是任务。",
        ], title: "坚持以人为本 优化营商环境")
        #expect(!tags.contains("坚持以人为本"))
        #expect(!tags.contains("优化营商环境"))
        #expect(tags.contains("营商环境"))
    }

    @Test func wordOfGenericNounsOnlyIsNotATag() {
        let tags = tags(of: ["企业群众办事更方便。", "为企业群众解难题。", "企业群众满意度提升。", "服务企业群众。"])
        #expect(!tags.contains("企业群众"))
    }

    @Test func quotedQuestionIsNotATag() {
        let tags = tags(of: ["从“我要做什么”转向“群众要什么”。", "“我要做什么”不再是问题。"])
        #expect(!tags.contains("我要做什么"))
    }

    @Test func figureOfSpeechQuotedOnceIsNotATag() {
        let tags = tags(of: ["破解“小马拉大车”之困,帮助基层干部更好地开展工作,基层减负见成效。", "基层减负要持续。"])
        #expect(!tags.contains("小马拉大车"))
    }

    @Test func quotedProgrammeNameIsATag() {
        let tags = tags(of: ["长沙全力打造“网办到家”政务服务品牌。", "群众办事更方便了。"])
        #expect(tags.contains("网办到家"))
    }

    @Test func nationalFormulaIsNotATag() {
        let tags = tags(of: ["深刻领悟“两个确立”的决定性意义。", "坚定拥护“两个确立”,做到学思践悟。"])
        #expect(!tags.contains("两个确立"))
    }

    @Test func shortWordMostlyInsideLongerWordsIsTheirComponent() {
        let tags = tags(of: [
            "培育未来产业,壮大新兴产业。", "未来产业和新兴产业是方向。", "发展未来产业,布局新兴产业,产业兴旺。",
        ], title: "未来产业与新兴产业")
        #expect(tags.contains("未来产业"))
        #expect(!tags.contains("产业"))
    }

    @Test func stopListHoldsWordsNotPhrases() throws {
        for word in analysisConfiguration.tags.stopWords {
            #expect(word.count <= 4, "\(word) is a phrase")
            #expect(!word.dropFirst().dropLast().contains { "的和与及".contains($0) }, "\(word) joins words")
        }
    }

    @Test func corpusTagTableCountsArticles() {
        let one = article("a", paragraphs: ["“营商环境”要优化。营商环境很重要,营商环境是生产力。"])
        let two = article("b", paragraphs: ["“营商环境”要改善。营商环境评价,营商环境指标。"])
        let analysis = analyze(background + [one, two])
        #expect(analysis.tagCounts.first { $0.term == "营商环境" }?.articles == 2)
    }
}
