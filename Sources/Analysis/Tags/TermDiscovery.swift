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
        /// Found by the statistics (false: only printed in quotes).
        var discovered = true
    }

    /// - Parameter texts: the sample, one text per article (titles and body together), in an order
    ///   that does not depend on how the archive was loaded.
    func discover(_ texts: [String], codes: inout CharacterCodes) -> [Gram: Term] {
        let maxLength = configuration.maxTermLength
        var counts: [Gram: Int32] = [:]
        // Grams at the start (end) of a run printed right after (before) digits or Latin letters:
        // `45万人`, `3C市场`. A number is one neighbour shared by all of them, not a boundary.
        var afterNumber: [Gram: Int32] = [:]
        var beforeNumber: [Gram: Int32] = [:]
        var totalCharacters = 0
        for text in texts {
            for run in numberedIdeographRuns(text, codes: &codes) {
                let codes = run.codes
                totalCharacters += codes.count
                for start in codes.indices {
                    var gram = Gram()
                    for length in 1...min(maxLength + 1, codes.count - start) {
                        gram[length - 1] = codes[start + length - 1]
                        counts[gram, default: 0] += 1
                        if start == 0, run.afterNumber { afterNumber[gram, default: 0] += 1 }
                        if start + length == codes.count, run.beforeNumber { beforeNumber[gram, default: 0] += 1 }
                    }
                }
            }
        }
        let boundaries = BoundaryStatistics(counts: counts, afterNumber: afterNumber, beforeNumber: beforeNumber,
                                            codes: codes, configuration: configuration)

        var terms: [Gram: Term] = [:]
        let total = Double(max(1, totalCharacters))
        let particles = Set(configuration.particleNeighbourCharacters.union(configuration.innerStopCharacters).compactMap { codes.existingCode($0) })
        let functions = Set(configuration.boundaryStopCharacters.compactMap { codes.existingCode($0) })
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
            guard cohesion >= configuration.minCohesion, boundaries.isFree(gram, count: count) else { continue }
            let text = codes.string(gram)
            guard isAcceptable(text, boundEdges: boundEdges(of: gram, count: count, counts: counts,
                                                                       particles: particles, functions: functions)) else { continue }
            terms[gram] = Term(gram: gram, text: text, length: length, frequency: Int(count), quoted: false)
        }

        dropCutTerms(&terms, counts: counts, codes: codes)
        dropNestedTerms(&terms)
        return terms
    }

    /// Whether the rest of a gram is (nearly) always printed with its first (last) character, so
    /// that character belongs to the word whatever it is on its own (对外开放, 中转站, 为党献策).
    /// Never a particle (的重要使命, 越来越多的), never a character followed (preceded) by another
    /// function character (上|下功夫 is 在…上 plus 下功夫), and never in a two-character gram: a
    /// function character with one other (而且, 于是) is a function word.
    func boundEdges(of gram: Gram, count: Int32, counts: [Gram: Int32],
                    particles: Set<UInt16>, functions: Set<UInt16>) -> (first: Bool, last: Bool) {
        let length = gram.length
        guard length > configuration.minTermLength else { return (false, false) }
        func bound(_ edge: UInt16, next: UInt16, rest: Gram) -> Bool {
            !particles.contains(edge) && !functions.contains(next)
                && Double(count) >= configuration.nestedCoverage * Double(counts[rest] ?? count)
        }
        return (bound(gram[0], next: gram[1], rest: gram.dropFirst(1, length: length)),
                bound(gram[length - 1], next: gram[length - 2], rest: gram.prefix(length - 1)))
    }

    /// Words as grams of the codes the sample uses, with the lengths that occur (longest first).
    func wordGrams(_ words: Set<String>, codes: CharacterCodes) -> (grams: Set<Gram>, widths: [Int]) {
        let grams = codes.grams(of: words).filter { $0.length < configuration.maxTermLength }
        return (grams, Set(grams.map(\.length)).sorted(by: >))
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
