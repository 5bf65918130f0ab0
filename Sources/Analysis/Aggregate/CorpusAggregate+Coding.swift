import PageParser
import Persistence

/// The aggregate saved whole, so that a start-up reads it instead of computing it again from every
/// article's analysis (at a million articles that was most of a start: decoding gigabytes of
/// analyses and regrouping every initiative). What is saved are the tables decisions are made
/// from, the initiative groups and the author records, and the initiative indexes and part links
/// in their sorted order (deriving and sorting those was 40% of reading a saved aggregate, the
/// critical path of a start); the other rankings and counts are derived in one pass each. The
/// result equals the aggregate that was saved, which the tests check table by table.
extension CorpusAggregate {
    /// The version of the stored form below; a saved aggregate of another version is not read (the
    /// archive computes the aggregate from the analyses instead).
    public static let encodingVersion = 2

    /// Writes the aggregate in chunks of about `chunkSize` bytes, so that saving a large one never
    /// holds all its bytes in memory at once.
    public func encode<E: Error>(chunkSize: Int = 1 << 20, _ emit: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        var writer = BinaryWriter(capacity: chunkSize + 64 * 1024)
        func flush(atLeast size: Int) throws(E) {
            guard writer.bytes.count >= size else { return }
            var failure: E?
            writer.bytes.withUnsafeBytes { bytes in
                do throws(E) { try emit(bytes) } catch { failure = error }
            }
            if let failure { throw failure }
            writer.removeAll()
        }
        /// Every entry of a sorted map, in its order, flushing as the bytes grow.
        func pairs<K, V>(_ map: SortedMap<K, V>, _ encodeEntry: (K, V, inout BinaryWriter) -> Void) throws(E) {
            writer.varint(UInt64(map.count))
            var failure: E?
            map.forEach(fromPosition: 0) { key, value in
                encodeEntry(key, value, &writer)
                do throws(E) { try flush(atLeast: chunkSize) } catch { failure = error; return false }
                return true
            }
            if let failure { throw failure }
        }
        func table<V>(_ map: SortedMap<String, V>, _ encodeValue: (V, inout BinaryWriter) -> Void) throws(E) {
            try pairs(map) { key, value, writer in
                writer.string(key)
                encodeValue(value, &writer)
            }
        }
        /// A sorted index: its keys alone.
        func keys<K>(_ map: SortedMap<K, Bool>, _ encodeKey: (K, inout BinaryWriter) -> Void) throws(E) {
            try pairs(map) { key, _, writer in encodeKey(key, &writer) }
        }
        try table(tagArticles) { slots, writer in slots.encode(into: &writer) }
        try table(placeAbout) { slots, writer in slots.encode(into: &writer) }
        try table(placeSubtree) { slots, writer in slots.encode(into: &writer) }
        try table(placeMentions) { entry, writer in
            entry.articles.encode(into: &writer)
            writer.varint(UInt64(entry.occurrences))
        }
        try table(names) { stats, writer in stats.encode(into: &writer) }
        try table(initiativeRecords) { record, writer in Self.encode(record, into: &writer) }
        try table(bylines) { affiliations, writer in
            writer.varint(UInt64(affiliations.count))
            for (key, affiliation) in affiliations.sorted(by: { $0.key < $1.key }) {
                writer.string(key)
                writer.strings(affiliation.organisations)
                affiliation.articles.encode(into: &writer)
                Self.encode(affiliation.roles, into: &writer)
                Self.encode(affiliation.positions, into: &writer)
            }
        }
        try table(authorRecords) { record, writer in
            writer.string(record.name)
            writer.strings(record.roles.map(\.rawValue))
            writer.strings(record.organisations)
            writer.strings(record.positions)
            record.articles.encode(into: &writer)
        }
        try table(authorOfAffiliation) { id, writer in writer.string(id) }
        try table(groupOfKey) { id, writer in writer.string(id) }
        try keys(initiativeRanking) { rank, writer in Self.encode(rank, into: &writer) }
        try keys(initiativesByKind) { key, writer in Self.encode(key, into: &writer) }
        try keys(initiativesByPlace) { key, writer in Self.encode(key, into: &writer) }
        try keys(partOf) { key, writer in
            writer.string(key.part)
            writer.string(key.name)
        }
        try flush(atLeast: 1)
    }

    /// The aggregate `encode` wrote, over the same places (the configuration's gazetteer with the
    /// same corpus model). Damaged bytes give an error, never a crash.
    public init(places: PlaceDirectory, linkLimit: Int = 12, decoding bytes: UnsafeRawBufferPointer) throws(BinaryReader.Error) {
        self.init(places: places, linkLimit: linkLimit)
        var reader = BinaryReader(bytes)
        /// Entries in the strictly ascending key order SortedMap(sorted:) requires (a file that breaks
        /// it is damaged).
        func pairs<K: Comparable, V>(_ decodeEntry: (inout BinaryReader) throws(BinaryReader.Error) -> (K, V)) throws(BinaryReader.Error) -> [(K, V)] {
            let count = try reader.count()
            var entries: [(K, V)] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let entry = try decodeEntry(&reader)
                if let last = entries.last, !(last.0 < entry.0) { throw BinaryReader.Error() }
                entries.append(entry)
            }
            return entries
        }
        /// A string-keyed table's entries; the value's decoder is given its key.
        func entries<V>(_ decodeValue: (String, inout BinaryReader) throws(BinaryReader.Error) -> V) throws(BinaryReader.Error) -> [(String, V)] {
            try pairs { (reader) throws(BinaryReader.Error) in
                let key = try reader.string()
                return (key, try decodeValue(key, &reader))
            }
        }
        func table<V>(_ decodeValue: (inout BinaryReader) throws(BinaryReader.Error) -> V) throws(BinaryReader.Error) -> SortedMap<String, V> {
            SortedMap(sorted: try entries { (_, reader) throws(BinaryReader.Error) in try decodeValue(&reader) })
        }
        tagArticles = try table { (reader) throws(BinaryReader.Error) in try SlotSet(from: &reader) }
        placeAbout = try table { (reader) throws(BinaryReader.Error) in try SlotSet(from: &reader) }
        placeSubtree = try table { (reader) throws(BinaryReader.Error) in try SlotSet(from: &reader) }
        placeMentions = try table { (reader) throws(BinaryReader.Error) in
            Mentions(articles: try SlotSet(from: &reader), occurrences: try reader.count(limit: .max))
        }
        names = try table { (reader) throws(BinaryReader.Error) in try NameStats(from: &reader) }
        let initiatives = try entries { (_, reader) throws(BinaryReader.Error) in try Self.decodeInitiative(from: &reader) }
        bylines = try table { (reader) throws(BinaryReader.Error) in
            var affiliations: [String: Affiliation] = [:]
            for _ in 0..<(try reader.count()) {
                let key = try reader.string()
                affiliations[key] = Affiliation(organisations: try reader.strings(), articles: try SlotSet(from: &reader),
                                                roles: try Self.decodeCounts(from: &reader), positions: try Self.decodeCounts(from: &reader))
            }
            return affiliations
        }
        let authors = try entries { (id, reader) throws(BinaryReader.Error) -> AuthorRecord in
            let name = try reader.string()
            var roles: [Person.Role] = []
            for raw in try reader.strings() {
                guard let role = Person.Role(rawValue: raw) else { throw BinaryReader.Error() }
                roles.append(role)
            }
            return AuthorRecord(id: id, name: name, roles: roles, organisations: try reader.strings(), positions: try reader.strings(),
                                articles: try SlotSet(from: &reader))
        }
        let affiliationAuthors = try entries { (_, reader) throws(BinaryReader.Error) in try reader.string() }
        /// A sorted index: its keys alone.
        func keys<K: Comparable>(_ decodeKey: (inout BinaryReader) throws(BinaryReader.Error) -> K) throws(BinaryReader.Error) -> SortedMap<K, Bool> {
            SortedMap(sorted: try pairs { (reader) throws(BinaryReader.Error) in (try decodeKey(&reader), true) })
        }
        groupOfKey = try table { (reader) throws(BinaryReader.Error) in try reader.string() }
        initiativeRanking = try keys { (reader) throws(BinaryReader.Error) in try Self.decodeRank(from: &reader) }
        initiativesByKind = try keys { (reader) throws(BinaryReader.Error) in try Self.decodePlacedRank(from: &reader) }
        initiativesByPlace = try keys { (reader) throws(BinaryReader.Error) in try Self.decodePlacedRank(from: &reader) }
        partOf = try keys { (reader) throws(BinaryReader.Error) in PartKey(part: try reader.string(), name: try reader.string()) }
        guard reader.isAtEnd else { throw BinaryReader.Error() }
        deriveTagAndPlaceRanks()
        // Written in id order (and checked to be read so), each under its own id.
        guard initiatives.allSatisfy({ $0.0 == $0.1.id }) else { throw BinaryReader.Error() }
        initiativeRecords = SortedMap(sorted: initiatives)
        initiativeCounts = SortedMap(sorted: initiatives.map { ($0.0, $0.1.mentionCount) })
        // Both tables were written in key order (and checked to be read so).
        install(authorsByID: authors.map(\.1), affiliations: affiliationAuthors)
    }

    // MARK: - Parts

    static func encode(_ counts: [String: Int], into writer: inout BinaryWriter) {
        writer.varint(UInt64(counts.count))
        for (key, value) in counts.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.int(value)
        }
    }

    static func decodeCounts(from reader: inout BinaryReader) throws(BinaryReader.Error) -> [String: Int] {
        var counts: [String: Int] = [:]
        for _ in 0..<(try reader.count()) { counts[try reader.string()] = try reader.int() }
        return counts
    }

    static func encode(_ evidence: QuotedName.Evidence, into writer: inout BinaryWriter) {
        for count in evidence.counts { writer.int(count) }
    }

    static func decodeEvidence(from reader: inout BinaryReader) throws(BinaryReader.Error) -> QuotedName.Evidence {
        var counts: [Int] = []
        for _ in 0..<QuotedName.Evidence().counts.count { counts.append(try reader.int()) }
        return QuotedName.Evidence(counts: counts)
    }

    static func encode(_ rank: Rank, into writer: inout BinaryWriter) {
        writer.varint(UInt64(rank.count))
        writer.string(rank.id)
    }

    static func decodeRank(from reader: inout BinaryReader) throws(BinaryReader.Error) -> Rank {
        Rank(count: try reader.count(limit: .max), id: try reader.string())
    }

    static func encode(_ key: PlacedRank, into writer: inout BinaryWriter) {
        writer.string(key.place)
        encode(key.rank, into: &writer)
    }

    static func decodePlacedRank(from reader: inout BinaryReader) throws(BinaryReader.Error) -> PlacedRank {
        PlacedRank(place: try reader.string(), rank: try decodeRank(from: &reader))
    }

    static func encode(_ record: Initiative, into writer: inout BinaryWriter) {
        writer.string(record.name)
        writer.strings(record.aliases)
        writer.string(record.kind.rawValue)
        writer.optionalString(record.namingWord)
        writer.optionalString(record.locality)
        record.articles.encode(into: &writer)
        writer.varint(UInt64(record.mentionCount))
        writer.strings(record.keys)
        encode(record.evidence, into: &writer)
    }

    /// The record under the key just read (its id).
    static func decodeInitiative(from reader: inout BinaryReader) throws(BinaryReader.Error) -> Initiative {
        let name = try reader.string()
        let aliases = try reader.strings()
        guard let kind = InitiativeKind(rawValue: try reader.string()) else { throw BinaryReader.Error() }
        let namingWord = try reader.optionalString()
        let locality = try reader.optionalString()
        let articles = try SlotSet(from: &reader)
        let mentions = try reader.count(limit: .max)
        let keys = try reader.strings()
        guard let id = keys.min(by: { ($0.count, $0) < ($1.count, $1) }) else { throw BinaryReader.Error() }
        return Initiative(id: id, name: name, aliases: aliases, kind: kind, namingWord: namingWord, locality: locality,
                          articles: articles, mentionCount: mentions, keys: keys, evidence: try decodeEvidence(from: &reader))
    }
}

extension CorpusAggregate.NameStats {
    func encode(into writer: inout BinaryWriter) {
        writer.int(uses)
        writer.int(qualifying)
        CorpusAggregate.encode(namingWords, into: &writer)
        CorpusAggregate.encode(kinds, into: &writer)
        CorpusAggregate.encode(votes, into: &writer)
        CorpusAggregate.encode(evidence, into: &writer)
        articles.encode(into: &writer)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Error) {
        self.init()
        uses = try reader.int()
        qualifying = try reader.int()
        namingWords = try CorpusAggregate.decodeCounts(from: &reader)
        kinds = try CorpusAggregate.decodeCounts(from: &reader)
        votes = try CorpusAggregate.decodeCounts(from: &reader)
        evidence = try CorpusAggregate.decodeEvidence(from: &reader)
        articles = try SlotSet(from: &reader)
    }
}
