import Foundation
import PageParser
import Testing

/// A short page in other encodings: the bytes are written here, not read from files.
private let pageText = "推动乡村产业振兴\n\n谢文斌\n\n产业振兴是乡村振兴的重中之重。推动乡村产业振兴，要立足资源禀赋，突出地方特色。\n"

@Suite("Legacy encodings and byte-order marks")
struct InputEncodingTests {
    func parse(_ data: Data, file: String = "page.txt", encoding: String? = nil) throws -> Page {
        try parser.parse(data: data, fileName: file, declaredEncoding: encoding)
    }

    /// `中文` is D6 D0 CE C4 in GBK/GB2312/GB18030.
    static let zhongwenGBK: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]

    /// A page in GBK: the heading and author are ASCII-free GBK bytes, the body a long GBK run.
    static func gbkPage() -> Data {
        // 标题 = B1 EA CC E2, 张三 = D5 C5 C8 FD, 中文 repeated as body, 。 = A1 A3
        var bytes: [UInt8] = [0xB1, 0xEA, 0xCC, 0xE2, 0x0A, 0x0A, 0xD5, 0xC5, 0xC8, 0xFD, 0x0A, 0x0A]
        for _ in 0..<30 { bytes += zhongwenGBK }
        bytes += [0xA1, 0xA3, 0x0A]
        return Data(bytes)
    }

    @Test func gbkBytesThatAreNotUTF8AreDetectedAsGB18030() throws {
        let page = try parse(Self.gbkPage())
        #expect(page.sourceEncoding == .gb18030)
        #expect(page.articles.first?.title == "标题")
        #expect(page.articles.first?.authors.map(\.name) == ["张三"])
        #expect(page.articles.first?.paragraphs.first == String(repeating: "中文", count: 30) + "。")
    }

    @Test func fourByteGB18030SequencesDecode() throws {
        // 95 32 82 36 is U+20000 (𠀀), an ideograph beyond the two-byte table.
        var bytes = Array(Self.gbkPage())
        bytes.insert(contentsOf: [0x95, 0x32, 0x82, 0x36], at: bytes.count - 3)
        let page = try parse(Data(bytes), encoding: "gb18030")
        #expect(page.articles.first?.paragraphs.first?.hasSuffix("中文𠀀。") == true)
    }

    @Test func declaredGBKIsReadAsGB18030() throws {
        let page = try parse(Self.gbkPage(), encoding: "GBK")
        #expect(page.sourceEncoding == .gb18030)
        #expect(page.articles.first?.title == "标题")
    }

    @Test func declaredCharsetLabelsAreMatchedLooselyLikeBrowsersDo() {
        #expect(PageEncoding(charsetLabel: " \"GB2312\" ") == .gb18030)
        #expect(PageEncoding(charsetLabel: "utf8") == .utf8)
        #expect(PageEncoding(charsetLabel: "UTF-16BE") == .utf16BigEndian)
        #expect(PageEncoding(charsetLabel: "big5") == nil)
    }

    @Test func unknownDeclaredCharsetIsATypedErrorNamingIt() {
        #expect(throws: PageParseError(file: "page.txt", reason: .unsupportedEncoding("big5"))) {
            try parse(Data(pageText.utf8), encoding: "big5")
        }
        let message = PageParseError(file: "page.txt", reason: .unsupportedEncoding("big5")).message
        #expect(message.contains("'big5'") && message.contains("GB18030"))
    }

    @Test func declaredGBKWithBytesGBKDoesNotHaveIsAnErrorWithTheOffset() {
        var bytes = Array(Self.gbkPage())
        bytes[12] = 0xFF
        #expect(throws: PageParseError(file: "page.txt", reason: .invalidBytes(encoding: .gb18030, byteOffset: 12))) {
            try parse(Data(bytes), encoding: "gbk")
        }
    }

    @Test func validUTF8StaysUTF8() throws {
        let page = try parse(Data(pageText.utf8))
        #expect(page.sourceEncoding == .utf8)
        #expect(page.sourceFormat == .text)
    }

    @Test func bytesThatAreNeitherUTF8NorChineseGB18030KeepTheUTF8Error() {
        // Latin-1 text: é is E9, and E9 followed by a space is no GB18030 sequence either.
        let latin1 = Data("Un caf".utf8) + Data([0xE9]) + Data(" au lait et un th".utf8) + Data([0xE9]) + Data(".\n".utf8)
        #expect(throws: PageParseError(file: "page.txt", reason: .notUTF8(byteOffset: 6))) {
            try parse(latin1)
        }
    }

    @Test func gb18030DecodingToMostlyNonChineseTextIsNotTakenForGB18030() {
        // Valid GB18030, but decoding to pinyin letters and Greek (A8A6 é, A6A1 Α), not Chinese text.
        let bytes: [UInt8] = Array("R".utf8) + [0xA8, 0xA6, 0xA8, 0xBA, 0xA8, 0xA6, 0xA8, 0xBA, 0xA6, 0xA1, 0xA6, 0xA2]
        #expect(throws: PageParseError(file: "page.txt", reason: .notUTF8(byteOffset: 1))) {
            try parse(Data(bytes))
        }
    }

    @Test func utf16LittleEndianWithByteOrderMarkIsRead() throws {
        let data = Data([0xFF, 0xFE]) + pageText.data(using: .utf16LittleEndian)!
        let page = try parse(data)
        #expect(page.sourceEncoding == .utf16LittleEndian)
        #expect(page.articles.first?.authors.map(\.name) == ["谢文斌"])
    }

    @Test func utf16BigEndianWithByteOrderMarkIsRead() throws {
        let data = Data([0xFE, 0xFF]) + pageText.data(using: .utf16BigEndian)!
        let page = try parse(data)
        #expect(page.sourceEncoding == .utf16BigEndian)
        #expect(page.articles.first?.title == "推动乡村产业振兴")
    }

    @Test func declaredUTF16WithoutByteOrderMarkIsRead() throws {
        let page = try parse(pageText.data(using: .utf16LittleEndian)!, encoding: "utf-16le")
        #expect(page.articles.first?.title == "推动乡村产业振兴")
    }

    @Test func utf16WithAnOddByteCountIsAnErrorWithTheOffset() {
        let data = Data([0xFF, 0xFE]) + pageText.data(using: .utf16LittleEndian)! + Data([0x41])
        let offset = pageText.data(using: .utf16LittleEndian)!.count
        #expect(throws: PageParseError(file: "page.txt", reason: .invalidBytes(encoding: .utf16LittleEndian, byteOffset: offset))) {
            try parse(data)
        }
    }

    @Test func byteOrderMarkWinsOverTheDeclaredCharset() throws {
        let data = Data([0xFF, 0xFE]) + pageText.data(using: .utf16LittleEndian)!
        #expect(try parse(data, encoding: "gbk").sourceEncoding == .utf16LittleEndian)
    }

    @Test func utf8ByteOrderMarkIsDropped() throws {
        let page = try parse(Data([0xEF, 0xBB, 0xBF]) + Data(pageText.utf8))
        #expect(page.articles.first?.title == "推动乡村产业振兴")
    }
}
