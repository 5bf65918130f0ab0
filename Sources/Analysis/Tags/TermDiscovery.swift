import ChineseText
import Foundation

/// Finds the words of a corpus without a dictionary, the way new-word discovery does it: an n-gram
/// is a word when it is frequent, its parts belong together (high mutual information between the
/// two halves, for every split) and it is free at its edges (many different characters before and
/// after it). Quoted terms (“志愿服务”) are words by the writer's own say-so; the corpus model adds
/// those from every article, while the statistics run over a bounded sample (`CorpusModelBuilder`).
struct TermDiscovery {
    let configuration: AnalysisConfiguration.Tags

    struct Term {
        var gram: Gram
        var text: String
        var length: Int
        var frequency: Int
        var quoted: Bool
    }

    /// - Parameter texts: the sample, one text per article (titles and body together), in an order
    ///   that does not depend on how the archive was loaded.
    func discover(_ texts: [String], codes: inout CharacterCodes) -> [Gram: Term] {
        let maxLength = configuration.maxTermLength
        var counts: [Gram: Int32] = [:]
        var totalCharacters = 0
        for text in texts {
            for run in ideographRuns(text, codes: &codes) {
                totalCharacters += run.count
                for start in run.indices {
                    var gram = Gram()
                    for length in 1...min(maxLength + 1, run.count - start) {
                        gram[length - 1] = run[start + length - 1]
                        counts[gram, default: 0] += 1
                    }
                }
            }
        }

        // Entropy of neighbours from the counts of one-longer grams: H = log T − Σ c·log c / T,
        // where occurrences at a run boundary each count as a distinct neighbour.
        var rightSum: [Gram: Double] = [:]
        var leftSum: [Gram: Double] = [:]
        // Occurrences followed (preceded) by another ideograph that is not a function character:
        // a word must stand free of its neighbours at least once on each side.
        var rightBound: [Gram: Int32] = [:]
        var leftBound: [Gram: Int32] = [:]
        let stopCodes = Set(configuration.freeNeighbourCharacters.compactMap { codes.existingCode($0) })
        for (gram, count) in counts {
            let length = gram.length
            guard length > configuration.minTermLength else { continue }
            let c = Double(count)
            let prefix = gram.prefix(length - 1)
            let suffix = gram.dropFirst(1, length: length)
            // A particle next to a word is a grammatical boundary, not context: those occurrences
            // count like run ends, each a distinct neighbour.
            if !stopCodes.contains(gram[length - 1]) {
                rightSum[prefix, default: 0] += c * log(c)
                rightBound[prefix, default: 0] += count
            }
            if !stopCodes.contains(gram[0]) {
                leftSum[suffix, default: 0] += c * log(c)
                leftBound[suffix, default: 0] += count
            }
        }

        var terms: [Gram: Term] = [:]
        let total = Double(max(1, totalCharacters))
        for (gram, count) in counts where Int(count) >= configuration.minFrequency {
            let length = gram.length
            guard length >= configuration.minTermLength, length <= maxLength else { continue }
            let frequency = Double(count)
            var cohesion = Double.infinity
            for split in 1..<length {
                let left = Double(counts[gram.prefix(split)] ?? 1)
                let right = Double(counts[gram.dropFirst(split, length: length)] ?? 1)
                cohesion = min(cohesion, log(frequency * total / (left * right)))
            }
            guard cohesion >= configuration.minCohesion else { continue }
            let rightEntropy = log(frequency) - (rightSum[gram] ?? 0) / frequency
            let leftEntropy = log(frequency) - (leftSum[gram] ?? 0) / frequency
            guard min(leftEntropy, rightEntropy) >= configuration.minBoundaryEntropy else { continue }
            // 型城市 (always 创新型城市, 友好型城市 …) and 绿色建 (always 绿色建筑, 绿色建材) never stand free.
            guard (rightBound[gram] ?? 0) < count, (leftBound[gram] ?? 0) < count else { continue }
            let text = codes.string(gram)
            guard isAcceptable(text) else { continue }
            terms[gram] = Term(gram: gram, text: text, length: length, frequency: Int(count), quoted: false)
        }

        dropNestedTerms(&terms)
        return terms
    }

    /// Stop words and words that open or close on a function character (的发展, 发展的) are out.
    func isAcceptable(_ text: String) -> Bool {
        guard !configuration.stopWords.contains(text),
              // A particle inside (营商环境的指标) makes a phrase, not a word.
              !text.unicodeScalars.dropFirst().dropLast().contains(where: configuration.innerStopCharacters.contains),
              let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              !configuration.boundaryStopCharacters.contains(first), !configuration.boundaryStopCharacters.contains(last)
        else { return false }
        // A repeated character (常常) is not a topic.
        return Set(text.unicodeScalars).count > 1
    }

    /// A word inside a longer word that accounts for nearly all its occurrences is only a piece
    /// of that word (质生产力 and 生产力 inside 新质生产力, when they always co-occur).
    private func dropNestedTerms(_ terms: inout [Gram: Term]) {
        var dropped = Set<Gram>()
        for term in terms.values where term.length > configuration.minTermLength {
            for length in configuration.minTermLength..<term.length {
                for start in 0...(term.length - length) {
                    let inner = term.gram.dropFirst(start, length: start + length)
                    guard let innerTerm = terms[inner] else { continue }
                    if Double(term.frequency) >= configuration.nestedCoverage * Double(innerTerm.frequency) {
                        dropped.insert(inner)
                    }
                }
            }
        }
        for gram in dropped { terms[gram] = nil }
    }

    /// Ideograph-only texts between “…”, "…" or 「…」 of a plausible word length.
    func quotedTerms(in text: String) -> [String] {
        var found: [String] = []
        var inside: [Unicode.Scalar] = []
        var open = false
        var valid = true
        func close() {
            if open, valid, (configuration.minTermLength...min(8, configuration.quotedTermMaxLength)).contains(inside.count) {
                found.append(String(scalars: inside))
            }
            open = false
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "“", "「":
                open = true; valid = true; inside = []
            case "”", "」":
                close()
            case "\"":
                // ASCII quotes open and close alike: their parity decides.
                if open { close() } else { open = true; valid = true; inside = [] }
            default:
                guard open else { continue }
                if scalar.isIdeograph { inside.append(scalar) } else { valid = false }
            }
        }
        return found
    }
}
