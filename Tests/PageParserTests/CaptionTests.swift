import PageParser
import Testing

@Suite("Photo captions are taken out of the body with their credit")
struct CaptionTests {
    @Test(arguments: [
        ("湖南长城生产的O1型号投影仪仅巴掌大小，已在海外销售几千台。受访企业供图", "受访企业供图"),
        ("唐人神家园小区为二月份过生日的老年居民庆生。记者谭昕吾摄", "记者谭昕吾摄"),
        ("田心路通车 吴楚/摄", "吴楚/摄"),
        ("志愿者在社区开展义诊活动 本报记者 王晓明 摄", "本报记者 王晓明 摄"),
    ])
    func captionCreditFormsAreRecognised(caption: String, credit: String) {
        let found = article("""
        标题

        株洲日报全媒体记者/吴楚

        \(filler)

        \(caption)

        \(filler)再补一句。
        """)
        #expect(found.captions == [Caption(text: caption, credit: credit)])
        #expect(found.paragraphs.allSatisfy { !$0.contains(credit) })
    }

    @Test func captionBlockOfSeveralLinesIsOneCaption() {
        let found = article("""
        标题

        株洲日报全媒体记者/吴楚

        \(filler)

        田心路
        试通车后
        车流顺畅
        吴楚/摄
        """)
        #expect(found.captions == [Caption(text: "田心路试通车后车流顺畅 吴楚/摄", credit: "吴楚/摄")])
    }

    @Test func captionBlockDescribingTwoPhotosIsSplitAtThePointingMark() {
        let found = article("""
        标题

        株洲日报全媒体记者/吴楚

        \(filler)

        田心路
        通车
        ▼老旧小区
        加装电梯
        吴楚/摄
        """)
        #expect(found.captions == [
            Caption(text: "田心路通车 吴楚/摄", credit: "吴楚/摄"), Caption(text: "老旧小区加装电梯 吴楚/摄", credit: "吴楚/摄"),
        ])
    }

    @Test func captionBetweenTwoArticlesGoesToTheOneItDescribes() {
        let page = parse("""
        湖南长城海外销售火爆

        株洲日报全媒体记者/潘东晓

        湖南长城不断上新投影仪、服务器、台式机、笔记本等产品,畅通国际销售渠道,海外销售十分火爆。

        唐人神家园小区为二月份过生日的老年居民庆生。记者谭昕吾摄

        小区办“家宴” 烹出基层治理幸福味

        株洲日报全媒体记者/谭昕吾

        近日,天元区泰山路街道唐人神家园小区里,117名老人共享“家宴”,让百家成一家。
        """)
        #expect(page.articles.count == 2)
        #expect(page.articles.first?.captions.isEmpty == true)
        #expect(page.articles.last?.captions.map(\.credit) == ["记者谭昕吾摄"])
    }

    @Test func sentenceEndingInPhotographWordIsNotACaption() {
        let found = article("""
        标题

        张三

        \(filler)

        这张照片由记者在现场拍摄。
        """)
        #expect(found.captions.isEmpty)
        #expect(found.paragraphs.count == 2)
    }

    @Test func eachPartOfASplitCaptionKeepsItsOwnCredit() {
        let found = article("""
        标题

        株洲日报全媒体记者/吴楚

        \(filler)

        ▲市民在湘江边晨练。记者 李涛 摄 ▼工作人员清理河道漂浮物。记者 王可 摄
        """)
        #expect(found.captions == [
            Caption(text: "市民在湘江边晨练。记者 李涛 摄", credit: "记者 李涛 摄"),
            Caption(text: "工作人员清理河道漂浮物。记者 王可 摄", credit: "记者 王可 摄"),
        ])
    }

    @Test func captionsIntroducedAsUpperAndLowerPhotoAreSplit() {
        let found = article("""
        标题

        株洲日报全媒体记者/吴楚

        \(filler)

        上图：新建成的口袋公园。下图：居民在公园里休闲。 吴楚/摄
        """)
        #expect(found.captions.map(\.text) == ["新建成的口袋公园。 吴楚/摄", "居民在公园里休闲。 吴楚/摄"])
    }

    @Test func singlePointingMarkIsDroppedFromItsCaption() {
        let found = article("""
        标题

        株洲日报全媒体记者/吴楚

        \(filler)

        ▲ 村民在合作社分拣柑橘。 通讯员 蒋文华 摄
        """)
        #expect(found.captions == [Caption(text: "村民在合作社分拣柑橘。 通讯员 蒋文华 摄", credit: "通讯员 蒋文华 摄")])
    }

    @Test func captionAtThePageFootGoesToTheArticleOfItsPhotographer() {
        let page = parse("""
        红色驿站为户外劳动者撑起歇脚港

        \(filler)（衡州日报全媒体记者 黄磊 文/图）

        老街焕新颜

        \(filler)（记者 孙悦）

        市民在“红色驿站”内休息。 黄磊 摄
        """)
        #expect(page.articles.map { $0.captions.count } == [1, 0])
    }
}
