import PageParser
import Persistence

/// What links the articles of a corpus together, kept up to date one article at a time: tags and
/// their articles, places with the articles about them (their own and those below them) and
/// mentioning them, initiatives (quoted names merged across spellings and articles), and author
/// records (one per person across pages).
///
/// Adding or removing an article touches only the entries its analysis names, plus the few
/// initiative groups and author names they belong to, so an upload costs its own page. Every
/// decision is made from counts and votes that add and subtract exactly (integers) and ties are
/// broken by name, never by arrival order: the aggregate of a corpus is the same however its
/// articles were added, which is what lets uploads applied one by one equal a full build.
///
/// A value type built from persistent maps: copying it to publish a new archive snapshot costs
/// nothing, and a change copies only the paths it touches.
public struct CorpusAggregate: Sendable {
    public private(set) var places: PlaceDirectory

    // Tags
    var tagArticles = SortedMap<String, SlotSet>()
    var tagRanking = SortedMap<Rank, Bool>()

    // Places
    var placeAbout = SortedMap<String, SlotSet>()
    var placeSubtree = SortedMap<String, SlotSet>()
    var placeMentions = SortedMap<String, Mentions>()
    var placeRanking = SortedMap<PlaceRank, Bool>()

    // Initiatives
    var names = SortedMap<String, NameStats>()
    /// A part (`网办到家`) to the quoted multi-part names holding it (`幸福长沙、网办到家`).
    /// (part, multi-part name) for every part of every multi-part name: the names sharing a part
    /// are a range, and how many there are a difference of ranks.
    var partOf = SortedMap<PartKey, Bool>()
    /// Parts shared by more names than this do not link them (see `maxNamesSharingAPart`).
    let linkLimit: Int
    /// Names whose links changed in the current batch of changes.
    var relinked = Set<String>()
    var groupOfKey = SortedMap<String, String>()
    var initiativeRecords = SortedMap<String, Initiative>()
    var initiativeRanking = SortedMap<Rank, Bool>()
    /// Initiatives by the place that runs them and every place above it.
    /// Initiatives run by each place or a place below it, ranked as `initiativeRanking` within
    /// the place: paging through a province's thousands costs O(log n + page).
    var initiativesByPlace = SortedMap<PlacedRank, Bool>()
    /// Initiatives of each kind (its raw value in `place`), ranked the same way.
    var initiativesByKind = SortedMap<PlacedRank, Bool>()

    // Authors
    var bylines = SortedMap<String, [String: Affiliation]>()
    /// `name + "\u{1}" + organisations key` to the author id.
    var authorOfAffiliation = SortedMap<String, String>()
    var authorRecords = SortedMap<String, AuthorRecord>()
    var authorRanking = SortedMap<Rank, Bool>()

    public init(places: PlaceDirectory, linkLimit: Int = 12) {
        self.places = places
        self.linkLimit = linkLimit
    }

    struct PartKey: Comparable, Hashable, Sendable {
        var part: String
        var name: String

        static func < (a: PartKey, b: PartKey) -> Bool { a.part != b.part ? a.part < b.part : a.name < b.name }
    }

    /// How many names hold `part`.
    func holderCount(_ part: String) -> Int {
        partOf.rank(of: PartKey(part: part + "\u{0}", name: "")) - partOf.rank(of: PartKey(part: part, name: ""))
    }

    /// The names holding `part`, when it links them (at most `linkLimit`); else none.
    func linkedHolders(_ part: String) -> [String] {
        guard holderCount(part) <= linkLimit else { return [] }
        var names: [String] = []
        partOf.forEach(from: PartKey(part: part, name: "")) { key, _ in
            guard key.part == part else { return false }
            names.append(key.name)
            return true
        }
        return names
    }

    // MARK: - Changes

    /// Adds analysed articles (by slot).
    public mutating func add(_ articles: [(slot: Int, analysis: ArticleAnalysis)]) {
        // Into an empty aggregate, many articles go faster in bulk (same result).
        if articles.count > 256, tagCounts.isEmpty, names.isEmpty, bylines.isEmpty, placeRanks.isEmpty {
            self = CorpusAggregate(places: places, linkLimit: linkLimit, articles: articles)
            return
        }
        apply(articles, sign: 1)
    }

    /// Removes analysed articles; each analysis must be the one they were added with.
    public mutating func remove(_ articles: [(slot: Int, analysis: ArticleAnalysis)]) {
        apply(articles, sign: -1)
    }

    private mutating func apply(_ articles: [(slot: Int, analysis: ArticleAnalysis)], sign: Int) {
        var touchedTags = Set<String>()
        var touchedPlaces = Set<String>()
        var touchedKeys = Set<String>()
        var touchedNames = Set<String>()
        for (slot, analysis) in articles {
            for tag in analysis.tags {
                Self.update(&tagArticles, tag.term, slot: slot, sign: sign)
                touchedTags.insert(tag.term)
            }
            if let main = analysis.locality {
                Self.update(&placeAbout, main, slot: slot, sign: sign)
                for place in [main] + places.ancestors(of: main) {
                    Self.update(&placeSubtree, place, slot: slot, sign: sign)
                    touchedPlaces.insert(place)
                }
            }
            for mention in analysis.places {
                var entry = placeMentions[mention.place] ?? Mentions()
                if sign > 0 { entry.articles.insert(slot) } else { entry.articles.remove(slot) }
                entry.occurrences += sign * mention.count
                placeMentions[mention.place] = entry.articles.isEmpty ? nil : entry
                touchedPlaces.insert(mention.place)
            }
            for quote in analysis.quotes {
                updateName(quote, slot: slot, sign: sign)
                touchedKeys.insert(quote.key)
                // A removed multi-part name no longer links its parts: reach the groups through them.
                touchedKeys.formUnion(InitiativeExtractor.components(quote.key))
            }
            var seenPeople = Set<String>()
            for person in analysis.people {
                updateByline(person, first: seenPeople.insert(person.name).inserted, analysis: analysis, slot: slot, sign: sign)
                touchedNames.insert(person.name)
            }
        }
        for term in touchedTags { rerankTag(term) }
        for place in touchedPlaces { rerankPlace(place) }
        regroup(touchedKeys.union(relinked))
        relinked = []
        for name in touchedNames { recluster(name) }
    }

    private static func update(_ map: inout SortedMap<String, SlotSet>, _ key: String, slot: Int, sign: Int) {
        var set = map[key] ?? SlotSet()
        if sign > 0 { set.insert(slot) } else { set.remove(slot) }
        map[key] = set.isEmpty ? nil : set
    }

    // MARK: - Ranks

    /// Entries ranked by a count, most first, then by id.
    struct Rank: Comparable, Sendable {
        var count: Int
        var id: String

        static func < (a: Rank, b: Rank) -> Bool { a.count != b.count ? a.count > b.count : a.id < b.id }
    }

    struct PlacedRank: Comparable, Sendable {
        var place: String
        var rank: Rank

        static func < (a: PlacedRank, b: PlacedRank) -> Bool { a.place != b.place ? a.place < b.place : a.rank < b.rank }

        /// Sorts before every entry of `place`.
        static func first(_ place: String) -> PlacedRank { PlacedRank(place: place, rank: Rank(count: .max, id: "")) }
    }

    struct PlaceRank: Comparable, Sendable {
        var articles: Int
        var mentions: Int
        var id: String

        static func < (a: PlaceRank, b: PlaceRank) -> Bool {
            if a.articles != b.articles { return a.articles > b.articles }
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            return a.id < b.id
        }
    }

    struct Mentions: Sendable, Equatable {
        var articles = SlotSet()
        var occurrences = 0
    }

    /// Counts kept per tag, place, initiative and author so a re-rank can find the old entry.
    var tagCounts = SortedMap<String, Int>()
    var placeRanks = SortedMap<String, PlaceRank>()
    var initiativeCounts = SortedMap<String, Int>()
    var authorCounts = SortedMap<String, Int>()

    mutating func rerankTag(_ term: String) {
        if let old = tagCounts[term] { tagRanking.remove(Rank(count: old, id: term)) }
        let count = tagArticles[term]?.count ?? 0
        tagCounts[term] = count > 0 ? count : nil
        if count > 0 { tagRanking.insert(Rank(count: count, id: term), true) }
    }

    mutating func rerankPlace(_ place: String) {
        if let old = placeRanks[place] { placeRanking.remove(old) }
        let rank = PlaceRank(articles: placeSubtree[place]?.count ?? 0, mentions: placeMentions[place]?.occurrences ?? 0, id: place)
        let used = rank.articles > 0 || placeMentions[place] != nil
        placeRanks[place] = used ? rank : nil
        if used { placeRanking.insert(rank, true) }
    }
}

// MARK: - Initiatives

extension CorpusAggregate {
    /// Evidence for one quoted name over the corpus. Place votes are in half units so they add and
    /// subtract exactly.
    struct NameStats: Sendable, Equatable {
        var uses = 0
        var qualifying = 0
        var namingWords: [String: Int] = [:]
        var kinds: [String: Int] = [:]
        var votes: [String: Int] = [:]
        var evidence = QuotedName.Evidence()
        var articles = SlotSet()

        mutating func apply(_ quote: QuotedName, slot: Int, sign: Int) {
            uses += sign * quote.uses
            qualifying += sign * quote.qualifying
            evidence.add(quote.evidence, sign: sign)
            for vote in quote.namingWords { namingWords[vote.name, default: 0] += sign * Int(vote.weight.rounded()) }
            for vote in quote.kinds { kinds[vote.name, default: 0] += sign * Int(vote.weight.rounded()) }
            for vote in quote.places { votes[vote.name, default: 0] += sign * Int((vote.weight * 2).rounded()) }
            if sign < 0 {
                namingWords = namingWords.filter { $0.value != 0 }
                kinds = kinds.filter { $0.value != 0 }
                votes = votes.filter { $0.value != 0 }
            }
            if sign > 0 { articles.insert(slot) } else { articles.remove(slot) }
        }
    }

    private mutating func updateName(_ quote: QuotedName, slot: Int, sign: Int) {
        let existed = names[quote.key] != nil
        var stats = names[quote.key] ?? NameStats()
        stats.apply(quote, slot: slot, sign: sign)
        let exists = stats.uses > 0
        names[quote.key] = exists ? stats : nil
        guard existed != exists else { return }
        for part in InitiativeExtractor.components(quote.key) {
            let before = holderCount(part)
            if exists { partOf.insert(PartKey(part: part, name: quote.key), true) } else { partOf.remove(PartKey(part: part, name: quote.key)) }
            // The part starts or stops linking its names: every one of them is regrouped.
            if (before <= linkLimit) != (holderCount(part) <= linkLimit) {
                partOf.forEach(from: PartKey(part: part, name: "")) { key, _ in
                    guard key.part == part else { return false }
                    relinked.insert(key.name)
                    return true
                }
            }
        }
    }

    func qualifies(_ key: String) -> Bool { (names[key]?.qualifying ?? 0) > 0 }

    /// Names linked to `key`: the parts of a qualifying multi-part name, and the qualifying
    /// multi-part names it is a part of.
    func neighbours(_ key: String) -> [String] {
        var result = qualifies(key) ? InitiativeExtractor.components(key).filter { holderCount($0) <= linkLimit } : []
        result += linkedHolders(key).filter(qualifies)
        return result
    }

    /// Recomputes the initiative groups of `touched` names: the connected components, over the
    /// links between names, that hold a qualifying name.
    mutating func regroup(_ touched: Set<String>) {
        var affected = Set<String>()
        var queue = Array(touched)
        while let key = queue.popLast() {
            guard affected.insert(key).inserted else { continue }
            if let group = groupOfKey[key], let record = initiativeRecords[group] {
                queue += record.keys.filter { !affected.contains($0) }
            }
            queue += neighbours(key).filter { !affected.contains($0) }
        }
        for key in affected {
            guard let group = groupOfKey[key] else { continue }
            if let record = initiativeRecords[group] {
                indexInitiative(record, insert: false)
                initiativeRecords[group] = nil
                if let count = initiativeCounts[group] { initiativeRanking.remove(Rank(count: count, id: group)) }
                initiativeCounts[group] = nil
                for member in record.keys { groupOfKey[member] = nil }
            }
            groupOfKey[key] = nil
        }
        for record in initiatives(startingFrom: affected.sorted()) {
            initiativeRecords[record.id] = record
            indexInitiative(record, insert: true)
            initiativeCounts[record.id] = record.mentionCount
            initiativeRanking.insert(Rank(count: record.mentionCount, id: record.id), true)
            for key in record.keys { groupOfKey[key] = record.id }
        }
    }

    /// The initiatives the names in `starts` make: for each qualifying one not yet reached, its
    /// connected component over the links between names, in the order of `starts`.
    func initiatives(startingFrom starts: [String]) -> [Initiative] {
        var found: [Initiative] = []
        var seen = Set<String>()
        for start in starts where !seen.contains(start) && qualifies(start) {
            var component: [String] = []
            var stack = [start]
            while let key = stack.popLast() {
                guard seen.insert(key).inserted else { continue }
                component.append(key)
                stack += neighbours(key).filter { !seen.contains($0) }
            }
            if let record = initiative(of: component.sorted()) { found.append(record) }
        }
        return found
    }

    /// Whether the places voted for lie in more than one province: it stops at the second one,
    /// where a national programme's votes would otherwise be looked up place by place.
    private func spansProvinces(_ votes: [String: Int]) -> Bool {
        var first: String?
        for place in votes.keys {
            guard let province = places.province(of: place) else { continue }
            if let first {
                if province != first { return true }
            } else {
                first = province
            }
        }
        return false
    }

    /// The place that runs an initiative, from its mentions' votes. A vote for a place also backs
    /// the places below it that got votes (重庆 in one sentence, 璧山区 in another: 璧山区); the
    /// most backed place wins, then the deeper one, then the smaller id.
    private func runner(_ votes: [String: Int]) -> String? {
        var best: (place: String, backing: Int, depth: Int)?
        for (place, own) in votes where own > 0 {
            let ancestors = places.ancestors(of: place)
            let backing = own + ancestors.reduce(0) { $0 + max(0, votes[$1] ?? 0) }
            let candidate = (place: place, backing: backing, depth: ancestors.count)
            if let current = best,
               (current.backing, current.depth) > (backing, candidate.depth)
                || ((current.backing, current.depth) == (backing, candidate.depth) && current.place < place) { continue }
            best = candidate
        }
        return best?.place
    }

    private mutating func indexInitiative(_ record: Initiative, insert: Bool) {
        let byKind = PlacedRank(place: record.kind.rawValue, rank: Rank(count: record.mentionCount, id: record.id))
        if insert { initiativesByKind.insert(byKind, true) } else { initiativesByKind.remove(byKind) }
        guard let locality = record.locality else { return }
        for place in [locality] + places.ancestors(of: locality) {
            let key = PlacedRank(place: place, rank: Rank(count: record.mentionCount, id: record.id))
            if insert { initiativesByPlace.insert(key, true) } else { initiativesByPlace.remove(key) }
        }
    }

    /// The initiative a group of names makes, or nil when nothing is left of it.
    func initiative(of keys: [String]) -> Initiative? {
        var votes: [String: Int] = [:]
        var namingWords: [String: Int] = [:]
        var kinds: [String: Int] = [:]
        var evidence = QuotedName.Evidence()
        var articles = SlotSet()
        var mentions = 0
        var uses: [String: Int] = [:]
        for key in keys {
            guard let stats = names[key] else { continue }
            // Most groups are one name: its tables are the group's, shared rather than merged
            // (a national programme's votes name thousands of places at a million articles).
            if keys.count == 1 {
                (votes, namingWords, kinds, articles) = (stats.votes, stats.namingWords, stats.kinds, stats.articles)
            } else {
                votes.merge(stats.votes, uniquingKeysWith: +)
                namingWords.merge(stats.namingWords, uniquingKeysWith: +)
                kinds.merge(stats.kinds, uniquingKeysWith: +)
                articles.formUnion(stats.articles)
            }
            evidence.add(stats.evidence)
            mentions += stats.uses
            uses[key] = stats.uses
        }
        guard mentions > 0 else { return nil }
        func best(_ counts: [String: Int]) -> String? {
            counts.filter { $0.value > 0 }.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        }
        // A name that mostly reads as a national formula is a national slogan, and so is one whose
        // mentions point to places in two different provinces.
        let kind: InitiativeKind = 2 * evidence.national > mentions || spansProvinces(votes)
            ? .slogan : best(kinds).flatMap(InitiativeKind.init(rawValue:)) ?? .programme
        let id = keys.min { ($0.count, $0) < ($1.count, $1) }!
        // The most used spelling; on a tie, the shorter, then the first in code point order.
        let name = keys.max { a, b in
            let ua = uses[a] ?? 0, ub = uses[b] ?? 0
            if ua != ub { return ua < ub }
            if a.count != b.count { return a.count > b.count }
            return a > b
        }!
        return Initiative(id: id, name: name, aliases: keys.filter { $0 != name }, kind: kind, namingWord: best(namingWords),
                          locality: runner(votes), articles: articles, mentionCount: mentions, keys: keys, evidence: evidence)
    }
}

// MARK: - Authors

extension CorpusAggregate {
    /// One name with one set of credit organisations.
    struct Affiliation: Sendable, Equatable {
        var organisations: [String]
        var articles = SlotSet()
        var roles: [String: Int] = [:]
        var positions: [String: Int] = [:]
    }

    static func affiliationKey(_ organisations: [String]) -> String { organisations.joined(separator: "\u{1}") }

    private mutating func updateByline(_ person: Person, first: Bool, analysis: ArticleAnalysis, slot: Int, sign: Int) {
        var entries = bylines[person.name] ?? [:]
        Self.apply(person, first: first, analysis: analysis, slot: slot, sign: sign, to: &entries)
        bylines[person.name] = entries.isEmpty ? nil : entries
    }

    static func apply(_ person: Person, first: Bool, analysis: ArticleAnalysis, slot: Int, sign: Int,
                      to entries: inout [String: Affiliation]) {
        let key = affiliationKey(analysis.organisations)
        var entry = entries[key] ?? Affiliation(organisations: analysis.organisations)
        entry.roles[person.role.rawValue, default: 0] += sign
        if first {
            if sign > 0 { entry.articles.insert(slot) } else { entry.articles.remove(slot) }
            for position in analysis.positions { entry.positions[position, default: 0] += sign }
        }
        if sign < 0 {
            entry.roles = entry.roles.filter { $0.value != 0 }
            entry.positions = entry.positions.filter { $0.value != 0 }
        }
        entries[key] = entry.articles.isEmpty ? nil : entry
    }

    /// People with the same name are the same person unless both carry credits whose
    /// organisations have nothing in common (市委党校 and 株洲市委党校 are compatible: one ends the
    /// other). Affiliations are merged greedily in a fixed order (credited ones by name, then the
    /// uncredited), so the records depend only on what the corpus holds.
    mutating func recluster(_ name: String) {
        // Forget the name's old records.
        for (id, record) in authorRecords.entries(withPrefix: name, limit: .max) where record.name == name {
            authorRecords[id] = nil
            if let count = authorCounts[id] { authorRanking.remove(Rank(count: count, id: id)) }
            authorCounts[id] = nil
        }
        for (key, _) in authorOfAffiliation.entries(withPrefix: name + "\u{1}", limit: .max) { authorOfAffiliation[key] = nil }
        for (record, keys) in Self.authorRecords(of: name, bylines[name] ?? [:]) {
            for key in keys { authorOfAffiliation[name + "\u{1}" + key] = record.id }
            authorRecords[record.id] = record
            authorCounts[record.id] = record.articleCount
            authorRanking.insert(Rank(count: record.articleCount, id: record.id), true)
        }
    }

    /// The records of the people called `name`, with the affiliation keys each one merges.
    static func authorRecords(of name: String, _ affiliations: [String: Affiliation]) -> [(record: AuthorRecord, keys: [String])] {
        // An affiliation key of "" is the uncredited one; it sorts after the credited.
        let entries = affiliations.sorted { a, b in
            if a.key.isEmpty != b.key.isEmpty { return !a.key.isEmpty }
            return a.key < b.key
        }
        struct Draft {
            var organisations: [String] = []
            var keys: [String] = []
        }
        var drafts: [Draft] = []
        for (key, entry) in entries {
            if let index = drafts.firstIndex(where: { compatible($0.organisations, entry.organisations) }) {
                for organisation in entry.organisations where !drafts[index].organisations.contains(organisation) {
                    drafts[index].organisations.append(organisation)
                }
                drafts[index].keys.append(key)
            } else {
                drafts.append(Draft(organisations: entry.organisations, keys: [key]))
            }
        }
        return drafts.map { draft in
            // A name shared by different people gets its organisation for disambiguation.
            let id = drafts.count > 1 ? "\(name)@\(draft.organisations.first ?? "unknown")" : name
            var articles = SlotSet()
            var roles: [String: Int] = [:]
            var positions: [String: Int] = [:]
            for key in draft.keys {
                guard let entry = affiliations[key] else { continue }
                articles.formUnion(entry.articles)
                roles.merge(entry.roles, uniquingKeysWith: +)
                positions.merge(entry.positions, uniquingKeysWith: +)
            }
            let record = AuthorRecord(
                id: id, name: name,
                roles: Person.Role.allCases.filter { (roles[$0.rawValue] ?? 0) > 0 },
                organisations: draft.organisations,
                positions: positions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { $0.key },
                articles: articles)
            return (record, draft.keys)
        }
    }

    static func compatible(_ a: [String], _ b: [String]) -> Bool {
        if a.isEmpty || b.isEmpty { return true }
        return a.contains { x in b.contains { y in x == y || x.hasSuffix(y) || y.hasSuffix(x) } }
    }
}
