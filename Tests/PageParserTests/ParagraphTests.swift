import PageParser
import Testing

@Suite("Body paragraphs: reflow, spacing, duplicates")
struct ParagraphTests {
    @Test func paragraphCutMidSentenceContinuesAcrossABlankLine() {
        let found = article("""
        标题

        张三

        这次在读书班的所学、所思、所悟,都将

        转化为抓工作、促发展的新思路、新招数、新举措。
        """)
        #expect(found.paragraphs == ["这次在读书班的所学、所思、所悟，都将转化为抓工作、促发展的新思路、新招数、新举措。"])
    }

    @Test func paragraphEndingASentenceIsNotJoinedToTheNext() {
        let found = article("""
        标题

        张三

        \(filler)

        接下来的工作中,我将重点从三个方面着力。
        """)
        #expect(found.paragraphs.count == 2)
    }

    @Test func paragraphContinuesAcrossACaptionPrintedInTheMiddle() {
        let found = article("""
        标题

        株洲日报全媒体记者/吴楚

        成为试点城市,株洲工业互联网、智慧城市等信息化建设工作,无疑将迈

        田心路
        通车
        吴楚/摄

        向更高水平。
        """)
        #expect(found.paragraphs == ["成为试点城市，株洲工业互联网、智慧城市等信息化建设工作，无疑将迈向更高水平。"])
        #expect(found.captions.map(\.text) == ["田心路通车 吴楚/摄"])
    }

    @Test func paragraphContinuesAcrossAnEditorLine() {
        let page = parse("""
        标题

        张三

        聚焦调优产业结构,深入实施“双十双百双

        责任编辑:胡乐

        千”工程,持续推动“三链两群”向产业高端化发展。
        """)
        #expect(page.articles.first?.paragraphs == ["聚焦调优产业结构，深入实施“双十双百双千”工程，持续推动“三链两群”向产业高端化发展。"])
        #expect(page.editors == [EditorCredit(role: "责任编辑", name: "胡乐", normalizedRole: .editor)])
    }

    @Test func cutBeforeAnEnumeratedParagraphIsNotRejoined() {
        let found = article("""
        标题

        张三

        同时建立联动机制,实现市、区县两级联动,以及各

        二是建立了常态机制。每周三市区县同步召开“周恳谈”。
        """)
        #expect(found.paragraphs.count == 2)
        #expect(found.paragraphs.last?.hasPrefix("二是") == true)
    }

    @Test func textStoppingOnAPauseMarkAlwaysContinues() {
        let found = article("""
        标题

        张三

        一是搭建了高规格的、区县联动、

        各部门协同工作机制。
        """)
        #expect(found.paragraphs == ["一是搭建了高规格的、区县联动、各部门协同工作机制。"])
    }

    @Test func shortUnpunctuatedLineThatStartsACutSentenceIsBodyText() {
        let found = article("""
        标题

        张三

        以体系协同推进市域社会治理现代化。体系协同是市域社会治理现代化的行动依据。

        以主体协同推进市域社会治理

        现代化。主体协同是市域社会治理现代化的目标所指。
        """)
        #expect(found.subheadings.isEmpty)
        #expect(found.paragraphs.last == "以主体协同推进市域社会治理现代化。主体协同是市域社会治理现代化的目标所指。")
    }

    @Test func shortLineWithManyPausesIsACutPieceOfTextNotASubheading() {
        let found = article("""
        标题

        株洲日报全媒体记者/谭昕吾

        \(filler)

        积极高效的组织力,激发了更多力量,商家也纷纷贡献力量,一家餐厅

        主动为每桌赠送“全家福”头碗。
        """)
        #expect(found.subheadings.isEmpty)
        #expect(found.paragraphs.last == "积极高效的组织力，激发了更多力量，商家也纷纷贡献力量，一家餐厅主动为每桌赠送“全家福”头碗。")
    }

    @Test func spacesBetweenCJKCharactersAreRemovedInBodyText() {
        let found = article("""
        标题

        张三

        构建亲清政商关系是营造良好政 治生态、优化营商环境的重要保障。 3月6日, 习近平总书 记指出,要把构建亲清政商关系落到实处。
        """)
        #expect(found.paragraphs == ["构建亲清政商关系是营造良好政治生态、优化营商环境的重要保障。3月6日，习近平总书记指出，要把构建亲清政商关系落到实处。"])
    }

    @Test func spacesAroundLatinWordsAreKept() {
        let found = article("""
        标题

        张三

        在南太湖 App 上建立市级恳谈会企业家线上报名专栏,全国 IPv6 技术创新试点 城市。
        """)
        #expect(found.paragraphs == ["在南太湖 App 上建立市级恳谈会企业家线上报名专栏，全国 IPv6 技术创新试点城市。"])
    }

    @Test func verbatimDuplicateParagraphIsDroppedAndCounted() {
        let repeated = "汲取奋进之力，推动工作高质量发展。党的二十大精神指出，高质量发展是首要任务。"
        let found = article("""
        标题

        张三

        \(filler)

        \(repeated)

        \(repeated)

        最后一段。
        """)
        #expect(found.paragraphs == [filler, repeated, "最后一段。"])
        #expect(found.duplicatesRemoved == 1)
    }

    @Test func shortRepeatedParagraphIsKept() {
        let found = article("""
        标题

        张三

        \(filler)

        是的。

        是的。
        """)
        #expect(found.paragraphs == [filler, "是的。", "是的。"])
        #expect(found.duplicatesRemoved == 0)
    }

    @Test func hardWrappedLinesOfOneParagraphAreJoined() {
        let found = article("""
        标题

        张三

        市域社会治理现代化是国家治理现代化的前提,事关人民安居乐业、
        事关社会安定有序、事关国家长治久安,发挥着承上启下的作用,具有
        重要的支柱、枢纽、牵引作用。
        """)
        #expect(found.paragraphs == ["市域社会治理现代化是国家治理现代化的前提，事关人民安居乐业、事关社会安定有序、事关国家长治久安，发挥着承上启下的作用，具有重要的支柱、枢纽、牵引作用。"])
    }

    @Test func boldMarksInsideAParagraphAreRemoved() {
        let found = article("""
        标题

        张三

        "亲清直通车·政企恳谈会"体现 **了共产党执政为民的内在逻辑**。党的二十大报告提出"六个坚持"。
        """)
        #expect(found.paragraphs == ["\"亲清直通车·政企恳谈会\"体现了共产党执政为民的内在逻辑。党的二十大报告提出\"六个坚持\"。"])
    }

    @Test func doubleUnderscoresAreTextNotMarkup() {
        let found = article("""
        标题

        张三

        脚本里写着window.__xss=1,文件名是a__b.txt,这些字符要原样保留。
        """)
        #expect(found.paragraphs == ["脚本里写着window.__xss=1，文件名是a__b.txt，这些字符要原样保留。"])
    }
}
