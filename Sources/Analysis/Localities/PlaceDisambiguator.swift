/// Picks one place per occurrence of one article when a name denotes several (长沙 → 长沙市 or
/// 长沙县; 鼓楼区 in four cities), or none when the text does not decide: the caller then skips the
/// occurrence. Pure: the same occurrences and home region always give the same choice.
///
/// The rules, in order, each narrowing the candidates of one occurrence:
/// 1. Anchoring: some readings count only with an anchor, a mentioned descendant or a mentioned
///    ancestor below province level (or the parent itself), or the home region on the same terms:
///    townships (anchored levels), generic names (城区, 东区), short forms of counties and districts
///    (anchored short-form levels: 兴国 in 救国、兴国) and very short full names (和县 in 党委和县政府).
/// 2. A full official name beats the other readings of a short form.
/// 3. A short form shared by a city and its own county (长沙市/长沙县) is the city, unless the county's
///    full name is printed in the article.
/// 4. A candidate with an ancestor or descendant mentioned elsewhere in the article wins, the
///    nearest relation first (吉林 next to 船营区 is 吉林市, its parent, before 吉林省).
/// 5. The higher level wins (吉林 → 吉林省 over 吉林市).
/// 6. A candidate in the home region (the newspaper's city) wins.
/// A place is "mentioned" when it is a candidate of another occurrence with a different text, so a
/// repeated ambiguous name is no evidence for itself.
struct PlaceDisambiguator {
    let gazetteer: Gazetteer
    let configuration: AnalysisConfiguration.Localities

    init(configuration: AnalysisConfiguration.Localities) {
        gazetteer = configuration.gazetteer
        self.configuration = configuration
    }

    /// One place id per occurrence, or nil where the candidates stay ambiguous (or unanchored).
    func choose(_ occurrences: [PlaceMatcher.Occurrence], home: String? = nil) -> [String?] {
        let printed = Set(occurrences.map(\.text))
        var evidence: [String: Evidence] = [:]
        return occurrences.map { occurrence in
            guard occurrence.fromGazetteer else { return occurrence.candidates.first }
            if evidence[occurrence.text] == nil {
                let others = occurrences.lazy.filter { $0.text != occurrence.text }.flatMap(\.candidates)
                evidence[occurrence.text] = Evidence(mentioned: Set(others), gazetteer: gazetteer)
            }
            return choose(occurrence, mentioned: evidence[occurrence.text]!, printed: printed, home: home)
        }
    }

    /// The occurrences whose place is decided, each with that place as its only candidate.
    func resolve(_ occurrences: [PlaceMatcher.Occurrence], home: String? = nil) -> [PlaceMatcher.Occurrence] {
        resolve(texts: [occurrences], home: home)[0]
    }

    /// `resolve` over the texts of one article together (headline, paragraphs), keeping their shape.
    func resolve(texts: [[PlaceMatcher.Occurrence]], home: String? = nil) -> [[PlaceMatcher.Occurrence]] {
        var choices = choose(Array(texts.joined()), home: home)[...]
        return texts.map { occurrences in
            defer { choices = choices.dropFirst(occurrences.count) }
            return zip(occurrences, choices).compactMap { occurrence, choice in
                guard let choice else { return nil }
                var resolved = occurrence
                resolved.candidates = [choice]
                return resolved
            }
        }
    }

    /// The places mentioned elsewhere, with everything above them (and how many levels above)
    /// for the descendant test.
    private struct Evidence {
        var places: Set<String>
        var aboveMentioned: [String: Int]

        init(mentioned: Set<String>, gazetteer: Gazetteer) {
            places = mentioned
            aboveMentioned = [:]
            for place in mentioned {
                for (steps, ancestor) in gazetteer.ancestors(of: place).enumerated() {
                    aboveMentioned[ancestor] = min(aboveMentioned[ancestor] ?? .max, steps + 1)
                }
            }
        }
    }

    private func choose(_ occurrence: PlaceMatcher.Occurrence, mentioned: Evidence, printed: Set<String>, home: String?) -> String? {
        let entries = occurrence.candidates.compactMap(gazetteer.entry(code:))
        var candidates = entries.filter { entry in
            !needsAnchor(entry, printedAs: occurrence.text) || isAnchored(entry, mentioned: mentioned, home: home)
        }
        candidates = preferring(candidates) { $0.name == occurrence.text }
        candidates = cityOverOwnCounties(candidates, printed: printed)
        let distances = candidates.map { relativeDistance($0.code, in: mentioned) }
        if let nearest = distances.compactMap({ $0 }).min() {
            candidates = zip(candidates, distances).filter { $0.1 == nearest }.map(\.0)
        }
        if let top = candidates.map(\.level.depth).min() { candidates = candidates.filter { $0.level.depth == top } }
        candidates = preferring(candidates) { isInside($0.code, home) }
        return candidates.count == 1 ? candidates[0].code : nil
    }

    private func needsAnchor(_ entry: GazetteerEntry, printedAs text: String) -> Bool {
        if configuration.anchoredLevels.contains(entry.level)
            || entry.name.unicodeScalars.allSatisfy(configuration.genericPlaceCharacters.contains) {
            return true
        }
        return text == entry.name
            ? entry.name.unicodeScalars.count < configuration.minUnanchoredNameLength
            : configuration.anchoredShortFormLevels.contains(entry.level)
    }

    /// A province is too broad to vouch for one of its hundred counties (湖南 for 城步 in 融城步伐),
    /// unless it is the place's parent (重庆 for 璧山).
    private func isAnchored(_ entry: GazetteerEntry, mentioned: Evidence, home: String?) -> Bool {
        let anchors = gazetteer.ancestors(of: entry.code).filter { ancestor in
            ancestor == entry.parentCode || gazetteer.entry(code: ancestor)?.level != .province
        }
        return mentioned.aboveMentioned[entry.code] != nil || anchors.contains(where: mentioned.places.contains)
            || home.map { $0 == entry.code || anchors.contains($0) } == true
    }

    /// 长沙 of 长沙市 and 长沙县: the county only when the article prints 长沙县.
    private func cityOverOwnCounties(_ candidates: [GazetteerEntry], printed: Set<String>) -> [GazetteerEntry] {
        var result = candidates
        for city in candidates where city.level == .city {
            let own = candidates.filter { $0.parentCode == city.code }
            guard !own.isEmpty else { continue }
            let named = own.filter { printed.contains($0.name) }
            let dropped = Set((named.isEmpty ? own : own.filter { !printed.contains($0.name) } + [city]).map(\.code))
            result.removeAll { dropped.contains($0.code) }
        }
        return result
    }

    /// The candidates that pass, when any does; otherwise all of them.
    private func preferring(_ candidates: [GazetteerEntry], _ test: (GazetteerEntry) -> Bool) -> [GazetteerEntry] {
        let passing = candidates.filter(test)
        return passing.isEmpty ? candidates : passing
    }

    /// Levels between a place and its nearest mentioned ancestor or descendant; nil without one.
    private func relativeDistance(_ code: String, in mentioned: Evidence) -> Int? {
        let up = gazetteer.ancestors(of: code).firstIndex(where: mentioned.places.contains).map { $0 + 1 }
        return [up, mentioned.aboveMentioned[code]].compactMap { $0 }.min()
    }

    private func isInside(_ code: String, _ home: String?) -> Bool {
        guard let home else { return false }
        return code == home || gazetteer.isAncestor(home, of: code)
    }
}
