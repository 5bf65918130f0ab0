import Analysis
import Testing

@Suite("Search snippets and highlights")
struct SearchSnippetTests {
    /// Four sentences; only the third holds both 营商环境 and 数字经济.
    let report = """
    今年以来，我市坚持稳中求进工作总基调，经济运行总体平稳。各区县围绕中心工作，扎实推进各项任务落实。\
    我们持续优化营商环境，大力发展数字经济，推动产业转型升级。下一步，将进一步加强基层治理，提升群众满意度。
    """

    @Test func windowHoldsTheSentenceWithTheMostQueryTerms() {
        let index = SearchIndex(documents: [article(0, body: report)])
        let snippet = index.snippet(doc: 0, query: .parse("营商环境 数字经济"), maxLength: 40)
        #expect(snippet.text == "…我们持续优化营商环境，大力发展数字经济，推动产业转型升级。…")
    }

    @Test func highlightsMarkEveryQueryTermInTheWindow() {
        let index = SearchIndex(documents: [article(0, body: report)])
        let snippet = index.snippet(doc: 0, query: .parse("营商环境 数字经济"), maxLength: 40)
        #expect(snippet.marked(open: "[", close: "]") == "…我们持续优化[营商环境]，大力发展[数字经济]，推动产业转型升级。…")
    }

    @Test func contiguousRunIsHighlightedWhole() {
        let index = SearchIndex(documents: [article(0, body: "社区志愿者开展志愿服务活动。")])
        let snippet = index.snippet(doc: 0, query: .parse("志愿服务"))
        #expect(snippet.marked(open: "<em>", close: "</em>") == "社区志愿者开展<em>志愿服务</em>活动。")
    }

    @Test func scatteredRunIsHighlightedInPieces() {
        let index = SearchIndex(documents: [article(0, body: "他志愿到社区，心愿服从安排，为居民服务。")])
        let snippet = index.snippet(doc: 0, query: .parse("志愿服务"))
        #expect(snippet.marked(open: "[", close: "]") == "他[志愿]到社区，心[愿服]从安排，为居民[服务]。")
    }

    @Test func windowShowingMoreDistinctPiecesOfTheSecondRunWins() {
        // Neither run is printed whole. Every window shows one piece of 营商环境 and three
        // occurrences; only the last also shows two of 数字经济's three pieces, not one.
        let body = "营商有序，营商经济平稳。营商更优，数字化带动经济。"
        let index = SearchIndex(documents: [article(0, body: body)])
        let snippet = index.snippet(doc: 0, query: .parse("营商环境 数字经济"), maxLength: 14)
        #expect(snippet.text == "…营商更优，数字化带动经济。")
    }

    @Test func shortWindowEndsAtAClauseWithEllipsisInsteadOfThePause() {
        let index = SearchIndex(documents: [article(0, body: report)])
        let snippet = index.snippet(doc: 0, query: .parse("稳中求进"), maxLength: 20)
        #expect(snippet.text == "今年以来，我市坚持稳中求进工作总基调…")
    }

    @Test func snippetStaysWithinTheLengthPlusEllipses() {
        let index = SearchIndex(documents: [article(0, body: report)])
        let snippet = index.snippet(doc: 0, query: .parse("基层治理"), maxLength: 30)
        #expect(snippet.text.unicodeScalars.count <= 32)
        #expect(snippet.text.contains("基层治理"))
    }

    @Test func clauseLongerThanTheSnippetIsCutAroundTheMatch() {
        let body = String(repeating: "很长的没有标点的句子", count: 10) + "志愿服务" + String(repeating: "继续写下去", count: 10)
        let index = SearchIndex(documents: [article(0, body: body)])
        let snippet = index.snippet(doc: 0, query: .parse("志愿服务"), maxLength: 20)
        #expect(snippet.text == "…标点的句子志愿服务继续写下去继续写下去继…")
    }

    @Test func bodyWithoutMatchesShowsItsOpening() {
        let index = SearchIndex(documents: [article(0, title: "城市观察", body: report)])
        let snippet = index.snippet(doc: 0, query: .parse("城市观察"), maxLength: 20)
        #expect(snippet.text.hasPrefix("今年以来"))
    }

    @Test func highlightOffsetsCountAnAstralCharacterOnceInScalarsAndTwiceInUTF16() {
        let index = SearchIndex(documents: [article(0, body: "𠀀字志愿服务。")])
        let snippet = index.snippet(doc: 0, query: .parse("志愿服务"))
        #expect(snippet.highlights == [Highlight(scalarRange: 2..<6, utf16Range: 3..<7)])
    }

    @Test func highlightOffsetsCountTheLeadingEllipsis() {
        let index = SearchIndex(documents: [article(0, body: report)])
        let snippet = index.snippet(doc: 0, query: .parse("基层治理"), maxLength: 30)
        let marked = Array(snippet.text.unicodeScalars)[snippet.highlights[0].scalarRange]
        #expect(String(String.UnicodeScalarView(marked)) == "基层治理")
    }

    @Test func snippetShowsTheTextAsWritten() {
        let index = SearchIndex(documents: [article(0, body: "推进 IPv6 规模部署，ＩＰｖ６用户持续增长。")])
        let snippet = index.snippet(doc: 0, query: .parse("ipv6"))
        #expect(snippet.marked(open: "[", close: "]") == "推进 [IPv6] 规模部署，[ＩＰｖ６]用户持续增长。")
    }

    @Test func paragraphBreaksShowAsSpaces() {
        let index = SearchIndex(documents: [article(0, body: "第一段说营商环境。\n第二段说营商环境。")])
        #expect(index.snippet(doc: 0, query: .parse("营商环境")).text == "第一段说营商环境。 第二段说营商环境。")
    }

    @Test func titleHighlightsUseOffsetsInTheTitle() {
        let index = SearchIndex(documents: [article(0, body: "正文")])
        let highlights = index.highlights(in: "推动新时代志愿服务体系建设", query: .parse("志愿服务 建设"))
        #expect(highlights.map(\.scalarRange) == [5..<9, 11..<13])
    }

    @Test func phraseIsHighlightedWithTheTextBetweenItsRuns() {
        let index = SearchIndex(documents: [article(0, body: "入选 IPv6 试点城市。")])
        let snippet = index.snippet(doc: 0, query: .parse("\"IPv6试点\""))
        #expect(snippet.marked(open: "[", close: "]") == "入选 [IPv6 试点]城市。")
    }

    @Test func markedWithoutHighlightsIsTheText() {
        #expect(Snippet(text: "营商环境", highlights: []).marked(open: "<b>", close: "</b>") == "营商环境")
    }
}
