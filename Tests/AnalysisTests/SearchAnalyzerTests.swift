import Analysis
import Testing

@Suite("Search analysis: normalisation and index terms")
struct SearchAnalyzerTests {
    @Test func fullWidthLettersAndDigitsBecomeLowercaseASCII() {
        #expect(SearchAnalyzer.normalize("ＩＰｖ６与１２３４５") == "ipv6与12345")
    }

    @Test func ideographsPunctuationAndFullWidthSpaceAreLeftAsWritten() {
        #expect(SearchAnalyzer.normalize("营商环境，“志愿”　（一）") == "营商环境，“志愿”　（一）")
    }

    @Test func latinCapitalsOutsideASCIIAreLowercased() {
        #expect(SearchAnalyzer.normalize("ÉCOLE Москва") == "école москва")
    }

    @Test func ideographRunGivesUnigramsAndOverlappingBigrams() {
        #expect(SearchAnalyzer.terms(in: "志愿服务") == ["志", "愿", "志愿", "服", "愿服", "务", "服务"])
    }

    @Test func latinAndDigitRunsAreWholeLowercaseTokens() {
        #expect(SearchAnalyzer.terms(in: "IPv6、12345 5G O1") == ["ipv6", "12345", "5g", "o1"])
    }

    @Test func wordAndIdeographRunsSplitWithoutASpace() {
        #expect(SearchAnalyzer.terms(in: "IPv6试点") == ["ipv6", "试", "点", "试点"])
    }

    @Test func punctuationEndsAnIdeographRun() {
        #expect(!SearchAnalyzer.terms(in: "志愿，服务").contains("愿服"))
    }

    @Test func astralIdeographIsOneCharacter() {
        #expect(SearchAnalyzer.terms(in: "𠀀字") == ["𠀀", "字", "𠀀字"])
    }

    @Test func longAndAccentedWordsAreSingleTokens() {
        #expect(SearchAnalyzer.terms(in: "Shanghai-Pudong café") == ["shanghai", "pudong", "café"])
    }
}
