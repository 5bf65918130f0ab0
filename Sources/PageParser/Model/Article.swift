import ChineseText
/// One article as a reader of the printed page would see it.
///
/// Everything is optional or empty where the page does not print it: the parser never invents a
/// title, an author or a credit.
public struct Article: Sendable, Hashable {
    /// Stable across restarts and independent of other pages: `<page id>-<ordinal on the page>`.
    public var id: String
    public var title: String?
    /// What to show as the article's headline: the title, or for an untitled article the opening
    /// clause of its text, cut at a punctuation boundary (`displayTitleIsDerived`).
    public var displayTitle: String
    public var displayTitleIsDerived: Bool
    /// The over-line printed above the headline, e.g. `湖南长城海外销售火爆——`.
    public var kicker: String?
    /// A line under the headline opening with a dash, e.g. `——以湘潭市雨湖区为例`.
    public var subtitle: String?
    /// A running series label, e.g. `新区企业上新了②`.
    public var series: String?
    public var authors: [Person]
    /// The closing credit as printed, without its parentheses, e.g. `作者系中共宁乡市委书记`.
    public var affiliation: String?
    /// `affiliation` split into organisations and positions where the text allows it.
    public var credit: Credit
    /// The reprint source as printed, without parentheses, e.g. `载《经济日报》`.
    public var source: String?
    public var kind: ArticleKind
    /// A news dateline as printed, e.g. `10月10日`.
    public var dateline: String?
    /// Body paragraphs, clean: reflowed, CJK spacing removed, markdown removed, duplicates dropped.
    public var paragraphs: [String]
    /// Subheadings in reading order; each is printed before `paragraphs[index]`.
    public var subheadings: [Subheading]
    public var captions: [Caption]
    /// How many verbatim duplicate paragraphs were dropped from the body.
    public var duplicatesRemoved: Int

    public init(
        id: String, title: String? = nil, kicker: String? = nil, subtitle: String? = nil, series: String? = nil,
        authors: [Person] = [], affiliation: String? = nil, credit: Credit = Credit(),
        source: String? = nil, kind: ArticleKind = .theory, dateline: String? = nil,
        paragraphs: [String] = [], subheadings: [Subheading] = [], captions: [Caption] = [],
        duplicatesRemoved: Int = 0, displayTitle: String? = nil, displayTitleIsDerived: Bool = false
    ) {
        self.id = id
        self.title = title
        self.displayTitle = displayTitle ?? title ?? ""
        self.displayTitleIsDerived = displayTitleIsDerived
        self.kicker = kicker
        self.subtitle = subtitle
        self.series = series
        self.authors = authors
        self.affiliation = affiliation
        self.credit = credit
        self.source = source
        self.kind = kind
        self.dateline = dateline
        self.paragraphs = paragraphs
        self.subheadings = subheadings
        self.captions = captions
        self.duplicatesRemoved = duplicatesRemoved
    }
}

public enum ArticleKind: String, Sendable, Hashable, CaseIterable {
    /// Signed commentary and study notes, usually closed by an `(作者系…)` credit.
    case theory
    /// Reported news with a byline (`记者/…`, `通讯员/…`).
    case news
    /// Short items of a 观点摘编 column, reprinted from elsewhere.
    case digest
    /// Notes from the editors, such as 开栏的话 or 编者按.
    case editorial
}

/// A person credited for an article, in the order the page prints them.
public struct Person: Sendable, Hashable {
    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }

    public enum Role: String, Sendable, Hashable, CaseIterable {
        case author, reporter, correspondent, photographer, intern, editor
    }
}

/// The organisations and positions a closing credit names.
public struct Credit: Sendable, Hashable {
    public var organisations: [String]
    public var positions: [String]

    public init(organisations: [String] = [], positions: [String] = []) {
        self.organisations = organisations
        self.positions = positions
    }

    public var isEmpty: Bool { organisations.isEmpty && positions.isEmpty }
}

public struct Subheading: Sendable, Hashable {
    /// The subheading is printed before `paragraphs[index]` (`index == paragraphs.count` at the end).
    public var index: Int
    public var text: String

    public init(index: Int, text: String) {
        self.index = index
        self.text = text
    }
}

/// A photo caption taken out of the body, with the photo credit it prints.
public struct Caption: Sendable, Hashable {
    /// The caption as printed (lines joined), credit included.
    public var text: String
    /// The credit alone, e.g. `吴楚/摄`, `记者谭昕吾摄`, `受访企业供图`.
    public var credit: String?

    public init(text: String, credit: String?) {
        self.text = text
        self.credit = credit
    }
}
