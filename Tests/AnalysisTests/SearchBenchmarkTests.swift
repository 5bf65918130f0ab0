import Analysis
import Testing

@Suite("Benchmark corpus and harness")
struct SearchBenchmarkTests {
    let page = """
    # 推动新时代志愿服务体系建设

    **志愿服务是社会文明进步的重要标志。**各地持续优化营商环境！我市入选 IPv6 试点城市；

    12345 热线全天候受理群众诉求？5G 网络实现全覆盖。
    """

    @Test func pagesSplitIntoSentencesWithoutMarkdown() {
        #expect(SyntheticCorpus.sentences(fromPages: [page]) == [
            "推动新时代志愿服务体系建设", "志愿服务是社会文明进步的重要标志。", "各地持续优化营商环境！",
            "我市入选 IPv6 试点城市；", "12345 热线全天候受理群众诉求？", "5G 网络实现全覆盖。",
        ])
    }

    @Test func syntheticDocumentsAreTheSameForTheSameSeed() {
        let sentences = SyntheticCorpus.sentences(fromPages: [page])
        let first = SyntheticCorpus.documents(count: 5, sentences: sentences, bodyLength: 60, seed: 7)
        let second = SyntheticCorpus.documents(count: 5, sentences: sentences, bodyLength: 60, seed: 7)
        #expect(first == second)
        #expect(first.map(\.id) == Array(0..<5))
    }

    @Test func benchmarkTimesEveryQuery() {
        let sentences = SyntheticCorpus.sentences(fromPages: [page])
        let documents = SyntheticCorpus.documents(count: 50, sentences: sentences, bodyLength: 80)
        let queries = SyntheticCorpus.mixedQueries(count: 40, sentences: sentences)
        let report = SearchBenchmark.run(documents: documents, queries: queries)
        #expect(report.documents == 50)
        #expect(report.queries == 40)
        #expect(report.queriesWithoutHits < 40)
    }
}
