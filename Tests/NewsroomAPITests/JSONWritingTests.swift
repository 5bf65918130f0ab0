import Foundation
import JSONValue
import Testing

@Suite("JSON writing: escapes")
struct JSONWritingTests {
    func written(_ text: String) -> String { JSON.string(text).serializedString() }

    @Test func chineseTextIsWrittenAsUTF8WithoutEscapes() {
        #expect(written("株洲日报“志愿服务”") == "\"株洲日报“志愿服务”\"")
    }

    @Test func quotesAndBackslashesAreEscaped() {
        #expect(written(#"他说"好"\完"#) == #""他说\"好\"\\完""#)
    }

    @Test func lineBreaksAndTabsHaveShortEscapes() {
        #expect(written("一\n二\r三\t四") == #""一\n二\r三\t四""#)
    }

    @Test func otherControlCharactersAndDeleteAreUnicodeEscapes() {
        #expect(written("a\u{01}b\u{1F}c\u{7F}") == #""a\u0001b\u001fc\u007f""#)
    }

    @Test func lineAndParagraphSeparatorsAreEscapedForJavaScript() {
        #expect(written("前\u{2028}中\u{2029}后") == #""前\u2028中\u2029后""#)
    }

    @Test func otherCharactersStartingWithTheSeparatorsLeadByteStayAsTheyAre() {
        // U+2026 and U+201C share the lead bytes E2 80 with U+2028.
        #expect(written("……“”") == "\"……“”\"")
    }

    @Test func anEscapeAtEitherEndKeepsTheTextAroundIt() {
        #expect(written("\"中\"") == #""\"中\"""#)
        #expect(written("") == "\"\"")
    }

    @Test func writtenJSONParsesBackToTheSameText() throws {
        let text = "标题\"引号\"\\反斜杠\n换行\u{2028}分隔\u{01}控制𠮷字……"
        let bytes = JSON.array([.string(text)]).serialized()
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String]
        #expect(parsed == [text])
    }
}
