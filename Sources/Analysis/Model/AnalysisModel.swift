import PageParser

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

/// A named local programme, mechanism, brand or campaign (六单工作法, 亲清直通车·政企恳谈会).
public struct Initiative: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Other spellings merged into this one.
    public var aliases: [String]
    /// The naming word that marked it (工作法, 模式, 品牌 …) when there was one.
    public var type: String?
    /// The place that runs it.
    public var locality: String?
    public var mentions: [InitiativeMention]

    public var mentionCount: Int { mentions.reduce(0) { $0 + $1.count } }
    public var articleIDs: [String] { mentions.map(\.article) }
}

/// How one article mentions an initiative: how often, and the first sentence that does.
public struct InitiativeMention: Sendable, Hashable {
    public var article: String
    public var count: Int
    public var context: String
}

/// One person across pages, by name and compatible affiliation.
public struct AuthorRecord: Sendable, Hashable {
    public var id: String
    public var name: String
    public var roles: [Person.Role]
    public var organisations: [String]
    public var positions: [String]
    public var articleIDs: [String]
}

/// What the analysis found in one article.
public struct ArticleAnalysis: Sendable, Hashable {
    public var articleID: String
    public var tags: [Tag]
    /// The place the article is about.
    public var locality: String?
    /// Every place mentioned, most mentioned first.
    public var places: [PlaceCount]
    public var initiatives: [String]
    public var authorIDs: [String]
}

/// The analysis of a whole archive: per-article results (in the order articles were given) and
/// the corpus-wide tables.
public struct CorpusAnalysis: Sendable {
    public var articles: [ArticleAnalysis]
    /// Tags with the number of articles they tag, most used first.
    public var tagCounts: [(term: String, articles: Int)]
    public var places: [String: Place]
    public var initiatives: [Initiative]
    public var authors: [AuthorRecord]
}
