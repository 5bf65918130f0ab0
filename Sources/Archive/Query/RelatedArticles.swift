import Analysis
import Foundation
import Persistence

extension ArchiveState {
    /// How many of an entity's articles are looked at for relatedness, newest first: related
    /// articles cost the same for a tag on five articles and one on fifty thousand.
    static let relatedCandidatesPerEntity = 200

    /// Articles that share initiatives (weighing most) or tags (rarer tags more) with this one,
    /// best first, ties to the newer article.
    public func related(to slot: Int, analysis: ArticleAnalysis, limit: Int = 5) -> [(article: ArticleRef, shared: [String])] {
        var scores: [Int: Double] = [:]
        var shared: [Int: [String]] = [:]
        func visit(_ articles: SlotSet, name: String, weight: Double) {
            var seen = 0
            articles.forEachReversed { other in
                if other != slot {
                    scores[other, default: 0] += weight
                    shared[other, default: []].append(name)
                }
                seen += 1
                return seen < Self.relatedCandidatesPerEntity
            }
        }
        for id in aggregate.initiativeIDs(in: analysis) {
            guard let initiative = aggregate.initiative(id: id) else { continue }
            visit(initiative.articles, name: initiative.name, weight: 3)
        }
        let total = Double(max(1, articleCount))
        for tag in analysis.tags {
            let articles = aggregate.articles(withTag: tag.term)
            guard articles.count > 1 else { continue }
            visit(articles, name: tag.term, weight: 1 + log2(total / Double(articles.count)) / 10)
        }
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }
            .prefix(limit)
            .compactMap { entry in article(slot: entry.key).map { ($0, shared[entry.key] ?? []) } }
    }
}
