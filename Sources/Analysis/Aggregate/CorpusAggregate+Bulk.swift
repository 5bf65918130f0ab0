import PageParser
import Persistence

extension CorpusAggregate {
    /// The aggregate of many articles at once (a full build, a start-up, a re-analysis). Equal to
    /// adding them one by one, which the tests check, but the entries are gathered in hash tables
    /// and turned into persistent maps in one pass each, so a million articles take seconds.
    public init(places: PlaceDirectory, linkLimit: Int = 12, articles: [(slot: Int, analysis: ArticleAnalysis)]) {
        let ordered = articles.sorted { $0.slot < $1.slot }
        self.init(places: places, linkLimit: linkLimit) { body in
            for (slot, analysis) in ordered { body(slot, analysis) }
        }
    }

    /// The same from analyses produced one at a time, in ascending slot order, so that a large
    /// archive's analyses are decoded from its files as they are consumed, never all held at once.
    public init(places: PlaceDirectory, linkLimit: Int = 12, inSlotOrder forEachArticle: ((Int, ArticleAnalysis) -> Void) -> Void) {
        self.init(places: places, linkLimit: linkLimit)
        var tags: [String: SlotSet] = [:]
        var about: [String: SlotSet] = [:]
        var subtree: [String: SlotSet] = [:]
        var mentions: [String: Mentions] = [:]
        var names: [String: NameStats] = [:]
        var bylines: [String: [String: Affiliation]] = [:]
        var ancestors: [String: [String]] = [:]
        forEachArticle { slot, analysis in
            for tag in analysis.tags { tags[tag.term, default: SlotSet()].insert(slot) }
            if let main = analysis.locality {
                about[main, default: SlotSet()].insert(slot)
                let chain = ancestors[main] ?? {
                    let chain = [main] + places.ancestors(of: main)
                    ancestors[main] = chain
                    return chain
                }()
                for place in chain { subtree[place, default: SlotSet()].insert(slot) }
            }
            for mention in analysis.places {
                mentions[mention.place, default: Mentions()].articles.insert(slot)
                mentions[mention.place]!.occurrences += mention.count
            }
            for quote in analysis.quotes { names[quote.key, default: NameStats()].apply(quote, slot: slot, sign: 1) }
            var seen = Set<String>()
            for person in analysis.people {
                Self.apply(person, first: seen.insert(person.name).inserted, analysis: analysis, slot: slot, sign: 1,
                           to: &bylines[person.name, default: [:]])
            }
        }
        func sortedMap<V>(_ dictionary: [String: V]) -> SortedMap<String, V> {
            SortedMap(sorted: dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        tagArticles = sortedMap(tags)
        placeAbout = sortedMap(about)
        placeSubtree = sortedMap(subtree)
        placeMentions = sortedMap(mentions)
        self.names = sortedMap(names)
        self.bylines = sortedMap(bylines)
        deriveTagAndPlaceRanks()
        derivePartLinks()
        groupAll(names.keys.sorted())
        clusterAll(bylines)
    }

    // MARK: - Tables derived from others

    /// The tag and place counts and rankings, from the tags' and places' article sets.
    mutating func deriveTagAndPlaceRanks() {
        let tags = tagArticles.entries
        tagCounts = SortedMap(sorted: tags.map { ($0.key, $0.value.count) })
        tagRanking = SortedMap(sorted: tags.map { (Rank(count: $0.value.count, id: $0.key), true) }.sorted { $0.0 < $1.0 })
        var ranks: [String: PlaceRank] = [:]
        placeSubtree.forEach { place, slots in ranks[place] = PlaceRank(articles: slots.count, mentions: 0, id: place) }
        placeMentions.forEach { place, entry in
            ranks[place, default: PlaceRank(articles: 0, mentions: 0, id: place)].mentions = entry.occurrences
        }
        placeRanks = SortedMap(sorted: ranks.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        placeRanking = SortedMap(sorted: ranks.values.sorted().map { ($0, true) })
    }

    /// Which multi-part names hold each part, from the names.
    mutating func derivePartLinks() {
        var parts: [PartKey] = []
        names.forEach { key, _ in
            for part in InitiativeExtractor.components(key) { parts.append(PartKey(part: part, name: key)) }
        }
        partOf = SortedMap(sorted: Set(parts).sorted().map { ($0, true) })
    }

    /// Groups every name at once into an aggregate with no groups yet: the components `regroup`
    /// finds, started from the names in the same order, with each table built in one pass rather
    /// than entry by entry (a path copy per entry dominated a start-up).
    private mutating func groupAll(_ sortedNames: [String]) {
        install(initiatives: initiatives(startingFrom: sortedNames))
    }

    /// Puts initiative records into an aggregate that has none, with their indexes, each table in
    /// one pass rather than entry by entry.
    mutating func install(initiatives found: [Initiative]) {
        var records: [(String, Initiative)] = []
        var groupOf: [(String, String)] = []
        var ranking: [Rank] = []
        var byKind: [PlacedRank] = []
        var byPlace: [PlacedRank] = []
        for record in found {
            records.append((record.id, record))
            let rank = Rank(count: record.mentionCount, id: record.id)
            ranking.append(rank)
            byKind.append(PlacedRank(place: record.kind.rawValue, rank: rank))
            if let locality = record.locality {
                for place in [locality] + places.ancestors(of: locality) { byPlace.append(PlacedRank(place: place, rank: rank)) }
            }
            for key in record.keys { groupOf.append((key, record.id)) }
        }
        records.sort { $0.0 < $1.0 }
        initiativeRecords = SortedMap(sorted: records)
        initiativeCounts = SortedMap(sorted: records.map { ($0.0, $0.1.mentionCount) })
        initiativeRanking = SortedMap(sorted: ranking.sorted().map { ($0, true) })
        initiativesByKind = SortedMap(sorted: byKind.sorted().map { ($0, true) })
        initiativesByPlace = SortedMap(sorted: byPlace.sorted().map { ($0, true) })
        groupOfKey = SortedMap(sorted: groupOf.sorted { $0.0 < $1.0 })
    }

    /// The author records of every name at once, as `recluster` makes them one name at a time.
    private mutating func clusterAll(_ bylines: [String: [String: Affiliation]]) {
        var records: [String: AuthorRecord] = [:]
        var affiliationAuthors: [(String, String)] = []
        for name in bylines.keys.sorted() {
            for (record, keys) in Self.authorRecords(of: name, bylines[name]!) {
                records[record.id] = record
                for key in keys { affiliationAuthors.append((name + "\u{1}" + key, record.id)) }
            }
        }
        // Ids are names with a suffix, so name order is not quite id order.
        install(authorsByID: records.sorted { $0.key < $1.key }.map(\.value), affiliations: affiliationAuthors.sorted { $0.0 < $1.0 })
    }

    /// Puts author records (sorted by id, one per id) and the author of each (name, affiliation)
    /// (sorted) into an aggregate that has none, with their rankings.
    mutating func install(authorsByID records: [AuthorRecord], affiliations: [(String, String)]) {
        authorRecords = SortedMap(sorted: records.map { ($0.id, $0) })
        authorCounts = SortedMap(sorted: records.map { ($0.id, $0.articleCount) })
        authorRanking = SortedMap(sorted: records.map { (Rank(count: $0.articleCount, id: $0.id), true) }.sorted { $0.0 < $1.0 })
        authorOfAffiliation = SortedMap(sorted: affiliations)
    }
}
