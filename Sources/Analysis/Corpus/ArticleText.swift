import PageParser
import Persistence

/// What the analysis reads of one article: its printed text and credits. Made from a parsed
/// `Article`, or from the stored record of one when the archive re-analyses.
public struct ArticleText: Sendable, Hashable {
    public var title: String?
    public var kicker: String?
    public var subtitle: String?
    public var subheadings: [String]
    public var paragraphs: [String]
    public var people: [Person]
    public var organisations: [String]
    public var positions: [String]
    public var affiliation: String?

    public init(title: String? = nil, kicker: String? = nil, subtitle: String? = nil, subheadings: [String] = [],
                paragraphs: [String], people: [Person] = [], organisations: [String] = [], positions: [String] = [],
                affiliation: String? = nil) {
        self.title = title
        self.kicker = kicker
        self.subtitle = subtitle
        self.subheadings = subheadings
        self.paragraphs = paragraphs
        self.people = people
        self.organisations = organisations
        self.positions = positions
        self.affiliation = affiliation
    }

    public init(_ article: Article) {
        self.init(title: article.title, kicker: article.kicker, subtitle: article.subtitle,
                  subheadings: article.subheadings.map(\.text), paragraphs: article.paragraphs, people: article.authors,
                  organisations: article.credit.organisations, positions: article.credit.positions,
                  affiliation: article.affiliation)
    }

    /// The headline block as one text, as the page prints it from top to bottom.
    var headline: String { [kicker, title, subtitle].compactMap { $0 }.joined(separator: " ") }

    /// The texts places and quoted names are looked for in: the headline block first, then
    /// subheadings and paragraphs. Positions in analysis results index into this list.
    var scannedTexts: [String] { [headline] + subheadings + paragraphs }

    /// A fingerprint of the text, the same on every machine: word discovery samples articles by it,
    /// so the sample depends on which articles the archive holds, never on the order they came in.
    var sampleKey: UInt64 {
        var checksum = Checksum()
        for text in scannedTexts {
            checksum.update(Array(text.utf8))
            checksum.update([0])
        }
        return checksum.value
    }

    var characterCount: Int { scannedTexts.reduce(0) { $0 + $1.unicodeScalars.count } }
}

/// The articles of one page, with what the page says about where it comes from.
public struct PageText: Sendable, Hashable {
    public var id: String
    public var newspaper: String?
    public var articles: [ArticleText]

    public init(id: String, newspaper: String?, articles: [ArticleText]) {
        self.id = id
        self.newspaper = newspaper
        self.articles = articles
    }

    public init(_ page: Page) {
        self.init(id: page.id, newspaper: page.newspaper, articles: page.articles.map(ArticleText.init))
    }
}
