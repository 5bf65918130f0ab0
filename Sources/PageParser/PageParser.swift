import ChineseText
import Foundation

/// Turns the text dump of one newspaper page into a `Page` with its articles.
///
/// Pure and deterministic: the same text, file name and configuration give the same page, and no
/// other page influences it (article ids included).
public struct PageParser: Sendable {
    /// The revision of the page rules: bumped with every change to the code that can parse a page
    /// differently (the rules' configuration is fingerprinted apart). A saved state made under
    /// another revision holds pages as another parser read them, so it is rebuilt from the page
    /// files, which stay the record.
    public static let rulesRevision = 1

    public let configuration: ParserConfiguration
    private let recognizers: Recognizers

    public init(configuration: ParserConfiguration) {
        self.configuration = configuration
        recognizers = Recognizers(configuration: configuration)
    }

    /// Parses a page file's bytes: decodes them (see `decodePage`: byte-order mark, then
    /// `declaredEncoding` such as an upload's `charset=`, then an HTML page's `<meta charset>`, then
    /// detection of UTF-8 or GB18030), reads HTML as page text, then applies the page rules.
    public func parse(data: Data, fileName: String, format: PageFormat = .auto,
                      declaredEncoding: String? = nil) throws(PageParseError) -> Page {
        let decoded = try decodePage(data, fileName: fileName, format: format, declaredEncoding: declaredEncoding,
                                     minLegacyCJKShare: configuration.legacyEncodingMinChineseShare)
        var page = try parse(pageText: decoded.text, fileName: fileName, format: decoded.format)
        page.sourceEncoding = decoded.encoding
        return page
    }

    /// Parses page text already decoded. `auto` reads it as HTML when the file name ends in
    /// `.html`/`.htm` or the text opens with HTML markup.
    public func parse(pageText: String, fileName: String, format: PageFormat = .auto) throws(PageParseError) -> Page {
        var text = pageText.hasPrefix("\u{FEFF}") ? String(pageText.dropFirst()) : pageText
        let resolved: PageFormat = format != .auto ? format
            : hasHTMLExtension(fileName) || sniffsAsHTML(text) ? .html : .text
        if resolved == .html { text = htmlPageText(text) }
        guard text.unicodeScalars.contains(where: { !$0.isSpaceLike && $0 != "\n" && $0 != "\r" }) else {
            throw PageParseError(file: fileName, reason: .empty)
        }
        if looksBinary(text) { throw PageParseError(file: fileName, reason: .binary) }

        var assembler = PageAssembler(recognizers: recognizers)
        assembler.read(pageUnits(text, recognizers: recognizers))
        var page = finishPage(assembler, fileName: fileName, recognizers: recognizers)
        guard !page.articles.isEmpty else { throw PageParseError(file: fileName, reason: .noArticles) }
        page.sourceFormat = resolved
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
