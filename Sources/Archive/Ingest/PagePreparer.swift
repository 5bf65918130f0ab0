import Analysis
import Foundation
import PageParser
import Persistence

/// Turns a page file into a prepared page: parse it, settle its edition metadata (what the upload
/// says, else what the page prints; contradictions recorded), give its articles their ids, and
/// analyse them against the corpus model. Pure apart from the clock-free inputs it is given.
struct PagePreparer: Sendable {
    let parser: PageParser
    let analyzer: PageAnalyzer

    struct Input: Sendable {
        var id: String
        var file: String
        var source: PageSource
        var body: Data
        var metadata: PageMetadata?
        var size: Int
        var modified: Int64
    }

    func parse(_ input: Input) throws(PageParseError) -> Page {
        try parse(input.body, id: input.id, file: input.file, contentType: input.metadata?.contentType)
    }

    /// Parses a page body as its upload declared it (`text/html; charset=gbk`): the bytes are
    /// stored as sent, so they are read with the same declaration every time.
    func parse(_ body: Data, id: String, file: String, contentType: String?) throws(PageParseError) -> Page {
        let declared = Self.declared(contentType)
        var page = try parser.parse(data: body, fileName: file, format: declared.format, declaredEncoding: declared.charset)
        page.id = id
        return page
    }

    /// The format and charset a Content-Type names (`text/plain`, `text/html`; else left to the parser).
    static func declared(_ contentType: String?) -> (format: PageFormat, charset: String?) {
        guard let contentType else { return (.auto, nil) }
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let format: PageFormat = switch parts.first {
        case "text/html"?, "application/xhtml+xml"?: .html
        case "text/plain"?: .text
        default: .auto
        }
        let charset = parts.dropFirst().first { $0.hasPrefix("charset=") }.map { String($0.dropFirst("charset=".count)) }
        return (format, charset)
    }

    func prepare(_ input: Input, parsed page: Page, model: CorpusModel, places: PlaceDirectory) -> PreparedPage {
        var prepared = unanalysed(input, parsed: page)
        prepared.analyses = analyzer.analyze(Self.text(page.articles.map(ArticleText.init), of: prepared.entry), model: model, places: places)
        return prepared
    }

    /// The page with its edition settled and its article ids given, not yet analysed (a bulk
    /// build analyses once the corpus model is known).
    func unanalysed(_ input: Input, parsed page: Page) -> PreparedPage {
        let metadata = input.metadata ?? PageMetadata()
        let printed = Edition(newspaper: page.newspaper, date: page.printedDate.flatMap(EditionDate.init), pageLabel: page.pageLabel,
                              section: page.section)
        let uploaded = Edition(newspaper: metadata.newspaper, date: metadata.date.flatMap(EditionDate.init),
                               pageLabel: metadata.pageLabel, section: metadata.section)
        let (edition, conflicts) = Self.settle(uploaded: uploaded, printed: printed)
        let keys = ArticleKeys.assign(page.articles, kept: metadata.articleKeys)
        let fileTime = Date(timeIntervalSince1970: Double(input.modified) / 1e9)
        let entry = PageEntry(
            id: input.id, file: input.file, source: input.source, bodyHash: Self.bodyHash(input.body), size: input.size,
            modified: input.modified, edition: edition, printed: printed, conflicts: conflicts,
            createdAt: metadata.createdAt ?? fileTime, updatedAt: metadata.updatedAt ?? metadata.createdAt ?? fileTime,
            contentType: metadata.contentType, slots: [], keys: keys,
            kinds: page.articles.map { UInt8(ArticleKind.allCases.firstIndex(of: $0.kind) ?? 0) }, gone: metadata.gone, number: 0)
        return PreparedPage(entry: entry, furniture: PageFurniture(page), articles: page.articles, analyses: [])
    }

    /// What the analysis reads of a page: its articles, and the newspaper it is from (the
    /// upload's word, else the page's) for the home-city fallback.
    static func text(_ articles: [ArticleText], of entry: PageEntry) -> PageText {
        PageText(id: entry.id, newspaper: entry.edition.newspaper, articles: articles)
    }

    static func text(_ articles: [ArticleText], newspaper: String?, id: String) -> PageText {
        PageText(id: id, newspaper: newspaper, articles: articles)
    }

    /// The upload's values win; a printed value that contradicts one is reported.
    /// Page labels agree when they name the same page however written: `3`, `03` and `第3版`.
    static func settle(uploaded: Edition, printed: Edition) -> (Edition, [MetadataConflict]) {
        var conflicts: [MetadataConflict] = []
        func pick(_ field: String, _ upload: String?, _ print: String?, same: (String, String) -> Bool = { $0 == $1 }) -> String? {
            if let upload, let print, !same(upload, print) {
                conflicts.append(MetadataConflict(field: field, uploaded: upload, printed: print))
            }
            return upload ?? print
        }
        let edition = Edition(
            newspaper: pick("newspaper", uploaded.newspaper, printed.newspaper),
            date: pick("date", uploaded.date?.description, printed.date?.description).flatMap(EditionDate.init),
            pageLabel: pick("page_label", uploaded.pageLabel, printed.pageLabel) { pageNumberKey($0) == pageNumberKey($1) },
            section: pick("section", uploaded.section, printed.section))
        return (edition, conflicts)
    }

    /// A page label reduced to what identifies the page: without `第`/`版`/spaces, letters in
    /// upper case, leading zeros of its number dropped (`第03版` → `3`, `a05` → `A5`).
    static func pageNumberKey(_ label: String) -> String {
        var key = ""
        var digits = ""
        func flushDigits() {
            let trimmed = digits.drop { $0 == "0" }
            key += trimmed.isEmpty && !digits.isEmpty ? "0" : String(trimmed)
            digits = ""
        }
        for character in label where !character.isWhitespace && character != "第" && character != "版" {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                flushDigits()
                key += character.uppercased()
            }
        }
        flushDigits()
        return key
    }

    /// The fingerprint of a page body for recognising the same page uploaded again: line endings,
    /// a byte-order mark and trailing spaces do not count.
    static func bodyHash(_ body: Data) -> UInt64 {
        var bytes = Array(body)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var line: [UInt8] = []
        func flushLine() {
            while let last = line.last, last == 0x20 || last == 0x09 || last == 0x0D { line.removeLast() }
            normalized += line
            normalized.append(0x0A)
            line.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            if byte == 0x0A { flushLine() } else { line.append(byte) }
        }
        flushLine()
        while normalized.count >= 2, normalized[normalized.count - 1] == 0x0A, normalized[normalized.count - 2] == 0x0A {
            normalized.removeLast()
        }
        return Checksum.of(normalized)
    }
}
