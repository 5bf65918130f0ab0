import PageParser
import Testing

@Suite("Page furniture is never an article or body text")
struct FurnitureTests {
    @Test func editorLineGivesEditorCreditsWithSpacedNamesJoined() {
        let page = parse("""
        ▶28891459 责任编辑:叶新福 邹家虎 美术编辑:赵 强 校对:张 武

        标题

        张三

        \(filler)
        """)
        #expect(page.editors == [
            EditorCredit(role: "责任编辑", name: "叶新福", normalizedRole: .editor), EditorCredit(role: "责任编辑", name: "邹家虎", normalizedRole: .editor),
            EditorCredit(role: "美术编辑", name: "赵强", normalizedRole: .artEditor), EditorCredit(role: "校对", name: "张武", normalizedRole: .proofreader),
        ])
        #expect(page.furniture.contains("▶28891459 责任编辑:叶新福 邹家虎 美术编辑:赵 强 校对:张 武"))
    }

    @Test func submissionEmailLineIsFurniture() {
        let page = parse("""
        标题

        张三

        \(filler)

        本版投稿邮箱: hzrb118yeban@163.com 邮件主题请注明"思学"二字。
        """)
        #expect(page.emails == ["hzrb118yeban@163.com"])
        #expect(page.articles.first?.paragraphs == [filler])
    }

    @Test func pageNumberLineIsFurniture() {
        let page = parse("""
        第3版

        标题

        张三

        \(filler)
        """)
        #expect(page.pageNumbers == ["第3版"])
        #expect(page.articles.count == 1)
    }

    @Test func dottedColumnNameIsABannerNotAnAuthor() {
        let page = parse("""
        智库·理论

        投稿邮箱:zrbxclt@126.com

        以党的二十大精神为指引 推动工作再上新台阶

        谭学扬

        \(filler)
        """)
        #expect(page.banners == ["智库·理论"])
        #expect(page.articles.first.map { names($0.authors) } == ["谭学扬"])
        #expect(page.articles.first?.title == "以党的二十大精神为指引 推动工作再上新台阶")
    }

    @Test func newspaperNameComesFromTheByline() {
        let page = parse("""
        标题

        株洲日报全媒体记者/吴楚

        \(filler)
        """)
        #expect(page.newspaper == "株洲日报")
    }

    @Test func tinyTextBeforeTheFirstArticleIsAPageFragment() {
        let page = parse("""
        力铸造红色熔炉

        学而时习之。

        ## 第一篇文章

        \(filler)(作者单位系湖州学院)
        """)
        #expect(page.articles.map(\.title) == ["第一篇文章"])
        #expect(page.fragments == ["力铸造红色熔炉", "学而时习之。"])
    }

    @Test func displacedSentenceTailIsPutBackWhereThePageSaysItBelongs() {
        let page = parse("""
        部门联动。

        ## 第一篇文章

        一是搭建了高规格的工作机制。同时建立联动机制,实现市、区县两级联动,以及各

        二是建立了常态机制。各部门现场解答、现场交办,移交各部门限期解决。

        (作者单位系湖州学院)
        """)
        #expect(page.fragments.isEmpty)
        #expect(page.articles.first?.paragraphs.first == "一是搭建了高规格的工作机制。同时建立联动机制，实现市、区县两级联动，以及各部门联动。")
    }

    @Test func fragmentWithoutEvidenceStaysAFragment() {
        let page = parse("""
        毫无关联。

        ## 第一篇文章

        同时建立联动机制,以及各

        二是建立了常态机制。

        (作者单位系湖州学院)
        """)
        #expect(page.fragments == ["毫无关联。"])
    }

    @Test func legalNoticeIsFurnitureNotBodyText() {
        let page = parse("标题\n\n张三\n\n\(filler)\n\n人民网版权所有，未经书面授权禁止使用\n\nCopyright © 1997-2023 by www.people.com.cn. all rights reserved")
        #expect(page.articles.first?.paragraphs == [filler])
        #expect(page.furniture.contains("人民网版权所有，未经书面授权禁止使用"))
    }

    @Test func suppliedByCreditIsTheSourceAndClosesTheArticle() {
        let page = parse("标题\n\n张三\n\n\(filler)\n\n（三市镇供稿）\n\n我县举办春季招聘会\n\n\(filler)")
        #expect(page.articles.first?.source == "三市镇供稿")
        #expect(page.articles.map(\.title) == ["标题", "我县举办春季招聘会"])
    }
}
