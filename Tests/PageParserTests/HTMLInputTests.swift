import Foundation
import PageParser
import Testing

/// HTML pages go through the same page rules as text once their markup is read.
@Suite("HTML pages")
struct HTMLInputTests {
    func html(_ body: String, file: String = "page.html", sourceLocation: SourceLocation = #_sourceLocation) -> Page {
        parse("<html><body>\(body)</body></html>", file: file, sourceLocation: sourceLocation)
    }

    @Test func paragraphsAreBlocksAndHeadingsHeadlines() {
        let page = html("<h1>推动乡村产业振兴</h1><p>谢文斌</p><p>\(filler)</p><p>第二段也是正文。</p>")
        #expect(page.sourceFormat == .html)
        #expect(page.articles.first?.title == "推动乡村产业振兴")
        #expect(page.articles.first?.authors.map(\.name) == ["谢文斌"])
        #expect(page.articles.first?.paragraphs == [filler, "第二段也是正文。"])
    }

    @Test func divListItemAndTableCellEachStartABlock() {
        let page = html("<div>标题</div><div>谢文斌</div><table><tr><td>\(filler)</td><td>表格里的第二段。</td></tr></table><ul><li>列表里的一段。</li></ul>")
        #expect(page.articles.first?.paragraphs == [filler, "表格里的第二段。", "列表里的一段。"])
    }

    @Test func inlineMarkupDoesNotBreakTheText() {
        let page = html("<h2>标题</h2><p>谢文斌</p><p>这是<span>一段</span><a href='x'>足够长的</a><em>正文内容</em>，用来确保文章不会被当作版面碎片处理，内容没有特别含义。</p>")
        #expect(page.articles.first?.paragraphs == ["这是一段足够长的正文内容，用来确保文章不会被当作版面碎片处理，内容没有特别含义。"])
    }

    @Test func lineBreakSplitsLinesInsideABlock() {
        let page = html("<p>标题<br>谢文斌</p><p>\(filler)</p>")
        #expect(page.articles.first?.title == "标题")
        #expect(page.articles.first?.authors.map(\.name) == ["谢文斌"])
    }

    @Test func namedDecimalAndHexadecimalEntitiesAreDecoded() {
        let page = html("<h1>标题</h1><p>谢文斌</p><p>&ldquo;数字&#20013;&#x56FD;&rdquo;建设&mdash;&mdash;正文内容足够长，用来确保文章不会被当作版面碎片处理&hellip;&hellip;没有特别含义。</p>")
        #expect(page.articles.first?.paragraphs == ["“数字中国”建设——正文内容足够长，用来确保文章不会被当作版面碎片处理……没有特别含义。"])
    }

    @Test func entityEdgeCasesFollowHTML() {
        // &nbsp without its semicolon is still a space; &#150; names the Windows-1252 en dash; &bogus; stays.
        let page = html("<h1>标题</h1><p>谢文斌</p><p>&amp;正文&#150;内容&bogus;足够长，用来确保文章不会被当作版面碎片处理，内容本身没有特别含义。</p>")
        #expect(page.articles.first?.paragraphs.first?.hasPrefix("&正文–内容&bogus") == true)
    }

    @Test func scriptStyleCommentsAndNavigationAreDropped() {
        let page = html("""
        <script>document.write("<p>脚本写出的文字</p>");</script><style>p { color: red }</style>
        <!-- 注释里的<p>文字</p> --><nav><a href="/">首页</a></nav>
        <h1>标题</h1><p>谢文斌</p><p>\(filler)</p>
        """)
        #expect(page.articles.map(\.title) == ["标题"])
        #expect(page.articles.first?.paragraphs == [filler])
        #expect(!page.banners.contains("首页"))
    }

    @Test func imageWithTheLineUnderItIsACaption() {
        let page = html("<h1>标题</h1><p>谢文斌</p><p>\(filler)</p><p><img src='a.jpg' alt=''><br>工人正在调试智能生产线。新华社记者 周航 摄</p><p>第二段正文。</p>")
        #expect(page.articles.first?.captions == [Caption(text: "工人正在调试智能生产线。新华社记者 周航 摄", credit: "新华社记者 周航 摄")])
        #expect(page.articles.first?.paragraphs == [filler, "第二段正文。"])
    }

    @Test func captionUnderAnImageNeedsNoCredit() {
        let page = html("<h1>标题</h1><p>谢文斌</p><p>\(filler)</p><figure><img src='a.jpg'><figcaption>村民在合作社分拣柑橘。</figcaption></figure>")
        #expect(page.articles.first?.captions == [Caption(text: "村民在合作社分拣柑橘。", credit: nil)])
        #expect(page.furniture.contains("![](a.jpg)"))
    }

    @Test func longTextAfterAnImageIsBodyNotCaption() {
        let long = String(repeating: filler, count: 4)
        let page = html("<h1>标题</h1><p>谢文斌</p><img src='a.jpg'><p>\(long)</p>")
        #expect(page.articles.first?.captions.isEmpty == true)
        #expect(page.articles.first?.paragraphs == [long])
    }

    @Test func kickerHeadlineAndSubtitleComeFromHeadingLevels() {
        let page = html("<h3>把握数字经济发展新机遇</h3><h1>以数字化转型推动实体经济提质增效</h1><h2>从一批制造业企业的探索看</h2><h4>宋立新</h4><p>\(filler)</p>")
        let found = page.articles.first
        #expect(found?.kicker == "把握数字经济发展新机遇")
        #expect(found?.title == "以数字化转型推动实体经济提质增效")
        #expect(found?.subtitle == "从一批制造业企业的探索看")
        #expect(found?.authors == [Person(name: "宋立新", role: .author)])
    }

    @Test func boldParagraphIsASubheading() {
        let page = html("<h1>标题</h1><p>谢文斌</p><p>\(filler)</p><p><strong>以数据要素激活生产全链条</strong></p><p>数据是数字化转型的关键要素。</p>")
        #expect(page.articles.first?.subheadings == [Subheading(index: 1, text: "以数据要素激活生产全链条")])
    }

    @Test func metaCharsetIsHonouredForGBKPages() throws {
        // <meta charset="gbk"> then 标题 (B1 EA CC E2) in an h1, 张三 (D5 C5 C8 FD), and 中文 repeated.
        var bytes = Array("<html><head><meta charset=\"gbk\"></head><body><h1>".utf8) + [0xB1, 0xEA, 0xCC, 0xE2]
        bytes += Array("</h1><p>".utf8) + [0xD5, 0xC5, 0xC8, 0xFD] + Array("</p><p>".utf8)
        for _ in 0..<30 { bytes += [0xD6, 0xD0, 0xCE, 0xC4] }
        bytes += Array("</p></body></html>".utf8)
        let page = try parser.parse(data: Data(bytes), fileName: "page.html")
        #expect(page.sourceEncoding == .gb18030)
        #expect(page.articles.first?.title == "标题")
    }

    @Test func staleMetaCharsetOnUTF8BytesIsIgnored() throws {
        let text = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><h1>标题</h1><p>谢文斌</p><p>\(filler)</p></body></html>"
        let page = try parser.parse(data: Data(text.utf8), fileName: "page.html")
        #expect(page.sourceEncoding == .utf8)
        #expect(page.articles.first?.title == "标题")
    }

    @Test func htmlIsRecognisedByItsFirstTagWithoutAnExtension() {
        let page = parse("<!DOCTYPE html>\n<h1>标题</h1><p>谢文斌</p><p>\(filler)</p>", file: "upload")
        #expect(page.sourceFormat == .html)
        #expect(page.articles.first?.title == "标题")
    }

    @Test func textFormatKeepsMarkupAsText() throws {
        let page = try parser.parse(pageText: "标题\n\n谢文斌\n\n<b>加粗</b>的\(filler)", fileName: "page.html", format: .text)
        #expect(page.sourceFormat == .text)
        #expect(page.articles.first?.paragraphs.first?.hasPrefix("<b>加粗</b>") == true)
    }
}
