import Analysis
import Persistence
import Testing

@Suite("Search index: matching, ranking, filters and paging")
struct SearchIndexTests {
    /// Six short articles on the seed pages' subjects, one per field mix the tests need.
    let newsroom = SearchIndex(documents: [
        article(0, title: "推动新时代志愿服务体系建设", body: "志愿服务是社会文明进步的重要标志。"),
        article(1, title: "持续优化营商环境", body: "营商环境就是生产力，要激发市场主体活力。"),
        article(2, title: "加快发展新质生产力", body: "新质生产力是创新起主导作用的先进生产力质态。"),
        article(3, title: "IPv6 规模部署", body: "我市入选国家 IPv6 技术创新和融合应用试点城市。"),
        article(4, title: "便民服务", body: "12345 政务服务便民热线全天候受理群众诉求。"),
        article(5, title: "信息基础设施", body: "全市新建 5G 基站 2000 个，5G 网络实现城区全覆盖。"),
        article(6, title: "协议编号", body: "IPv60 并不是一个协议，12345678 也不是热线。"),
        article(7, title: "湘江大桥", body: "大桥于今日通车。"),
    ])

    @Test func runMatchesDocumentsHoldingItsWords() {
        #expect(docs(newsroom.search(.parse("营商环境"))) == [1])
    }

    @Test func singleCharacterQueryUsesTheUnigram() {
        #expect(docs(newsroom.search(.parse("桥"))) == [7])
    }

    @Test func wordTokenMatchesOnlyTheWholeToken() {
        #expect(docs(newsroom.search(.parse("ipv6"))) == [3])
    }

    @Test func digitTokenMatchesOnlyTheWholeNumber() {
        #expect(docs(newsroom.search(.parse("12345"))) == [4])
    }

    @Test(arguments: [("IPv6 试点", 3), ("12345 热线", 4), ("5G 网络", 5), ("ＩＰｖ６试点", 3)])
    func mixedLatinAndChineseQueryNeedsBoth(query: String, expected: Int) {
        #expect(docs(newsroom.search(.parse(query))) == [expected])
    }

    @Test func decimalNumberMatchesOnlyAsWritten() {
        let index = SearchIndex(documents: [article(0, body: "增长3.5%。"), article(1, body: "3个区5个镇。")])
        #expect(docs(index.search(.parse("3.5"))) == [0])
    }

    @Test func emptyIndexFindsNothing() {
        let index = SearchIndex(documents: [])
        #expect(index.search(.parse("志愿服务")).total == 0)
        #expect(index.snippet(doc: 0, query: .parse("志愿服务")).text.isEmpty)
    }

    @Test func everyTermMustMatch() {
        #expect(newsroom.search(.parse("营商环境 IPv6")).total == 0)
    }

    @Test func termTheCorpusNeverHadGivesNoHits() {
        let results = newsroom.search(.parse("量子计算"))
        #expect(results.total == 0)
        #expect(results.hits.isEmpty)
        #expect(!results.isEmptyQuery)
    }

    @Test func emptyQueryIsReportedInsteadOfMatchingEverything() {
        let results = newsroom.search(.parse("，。！"))
        #expect(results.isEmptyQuery)
        #expect(results.total == 0)
        #expect(results.hits.isEmpty)
    }

    @Test func runMissingABigramDoesNotMatch() {
        let index = SearchIndex(documents: [article(0, body: "志愿者为社区居民服务。")])
        #expect(index.search(.parse("志愿服务")).total == 0)
    }

    @Test func contiguousRunRanksAboveTheSameBigramsApart() {
        let index = SearchIndex(documents: [
            article(0, body: "他志愿到社区去，心愿服从安排，只为居民服务。"),
            article(1, body: "社区里的志愿服务队，常年为居民服务和奉献。"),
        ])
        #expect(docs(index.search(.parse("志愿服务"))) == [1, 0])
    }

    @Test func withoutExactRunBonusTheScatteredDocumentCanWin() {
        let documents = [
            article(0, body: "志愿者志愿报名，心愿服从安排，为居民服务，服务到家。"),
            article(1, body: "社区的志愿服务队伍，常年坚持开展活动，深受群众的欢迎。"),
        ]
        let plain = SearchIndex(documents: documents, configuration: .init(exactRunBonus: 0))
        let boosted = SearchIndex(documents: documents)
        #expect(docs(plain.search(.parse("志愿服务"))) == [0, 1])
        #expect(docs(boosted.search(.parse("志愿服务"))) == [1, 0])
    }

    @Test func quotedPhraseNeedsTheContiguousText() {
        let index = SearchIndex(documents: [
            article(0, body: "他志愿到社区去，心愿服从安排，只为居民服务。"),
            article(1, body: "社区里的志愿服务队，常年为居民服务和奉献。"),
        ])
        #expect(docs(index.search(.parse("\"志愿服务\""))) == [1])
    }

    @Test func phraseMatchesAcrossPunctuationInTheText() {
        #expect(docs(newsroom.search(.parse("“生产力 要激发”"))) == [1])
    }

    @Test func phraseWordTokensMustStaySeparateTokens() {
        let index = SearchIndex(documents: [article(0, body: "ipv6test 平台"), article(1, body: "IPv6 test 平台")])
        #expect(docs(index.search(.parse("\"ipv6 test\""))) == [1])
    }

    @Test func phraseDoesNotRunFromTitleIntoBody() {
        let index = SearchIndex(documents: [article(0, title: "推进志愿服务", body: "体系建设全面铺开。")])
        #expect(index.search(.parse("\"志愿服务 体系\"")).total == 0)
    }

    @Test func phraseIsFoundWhereverItStandsInALongText() {
        let filler = "基层治理现代化水平不断提升，"
        let documents = (0..<40).map { offset in
            article(offset, body: String(repeating: "基", count: offset) + "新时代" + filler + filler + filler)
        }
        let nearMisses = (40..<50).map { article($0, body: String(repeating: "基", count: $0) + "新时期" + filler + "时代") }
        let index = SearchIndex(documents: documents + nearMisses)
        #expect(index.search(.parse("\"新时代\""), limit: 100).total == 40)
    }

    @Test func subheadingMatchRanksBetweenTitleAndBody() {
        let index = SearchIndex(documents: [
            SearchDocument(id: 0, fields: [.title("城市观察"), .subheading("城市面貌"), .body("本市持续优化营商环境。")]),
            SearchDocument(id: 1, fields: [.title("城市观察"), .subheading("营商环境"), .body("本市持续改善城市面貌。")]),
            SearchDocument(id: 2, fields: [.title("营商环境"), .subheading("城市面貌"), .body("本市持续改善城市面貌。")]),
        ])
        #expect(docs(index.search(.parse("营商环境"))) == [2, 1, 0])
    }

    @Test func titleMatchRanksAboveBodyMatch() {
        let index = SearchIndex(documents: [
            article(0, title: "城市更新观察", body: "本市持续优化营商环境，服务企业发展。"),
            article(1, title: "营商环境观察", body: "本市持续改善城市面貌，服务企业发展。"),
        ])
        #expect(docs(index.search(.parse("营商环境"))) == [1, 0])
    }

    @Test func rareTermOutweighsCommonTerm() {
        let index = SearchIndex(documents: [
            article(0, body: "基层治理创新。"), article(1, body: "基层党建。"), article(2, body: "基层减负。"),
            article(3, body: "数字经济。"),
        ])
        let scores = index.matches(.parse("基层")).map(\.score)
        let rare = index.matches(.parse("数字")).map(\.score)
        #expect(rare[0] > scores[0])
    }

    @Test func allowedFilterKeepsOnlyAllowedDocuments() {
        let allowed = DocumentFilter([0, 2], capacity: newsroom.documentCount)
        let results = newsroom.search(.parse("服务"), allowed: allowed)
        #expect(docs(results) == [0])
        #expect(results.total == 1)
    }

    @Test func sparseAllowedFilterIntersectsLongPostings() {
        let index = SearchIndex(documents: (0..<1000).map { article($0, body: "第\($0)期志愿服务活动。") })
        let allowed = DocumentFilter([3, 500, 999], capacity: 1000)
        #expect(docs(index.search(.parse("志愿服务"), allowed: allowed)) == [3, 500, 999])
    }

    @Test func emptyAllowedFilterAllowsNothing() {
        let results = newsroom.search(.parse("服务"), allowed: DocumentFilter(capacity: newsroom.documentCount))
        #expect(results.total == 0)
    }

    @Test func pagesAreDisjointAndInScoreThenIDOrder() {
        let index = SearchIndex(documents: (0..<30).map { article($0, body: "基层治理现代化。") })
        let first = index.search(.parse("基层治理"), limit: 10, offset: 0)
        let second = index.search(.parse("基层治理"), limit: 10, offset: 10)
        #expect(first.total == 30)
        #expect(docs(first) == Array(0..<10))
        #expect(docs(second) == Array(10..<20))
    }

    @Test func offsetPastTheEndGivesTotalWithoutHits() {
        let results = newsroom.search(.parse("服务"), limit: 10, offset: 50)
        #expect(results.total == 2)
        #expect(results.hits.isEmpty)
    }

    @Test func matchesReturnsEveryHitBestFirst() {
        let all = newsroom.matches(.parse("服务"))
        #expect(Set(all.map(\.doc)) == [0, 4])
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func lazyVerificationGivesTheSameTopHitsAsFullRanking() {
        let bodies = ["社区志愿服务队成立。", "他志愿去，心愿服从，为民服务。", "志愿服务，服务志愿，心愿服从。"]
        let index = SearchIndex(documents: (0..<90).map { article($0, body: bodies[$0 % 3] + String(repeating: "好", count: $0 % 7)) })
        let all = index.matches(.parse("志愿服务"))
        let page = index.search(.parse("志愿服务"), limit: 25, offset: 5)
        #expect(page.hits == Array(all[5..<30]))
    }

    @Test func documentsMayArriveInAnyIDOrder() {
        let index = SearchIndex(documents: [article(1, body: "营商环境。"), article(0, body: "志愿服务。")])
        #expect(docs(index.search(.parse("营商环境"))) == [1])
    }

    @Test func aOneWordSearchThatSkipsBlocksRanksAndCountsExactlyAsAFullScan() {
        // 3,000 documents with the word at varied frequencies and lengths: many postings blocks,
        // most of which cannot reach the top ten once it fills.
        let documents = (0..<3000).map { id -> SearchDocument in
            let times = (id * 7919) % 5
            let filler = String(repeating: "城市面貌持续改善。", count: 1 + (id * 104_729) % 13)
            return article(id, title: id % 97 == 0 ? "服务群众" : nil, body: String(repeating: "志愿服务", count: times) + filler)
        }
        let full = SearchIndex(segments: [SearchSegment(documents: Array(documents[0..<2000]), base: 0, count: 2000),
                                          SearchSegment(documents: Array(documents[2000...]), base: 2000, count: 1000)])
        let withDeletions = full.deleting(SlotSet((0..<3000).filter { $0 % 11 == 0 }))
        for index in [full, withDeletions] {
            for word in ["服务", "志愿", "城市"] {
                let query = SearchQuery.parse(word)
                let everything = index.matches(query)
                for (limit, offset) in [(10, 0), (20, 40), (1, 0)] {
                    let page = index.search(query, limit: limit, offset: offset)
                    #expect(page.total == everything.count)
                    #expect(page.hits == Array(everything.dropFirst(offset).prefix(limit)))
                }
            }
        }
    }

    @Test func concurrentSearchesAgreeWithSerialOnes() async {
        let queries = ["服务", "营商环境", "IPv6 试点", "\"志愿服务\"", "桥", "5G"].map(SearchQuery.parse)
        let expected = queries.map { newsroom.search($0) }
        let index = newsroom
        let results = await withTaskGroup(of: (Int, SearchResults).self) { group in
            for round in 0..<48 {
                group.addTask { (round % queries.count, index.search(queries[round % queries.count])) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { expected[$0.0] == $0.1 })
    }
}

func article(_ id: Int, title: String? = nil, body: String) -> SearchDocument {
    SearchDocument(id: id, fields: (title.map { [.title($0)] } ?? []) + [.body(body)])
}

func docs(_ results: SearchResults) -> [Int] {
    results.hits.map(\.doc)
}
