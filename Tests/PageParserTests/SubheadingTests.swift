import PageParser
import Testing

@Suite("Subheadings stay in place, out of the body text")
struct SubheadingTests {
    @Test func boldLeadSentenceBecomesASubheadingBeforeItsParagraph() {
        let found = article("""
        标题

        张作林

        主要有三个方面的理解和收获:

        **一是学出了政治判断力,观大势的信念更加坚定。**通过系统全面学习研读主题教育确定的学习材料,有了更深理解。
        """)
        #expect(found.subheadings == [Subheading(index: 1, text: "一是学出了政治判断力，观大势的信念更加坚定。")])
        #expect(found.paragraphs.last == "通过系统全面学习研读主题教育确定的学习材料，有了更深理解。")
    }

    @Test func wholeBoldLineIsASubheading() {
        let found = article("""
        标题

        张作林

        接下来的工作中,我将重点从三个方面着力:

        **一、着力在“深化”上下功夫**

        发挥“钻”和“挤”的精神,切实增强学习责任感紧迫感。
        """)
        #expect(found.subheadings == [Subheading(index: 1, text: "一、着力在“深化”上下功夫")])
        #expect(found.paragraphs.count == 2)
    }

    @Test func deeperMarkdownHeadingInsideAnArticleIsASubheading() {
        let found = article("""
        # 如何理解把握“新质生产力”

        李詹

        \(filler)

        ## 新质生产力的理论内涵

        生产力是人们生产物质资料的能力。
        """)
        #expect(found.subheadings == [Subheading(index: 1, text: "新质生产力的理论内涵")])
        #expect(found.paragraphs == [filler, "生产力是人们生产物质资料的能力。"])
    }

    @Test func shortStandaloneLineInsideAnOpenArticleIsASubheading() {
        let found = article("""
        政府工作报告45次提到“城市”

        株洲日报全媒体记者/吴楚

        也正如报告所指出的那样,“让株洲成为一座来了就不想走的城市”。

        因为质变,赢得更多机遇

        1月10日,株洲发布2022年度制造业“亩均英雄榜”50强。
        """)
        #expect(found.subheadings == [Subheading(index: 1, text: "因为质变，赢得更多机遇")])
        #expect(found.paragraphs.count == 2)
    }

    @Test func newsSubheadingKeepsTheSpaceBetweenItsHalves() {
        let found = article("""
        标题

        株洲日报全媒体记者/谭昕吾

        近日,小区里117名老人共享“家宴”。

        多方携手组织 百名老人共度重阳佳节

        当天活动现场,小区老人走出家门。
        """)
        #expect(found.subheadings.map(\.text) == ["多方携手组织 百名老人共度重阳佳节"])
    }

    @Test func questionStandingAloneIsBodyTextNotASubheading() {
        let found = article("""
        标题

        株洲日报全媒体记者/吴楚

        株洲必须面对最基本的问题是:

        如何让人生活得更美好?
        """)
        #expect(found.subheadings.isEmpty)
        #expect(found.paragraphs == ["株洲必须面对最基本的问题是：", "如何让人生活得更美好？"])
    }
}
