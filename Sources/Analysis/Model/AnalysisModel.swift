import PageParser
import Persistence

/// A keyword tag of one article, with its rank score.
public struct Tag: Sendable, Hashable {
    public var term: String
    public var score: Double

    public init(term: String, score: Double) {
        self.term = term
        self.score = score
    }
}

/// A place: from the gazetteer, or found in the text by a naming pattern (`…街道`, `…社区`).
public struct Place: Sendable, Hashable {
    /// Gazetteer places: the official division code (`430200` for 株洲市); pattern places: their
    /// name (`响塘社区`), never all digits, so the two cannot collide.
    public var id: String
    public var name: String
    public var level: PlaceLevel
    /// The parent's id.
    public var parent: String?
    public var fromGazetteer: Bool

    public init(id: String, name: String, level: PlaceLevel, parent: String?, fromGazetteer: Bool) {
        self.id = id
        self.name = name
        self.level = level
        self.parent = parent
        self.fromGazetteer = fromGazetteer
    }
}

public struct PlaceCount: Sendable, Hashable {
    public var place: String
    public var count: Int

    public init(place: String, count: Int) {
        self.place = place
        self.count = count
    }
}

/// A named local programme, mechanism, platform or campaign (六单工作法, 亲清直通车·政企恳谈会), or a
/// national slogan kept as such (两个确立): the names that belong together, with what the corpus
/// says about them.
public struct Initiative: Sendable, Hashable {
    /// The shortest spelling (then the first in code point order): stable while the programme is.
    public var id: String
    /// The most used spelling.
    public var name: String
    /// Other spellings merged into this one.
    public var aliases: [String]
    /// What sort of initiative it is; `slogan` for national formulas, which clients may filter out.
    public var kind: InitiativeKind
    /// The naming word printed with it most often (工作法, 模式, 品牌 …), when there was one.
    public var namingWord: String?
    /// The place that runs it.
    public var locality: String?
    /// Articles that mention it.
    public var articles: SlotSet
    /// Times it is printed, over all articles.
    public var mentionCount: Int
    /// Every spelling, the name's included.
    public var keys: [String]
    /// Why it is an initiative: the evidence of every use, summed over the corpus.
    public var evidence: QuotedName.Evidence

    public var articleCount: Int { articles.count }
}

/// One person across pages, by name and compatible affiliation.
public struct AuthorRecord: Sendable, Hashable {
    public var id: String
    public var name: String
    public var roles: [Person.Role]
    public var organisations: [String]
    public var positions: [String]
    public var articles: SlotSet

    public var articleCount: Int { articles.count }
}
