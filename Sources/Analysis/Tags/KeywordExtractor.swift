import ChineseText
import Foundation
import PageParser

/// Ranks the discovered words of each article by weighted term frequency × inverse document
/// frequency: words in the headline and subheadings count more, longer words are more specific,
/// quoted words were marked as terms by the writer, and words in most articles say little.
struct KeywordExtractor {
    let configuration: AnalysisConfiguration.Tags

    /// The weighted texts of an article: headline and subheadings weigh more than body text.
    static func weightedTexts(_ article: Article, configuration: AnalysisConfiguration.Tags) -> [(String, Double)] {
        var texts: [(String, Double)] = []
        for line in [article.title, article.kicker, article.subtitle].compactMap({ $0 }) {
            texts.append((line, configuration.titleWeight))
        }
        for subheading in article.subheadings { texts.append((subheading.text, configuration.subheadingWeight)) }
        for paragraph in article.paragraphs { texts.append((paragraph, 1)) }
        return texts
    }

    /// Tags for every article, in order, and the corpus-wide tag table.
    func extract(_ articles: [Article]) -> (perArticle: [[Tag]], counts: [(term: String, articles: Int)]) {
        var codes = CharacterCodes()
        let corpus = articles.map { article in
            Self.weightedTexts(article, configuration: configuration).map(\.0).joined(separator: "\n")
        }
        let terms = TermDiscovery(configuration: configuration).discover(corpus, codes: &codes)

        // Every prefix of every term, so the scan stops extending as soon as no term can match.
        var prefixes = Set<Gram>()
        for term in terms.values {
            for length in 1...term.length { prefixes.insert(term.gram.prefix(length)) }
        }

        var frequencies: [[Gram: Double]] = []
        var documentFrequency: [Gram: Int] = [:]
        for article in articles {
            var counts: [Gram: Double] = [:]
            for (text, weight) in Self.weightedTexts(article, configuration: configuration) {
                for run in ideographRuns(text, codes: &codes) {
                    for start in run.indices {
                        var gram = Gram()
                        for length in 1...min(configuration.maxTermLength, run.count - start) {
                            gram[length - 1] = run[start + length - 1]
                            guard prefixes.contains(gram) else { break }
                            if terms[gram] != nil { counts[gram, default: 0] += weight }
                        }
                    }
                }
            }
            for gram in counts.keys { documentFrequency[gram, default: 0] += 1 }
            frequencies.append(counts)
        }

        let articleCount = Double(articles.count)
        let useDocumentFrequencyRule = articles.count >= configuration.minArticlesForDocumentFrequencyRule
        var perArticle: [[Tag]] = []
        var tagCounts: [String: Int] = [:]
        for counts in frequencies {
            var scored: [(term: Term, score: Double, tf: Double)] = []
            for (gram, tf) in counts {
                guard let term = terms[gram] else { continue }
                let df = Double(documentFrequency[gram] ?? 1)
                if useDocumentFrequencyRule, df / articleCount > configuration.maxDocumentFrequencyRatio { continue }
                let idf = log((articleCount + 1) / (df + 0.5))
                var score = tf * idf * (1 + configuration.lengthBonus * Double(term.length - 2))
                if term.quoted { score *= configuration.quotedBoost }
                scored.append((term, score, tf))
            }
            scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.term.text < $1.term.text }

            // Within the article, a word whose occurrences are nearly all inside a chosen longer
            // word adds nothing (生产力 when every 生产力 is a 新质生产力).
            var chosen: [(term: Term, score: Double, tf: Double)] = []
            for candidate in scored {
                let swallowed = chosen.contains { longer in
                    longer.term.text.contains(candidate.term.text)
                        && longer.tf >= configuration.nestedCoverage * candidate.tf
                }
                if !swallowed { chosen.append(candidate) }
                if chosen.count == configuration.tagsPerArticle { break }
            }
            let tags = chosen.map { Tag(term: $0.term.text, score: ($0.score * 1000).rounded() / 1000) }
            for tag in tags { tagCounts[tag.term, default: 0] += 1 }
            perArticle.append(tags)
        }
        let table = tagCounts.map { (term: $0.key, articles: $0.value) }
            .sorted { $0.articles != $1.articles ? $0.articles > $1.articles : $0.term < $1.term }
        return (perArticle, table)
    }

    typealias Term = TermDiscovery.Term
}
