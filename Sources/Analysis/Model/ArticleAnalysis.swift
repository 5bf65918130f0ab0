import PageParser
import Persistence

/// What the analysis found in one article, against one corpus model: the part of an article's
/// analysis that does not depend on any other article. Links that depend on the corpus (which
/// author record a byline is, which initiative a quoted name belongs to) are resolved through
/// `CorpusAggregate`.
public struct ArticleAnalysis: Sendable, Hashable {
    public var tags: [Tag]
    /// The place the article is about.
    public var locality: String?
    /// Every place mentioned, most mentioned first.
    public var places: [PlaceCount]
    /// Names the article prints that could be programmes (quoted, or bare with a naming word and a
    /// launch verb), one entry per name.
    public var quotes: [QuotedName]
    /// The byline, and the organisations and positions of its credit.
    public var people: [Person]
    public var organisations: [String]
    public var positions: [String]

    public init(tags: [Tag] = [], locality: String? = nil, places: [PlaceCount] = [], quotes: [QuotedName] = [],
                people: [Person] = [], organisations: [String] = [], positions: [String] = []) {
        self.tags = tags
        self.locality = locality
        self.places = places
        self.quotes = quotes
        self.people = people
        self.organisations = organisations
        self.positions = positions
    }
}

/// How one article prints a name that could be a programme: how often, how often in a way that
/// marks it as one (and which way: the evidence), with which naming words and the kinds they give,
/// which places its mentions point to, and the first sentence it appears in.
public struct QuotedName: Sendable, Hashable {
    /// The name in one spelling (middle dots unified, full-width letters made ASCII).
    public var key: String
    /// Times the article prints it: in quotes, or bare where a launch verb and a naming word mark it.
    public var uses: Int
    /// Uses with evidence that it is a programme.
    public var qualifying: Int
    /// Naming words seen with it (工作法, 模式, 平台 …) and how often.
    public var namingWords: [Vote]
    /// The kinds those naming words give (config `namingWords`), and how often.
    public var kinds: [Vote]
    /// Places the mentions point to, with weights.
    public var places: [Vote]
    public var context: String
    public var evidence: Evidence

    public struct Vote: Sendable, Hashable {
        public var name: String
        public var weight: Double
    }

    /// Counts of uses by the evidence they carry (a use can carry several).
    public struct Evidence: Sendable, Hashable {
        /// With a naming word, in the name or right after it (“三长制”, “综合窗”模式).
        public var named = 0
        /// Right after a launch verb (开通“政企通”, 召开“周恳谈”).
        public var cued = 0
        /// One of parallel quoted items sharing a naming word, a launch verb, a numbered name that
        /// counts them, or a common last character (“网格通”“居民通”“物业通”).
        public var enumerated = 0
        /// A numbered name (“双十双百双千”, “八大资金池”, “5+N”).
        public var numbered = 0
        /// Quoted more than once in an article that never prints it bare (“好案例”).
        public var recurring = 0
        /// Found without quotes by a launch verb and a naming word (成立了…社区公益发展基金).
        public var unquoted = 0
        /// Reads as a national formula: a slogan pattern (两个确立) the article does not define by
        /// listing its items, or a name attributed to a national source (党的二十大报告提出“六个坚持”).
        public var national = 0

        public init() {}

        var counts: [Int] { [named, cued, enumerated, numbered, recurring, unquoted, national] }

        init(counts: [Int]) {
            (named, cued, enumerated, numbered, recurring, unquoted, national) =
                (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6])
        }

        /// Adds (`sign` 1) or subtracts (`sign` -1) another count.
        mutating func add(_ other: Evidence, sign: Int = 1) {
            self = Evidence(counts: zip(counts, other.counts).map { $0 + sign * $1 })
        }
    }
}

extension ArticleAnalysis {
    /// The version of the stored form below; stored analyses of another version must be rebuilt
    /// (fold it into the archive's configuration key). 2: quoted names carry kinds and evidence.
    public static let encodingVersion = 2

    /// The record as bytes, for the archive's state files.
    public func encode(into writer: inout BinaryWriter) {
        writer.varint(UInt64(tags.count))
        for tag in tags {
            writer.string(tag.term)
            writer.double(tag.score)
        }
        writer.optionalString(locality)
        writer.varint(UInt64(places.count))
        for place in places {
            writer.string(place.place)
            writer.varint(UInt64(place.count))
        }
        writer.varint(UInt64(quotes.count))
        for quote in quotes {
            writer.string(quote.key)
            writer.varint(UInt64(quote.uses))
            writer.varint(UInt64(quote.qualifying))
            for votes in [quote.namingWords, quote.kinds, quote.places] {
                writer.varint(UInt64(votes.count))
                for vote in votes {
                    writer.string(vote.name)
                    writer.double(vote.weight)
                }
            }
            writer.string(quote.context)
            for count in quote.evidence.counts { writer.varint(UInt64(count)) }
        }
        writer.varint(UInt64(people.count))
        for person in people {
            writer.string(person.name)
            writer.string(person.role.rawValue)
        }
        writer.strings(organisations)
        writer.strings(positions)
    }

    public init(from reader: inout BinaryReader) throws(BinaryReader.Error) {
        self.init()
        for _ in 0..<(try reader.count()) { tags.append(Tag(term: try reader.string(), score: try reader.double())) }
        locality = try reader.optionalString()
        for _ in 0..<(try reader.count()) { places.append(PlaceCount(place: try reader.string(), count: try reader.count())) }
        for _ in 0..<(try reader.count()) {
            let key = try reader.string()
            let uses = try reader.count()
            let qualifying = try reader.count()
            var lists: [[QuotedName.Vote]] = []
            for _ in 0..<3 {
                var votes: [QuotedName.Vote] = []
                for _ in 0..<(try reader.count()) { votes.append(.init(name: try reader.string(), weight: try reader.double())) }
                lists.append(votes)
            }
            let context = try reader.string()
            var counts: [Int] = []
            for _ in 0..<QuotedName.Evidence().counts.count { counts.append(try reader.count()) }
            quotes.append(QuotedName(key: key, uses: uses, qualifying: qualifying, namingWords: lists[0], kinds: lists[1],
                                     places: lists[2], context: context, evidence: QuotedName.Evidence(counts: counts)))
        }
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            guard let role = Person.Role(rawValue: try reader.string()) else { throw BinaryReader.Error() }
            people.append(Person(name: name, role: role))
        }
        organisations = try reader.strings()
        positions = try reader.strings()
    }
}
