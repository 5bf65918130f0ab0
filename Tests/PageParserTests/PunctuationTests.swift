import PageParser
import Testing

/// `standardizeChinesePunctuation`: one behaviour per test, the text inline.
@Suite("Standard Chinese punctuation in Chinese context")
struct PunctuationTests {
    @Test func commaAfterAChineseCharacterBecomesFullWidth() {
        #expect(standardizeChinesePunctuation("当前,长沙市正在开展主题教育") == "当前，长沙市正在开展主题教育")
    }

    @Test func colonSemicolonQuestionAndExclamationMarksBecomeFullWidth() {
        #expect(standardizeChinesePunctuation("他说:好;你呢?太好了!") == "他说：好；你呢？太好了！")
    }

    @Test func markAfterAClosingQuoteIsChinese() {
        #expect(standardizeChinesePunctuation("打造“网办到家”,服务群众") == "打造“网办到家”，服务群众")
    }

    @Test func parenthesesAroundChineseTextBecomeFullWidth() {
        #expect(standardizeChinesePunctuation("湖南(国际)绿色建造科技博览园") == "湖南（国际）绿色建造科技博览园")
    }

    @Test func parenthesesAroundLatinTextStay() {
        #expect(standardizeChinesePunctuation("这款O1(Pro)型号投影仪") == "这款O1(Pro)型号投影仪")
    }

    @Test func parenthesesAroundANumberStay() {
        #expect(standardizeChinesePunctuation("(1)加强组织领导") == "(1)加强组织领导")
    }

    @Test func thousandsSeparatorStays() {
        #expect(standardizeChinesePunctuation("全年接待游客1,000万人次") == "全年接待游客1,000万人次")
    }

    @Test func decimalPointAndPercentStay() {
        #expect(standardizeChinesePunctuation("增长3.5%") == "增长3.5%")
    }

    @Test func timeOfDayStays() {
        #expect(standardizeChinesePunctuation("会议于10:30开始") == "会议于10:30开始")
    }

    @Test func colonAttachedToLatinTextStays() {
        #expect(standardizeChinesePunctuation("支持IPv6:的地址") == "支持IPv6:的地址")
    }

    @Test func commaEndingAChineseClauseAfterANumberChanges() {
        #expect(standardizeChinesePunctuation("增长6%,居全省第一") == "增长6%，居全省第一")
    }

    @Test func commaAfterALatinWordBeforeChineseChanges() {
        #expect(standardizeChinesePunctuation("IPv6,即新一代互联网技术") == "IPv6，即新一代互联网技术")
    }

    @Test func urlStaysUntouched() {
        #expect(standardizeChinesePunctuation("详见http://www.gov.cn/a?b=1,2&c=3:4,欢迎访问") == "详见http://www.gov.cn/a?b=1,2&c=3:4，欢迎访问")
    }

    @Test func emailAddressStaysUntouched() {
        #expect(standardizeChinesePunctuation("投稿邮箱:news_desk@zz.cn,欢迎来稿") == "投稿邮箱：news_desk@zz.cn，欢迎来稿")
        #expect(standardizeChinesePunctuation("联系a@b.cn") == "联系a@b.cn")
    }

    @Test func latinSentenceStaysUntouched() {
        #expect(standardizeChinesePunctuation("He said: yes, (maybe) no!") == "He said: yes, (maybe) no!")
    }

    @Test func textWithoutASCIIMarksIsReturnedAsIs() {
        let text = "构建亲清政商关系是营造良好政治生态的重要保障。"
        #expect(standardizeChinesePunctuation(text) == text)
    }

    @Test func servedTextIsStandardButAffiliationStaysAsPrinted() {
        let found = article("标题:副题\n\n张三\n\n当前,长沙市正在开展主题教育,内容足够长,不会被当作版面碎片处理掉,没有特别含义。(作者单位:某党校)")
        #expect(found.title == "标题：副题")
        #expect(found.paragraphs == ["当前，长沙市正在开展主题教育，内容足够长，不会被当作版面碎片处理掉，没有特别含义。"])
        #expect(found.affiliation == "作者单位:某党校")
    }
}
