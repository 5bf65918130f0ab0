import Persistence

/// What the analysis learned from the corpus as a whole, frozen: the words it discovered (with
/// how many articles held each, for IDF), and the places it accepted from naming patterns (with
/// the parents their printing implies). Every article is analysed against one model, so the
/// archive is always consistent; the model is rebuilt from the whole corpus only when the corpus
/// has changed enough (`CorpusModelBuilder`), off the request path.
///
/// With the same model, analysing articles one upload at a time gives exactly what analysing them
/// all at once gives: the model is the only corpus-wide input of per-article analysis.
public struct CorpusModel: Sendable {
    struct TermInfo: Sendable {
        var text: String
        var length: Int
        var quoted: Bool
        /// Found by the corpus statistics, not only printed in quotes.
        var discovered: Bool
        /// Articles of the corpus holding the term when the model was built.
        var documentFrequency: Int
    }

    let codes: CharacterCodes
    let terms: [Gram: TermInfo]
    /// Every prefix of every term, so a scan stops extending as soon as no term can match.
    let prefixes: Set<Gram>
    /// Places found by naming pattern and accepted, with their discovered parents.
    let patternPlaces: [String: Place]
    /// Their names in order, for prefix lookups, and their ids under each parent: built once per
    /// model, so that lookups on a large archive's many pattern places cost a search, not a scan.
    let patternNames: [String]
    let patternChildren: [String: [String]]
    /// Articles in the corpus the model was built from.
    public let articleCount: Int
    /// The revision of the analysis rules the model was built under (`CorpusAnalyzer.rulesRevision`):
    /// a model of another revision, and every analysis made with it, is re-analysed.
    public let rulesRevision: Int
    /// Identifies the model: derived state made with another model is stale.
    public let fingerprint: UInt64

    init(codes: CharacterCodes, terms: [Gram: TermInfo], patternPlaces: [String: Place], articleCount: Int,
         rulesRevision: Int = CorpusAnalyzer.rulesRevision) {
        self.codes = codes
        self.rulesRevision = rulesRevision
        self.terms = terms
        var prefixes = Set<Gram>()
        for gram in terms.keys {
            let length = gram.length
            for end in 1...length { prefixes.insert(gram.prefix(end)) }
        }
        self.prefixes = prefixes
        self.patternPlaces = patternPlaces
        patternNames = patternPlaces.keys.sorted()
        var children: [String: [String]] = [:]
        for place in patternPlaces.values { if let parent = place.parent { children[parent, default: []].append(place.id) } }
        patternChildren = children.mapValues { $0.sorted() }
        self.articleCount = articleCount
        var checksum = Checksum(seed: UInt64(articleCount))
        for term in terms.values.sorted(by: { $0.text < $1.text }) {
            checksum.update(Array(term.text.utf8) + [term.quoted ? 1 : 0, term.discovered ? 1 : 0])
            withUnsafeBytes(of: UInt64(term.documentFrequency).littleEndian) { checksum.update($0) }
        }
        for place in patternPlaces.values.sorted(by: { $0.id < $1.id }) {
            checksum.update(Array("\(place.id)\u{1}\(place.level.rawValue)\u{1}\(place.parent ?? "")".utf8))
        }
        // Revision 0 is every model saved before the revision was recorded: it adds nothing, so
        // their fingerprints (the names of their files) stay what they were.
        if rulesRevision != 0 { withUnsafeBytes(of: UInt64(rulesRevision).littleEndian) { checksum.update($0) } }
        fingerprint = checksum.value
    }

    /// A model that knows no words and no pattern places: what an empty archive starts with.
    public static let empty = CorpusModel(codes: CharacterCodes(), terms: [:], patternPlaces: [:], articleCount: 0)

    /// How many words the model knows.
    public var termCount: Int { terms.count }

    /// The discovered words, for diagnostics.
    public var words: [String] { terms.values.map(\.text).sorted() }

    /// Places accepted from naming patterns.
    public var discoveredPlaces: [Place] { patternPlaces.values.sorted { $0.id < $1.id } }

    // MARK: - Stored form

    /// The version of the stored form below; a stored model of another version must be rebuilt
    /// (fold it into the archive's configuration key). 2: terms record whether the statistics
    /// found them or only quotes did.
    public static let encodingVersion = 2

    /// The model as bytes (for the archive's state files); `init(bytes:)` reads them back.
    public var bytes: [UInt8] {
        var writer = BinaryWriter(capacity: terms.count * 24)
        writer.varint(UInt64(articleCount))
        let sorted = terms.values.sorted { $0.text < $1.text }
        writer.varint(UInt64(sorted.count))
        for term in sorted {
            writer.string(term.text)
            writer.bool(term.quoted)
            writer.bool(term.discovered)
            writer.varint(UInt64(term.documentFrequency))
        }
        let places = patternPlaces.values.sorted { $0.id < $1.id }
        writer.varint(UInt64(places.count))
        for place in places {
            writer.string(place.id)
            writer.string(place.name)
            writer.string(place.level.rawValue)
            writer.optionalString(place.parent)
        }
        return writer.bytes
    }

    /// - Parameter rulesRevision: the revision the model was saved under (stored beside it).
    public init(bytes: UnsafeRawBufferPointer, rulesRevision: Int) throws(BinaryReader.Error) {
        var reader = BinaryReader(bytes)
        let articleCount = try reader.count(limit: 1 << 40)
        var codes = CharacterCodes()
        var terms: [Gram: TermInfo] = [:]
        for _ in 0..<(try reader.count()) {
            let text = try reader.string()
            let quoted = try reader.bool()
            let discovered = try reader.bool()
            let frequency = try reader.count(limit: 1 << 40)
            let scalars = Array(text.unicodeScalars)
            guard (1...8).contains(scalars.count) else { throw BinaryReader.Error() }
            let gram = Gram(scalars.map { codes.code($0) })
            terms[gram] = TermInfo(text: text, length: scalars.count, quoted: quoted, discovered: discovered,
                                   documentFrequency: frequency)
        }
        var places: [String: Place] = [:]
        for _ in 0..<(try reader.count()) {
            let id = try reader.string()
            let name = try reader.string()
            guard let level = PlaceLevel(rawValue: try reader.string()) else { throw BinaryReader.Error() }
            places[id] = Place(id: id, name: name, level: level, parent: try reader.optionalString(), fromGazetteer: false)
        }
        self.init(codes: codes, terms: terms, patternPlaces: places, articleCount: articleCount, rulesRevision: rulesRevision)
    }
}
