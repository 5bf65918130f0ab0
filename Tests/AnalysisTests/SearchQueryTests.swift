import Analysis
import Testing

@Suite("Search queries: terms, phrases and empty queries")
struct SearchQueryTests {
    @Test func whitespaceSeparatesRequiredTerms() {
        #expect(SearchQuery.parse("志愿服务  营商环境").terms == ["志愿服务", "营商环境"])
    }

    @Test func asciiAndChineseQuotesMakePhrases() {
        let query = SearchQuery.parse("\"志愿服务体系\" “新质生产力”")
        #expect(query.phrases == ["志愿服务体系", "新质生产力"])
        #expect(query.terms.isEmpty)
    }

    @Test func termsOutsideQuotesStayTerms() {
        let query = SearchQuery.parse("基层 “营商环境” 治理")
        #expect(query.terms == ["基层", "治理"])
        #expect(query.phrases == ["营商环境"])
    }

    @Test func adjoiningTokenAndRunAreSeparateTerms() {
        #expect(SearchQuery.parse("IPv6试点").terms == ["ipv6", "试点"])
    }

    @Test func tokensJoinedByPunctuationStayTogetherAsAPhrase() {
        let query = SearchQuery.parse("COVID-19疫情 3.5")
        #expect(query.phrases == ["covid 19", "3 5"])
        #expect(query.terms == ["疫情"])
    }

    @Test func punctuationBetweenIdeographRunsSeparatesTerms() {
        #expect(SearchQuery.parse("志愿服务、营商环境").terms == ["志愿服务", "营商环境"])
    }

    @Test func queryIsNormalisedLikeText() {
        #expect(SearchQuery.parse("ＩＰｖ６").terms == ["ipv6"])
    }

    @Test(arguments: ["", "   ", "，。！？", "\"\"", "“ ”", "——"])
    func queryWithNothingToSearchIsEmpty(text: String) {
        #expect(SearchQuery.parse(text).isEmpty)
    }

    @Test func repeatedTermCountsOnce() {
        #expect(SearchQuery.parse("志愿 志愿").terms == ["志愿"])
    }

    @Test func quotedTokenOrShortRunIsAPlainTerm() {
        let query = SearchQuery.parse("\"志愿\" \"IPv6\"")
        #expect(query.terms == ["志愿", "ipv6"])
        #expect(query.phrases.isEmpty)
    }

    @Test func unclosedQuoteRunsToTheEnd() {
        #expect(SearchQuery.parse("试点 \"IPv6 技术").phrases == ["ipv6 技术"])
    }
}
