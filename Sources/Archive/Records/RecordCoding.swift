import Foundation
import PageParser
import Persistence

/// Parsed articles and pages as stored records, so that serving an article or re-analysing the
/// archive never parses its page again.
enum RecordCoding {
    static func encode(_ article: Article) -> [UInt8] {
        var writer = BinaryWriter(capacity: 4096)
        writer.optionalString(article.title)
        writer.optionalString(article.kicker)
        writer.optionalString(article.subtitle)
        writer.optionalString(article.series)
        writer.varint(UInt64(article.authors.count))
        for person in article.authors {
            writer.string(person.name)
            writer.string(person.role.rawValue)
        }
        writer.optionalString(article.affiliation)
        writer.strings(article.credit.organisations)
        writer.strings(article.credit.positions)
        writer.optionalString(article.source)
        writer.string(article.kind.rawValue)
        writer.optionalString(article.dateline)
        writer.strings(article.paragraphs)
        writer.varint(UInt64(article.subheadings.count))
        for subheading in article.subheadings {
            writer.varint(UInt64(subheading.index))
            writer.string(subheading.text)
        }
        writer.varint(UInt64(article.captions.count))
        for caption in article.captions {
            writer.string(caption.text)
            writer.optionalString(caption.credit)
        }
        writer.varint(UInt64(article.duplicatesRemoved))
        writer.string(article.displayTitle)
        writer.varint(article.displayTitleIsDerived ? 1 : 0)
        return writer.bytes
    }

    /// - Parameter summary: decode only what a summary shows: the first paragraph (the excerpt's),
    ///   no subheadings and no captions. A list of twenty articles then makes twenty strings of
    ///   body text instead of a few hundred.
    static func decodeArticle(_ bytes: UnsafeRawBufferPointer, id: String, summary: Bool = false) throws(BinaryReader.Error) -> Article {
        var reader = BinaryReader(bytes)
        var article = Article(id: id)
        article.title = try reader.optionalString()
        article.kicker = try reader.optionalString()
        article.subtitle = try reader.optionalString()
        article.series = try reader.optionalString()
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            guard let role = Person.Role(rawValue: try reader.string()) else { throw BinaryReader.Error() }
            article.authors.append(Person(name: name, role: role))
        }
        article.affiliation = try reader.optionalString()
        article.credit = Credit(organisations: try reader.strings(), positions: try reader.strings())
        article.source = try reader.optionalString()
        guard let kind = ArticleKind(rawValue: try reader.string()) else { throw BinaryReader.Error() }
        article.kind = kind
        article.dateline = try reader.optionalString()
        article.paragraphs = try reader.strings(keepingFirst: summary ? 1 : .max)
        for _ in 0..<(try reader.count()) {
            let index = try reader.count()
            if summary { try reader.skipString() } else { article.subheadings.append(Subheading(index: index, text: try reader.string())) }
        }
        for _ in 0..<(try reader.count()) {
            if summary {
                try reader.skipString()
                if try reader.bool() { try reader.skipString() }
            } else {
                article.captions.append(Caption(text: try reader.string(), credit: try reader.optionalString()))
            }
        }
        article.duplicatesRemoved = try reader.count()
        article.displayTitle = try reader.string()
        article.displayTitleIsDerived = try reader.count() == 1
        return article
    }
}

/// What a page prints besides its articles, kept with its records for the page's detail view.
public struct PageFurniture: Sendable, Hashable {
    public var banners: [String]
    public var editors: [EditorCredit]
    public var emails: [String]
    public var pageNumbers: [String]
    public var fragments: [String]
    public var furniture: [String]
    /// How the file was marked up and encoded.
    public var sourceFormat: PageFormat
    public var sourceEncoding: PageEncoding

    public init(_ page: Page) {
        banners = page.banners
        editors = page.editors
        emails = page.emails
        pageNumbers = page.pageNumbers
        fragments = page.fragments
        furniture = page.furniture
        sourceFormat = page.sourceFormat
        sourceEncoding = page.sourceEncoding
    }

    init(banners: [String], editors: [EditorCredit], emails: [String], pageNumbers: [String], fragments: [String],
         furniture: [String], sourceFormat: PageFormat, sourceEncoding: PageEncoding) {
        self.banners = banners
        self.editors = editors
        self.emails = emails
        self.pageNumbers = pageNumbers
        self.fragments = fragments
        self.furniture = furniture
        self.sourceFormat = sourceFormat
        self.sourceEncoding = sourceEncoding
    }

    var bytes: [UInt8] {
        var writer = BinaryWriter()
        writer.strings(banners)
        writer.varint(UInt64(editors.count))
        for editor in editors {
            writer.string(editor.role)
            writer.string(editor.name)
            writer.string(editor.normalizedRole.rawValue)
        }
        writer.strings(emails)
        writer.strings(pageNumbers)
        writer.strings(fragments)
        writer.strings(furniture)
        writer.string(sourceFormat.rawValue)
        writer.string(sourceEncoding.rawValue)
        return writer.bytes
    }

    init(bytes: UnsafeRawBufferPointer) throws(BinaryReader.Error) {
        var reader = BinaryReader(bytes)
        let banners = try reader.strings()
        var editors: [EditorCredit] = []
        for _ in 0..<(try reader.count()) {
            let role = try reader.string()
            let name = try reader.string()
            guard let normalized = EditorRole(rawValue: try reader.string()) else { throw BinaryReader.Error() }
            editors.append(EditorCredit(role: role, name: name, normalizedRole: normalized))
        }
        let emails = try reader.strings()
        let pageNumbers = try reader.strings()
        let fragments = try reader.strings()
        let furniture = try reader.strings()
        guard let format = PageFormat(rawValue: try reader.string()), let encoding = PageEncoding(rawValue: try reader.string()) else {
            throw BinaryReader.Error()
        }
        self.init(banners: banners, editors: editors, emails: emails, pageNumbers: pageNumbers, fragments: fragments,
                  furniture: furniture, sourceFormat: format, sourceEncoding: encoding)
    }
}
