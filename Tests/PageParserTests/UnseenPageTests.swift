import TestSupport
import Foundation
import PageParser
import Testing

/// Pages written for these tests in the style of other papers, after the rules were written: the
/// rules must hold on layouts they were not tuned to.
@Suite("Pages the rules were not written for")
struct UnseenPageTests {
    func fixture(_ name: String) throws -> Page {
        let url = repositoryRoot.appendingPathComponent("Tests/PageParserTests/Fixtures/\(name)")
        return try parser.parse(data: try Data(contentsOf: url), fileName: name)
    }

    @Test func cityNewsPageFromAnotherPaper() throws {
        let page = try fixture("xiangjiang_city_news.txt")
        #expect(page.newspaper == "湘江晚报")
        #expect(page.pageNumbers == ["A05"])
        #expect(page.editors == [EditorCredit(role: "编辑", name: "李明", normalizedRole: .editor), EditorCredit(role: "校对", name: "王芳", normalizedRole: .proofreader)])
        #expect(page.articles.count == 2)

        let first = try #require(page.articles.first)
        #expect(first.kicker == "岳麓区望岳街道——")
        #expect(first.title == "老旧小区“微改造” 居民家门口添了口袋公园")
        #expect(first.kind == .news)
        #expect(first.authors == [
            Person(name: "周敏", role: .reporter), Person(name: "黄晓丽", role: .correspondent),
            Person(name: "陈思", role: .intern),
        ])
        #expect(first.dateline == "11月3日")
        #expect(first.paragraphs.first == "“以前这里是堆杂物的空地，现在成了我们遛弯的好去处。”11月3日，岳麓区望岳街道银杉园社区居民刘大爷指着新建成的口袋公园说。")
        #expect(first.subheadings.map(\.text) == ["居民说了算 改造更贴心", "长效管护 守住改造成果"])
        #expect(first.captions == [Caption(text: "社区居民在新建的口袋公园里休闲 图片由望岳街道提供", credit: "图片由望岳街道提供")])
        #expect(first.paragraphs.last == "下一步，望岳街道将总结推广银杉园社区的经验做法，计划明年再完成8个小区的改造提升。")
        #expect(first.paragraphs.count == 6)

        let second = try #require(page.articles.last)
        #expect(second.title == "雨花区：24小时自助政务服务点覆盖所有街道")
        #expect(second.authors == [Person(name: "吴昊", role: .reporter)])
        #expect(second.dateline == "11月5日")
        #expect(second.paragraphs.count == 2)
    }

    @Test func theoryPageWithEditorsNoteSubtitleAndDigest() throws {
        let page = try fixture("xiangtan_theory_page.txt")
        #expect(page.emails == ["xtrbllzk@163.com"])
        #expect(page.banners.contains("理论周刊"))
        #expect(page.articles.map(\.title) == [nil, "以“网格+”赋能城市基层治理", "推动乡村产业振兴的三个着力点", "以高质量党建引领高质量发展"])
        #expect(page.articles.map(\.kind) == [.editorial, .theory, .theory, .digest])
        #expect(page.articles.first?.paragraphs.first?.hasPrefix("编者按：为深入研究") == true)

        let grid = page.articles[1]
        #expect(grid.subtitle == "——以湘潭市雨湖区为例")
        #expect(names(grid.authors) == ["欧阳明", "刘洋"])
        #expect(grid.affiliation == "作者单位:湘潭大学马克思主义学院")
        #expect(grid.subheadings.map(\.text) == ["一、以党建为引领，织密组织网络。", "二、以服务为中心，回应群众需求。", "三、以平安为底线，化解矛盾纠纷。"])
        #expect(grid.paragraphs.count == 4)

        let rural = page.articles[2]
        #expect(rural.credit == Credit(organisations: ["湘潭市农业农村局"], positions: ["党组书记", "局长"]))
        #expect(rural.paragraphs.count == 4)
        #expect(rural.paragraphs[1].hasSuffix("持续扩大特色产业的市场影响力。"))

        let digest = page.articles[3]
        #expect(digest.authors == [Person(name: "王建国", role: .author)])
        #expect(digest.source == "摘编自《学习时报》")
    }
}
