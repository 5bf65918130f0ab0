import PageParser
import Persistence

extension CorpusAggregate {
    // MARK: - Tags

    public var tagCount: Int { tagCounts.count }

    public func articles(withTag term: String) -> SlotSet { tagArticles[term] ?? SlotSet() }

    public func articleCount(ofTag term: String) -> Int { tagCounts[term] ?? 0 }

    /// Tags by article count (most first, then by term), `offset` onwards; fewest first when
    /// `reversed`.
    public func rankedTags(offset: Int, limit: Int, reversed: Bool = false) -> [(term: String, articles: Int)] {
        var rows: [(term: String, articles: Int)] = []
        let body: (Rank, Bool) -> Bool = { rank, _ in
            guard rows.count < limit else { return false }
            rows.append((rank.id, rank.count))
            return true
        }
        if reversed {
            tagRanking.forEachReversed(fromPosition: tagRanking.count - 1 - offset, body)
        } else {
            tagRanking.forEach(fromPosition: offset, body)
        }
        return rows
    }

    /// Tags in code point order, `offset` onwards (descending when `reversed`).
    public func tagsByName(offset: Int, limit: Int, reversed: Bool = false) -> [(term: String, articles: Int)] {
        var rows: [(term: String, articles: Int)] = []
        let body: (String, Int) -> Bool = { term, count in
            guard rows.count < limit else { return false }
            rows.append((term, count))
            return true
        }
        if reversed {
            tagCounts.forEachReversed(fromPosition: tagCounts.count - 1 - offset, body)
        } else {
            tagCounts.forEach(fromPosition: offset, body)
        }
        return rows
    }

    /// How many tags start with `prefix`.
    public func tagCount(withPrefix prefix: String) -> Int {
        tagCounts.rank(of: prefix + "\u{10FFFF}") - tagCounts.rank(of: prefix)
    }

    /// Tags starting with `prefix`, in code point order, `offset` onwards.
    public func tags(withPrefix prefix: String, offset: Int, limit: Int) -> [(term: String, articles: Int)] {
        var rows: [(term: String, articles: Int)] = []
        tagCounts.forEach(fromPosition: tagCounts.rank(of: prefix) + offset) { term, count in
            guard term.hasPrefix(prefix), rows.count < limit else { return false }
            rows.append((term, count))
            return true
        }
        return rows
    }

    /// Tags starting with `prefix`, in code point order.
    public func tags(withPrefix prefix: String, limit: Int) -> [(term: String, articles: Int)] {
        tagCounts.entries(withPrefix: prefix, limit: limit).map { ($0.key, $0.value) }
    }

    // MARK: - Places

    /// Articles about the place or a place below it.
    public func articles(inPlace id: String) -> SlotSet { placeSubtree[id] ?? SlotSet() }

    /// Articles about exactly this place.
    public func articles(aboutPlace id: String) -> SlotSet { placeAbout[id] ?? SlotSet() }

    /// Articles naming the place, and how often it is named in all.
    public func mentions(ofPlace id: String) -> (articles: SlotSet, occurrences: Int) {
        let entry = placeMentions[id]
        return (entry?.articles ?? SlotSet(), entry?.occurrences ?? 0)
    }

    /// Places some article is about or mentions.
    public var placesInUseCount: Int { placeRanks.count }

    public func isInUse(place id: String) -> Bool { placeRanks[id] != nil }

    /// The rank of a place among places in use, and its counts.
    public func usage(ofPlace id: String) -> (articles: Int, mentions: Int)? {
        placeRanks[id].map { ($0.articles, $0.mentions) }
    }

    /// Places in use by articles about them (subtree), then mentions, then id.
    public func rankedPlaces(offset: Int, limit: Int) -> [(place: Place, articles: Int, mentions: Int)] {
        var rows: [(place: Place, articles: Int, mentions: Int)] = []
        placeRanking.forEach(fromPosition: offset) { rank, _ in
            guard rows.count < limit else { return false }
            if let place = places[rank.id] { rows.append((place, rank.articles, rank.mentions)) }
            return true
        }
        return rows
    }

    // MARK: - Initiatives

    public var initiativeCount: Int { initiativeRecords.count }

    public func initiative(id: String) -> Initiative? { initiativeRecords[id] }

    /// The initiative a spelling belongs to.
    public func initiative(named key: String) -> Initiative? {
        groupOfKey[normalizeName(key)].flatMap { initiativeRecords[$0] }
    }

    /// Initiatives by mentions (most first, then id), `offset` onwards.
    public func rankedInitiatives(offset: Int, limit: Int) -> [Initiative] {
        var rows: [Initiative] = []
        initiativeRanking.forEach(fromPosition: offset) { rank, _ in
            guard rows.count < limit else { return false }
            if let record = initiativeRecords[rank.id] { rows.append(record) }
            return true
        }
        return rows
    }

    /// How many initiatives are of `kind`.
    public func initiativeCount(ofKind kind: InitiativeKind) -> Int {
        initiativesByKind.rank(of: .first(kind.rawValue + "\u{0}")) - initiativesByKind.rank(of: .first(kind.rawValue))
    }

    /// Initiatives of `kind`, most mentioned first, `offset` onwards.
    public func rankedInitiatives(ofKind kind: InitiativeKind, offset: Int, limit: Int) -> [Initiative] {
        var rows: [Initiative] = []
        guard limit > 0 else { return rows }
        initiativesByKind.forEach(fromPosition: initiativesByKind.rank(of: .first(kind.rawValue)) + max(0, offset)) { key, _ in
            guard key.place == kind.rawValue, rows.count < limit else { return false }
            if let record = initiativeRecords[key.rank.id] { rows.append(record) }
            return true
        }
        return rows
    }

    /// How many initiatives the place or a place below it runs.
    public func initiativeCount(inPlace id: String) -> Int {
        initiativesByPlace.rank(of: .first(id + "\u{0}")) - initiativesByPlace.rank(of: .first(id))
    }

    /// Initiatives run by the place or a place below it, by mentions (most first, then id),
    /// `offset` onwards.
    public func rankedInitiatives(inPlace id: String, offset: Int, limit: Int) -> [Initiative] {
        var rows: [Initiative] = []
        guard limit > 0 else { return rows }
        initiativesByPlace.forEach(fromPosition: initiativesByPlace.rank(of: .first(id)) + max(0, offset)) { key, _ in
            guard key.place == id, rows.count < limit else { return false }
            if let record = initiativeRecords[key.rank.id] { rows.append(record) }
            return true
        }
        return rows
    }

    /// Initiatives one of whose spellings starts with `prefix`.
    public func initiatives(withPrefix prefix: String, limit: Int) -> [Initiative] {
        var ids: [String] = []
        for (_, group) in groupOfKey.entries(withPrefix: normalizeName(prefix), limit: limit * 4) where !ids.contains(group) {
            ids.append(group)
            if ids.count == limit { break }
        }
        return ids.compactMap { initiativeRecords[$0] }
    }

    /// The initiatives an article mentions, in the order it first quotes them.
    public func initiativeIDs(in analysis: ArticleAnalysis) -> [String] {
        var ids: [String] = []
        for quote in analysis.quotes {
            if let id = groupOfKey[quote.key], initiativeRecords[id] != nil, !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    // MARK: - Authors

    public var authorCount: Int { authorRecords.count }

    public func author(id: String) -> AuthorRecord? { authorRecords[id] }

    /// Authors by article count (most first, then id), `offset` onwards.
    public func rankedAuthors(offset: Int, limit: Int) -> [AuthorRecord] {
        var rows: [AuthorRecord] = []
        authorRanking.forEach(fromPosition: offset) { rank, _ in
            guard rows.count < limit else { return false }
            if let record = authorRecords[rank.id] { rows.append(record) }
            return true
        }
        return rows
    }

    /// Author records of people whose name starts with `prefix`.
    public func authors(withNamePrefix prefix: String, limit: Int) -> [AuthorRecord] {
        authorRecords.entries(withPrefix: prefix, limit: limit).map(\.value)
    }

    /// The author record of each person of an article's byline (nil for none), in byline order.
    public func authorIDs(in analysis: ArticleAnalysis) -> [String?] {
        let key = Self.affiliationKey(analysis.organisations)
        return analysis.people.map { authorOfAffiliation[$0.name + "\u{1}" + key] }
    }
}
