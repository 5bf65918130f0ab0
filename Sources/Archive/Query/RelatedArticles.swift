import Analysis
import Foundation
import Persistence

extension ArchiveState {
    /// Articles that share initiatives (weighing most) or tags (rarer tags more) with this one,
    /// best first, ties to the newer article.
    ///
    /// - Parameter candidatesPerEntity: how many of each shared entity's articles are looked at,
    ///   newest first, so related articles cost the same for a tag on five articles and one on
    ///   fifty thousand. At least as many as an entity holds gives the exact answer.
    public func related(to slot: Int, analysis: ArticleAnalysis, limit: Int = 5,
                        candidatesPerEntity: Int = 200) -> [(article: ArticleRef, shared: [String])] {
        guard limit > 0, candidatesPerEntity > 0 else { return [] }
        var entities: [(articles: SlotSet, name: String, weight: Double)] = []
        for id in aggregate.initiativeIDs(in: analysis) {
            guard let initiative = aggregate.initiative(id: id) else { continue }
            entities.append((initiative.articles, initiative.name, 3))
        }
        let total = Double(max(1, articleCount))
        for tag in analysis.tags {
            let articles = aggregate.articles(withTag: tag.term)
            let count = articles.count
            guard count > 1 else { continue }
            entities.append((articles, tag.term, 1 + log2(total / Double(count)) / 10))
        }
        // Scores only: what each winner shares is asked of the few winners afterwards, so the
        // thousands of candidates cost one dictionary update each and no sort.
        var scores: [Int: Double] = [:]
        scores.reserveCapacity(entities.count * min(candidatesPerEntity, 1024))
        for entity in entities {
            var seen = 0
            entity.articles.forEachReversed { other in
                if other != slot { scores[other, default: 0] += entity.weight }
                seen += 1
                return seen < candidatesPerEntity
            }
        }
        var best: [(slot: Int, score: Double)] = []
        for (other, score) in scores {
            let ahead = { (a: (slot: Int, score: Double)) in a.score != score ? a.score > score : a.slot > other }
            guard best.count < limit || !ahead(best[best.count - 1]) else { continue }
            best.insert((other, score), at: best.firstIndex { !ahead($0) } ?? best.count)
            if best.count > limit { best.removeLast() }
        }
        return best.compactMap { winner in
            article(slot: winner.slot).map { ($0, entities.filter { $0.articles.contains(winner.slot) }.map(\.name)) }
        }
    }
}
