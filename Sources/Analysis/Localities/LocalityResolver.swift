import ChineseText
import PageParser

/// Decides which places each article mentions and which one it is about.
///
/// The main locality is the place with the highest weighted mention count (headline mentions
/// weigh more; provinces less, since local articles are about cities and districts), then moved
/// down to a mentioned sub-place that carries a fair share of that weight (湖南 → 株洲 when the
/// article is about a Zhuzhou company named 湖南长城). An article that names no place takes the
/// place of its author's credit, then the page's most mentioned place, then the newspaper's city.
struct LocalityResolver {
    let configuration: AnalysisConfiguration.Localities

    struct Result {
        var places: [String: Place]
        var main: [String?]
        var mentions: [[PlaceCount]]
        /// Per article: occurrences per text (index 0 is the headline block, then paragraphs).
        var occurrences: [[[PlaceMatcher.Occurrence]]]
        /// Each article's texts in the order of `occurrences`.
        var texts: [[String]]
    }

    func resolve(_ articles: [Article], pages: [Page]) -> Result {
        let matcher = PlaceMatcher(configuration: configuration)
        let disambiguator = PlaceDisambiguator(configuration: configuration)
        var places = configuration.gazetteer.places
        let homeCities = pages.map { page in page.newspaper.flatMap { homeCity(of: $0, matcher: matcher, disambiguator: disambiguator) } }

        // Pass one: every candidate in every text.
        var allTexts: [[String]] = []
        var candidates: [[[PlaceMatcher.Occurrence]]] = []
        var patternCounts: [String: (total: Int, chained: Int, prefix: String)] = [:]
        for (articleIndex, article) in articles.enumerated() {
            let headline = [article.kicker, article.title, article.subtitle].compactMap { $0 }.joined(separator: " ")
            let texts = [headline] + article.subheadings.map(\.text) + article.paragraphs
            let found = disambiguator.resolve(texts: texts.map(matcher.occurrences(in:)), home: homeCities[articleIndex])
            for occurrence in found.joined() where !occurrence.fromGazetteer {
                var entry = patternCounts[occurrence.place] ?? (0, 0, occurrence.prefix ?? "")
                entry.total += 1
                if occurrence.chained { entry.chained += 1 }
                patternCounts[occurrence.place] = entry
            }
            allTexts.append(texts)
            candidates.append(found)
        }
        let accepted = acceptedPatternNames(patternCounts, texts: allTexts)

        // Pass two: weights and counts of the places kept.
        var scores: [[String: Double]] = []
        var counts: [[String: Int]] = []
        var allOccurrences: [[[PlaceMatcher.Occurrence]]] = []
        var discoveredParents: [String: [String: Int]] = [:]
        for found in candidates {
            var score: [String: Double] = [:]
            var count: [String: Int] = [:]
            var occurrencesPerText: [[PlaceMatcher.Occurrence]] = []
            for (index, textOccurrences) in found.enumerated() {
                let kept = textOccurrences.filter { $0.fromGazetteer || accepted.contains($0.place) }
                occurrencesPerText.append(kept)
                var previous: PlaceMatcher.Occurrence?
                for occurrence in kept {
                    if !occurrence.fromGazetteer {
                        if places[occurrence.place] == nil {
                            places[occurrence.place] = Place(id: occurrence.place, name: occurrence.place,
                                                             level: patternLevel(occurrence.place), parent: nil, fromGazetteer: false)
                        }
                        // `开州区汉丰街道`: a place printed right before another is its parent.
                        if let previous, previous.end == occurrence.start {
                            discoveredParents[occurrence.place, default: [:]][previous.place, default: 0] += 1
                        }
                    }
                    let weight = (configuration.levelWeights[places[occurrence.place]!.level] ?? 1) * (index == 0 ? configuration.titleWeight : 1)
                    score[occurrence.place, default: 0] += weight
                    count[occurrence.place, default: 0] += 1
                    previous = occurrence
                }
            }
            scores.append(score)
            counts.append(count)
            allOccurrences.append(occurrencesPerText)
        }
        for (name, parents) in discoveredParents {
            let best = parents.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }
            if let parent = best?.key, parent != name, !isAncestor(name, of: parent, places: places) {
                places[name]?.parent = parent
            }
        }

        // Fallbacks: the author's credit, then the page, then the newspaper's home city.
        var pageScores: [String: [String: Double]] = [:]
        for (index, page) in pages.enumerated() {
            for (place, value) in scores[index] { pageScores[page.id, default: [:]][place, default: 0] += value }
        }

        var main: [String?] = []
        for (index, article) in articles.enumerated() {
            var choice = mainPlace(scores[index], places: places, minimum: configuration.minMainScore)
            if choice == nil, let affiliation = article.affiliation {
                let credited = disambiguator.resolve(matcher.occurrences(in: affiliation), home: homeCities[index])
                choice = mainPlace(Dictionary(credited.map { ($0.place, 1.0) }, uniquingKeysWith: +), places: places)
            }
            if choice == nil { choice = mainPlace(pageScores[pages[index].id] ?? [:], places: places) }
            if choice == nil { choice = homeCities[index] }
            main.append(choice)
        }
        let mentions = counts.map { count in
            count.map { PlaceCount(place: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.place < $1.place }
        }
        return Result(places: places, main: main, mentions: mentions, occurrences: allOccurrences,
                      texts: allTexts)
    }

    /// A pattern name is a place when it is printed after a known place or recurs, and its part
    /// before the suffix is not a free word: at least half of that part's occurrences in the
    /// corpus are in this name (`确保社区` fails: 确保 is everywhere; `响塘社区` passes).
    private func acceptedPatternNames(_ counts: [String: (total: Int, chained: Int, prefix: String)], texts: [[String]]) -> Set<String> {
        let prefixes = Set(counts.values.map(\.prefix).filter { !$0.isEmpty })
        let prefixTotals = countOccurrences(of: prefixes, in: texts)
        var accepted = Set<String>()
        for (name, entry) in counts {
            guard entry.chained > 0 || entry.total >= configuration.minPatternOccurrences else { continue }
            let prefixTotal = prefixTotals[entry.prefix] ?? entry.total
            guard prefixTotal - entry.total <= entry.total else { continue }
            accepted.insert(name)
        }
        return accepted
    }

    private func countOccurrences(of needles: Set<String>, in texts: [[String]]) -> [String: Int] {
        var byFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for needle in needles {
            let scalars = Array(needle.unicodeScalars)
            if let first = scalars.first { byFirst[first, default: []].append(scalars) }
        }
        var totals: [String: Int] = [:]
        for text in texts.joined() {
            let scalars = Array(text.unicodeScalars)
            for index in scalars.indices {
                guard let list = byFirst[scalars[index]] else { continue }
                for needle in list where index + needle.count <= scalars.count
                    && scalars[index..<(index + needle.count)].elementsEqual(needle) {
                    totals[String(scalars: needle), default: 0] += 1
                }
            }
        }
        return totals
    }

    private func patternLevel(_ name: String) -> PlaceLevel {
        if name.hasSuffix("社区") || name.hasSuffix("村") { return .community }
        return .street
    }

    private func mainPlace(_ scores: [String: Double], places: [String: Place], minimum: Double = 0) -> String? {
        guard var best = scores.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
              best.value >= minimum else { return nil }
        // A province is too broad to be what a local article is about: drill down to a mentioned
        // sub-place that carries a fair share of its weight.
        while places[best.key]?.level == .province {
            let descendants = scores.filter { $0.key != best.key && isAncestor(best.key, of: $0.key, places: places) }
            guard let child = descendants.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
                  child.value >= configuration.drillDownRatio * best.value else { break }
            best = child
        }
        return best.key
    }

    private func isAncestor(_ ancestor: String, of place: String, places: [String: Place]) -> Bool {
        var current = places[place]?.parent
        var steps = 0
        while let name = current, steps < 10 {
            if name == ancestor { return true }
            current = places[name]?.parent
            steps += 1
        }
        return false
    }

    /// `株洲日报` → 株洲市: the newspaper's name opens with its city's name.
    private func homeCity(of newspaper: String, matcher: PlaceMatcher, disambiguator: PlaceDisambiguator) -> String? {
        let opening = matcher.occurrences(in: newspaper).filter { $0.fromGazetteer && $0.start == 0 }
        return disambiguator.resolve(opening).first?.place
    }
}
