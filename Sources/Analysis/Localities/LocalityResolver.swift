import ChineseText
import PageParser

/// Decides which places each article of a page mentions and which one it is about.
///
/// The main locality is the place with the highest weighted mention count (headline mentions
/// weigh more; provinces less, since local articles are about cities and districts), then moved
/// down to a mentioned sub-place that carries a fair share of that weight (湖南 → 株洲 when the
/// article is about a Zhuzhou company named 湖南长城). An article that names no place takes the
/// place of its author's credit, then the page's most mentioned place, then the newspaper's city.
/// Pattern-found places count only when the corpus model accepted them.
struct LocalityResolver {
    let configuration: AnalysisConfiguration.Localities
    let matcher: PlaceMatcher
    let disambiguator: PlaceDisambiguator

    struct ArticlePlaces {
        var main: String?
        var mentions: [PlaceCount]
        /// Per scanned text (headline block, subheadings, paragraphs): the places kept, in order.
        var occurrences: [[PlaceMatcher.Occurrence]]
    }

    func resolve(_ page: PageText, places: PlaceDirectory) -> [ArticlePlaces] {
        var results: [ArticlePlaces] = []
        var scores: [[String: Double]] = []
        let homeCity = page.newspaper.flatMap(places.homeCity(ofNewspaper:))
        for article in page.articles {
            var score: [String: Double] = [:]
            var count: [String: Int] = [:]
            var kept: [[PlaceMatcher.Occurrence]] = []
            let resolved = disambiguator.resolve(texts: article.scannedTexts.map(matcher.occurrences(in:)), home: homeCity)
            for (index, occurrences) in resolved.enumerated() {
                let found = occurrences.filter { $0.fromGazetteer || places[$0.place] != nil }
                for occurrence in found {
                    guard let place = places[occurrence.place] else { continue }
                    score[occurrence.place, default: 0] += (configuration.levelWeights[place.level] ?? 1)
                        * (index == 0 ? configuration.titleWeight : 1)
                    count[occurrence.place, default: 0] += 1
                }
                kept.append(found)
            }
            scores.append(score)
            let mentions = count.map { PlaceCount(place: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.place < $1.place }
            results.append(ArticlePlaces(main: nil, mentions: mentions, occurrences: kept))
        }
        var pageScores: [String: Double] = [:]
        for score in scores {
            for (place, value) in score { pageScores[place, default: 0] += value }
        }
        for (index, article) in page.articles.enumerated() {
            var choice = mainPlace(scores[index], places: places, minimum: configuration.minMainScore)
            if choice == nil, let affiliation = article.affiliation {
                let credited = disambiguator.resolve(matcher.occurrences(in: affiliation), home: homeCity).filter { places[$0.place] != nil }
                choice = mainPlace(Dictionary(credited.map { ($0.place, 1.0) }, uniquingKeysWith: +), places: places)
            }
            if choice == nil { choice = mainPlace(pageScores, places: places) }
            if choice == nil { choice = homeCity }
            results[index].main = choice
        }
        return results
    }

    private func mainPlace(_ scores: [String: Double], places: PlaceDirectory, minimum: Double = 0) -> String? {
        guard var best = scores.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
              best.value >= minimum else { return nil }
        // A province is too broad to be what a local article is about: drill down to a mentioned
        // sub-place that carries a fair share of its weight.
        while places[best.key]?.level == .province {
            let descendants = scores.filter { $0.key != best.key && places.isAncestor(best.key, of: $0.key) }
            guard let child = descendants.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
                  child.value >= configuration.drillDownRatio * best.value else { break }
            best = child
        }
        return best.key
    }
}
