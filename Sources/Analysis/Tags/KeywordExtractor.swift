import ChineseText
import Foundation
import PageParser

/// Ranks the discovered words of an article by weighted term frequency × inverse document
/// frequency: words in the headline and subheadings count more, longer words are more specific,
/// quoted words were marked as terms by the writer, and words in most articles say little. The
/// corpus enters only through the model (its words and their document frequencies), so an
/// article's tags are the same whenever it is analysed against the same model.
enum KeywordExtractor {
    /// The weighted texts of an article: headline and subheadings weigh more than body text.
    static func weightedTexts(_ article: ArticleText, configuration: AnalysisConfiguration.Tags) -> [(String, Double)] {
        var texts: [(String, Double)] = []
        for line in [article.title, article.kicker, article.subtitle].compactMap({ $0 }) {
            texts.append((line, configuration.titleWeight))
        }
        for subheading in article.subheadings { texts.append((subheading, configuration.subheadingWeight)) }
        for paragraph in article.paragraphs { texts.append((paragraph, 1)) }
        return texts
    }

    /// Weighted occurrences of every term in the article.
    static func termFrequencies(_ article: ArticleText, codes: CharacterCodes, prefixes: Set<Gram>, isTerm: (Gram) -> Bool,
                                configuration: AnalysisConfiguration.Tags) -> [Gram: Double] {
        var counts: [Gram: Double] = [:]
        guard !prefixes.isEmpty else { return counts }
        for (text, weight) in weightedTexts(article, configuration: configuration) {
            for run in knownIdeographRuns(text, codes: codes) {
                for start in run.indices {
                    var gram = Gram()
                    for length in 1...min(configuration.maxTermLength, run.count - start) {
                        gram[length - 1] = run[start + length - 1]
                        guard prefixes.contains(gram) else { break }
                        if isTerm(gram) { counts[gram, default: 0] += weight }
                    }
                }
            }
        }
        return counts
    }

    /// The article's tags against `model`, best first.
    static func tags(_ article: ArticleText, model: CorpusModel, configuration: AnalysisConfiguration.Tags) -> [Tag] {
        let counts = termFrequencies(article, codes: model.codes, prefixes: model.prefixes,
                                     isTerm: { model.terms[$0] != nil }, configuration: configuration)
        let articleCount = Double(model.articleCount)
        let useDocumentFrequencyRule = model.articleCount >= configuration.minArticlesForDocumentFrequencyRule
        var scored: [(term: CorpusModel.TermInfo, score: Double, tf: Double)] = []
        for (gram, tf) in counts {
            guard let term = model.terms[gram] else { continue }
            let df = Double(max(1, term.documentFrequency))
            if useDocumentFrequencyRule, df / articleCount > configuration.maxDocumentFrequencyRatio { continue }
            let idf = log((articleCount + 1) / (df + 0.5))
            var score = tf * idf * (1 + configuration.lengthBonus * Double(term.length - 2))
            if term.quoted { score *= configuration.quotedBoost }
            scored.append((term, score, tf))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.term.text < $1.term.text }

        // Within the article, a word whose occurrences are nearly all inside a chosen longer word
        // adds nothing (生产力 when every 生产力 is a 新质生产力).
        var chosen: [(term: CorpusModel.TermInfo, score: Double, tf: Double)] = []
        for candidate in scored {
            let swallowed = chosen.contains { longer in
                longer.term.text.containsText(candidate.term.text) && longer.tf >= configuration.nestedCoverage * candidate.tf
            }
            if !swallowed { chosen.append(candidate) }
            if chosen.count == configuration.tagsPerArticle { break }
        }
        return chosen.map { Tag(term: $0.term.text, score: ($0.score * 1000).rounded() / 1000) }
    }
}

/// Runs of consecutive ideographs that the model has codes for. Any other character ends a run:
/// words never span punctuation, digits or Latin text, and no word holds a character the model
/// never saw.
func knownIdeographRuns(_ text: String, codes: CharacterCodes) -> [[UInt16]] {
    var runs: [[UInt16]] = []
    var run: [UInt16] = []
    for scalar in text.unicodeScalars {
        if scalar.isIdeograph, let code = codes.existingCode(scalar) {
            run.append(code)
        } else if !run.isEmpty {
            runs.append(run)
            run = []
        }
    }
    if !run.isEmpty { runs.append(run) }
    return runs
}
