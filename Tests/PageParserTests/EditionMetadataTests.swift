import PageParser
import Testing

/// The paper, edition date, page label and section a page prints as furniture.
@Suite("Printed edition metadata")
struct EditionMetadataTests {
    func head(_ lines: String, sourceLocation: SourceLocation = #_sourceLocation) -> Page {
        parse("\(lines)\n\n标题\n\n张三\n\n\(filler)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("2023年10月12日 星期四", "2023-10-12"), ("2023年10月12日", "2023-10-12"), ("2023-10-12", "2023-10-12"),
        ("2023.10.12", "2023-10-12"), ("2023/10/12", "2023-10-12"), ("二〇二三年十月十二日", "2023-10-12"),
        ("二〇二四年二月二十九日 星期四", "2024-02-29"), ("２０２３年１０月１２日", "2023-10-12"), ("2023年9月8日 星期五", "2023-09-08"),
    ])
    func editionDateFormsAreReadAsISODates(line: String, iso: String) {
        #expect(head(line).printedDate == iso)
    }

    @Test(arguments: ["2023年2月30日 星期四", "2023-13-01 星期一", "2023年2月29日 星期三", "二〇二三年十三月一日 星期一", "2023年10月32日 星期四"])
    func impossibleDatesAreNoDates(line: String) {
        #expect(head(line).printedDate == nil)
    }

    @Test func monthAndDayWithoutAYearIsADatelineNotAnEditionDate() {
        let found = parse("标题\n\n本报讯（记者 王晓明）10月10日，记者从市粮食和物资储备局获悉，全市秋粮收购已过半，农民售粮顺畅。")
        #expect(found.printedDate == nil)
        #expect(found.articles.first?.dateline == "10月10日")
    }

    @Test func dateInsideASentenceIsNoEditionDate() {
        #expect(parse("标题\n\n张三\n\n2023年10月12日，全市秋粮收购已过半，农民售粮顺畅，粮食部门做好各项服务保障工作。").printedDate == nil)
    }

    @Test func datedLineClosingANoticeIsNoEditionDate() {
        let page = parse("""
        倡议书

        \(filler)

        株洲市文明办

        2023年10月10日

        下一篇稿件

        张三

        \(filler)
        """)
        #expect(page.printedDate == nil)
        #expect(page.articles.first?.paragraphs.contains("2023年10月10日") == true)
    }

    @Test func dateAloneAtThePageHeadIsTheEditionDate() {
        #expect(head("2023年10月12日").printedDate == "2023-10-12")
    }

    @Test func foliolLineGivesPaperDateLabelAndSection() {
        let page = head("光明日报　2023年10月12日　星期四　11版　理论·实践")
        #expect(page.newspaper == "光明日报")
        #expect(page.printedDate == "2023-10-12")
        #expect(page.pageLabel == "11版")
        #expect(page.section == "理论·实践")
        #expect(page.furniture.contains("光明日报　2023年10月12日　星期四　11版　理论·实践"))
        #expect(page.banners.isEmpty)
    }

    @Test func pageLabelWithSectionAfterAColon() {
        let page = head("第09版：理论")
        #expect(page.pageLabel == "第09版")
        #expect(page.section == "理论")
    }

    @Test(arguments: ["第3版", "A05", "04", "3版", "A5版", "第A03版"])
    func pageLabelIsKeptAsPrinted(label: String) {
        #expect(head(label).pageLabel == label)
    }

    @Test func pageLabelSplitBySpacesIsJoined() {
        #expect(head("《 人民日报 》（ 2023年10月12日 09 版）").pageLabel == "09版")
    }

    @Test func numberInsideAHeadingIsNoPageLabel() {
        let page = parse("政府工作报告45次提到“城市”\n\n张三\n\n\(filler)")
        #expect(page.pageLabel == nil)
    }

    @Test func folioAndEditorsOnOneLine() {
        let page = parse("标题\n\n张三\n\n\(filler)\n\n2024年3月12日　星期二　第3版　责任编辑：黄勇　校对：彭丽")
        #expect(page.printedDate == "2024-03-12")
        #expect(page.pageLabel == "第3版")
        #expect(page.editors.map(\.name) == ["黄勇", "彭丽"])
    }

    @Test func sectionBannerNextToPageFurnitureIsTheSection() {
        let page = parse("A06\n\n都市·民生\n\n责编/陈晨\n\n标题\n\n张三\n\n\(filler)")
        #expect(page.section == "都市·民生")
    }

    @Test func sectionBannerOpeningThePageIsTheSection() {
        #expect(parse("# 理论周刊\n\n## 标题\n\n张三\n\n\(filler)").section == "理论周刊")
    }

    @Test func columnBannerBetweenArticlesIsNoSection() {
        let page = parse("""
        第一篇

        张三

        \(filler)（作者系某单位干部）

        ## 观点摘编

        ### 第二篇

        \(filler)——李四（摘编自《人民日报》）
        """)
        #expect(page.banners == ["观点摘编"])
        #expect(page.section == nil)
    }

    @Test func longCampaignBannerIsNoSection() {
        #expect(head("深入学习宣传贯彻党的二十大精神").section == nil)
    }

    @Test func mastheadLineNamesThePaper() {
        let page = head("东安日报")
        #expect(page.newspaper == "东安日报")
        #expect(page.banners.isEmpty)
    }
}
