@testable import Analysis
import Testing

@Suite("Places: candidates per occurrence and choosing among them")
struct PlaceDisambiguationTests {
    let matcher = PlaceMatcher(configuration: analysisConfiguration.localities)
    let disambiguator = PlaceDisambiguator(configuration: analysisConfiguration.localities)

    /// The chosen place per occurrence of the text, nil where it stays ambiguous or unanchored.
    func choices(_ text: String, home: String? = nil) -> [String: String?] {
        let found = matcher.occurrences(in: text)
        return Dictionary(zip(found.map(\.text), disambiguator.choose(found, home: home)), uniquingKeysWith: { first, _ in first })
    }

    @Test func shortFormSharedByTwoPlacesListsBoth() {
        #expect(matcher.occurrences(in: "长沙").map(\.candidates) == [["430100", "430121"]])
    }

    @Test func fullNameInSeveralCitiesListsEveryOne() {
        #expect(Set(matcher.occurrences(in: "鼓楼区").flatMap(\.candidates)) == ["320106", "320302", "350102", "410204"])
    }

    @Test func longestFormWins() {
        #expect(matcher.occurrences(in: "长沙县").map(\.candidates) == [["430121"]])
    }

    @Test func mentionedAncestorDecides() {
        #expect(choices("北京市朝阳区")["朝阳区"] == "110105")
        #expect(choices("长春市朝阳区")["朝阳区"] == "220104")
    }

    @Test func mentionedDescendantDecides() {
        #expect(choices("吉林,船营区")["吉林"] == "220200")
    }

    @Test func shortFormOfACityAndItsOwnCountyIsTheCity() {
        #expect(choices("长沙的发展")["长沙"] == "430100")
    }

    @Test func shortFormIsTheCountyWhenTheArticlePrintsTheCountysName() {
        #expect(choices("长沙县星沙街道,长沙的发展")["长沙"] == "430121")
    }

    @Test func higherLevelWinsOtherwise() {
        #expect(choices("吉林的发展")["吉林"] == "220000")
    }

    @Test func homeRegionDecidesAmongEquals() {
        #expect(choices("鼓楼区的发展", home: "350100")["鼓楼区"] == "350102")
    }

    @Test func withoutEvidenceTheOccurrenceStaysAmbiguous() {
        #expect(choices("鼓楼区的发展")["鼓楼区"] == .some(nil))
    }

    @Test func townshipCountsOnlyWithItsCountyOrCity() {
        #expect(choices("天元区泰山路街道")["泰山路街道"] == "430211002")
        #expect(choices("泰山路街道")["泰山路街道"] == .some(nil))
        #expect(choices("泰山路街道", home: "430200")["泰山路街道"] == "430211002")
    }

    @Test func townshipNameSharedAcrossTheCountryIsTheOneUnderTheMentionedCounty() {
        #expect(choices("广河县城关镇")["城关镇"] == "622924100")
    }

    @Test func provinceIsNoAnchorForACountysShortForm() {
        #expect(choices("湖南坚持融城步伐")["城步"] == .some(nil))
        #expect(choices("邵阳城步")["城步"] == "430529")
    }

    @Test func shortFormOfADistrictUnderAMunicipalityIsAnchoredByIt() {
        #expect(choices("重庆璧山")["璧山"] == "500120")
    }

    @Test func veryShortFullNameNeedsAnAnchor() {
        #expect(choices("各级党委和县政府")["和县"] == .some(nil))
        #expect(choices("马鞍山和县")["和县"] == "340523")
    }

    @Test func genericFullNameNeedsAnAnchor() {
        #expect(choices("城区环境")["城区"] == .some(nil))
        #expect(choices("阳泉城区")["城区"] == "140302")
    }

    @Test func fullOfficialNameBeatsAShortFormsOtherReading() throws {
        let entries = [
            GazetteerEntry(code: "100000", name: "甲省", level: .province, parentCode: nil, shortNames: []),
            GazetteerEntry(code: "100100", name: "乙丙丁", level: .city, parentCode: "100000", shortNames: []),
            GazetteerEntry(code: "100200", name: "乙丙丁市", level: .city, parentCode: "100000", shortNames: ["乙丙丁"]),
        ]
        var configuration = analysisConfiguration.localities
        configuration.gazetteer = try Gazetteer(entries: entries)
        let found = PlaceMatcher(configuration: configuration).occurrences(in: "乙丙丁")
        #expect(found.map(\.candidates) == [["100100", "100200"]])
        #expect(PlaceDisambiguator(configuration: configuration).choose(found) == ["100100"])
    }
}
