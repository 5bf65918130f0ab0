import ChineseText
import Foundation

/// Turns the text dump of one newspaper page into a `Page` with its articles.
///
/// Pure and deterministic: the same text, file name and configuration give the same page, and no
/// other page influences it (article ids included).
public struct PageParser: Sendable {
    public let configuration: ParserConfiguration
    private let recognizers: Recognizers

    public init(configuration: ParserConfiguration) {
        self.configuration = configuration
        recognizers = Recognizers(configuration: configuration)
    }

    /// Parses raw file bytes: validates that they are UTF-8 text first.
    public func parse(data: Data, fileName: String) throws(PageParseError) -> Page {
        let text = try decodePageText(data, fileName: fileName)
        return try parse(pageText: text, fileName: fileName)
    }

    public func parse(pageText: String, fileName: String) throws(PageParseError) -> Page {
        let text = pageText.hasPrefix("\u{FEFF}") ? String(pageText.dropFirst()) : pageText
        guard text.unicodeScalars.contains(where: { !$0.isSpaceLike && $0 != "\n" && $0 != "\r" }) else {
            throw PageParseError(file: fileName, reason: .empty)
        }
        if looksBinary(text) { throw PageParseError(file: fileName, reason: .binary) }

        var assembler = PageAssembler(recognizers: recognizers)
        assembler.read(pageUnits(text, recognizers: recognizers))
        let page = finishPage(assembler, fileName: fileName, recognizers: recognizers)
        guard !page.articles.isEmpty else { throw PageParseError(file: fileName, reason: .noArticles) }
        return page
    }
}

/// The page id: the file name without directory and extension, reduced to URL-safe characters.
public func pageID(forFileName fileName: String) -> String {
    var name = (fileName as NSString).lastPathComponent
    if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
    let safe = name.unicodeScalars.map { scalar -> Character in
        scalar.isASCIIAlphanumeric || scalar == "-" || scalar == "_" || scalar == "." ? Character(scalar) : "_"
    }
    return safe.isEmpty ? "page" : String(safe)
}

func decodePageText(_ data: Data, fileName: String) throws(PageParseError) -> String {
    if data.isEmpty { throw PageParseError(file: fileName, reason: .empty) }
    // Work on the raw buffer: iterating `Data` byte by byte is many times slower.
    let decoded: String?? = data.withUnsafeBytes { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        if bytes.contains(0) { return .some(nil) }
        return String(validating: bytes, as: UTF8.self).map { .some($0) } ?? nil
    }
    switch decoded {
    case .some(.some(let text)): return text
    case .some(.none): throw PageParseError(file: fileName, reason: .binary)
    case .none: throw PageParseError(file: fileName, reason: .notUTF8(byteOffset: firstInvalidUTF8Offset(data)))
    }
}

/// Where UTF-8 decoding first fails, for an error message a person can act on.
func firstInvalidUTF8Offset(_ data: Data) -> Int {
    var decoder = UTF8()
    var iterator = data.makeIterator()
    var offset = 0
    var consumed = 0
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            consumed += UTF8.width(scalar)
            offset = consumed
        case .emptyInput:
            return offset
        case .error:
            return offset
        }
    }
}

/// Text with control characters other than tab, newline and carriage return is not a page dump.
func looksBinary(_ text: String) -> Bool {
    var controls = 0
    var total = 0
    for scalar in text.unicodeScalars {
        total += 1
        if scalar.value < 0x20, scalar != "\n", scalar != "\r", scalar != "\t", scalar != "\u{0C}" { controls += 1 }
        if scalar.value == 0 { return true }
    }
    return controls > 0 && controls * 100 > total
}
