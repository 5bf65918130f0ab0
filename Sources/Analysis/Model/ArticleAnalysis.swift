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
    /// Names the article prints in quotes that could be programmes, one entry per name.
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

/// How one article prints a quoted name: how often, how often in a way that marks it as a
/// programme (with a naming word, or next to a launch verb), with which naming words, which places
/// its mentions point to, and the first sentence it appears in.
public struct QuotedName: Sendable, Hashable {
    /// The name in one spelling (middle dots unified, full-width letters made ASCII).
    public var key: String
    public var uses: Int
    public var qualifying: Int
    /// Naming words seen with it (工作法, 模式, 平台 …) and how often.
    public var types: [Vote]
    /// Places the mentions point to, with weights.
    public var places: [Vote]
    public var context: String

    public struct Vote: Sendable, Hashable {
        public var name: String
        public var weight: Double
    }
}

extension ArticleAnalysis {
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
            for votes in [quote.types, quote.places] {
                writer.varint(UInt64(votes.count))
                for vote in votes {
                    writer.string(vote.name)
                    writer.double(vote.weight)
                }
            }
            writer.string(quote.context)
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
            for _ in 0..<2 {
                var votes: [QuotedName.Vote] = []
                for _ in 0..<(try reader.count()) { votes.append(.init(name: try reader.string(), weight: try reader.double())) }
                lists.append(votes)
            }
            quotes.append(QuotedName(key: key, uses: uses, qualifying: qualifying, types: lists[0], places: lists[1],
                                     context: try reader.string()))
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
