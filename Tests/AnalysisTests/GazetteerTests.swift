import Analysis
import Foundation
import Testing

@Suite("Gazetteer: the national file and its loader")
struct GazetteerTests {
    let gazetteer = analysisConfiguration.localities.gazetteer

    func entries(named name: String) -> [GazetteerEntry] { gazetteer.entries.filter { $0.name == name } }

    @Test func everyLevelOfTheCountryIsListed() {
        let perLevel = Dictionary(grouping: gazetteer.entries, by: \.level).mapValues(\.count)
        #expect(perLevel[.province] == 34)
        #expect(perLevel[.city] == 333)
        #expect((perLevel[.district] ?? 0) + (perLevel[.county] ?? 0) == 2845)
        #expect((perLevel[.street] ?? 0) > 38_000)
    }

    @Test func entriesKeepCodeParentAndLevel() {
        let tianyuan = gazetteer.entry(code: "430211")
        #expect(tianyuan?.name == "天元区")
        #expect(tianyuan?.level == .district)
        #expect(tianyuan?.parentCode == "430200")
        #expect(gazetteer.ancestors(of: "430211001") == ["430211", "430200", "430000"])
        #expect(gazetteer.entry(code: "430211001")?.name == "嵩山路街道")
    }

    @Test func theDirectoryGivesEveryDivisionItsChainOfParents() {
        let directory = PlaceDirectory(configuration: analysisConfiguration.localities)
        for entry in gazetteer.entries {
            let chain = gazetteer.ancestors(of: entry.code)
            #expect(directory.ancestors(of: entry.code) == chain, "\(entry.code) \(entry.name)")
            let province = entry.level == .province ? entry.code : chain.first { gazetteer.entry(code: $0)?.level == .province }
            #expect(directory.province(of: entry.code) == province, "\(entry.code) \(entry.name)")
        }
        #expect(directory.ancestors(of: "430211001") == ["430211", "430200", "430000"])
        #expect(directory.ancestors(of: "999999").isEmpty)
    }

    @Test func shortFormsDropTheAdministrativeSuffix() {
        #expect(gazetteer.entry(code: "430200")?.shortNames == ["株洲"])
        #expect(gazetteer.entry(code: "430182")?.shortNames == ["宁乡"])
        #expect(gazetteer.entry(code: "430000")?.shortNames == ["湖南"])
    }

    @Test func autonomousUnitsLoseTheirEthnicNamesAndGainTheUnitWord() {
        #expect(gazetteer.entry(code: "450000")?.shortNames == ["广西"])
        #expect(gazetteer.entry(code: "433100")?.shortNames == ["湘西", "湘西州"])
        #expect(gazetteer.entry(code: "430529")?.shortNames == ["城步", "城步县"])
        #expect(gazetteer.entry(code: "150000")?.shortNames == ["内蒙古"])
    }

    @Test func aBannerNamedAfterItsPeopleIsShortenedOnlyWithTheUnitWord() {
        #expect(gazetteer.entry(code: "150723")?.shortNames == ["鄂伦春旗"])
    }

    @Test func noShortFormIsGenericOrASingleCharacter() {
        let generic = analysisConfiguration.localities.genericPlaceCharacters
        for entry in gazetteer.entries where entry.level != .province {
            for short in entry.shortNames {
                #expect(short.unicodeScalars.count >= 2, "\(entry.name): \(short)")
                #expect(!short.unicodeScalars.allSatisfy(generic.contains), "\(entry.name): \(short)")
            }
        }
        #expect(entries(named: "市中区").allSatisfy { $0.shortNames.isEmpty })
        #expect(entries(named: "城区").allSatisfy { $0.shortNames.isEmpty })
    }

    @Test func everydayWordsAreNotShortForms() {
        #expect(gazetteer.entry(code: "540622")?.shortNames == []) // 比如县: 比如 is "for example"
        #expect(gazetteer.entry(code: "450329")?.shortNames == []) // 资源县
        #expect(entries(named: "和平区").allSatisfy { !$0.shortNames.contains("和平") })
    }

    @Test func townshipsHaveNoShortForms() {
        #expect(gazetteer.entries.filter { $0.level == .street }.allSatisfy { $0.shortNames.isEmpty })
    }

    @Test func commentsAndBlankLinesAreSkipped() throws {
        let text = "# header\n\n430000\t\tprovince\t湖南省\t湖南\n430200\t430000\tcity\t株洲市\t株洲\n"
        let entries = try Gazetteer.parseTSV(Data(text.utf8))
        #expect(entries.map(\.code) == ["430000", "430200"])
        #expect(entries[1] == GazetteerEntry(code: "430200", name: "株洲市", level: .city, parentCode: "430000", shortNames: ["株洲"]))
    }

    @Test func lineWithMissingColumnsIsReportedWithItsNumber() {
        #expect(throws: GazetteerError.malformedLine(line: 2, reason: "expected 5 tab-separated columns, found 4")) {
            try Gazetteer.parseTSV(Data("430000\t\tprovince\t湖南省\t湖南\n430200\t430000\tcity\t株洲市\n".utf8))
        }
    }

    @Test func codeThatIsNotSixOrNineDigitsIsRejected() {
        #expect(throws: GazetteerError.malformedLine(line: 1, reason: "code '4302' is not 6 or 9 digits")) {
            try Gazetteer.parseTSV(Data("4302\t\tcity\t株洲市\t\n".utf8))
        }
    }

    @Test func unknownLevelIsRejected() {
        #expect(throws: GazetteerError.malformedLine(line: 1, reason: "unknown level 'town' for 430211001")) {
            try Gazetteer.parseTSV(Data("430211001\t\ttown\t嵩山路街道\t\n".utf8))
        }
    }

    @Test func unknownParentIsRejected() {
        let orphan = GazetteerEntry(code: "430200", name: "株洲市", level: .city, parentCode: "430000", shortNames: [])
        #expect(throws: GazetteerError.unknownParent(code: "430200", parent: "430000")) { try Gazetteer(entries: [orphan]) }
    }

    @Test func duplicateCodeIsRejected() {
        let city = GazetteerEntry(code: "430200", name: "株洲市", level: .city, parentCode: nil, shortNames: [])
        #expect(throws: GazetteerError.duplicateCode("430200")) { try Gazetteer(entries: [city, city]) }
    }

    @Test func parentBelowItsChildIsRejected() {
        let district = GazetteerEntry(code: "430211", name: "天元区", level: .district, parentCode: "430200", shortNames: [])
        let city = GazetteerEntry(code: "430200", name: "株洲市", level: .city, parentCode: "430211", shortNames: [])
        #expect(throws: GazetteerError.parentNotAbove(code: "430200", parent: "430211")) { try Gazetteer(entries: [district, city]) }
    }
}
