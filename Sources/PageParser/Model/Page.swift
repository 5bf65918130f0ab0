import ChineseText
/// One newspaper page file and what it prints.
public struct Page: Sendable, Hashable {
    /// The file name without its extension; safe in URLs.
    public var id: String
    /// The file name as given.
    public var file: String
    /// The newspaper's name where the page prints it (in a banner or a byline), e.g. `株洲日报`.
    public var newspaper: String?
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

    public init(
        id: String, file: String, newspaper: String? = nil, banners: [String] = [],
        editors: [EditorCredit] = [], emails: [String] = [], pageNumbers: [String] = [],
        fragments: [String] = [], furniture: [String] = [], articles: [Article] = []
    ) {
        self.id = id
        self.file = file
        self.newspaper = newspaper
        self.banners = banners
        self.editors = editors
        self.emails = emails
        self.pageNumbers = pageNumbers
        self.fragments = fragments
        self.furniture = furniture
        self.articles = articles
    }
}

/// `责任编辑:胡乐` becomes `EditorCredit(role: "责任编辑", name: "胡乐")`.
public struct EditorCredit: Sendable, Hashable {
    public var role: String
    public var name: String

    public init(role: String, name: String) {
        self.role = role
        self.name = name
    }
}
