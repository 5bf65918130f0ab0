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
        related(to: slot, analysis: analysis, initiatives: aggregate.initiativeIDs(in: analysis).compactMap(aggregate.initiative(id:)),
                limit: limit, candidatesPerEntity: candidatesPerEntity)
    }

    /// As above, for a caller that has already looked up the article's initiatives.
    public func related(to slot: Int, analysis: ArticleAnalysis, initiatives: [Initiative], limit: Int = 5,
                        candidatesPerEntity: Int = 200) -> [(article: ArticleRef, shared: [String])] {
        guard limit > 0, candidatesPerEntity > 0 else { return [] }
        var entities: [(articles: SlotSet, name: String, weight: Double)] = initiatives.map { ($0.articles, $0.name, 3) }
        let total = Double(max(1, articleCount))
        for tag in analysis.tags {
            let articles = aggregate.articles(withTag: tag.term)
            let count = articles.count
            guard count > 1 else { continue }
            entities.append((articles, tag.term, 1 + log2(total / Double(count)) / 10))
        }
        // Scores only: what each winner shares is asked of the few winners afterwards, so the
        // thousands of candidates cost one table update each and no sort.
        var scores = SlotScores(additions: entities.reduce(0) { $0 + min($1.articles.count, candidatesPerEntity) })
        for entity in entities {
            var seen = 0
            entity.articles.forEachReversed { other in
                if other != slot { scores.add(entity.weight, to: other) }
                seen += 1
                return seen < candidatesPerEntity
            }
        }
        return scores.best(limit).compactMap { winner in
            article(slot: winner.slot).map { ($0, entities.filter { $0.articles.contains(winner.slot) }.map(\.name)) }
        }
    }
}
