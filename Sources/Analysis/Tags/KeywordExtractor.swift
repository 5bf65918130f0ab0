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

    /// Weighted occurrences of every term in the article: all of them, and those not inside a
    /// longer term's occurrence (产业 standing alone, not in 未来产业). An occurrence inside a longer
    /// one that adds only one of `genericWords` still stands alone (党校 in 党校工作); without
    /// `genericWords` only the totals are counted.
    static func termFrequencies(_ article: ArticleText, codes: CharacterCodes, prefixes: Set<Gram>, isTerm: (Gram) -> Bool,
                                genericWords: Set<Gram>? = nil,
                                configuration: AnalysisConfiguration.Tags) -> [Gram: (all: Double, alone: Double)] {
        var counts: [Gram: (all: Double, alone: Double)] = [:]
        guard !prefixes.isEmpty else { return counts }
        for (text, weight) in weightedTexts(article, configuration: configuration) {
            for run in knownIdeographRuns(text, codes: codes) {
                // Every term occurrence of the run, as (start, length, gram).
                var found: [(start: Int, length: Int, gram: Gram)] = []
                for start in run.indices {
                    var gram = Gram()
                    for length in 1...min(configuration.maxTermLength, run.count - start) {
                        gram[length - 1] = run[start + length - 1]
                        guard prefixes.contains(gram) else { break }
                        if isTerm(gram) { found.append((start, length, gram)) }
                    }
                }
                guard let genericWords else {
                    for occurrence in found { counts[occurrence.gram, default: (0, 0)].all += weight }
                    continue
                }
                func addsOnlyAGenericWord(_ other: (start: Int, length: Int, gram: Gram),
                                          to occurrence: (start: Int, length: Int, gram: Gram)) -> Bool {
                    if other.start == occurrence.start {
                        return genericWords.contains(Gram(run[(occurrence.start + occurrence.length)..<(other.start + other.length)]))
                    }
                    if other.start + other.length == occurrence.start + occurrence.length {
                        return genericWords.contains(Gram(run[other.start..<occurrence.start]))
                    }
                    return false
                }
                for occurrence in found {
                    let inside = found.contains { other in
                        other.length > occurrence.length && other.start <= occurrence.start
                            && other.start + other.length >= occurrence.start + occurrence.length
                            && !addsOnlyAGenericWord(other, to: occurrence)
                    }
                    counts[occurrence.gram, default: (0, 0)].all += weight
                    if !inside { counts[occurrence.gram, default: (0, 0)].alone += weight }
                }
            }
        }
        return counts
    }

    /// The article's tags against `model`, best first. `excluded` terms are never tags (the
    /// national formulas the article quotes); `names` (the places it prints, the programmes it
    /// names) are names, not generic short words or figures of speech.
    static func tags(_ article: ArticleText, model: CorpusModel, excluded: Set<String> = [], names: Set<String> = [],
                     genericWords: Set<Gram>, configuration: AnalysisConfiguration.Tags) -> [Tag] {
        let counts = termFrequencies(article, codes: model.codes, prefixes: model.prefixes, isTerm: { model.terms[$0] != nil },
                                     genericWords: genericWords, configuration: configuration)
        let articleCount = Double(model.articleCount)
        let useDocumentFrequencyRule = model.articleCount >= configuration.minArticlesForDocumentFrequencyRule
        var scored: [(term: CorpusModel.TermInfo, score: Double, tf: Double)] = []
        for (gram, frequency) in counts {
            guard let term = model.terms[gram], !excluded.contains(term.text) else { continue }
            // A term known only from quotes is a tag where it names something; elsewhere the quotes
            // mark a figure of speech (“小马拉大车”, “最后一公里”) or a slogan's verb (“稳住”).
            if !term.discovered, !names.contains(term.text) { continue }
            // A shortest word printed mostly inside longer words of the article is their component
            // (产业 in 未来产业 and 战略性新兴产业), not a topic of its own.
            if term.length == configuration.minTermLength,
               frequency.all - frequency.alone >= configuration.maxComponentShare * frequency.all { continue }
            // Occurrences inside a longer term mostly belong to that term.
            let tf = frequency.alone + configuration.nestedOccurrenceWeight * (frequency.all - frequency.alone)
            let df = Double(max(1, term.documentFrequency))
            if useDocumentFrequencyRule, df / articleCount > configuration.maxDocumentFrequencyRatio { continue }
            // Smoothed so that a small corpus does not make every rare generic word (销售, 客户) a topic.
            let idf = log(1 + articleCount / (df + configuration.documentFrequencySmoothing))
            var score = tf * idf * (1 + configuration.lengthBonus * Double(term.length - 2))
            // Most two-character words are generic (产品, 政策); names and quoted words are not.
            if term.length == configuration.minTermLength, !term.quoted, !names.contains(term.text) {
                score *= configuration.shortWordWeight
            }
            // A quoted name was marked as one by the writer; two quoted characters are as often a
            // slogan's verb (“稳住”“调优”).
            if term.quoted, term.length > configuration.minTermLength { score *= configuration.quotedBoost }
            // A name known only from quotes and printed once in the body is named in passing.
            if !term.discovered, frequency.all <= 1 { score *= configuration.passingNameWeight }
            scored.append((term, score, frequency.all))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.term.text < $1.term.text }

        // Within the article, a word whose occurrences are nearly all inside a chosen longer word
        // adds nothing (生产力 when every 生产力 is a 新质生产力).
        var chosen: [(term: CorpusModel.TermInfo, score: Double, tf: Double)] = []
        for candidate in scored {
            let swallowed = chosen.contains { longer in
                longer.tf >= configuration.nestedCoverage * candidate.tf && longer.term.text.scalars.contains(word: candidate.term.text.scalars)
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
