import ChineseText
/// One newspaper page file and what it prints.
public struct Page: Sendable, Hashable {
    /// The file name without its extension; safe in URLs.
    public var id: String
    /// The file name as given.
    public var file: String
    /// The newspaper's name where the page prints it (in a banner or a byline), e.g. `株洲日报`.
    public var newspaper: String?
    /// The edition date the page prints as furniture (masthead, date line, folio), ISO `2023-10-12`;
    /// nil when it prints none. Never a dateline or a date in running text.
    public var printedDate: String?
    /// The page label as printed: `A05`, `第3版`, `04`.
    public var pageLabel: String?
    /// The section the page head names: `智库·理论`, `要闻`, `理论周刊`.
    public var section: String?
    /// Section and column banners: `学习贯彻党的二十大精神`, `智库·理论`, empty section heads.
    public var banners: [String]
    public var editors: [EditorCredit]
    public var emails: [String]
    public var pageNumbers: [String]
    /// Text the layout displaced away from its article and the parser could not place.
    public var fragments: [String]
    /// Every line the parser classified as page furniture, verbatim, so that nothing is lost.
    public var furniture: [String]
    public var articles: [Article]
    /// How the file was marked up (`text` or `html`, never `auto`).
    public var sourceFormat: PageFormat
    /// The character encoding the file was read in.
    public var sourceEncoding: PageEncoding

    public init(
        id: String, file: String, newspaper: String? = nil, printedDate: String? = nil, pageLabel: String? = nil,
        section: String? = nil, banners: [String] = [],
        editors: [EditorCredit] = [], emails: [String] = [], pageNumbers: [String] = [],
        fragments: [String] = [], furniture: [String] = [], articles: [Article] = [],
        sourceFormat: PageFormat = .text, sourceEncoding: PageEncoding = .utf8
    ) {
        self.id = id
        self.file = file
        self.newspaper = newspaper
        self.printedDate = printedDate
        self.pageLabel = pageLabel
        self.section = section
        self.banners = banners
        self.editors = editors
        self.emails = emails
        self.pageNumbers = pageNumbers
        self.fragments = fragments
        self.furniture = furniture
        self.articles = articles
        self.sourceFormat = sourceFormat
        self.sourceEncoding = sourceEncoding
    }
}
