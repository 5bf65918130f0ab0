import ChineseText
import Testing

@Suite("Text from UTF-16 units")
struct UTF16TranscodingTests {
    func both(_ units: [UInt16]) -> (ours: String, library: String) {
        (String(utf16Units: units), String(decoding: units, as: UTF16.self))
    }

    @Test(arguments: ["", "IPv6", "café", "株洲日报，“志愿服务”。", "𠮷野家𠮷", "a\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}"])
    func wellFormedTextComesBackUnchanged(_ text: String) {
        #expect(String(utf16Units: Array(text.utf16)) == text)
    }

    @Test func aLoneHighSurrogateBecomesAReplacementCharacterAsInTheLibrary() {
        let result = both([0x682A, 0xD842, 0x6D32])
        #expect(result.ours == result.library)
        #expect(result.ours == "株\u{FFFD}洲")
    }

    @Test func aLoneLowSurrogateBecomesAReplacementCharacterAsInTheLibrary() {
        let result = both([0xDFB7, 0x0041])
        #expect(result.ours == result.library)
    }

    @Test func aHighSurrogateAtTheEndBecomesAReplacementCharacterAsInTheLibrary() {
        let result = both([0x0041, 0xD842])
        #expect(result.ours == result.library)
    }

    @Test func aSliceIsReadFromItsOwnStart() {
        let units = Array("前文𠮷野家".utf16)
        #expect(String(utf16Units: units[2...]) == "𠮷野家")
    }
}
