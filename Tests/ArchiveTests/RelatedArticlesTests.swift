import Analysis
import Archive
import Foundation
import Persistence
import Testing

@Suite("Archive: related articles")
struct RelatedArticlesTests {
    /// The definition, by brute force over every article: a shared initiative weighs 3, a shared
    /// tag 1 + log2(articles / articles with the tag) / 10 (tags on one article link nothing);
    /// best first, ties to the newer slot.
    private func expected(_ state: ArchiveState, slot: Int, limit: Int) -> [(slot: Int, shared: [String])] {
        let analysis = state.analysis(slot: slot) ?? ArticleAnalysis()
        var entities: [(SlotSet, String, Double)] = state.aggregate.initiativeIDs(in: analysis).compactMap { id in
            state.aggregate.initiative(id: id).map { ($0.articles, $0.name, 3) }
        }
        for tag in analysis.tags {
            let articles = state.aggregate.articles(withTag: tag.term)
            if articles.count > 1 {
                entities.append((articles, tag.term, 1 + log2(Double(state.articleCount) / Double(articles.count)) / 10))
            }
        }
        var scores: [Int: Double] = [:]
        for (articles, _, weight) in entities {
            articles.forEach { other in
                if other != slot { scores[other, default: 0] += weight }
                return true
            }
        }
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }.prefix(limit).map { entry in
            (entry.key, entities.filter { $0.0.contains(entry.key) }.map(\.1))
        }
    }

    @Test func relatedArticlesAreTheBestScoredBySharedInitiativesAndRareTags() throws {
        let state = try #require(makeArchive().state())
        var compared = 0
        for ref in state.findArticles(ArticleQuery()).items {
            let analysis = try #require(state.analysis(slot: ref.slot))
            let related = state.related(to: ref.slot, analysis: analysis, limit: 5)
            let reference = expected(state, slot: ref.slot, limit: 5)
            #expect(related.map(\.article.slot) == reference.map(\.slot), "article \(ref.id)")
            #expect(related.map(\.shared) == reference.map(\.shared), "article \(ref.id)")
            compared += related.count
        }
        #expect(compared > 0, "the seeds have articles that share tags or initiatives")
    }

    @Test func anArticleIsNeverRelatedToItselfAndTheLimitHolds() throws {
        let state = try #require(makeArchive().state())
        for ref in state.findArticles(ArticleQuery()).items {
            let analysis = try #require(state.analysis(slot: ref.slot))
            let related = state.related(to: ref.slot, analysis: analysis, limit: 2)
            #expect(related.count <= 2)
            #expect(!related.contains { $0.article.slot == ref.slot })
            #expect(related.allSatisfy { !$0.shared.isEmpty })
            #expect(state.related(to: ref.slot, analysis: analysis, limit: 0).isEmpty)
        }
    }

    @Test func onlyEachSharedEntitysNewestCandidatesAreWeighed() throws {
        let state = try #require(makeArchive().state())
        var bounded = 0
        for ref in state.findArticles(ArticleQuery()).items {
            let analysis = try #require(state.analysis(slot: ref.slot))
            // With one candidate per entity, a related article is the newest other article of
            // some shared tag or initiative: a tag on fifty thousand articles costs what one on five does.
            var newest = Set<Int>()
            for term in analysis.tags.map(\.term) {
                var seen = 0
                state.aggregate.articles(withTag: term).forEachReversed { other in
                    if other != ref.slot { newest.insert(other) }
                    seen += 1
                    return seen < 1
                }
            }
            for id in state.aggregate.initiativeIDs(in: analysis) {
                guard let initiative = state.aggregate.initiative(id: id) else { continue }
                var seen = 0
                initiative.articles.forEachReversed { other in
                    if other != ref.slot { newest.insert(other) }
                    seen += 1
                    return seen < 1
                }
            }
            let related = state.related(to: ref.slot, analysis: analysis, limit: 50, candidatesPerEntity: 1)
            #expect(related.allSatisfy { newest.contains($0.article.slot) }, "article \(ref.id)")
            if related.count < state.related(to: ref.slot, analysis: analysis, limit: 50).count { bounded += 1 }
        }
        #expect(bounded > 0, "the bound leaves out candidates on some seed article")
    }
}
