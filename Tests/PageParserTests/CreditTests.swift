import PageParser
import Testing

@Suite("Closing credits and reprint sources")
struct CreditTests {
    @Test func creditClosingTheLastParagraphIsTheAffiliation() {
        let found = article("""
        标题

        张作林

        认真贯彻落实中央八项规定及其实施细则精神,持续构建风清气正的良好政治生态。(作者系中共宁乡市委书记)
        """)
        #expect(found.affiliation == "作者系中共宁乡市委书记")
        #expect(found.credit == Credit(organisations: ["中共宁乡市委"], positions: ["书记"]))
        #expect(found.paragraphs.last == "认真贯彻落实中央八项规定及其实施细则精神，持续构建风清气正的良好政治生态。")
    }

    @Test func creditOnItsOwnLineWithColon() {
        let found = article("""
        标题

        廖欢

        \(filler)

        (作者单位:中共长沙市委党校)
        """)
        #expect(found.affiliation == "作者单位:中共长沙市委党校")
        #expect(found.credit == Credit(organisations: ["中共长沙市委党校"], positions: []))
    }

    @Test func creditWithXiAfterUnit() {
        let found = article("""
        标题

        \(filler)

        (作者单位系湖州学院)
        """)
        #expect(found.affiliation == "作者单位系湖州学院")
        #expect(found.credit.organisations == ["湖州学院"])
    }

    @Test func bracketedCreditKeepsNestedParenthesesInOneOrganisation() {
        let found = article("""
        标题

        李詹

        \(filler)[作者系湖南省社会科学院(省人民政府发展研究中心)经济研究所助理研究员、湖南省省情与决策咨询研究基地特约研究员]
        """)
        #expect(found.affiliation == "作者系湖南省社会科学院(省人民政府发展研究中心)经济研究所助理研究员、湖南省省情与决策咨询研究基地特约研究员")
        #expect(found.credit.organisations == ["湖南省社会科学院(省人民政府发展研究中心)经济研究所", "湖南省省情与决策咨询研究基地"])
        #expect(found.credit.positions == ["助理研究员", "特约研究员"])
    }

    @Test func positionsAfterTheFirstShareTheOrganisation() {
        let found = article("""
        标题

        杨应龙

        \(filler)(作者系长沙市人民政府行政审批服务局党组书记、局长)
        """)
        #expect(found.credit == Credit(organisations: ["长沙市人民政府行政审批服务局"], positions: ["党组书记", "局长"]))
    }

    @Test func eachSegmentSplitsIntoOrganisationAndPosition() {
        let found = article("""
        标题

        任显智

        \(filler)(作者系开州区委常委、宣传部部长)
        """)
        #expect(found.credit == Credit(organisations: ["开州区委", "宣传部"], positions: ["常委", "部长"]))
    }

    @Test func projectNoteInACreditIsNotAnOrganisation() {
        let found = article("""
        标题

        马丙合

        \(filler)

        (作者系西南政法大学国家安全学院博士、巫溪县委宣传部部长,本文为重庆市教委人文社科研究项目)
        """)
        #expect(found.credit == Credit(organisations: ["西南政法大学国家安全学院", "巫溪县委宣传部"], positions: ["博士", "部长"]))
        #expect(found.affiliation?.hasSuffix("本文为重庆市教委人文社科研究项目") == true)
    }

    @Test func severalUnitsAreSeveralOrganisations() {
        let found = article("""
        标题

        肖钊 彭鑫

        \(filler)(作者单位:湘潭大学出版社、株洲市委党校)
        """)
        #expect(found.credit.organisations == ["湘潭大学出版社", "株洲市委党校"])
    }

    @Test func reprintCreditIsTheSource() {
        let found = article("""
        ## 发展未来产业要有长效机制

        \(filler)

        (载《经济日报》)
        """)
        #expect(found.source == "载《经济日报》")
        #expect(found.affiliation == nil)
    }

    @Test func parenthesisThatIsNotACreditStaysInTheBody() {
        let found = article("""
        标题

        张三

        \(filler)这里提到了一个机构(市发展改革委)
        """)
        #expect(found.affiliation == nil)
        #expect(found.paragraphs.last?.hasSuffix("（市发展改革委）") == true)
    }
}
