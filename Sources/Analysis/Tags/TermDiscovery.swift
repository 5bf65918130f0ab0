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

        // Entropy of neighbours from the counts of one-longer grams: H = log T − Σ c·log c / T,
        // where each occurrence at a run boundary (punctuation, a text's edge) or next to a
        // function character (的, 和, 在) counts as a distinct neighbour: those are grammatical
        // boundaries, not context.
        var rightSum: [Gram: Double] = [:]
        var leftSum: [Gram: Double] = [:]
        var rightKinds: [Gram: Int] = [:]
        var leftKinds: [Gram: Int] = [:]
        // Occurrences followed (preceded) by an ideograph that is not a function character, or by
        // a number: a word stands free of its neighbours at least once on each side, or is seen
        // with many different ones (参加/把握/第二批 主题教育).
        var rightBound: [Gram: Int32] = [:]
        var leftBound: [Gram: Int32] = [:]
        // The most occurrences next to one preposition: 党献策 always after 为 and 外开放 always
        // after 对 are pieces of 为党献策 and 对外开放, however free 为 and 对 make them look.
        var rightPreposition: [Gram: Int32] = [:]
        var leftPreposition: [Gram: Int32] = [:]
        let freeCodes = Set(configuration.freeNeighbourCharacters.compactMap { codes.existingCode($0) })
        let particleCodes = Set(configuration.particleNeighbourCharacters.compactMap { codes.existingCode($0) })
        // A stop word next to a gram is a boundary too (推进|产业政策|实施), and so is a noun of
        // activity after it (志愿服务体系|建设): those occurrences of the one-longer gram count as
        // distinct neighbours, not as its character. (Other generic nouns are no such boundary:
        // they head compounds, 中国|式现代化, 伟大建党|精神.)
        let edgeWords = wordGrams(configuration.stopWords, codes: codes)
        let headWords = wordGrams(configuration.stopWords.union(configuration.activityWords), codes: codes)
        var leftWordEdge: [Gram: Int32] = [:]
        var rightWordEdge: [Gram: Int32] = [:]
        for (gram, count) in counts {
            let length = gram.length
            for width in edgeWords.widths where length - width >= configuration.minTermLength {
                if edgeWords.grams.contains(gram.prefix(width)) {
                    leftWordEdge[gram.dropFirst(width - 1, length: length), default: 0] += count
                    break
                }
            }
            for width in headWords.widths where length - width >= configuration.minTermLength {
                if headWords.grams.contains(gram.dropFirst(length - width, length: length)) {
                    rightWordEdge[gram.prefix(length - width + 1), default: 0] += count
                    break
                }
            }
        }
        func addNeighbour(_ code: UInt16?, _ count: Int32, wordEdge: Int32 = 0, sum: inout Double?, kinds: inout Int?,
                          bound: inout Int32?, preposition: inout Int32?) {
            if let code, freeCodes.contains(code) {
                if !particleCodes.contains(code) { preposition = max(preposition ?? 0, count) }
                return
            }
            let rest = count - min(count, wordEdge)
            guard rest > 0 else { return }
            let c = Double(rest)
            sum = (sum ?? 0) + c * log(c)
            kinds = (kinds ?? 0) + 1
            bound = (bound ?? 0) + rest
        }
        for (gram, count) in counts {
            let length = gram.length
            guard length > configuration.minTermLength else { continue }
            let prefix = gram.prefix(length - 1)
            let suffix = gram.dropFirst(1, length: length)
            addNeighbour(gram[length - 1], count, wordEdge: rightWordEdge[gram] ?? 0, sum: &rightSum[prefix],
                         kinds: &rightKinds[prefix], bound: &rightBound[prefix], preposition: &rightPreposition[prefix])
            addNeighbour(gram[0], count, wordEdge: leftWordEdge[gram] ?? 0, sum: &leftSum[suffix],
                         kinds: &leftKinds[suffix], bound: &leftBound[suffix], preposition: &leftPreposition[suffix])
        }
        // A number (nil code) is one neighbour, never a free one.
        for (gram, count) in afterNumber {
            addNeighbour(nil, count, sum: &leftSum[gram], kinds: &leftKinds[gram], bound: &leftBound[gram],
                         preposition: &leftPreposition[gram])
        }
        for (gram, count) in beforeNumber {
            addNeighbour(nil, count, sum: &rightSum[gram], kinds: &rightKinds[gram], bound: &rightBound[gram],
                         preposition: &rightPreposition[gram])
        }

        var terms: [Gram: Term] = [:]
        let total = Double(max(1, totalCharacters))
        func cohesion(_ gram: Gram, _ length: Int, _ frequency: Double) -> Double {
            var cohesion = Double.infinity
            for split in 1..<length {
                let left = Double(counts[gram.prefix(split)] ?? 1)
                let right = Double(counts[gram.dropFirst(split, length: length)] ?? 1)
                cohesion = min(cohesion, log(frequency * total / (left * right)))
            }
            return cohesion
        }
        func entropies(_ gram: Gram, _ frequency: Double) -> (left: Double, right: Double) {
            (log(frequency) - (leftSum[gram] ?? 0) / frequency, log(frequency) - (rightSum[gram] ?? 0) / frequency)
        }
        func standsFree(_ gram: Gram, _ count: Int32) -> Bool {
            // 型城市 (always 创新型城市, 友好型城市 …) and 绿色建 (always 绿色建筑, 绿色建材) never stand free.
            ((rightBound[gram] ?? 0) < count || (rightKinds[gram] ?? 0) >= configuration.minDistinctNeighbours)
                && ((leftBound[gram] ?? 0) < count || (leftKinds[gram] ?? 0) >= configuration.minDistinctNeighbours)
                && Double(max(rightPreposition[gram] ?? 0, leftPreposition[gram] ?? 0)) < configuration.nestedCoverage * Double(count)
        }
        for (gram, count) in counts where Int(count) >= configuration.minFrequency {
            let length = gram.length
            guard length >= configuration.minTermLength, length <= maxLength else { continue }
            let frequency = Double(count)
            guard cohesion(gram, length, frequency) >= configuration.minCohesion else { continue }
            let entropy = entropies(gram, frequency)
            guard min(entropy.left, entropy.right) >= configuration.minBoundaryEntropy, standsFree(gram, count) else { continue }
            let text = codes.string(gram)
            guard isAcceptable(text) else { continue }
            terms[gram] = Term(gram: gram, text: text, length: length, frequency: Int(count), quoted: false)
        }

        dropCutTerms(&terms, counts: counts, codes: codes)
        dropNestedTerms(&terms)
        return terms
    }

    /// A term whose edge often cuts a word is a piece of other words: 务公开 in 政务公开 and
    /// 事务公开, 力解决 in 着力解决, 新时代志愿 in 新时代志愿服务. An occurrence cuts a word when a
    /// discovered, stop or generic word starts inside the term and ends past it, or the reverse.
    private func dropCutTerms(_ terms: inout [Gram: Term], counts: [Gram: Int32], codes: CharacterCodes) {
        let words = wordGrams(configuration.stopWords.union(configuration.genericWords), codes: codes).grams
        var starts = words
        var ends = words
        for term in terms.values {
            for length in 2...term.length {
                starts.insert(term.gram.prefix(length))
                ends.insert(term.gram.dropFirst(term.length - length, length: term.length))
            }
        }
        var cuts: [Gram: Int32] = [:]
        for (gram, count) in counts {
            let length = gram.length
            guard length > configuration.minTermLength else { continue }
            // gram = neighbour + term: a word ending inside the term, unless a longer word holds the
            // term whole (民营企业 in 民营企业家 is no cut).
            let afterNeighbour = gram.dropFirst(1, length: length)
            if terms[afterNeighbour] != nil, !ends.contains(gram),
               (2..<length).contains(where: { ends.contains(gram.prefix($0)) }) {
                cuts[afterNeighbour, default: 0] += count
            }
            // gram = term + neighbour: a word starting inside the term.
            let beforeNeighbour = gram.prefix(length - 1)
            if terms[beforeNeighbour] != nil, !starts.contains(gram),
               (2..<length).contains(where: { starts.contains(gram.dropFirst(length - $0, length: length)) }) {
                cuts[beforeNeighbour, default: 0] += count
            }
        }
        for (gram, cut) in cuts where Double(cut) >= configuration.maxCutShare * Double(terms[gram]?.frequency ?? .max) {
            terms[gram] = nil
        }
    }

    /// Words as grams of the codes the sample uses, with the lengths that occur (longest first).
    private func wordGrams(_ words: Set<String>, codes: CharacterCodes) -> (grams: Set<Gram>, widths: [Int]) {
        let grams = codes.grams(of: words).filter { $0.length < configuration.maxTermLength }
        return (grams, Set(grams.map(\.length)).sorted(by: >))
    }

    /// Stop words and words that open or close on a function character (的发展, 发展的) are out,
    /// and so are phrases: a generic verb with its object (坚持以人为本, 二十大精神提出), a question
    /// (“我要做什么”), or nothing but stop words (推动工作, 当前和今后).
    func isAcceptable(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard !configuration.stopWords.contains(text), !configuration.genericWords.contains(text),
              // A particle inside (营商环境的指标) makes a phrase, not a word.
              !scalars.dropFirst().dropLast().contains(where: configuration.innerStopCharacters.contains),
              let first = scalars.first, let last = scalars.last,
              !configuration.boundaryStopCharacters.contains(first), !configuration.boundaryStopCharacters.contains(last),
              !configuration.questionWords.contains(where: { scalars.contains(word: $0.scalars) }),
              !configuration.phraseOpeners.contains(where: { text.hasPrefix($0) && scalars.count > $0.unicodeScalars.count }),
              !configuration.phraseClosers.contains(where: { text.hasSuffix($0) && scalars.count > $0.unicodeScalars.count }),
              !isMadeOfStopWords(scalars)
        else { return false }
        // A repeated character (常常) is not a topic.
        return Set(scalars).count > 1
    }

    /// Whether the text is only stop or generic words, two or more (体系建设, 企业群众, 群众需要什么),
    /// or joined by function characters (当前和今后): it says nothing its parts do not.
    private func isMadeOfStopWords(_ scalars: [Unicode.Scalar]) -> Bool {
        struct Split: Hashable {
            var words: Int
            var functions: Int
        }
        // splits[i]: the ways the first i characters split so (counts capped at three).
        var splits: [Set<Split>] = [[Split(words: 0, functions: 0)]] + Array(repeating: [], count: scalars.count)
        for end in stride(from: 1, through: scalars.count, by: 1) {
            let single = scalars[end - 1]
            if configuration.boundaryStopCharacters.contains(single) || configuration.innerStopCharacters.contains(single) {
                for split in splits[end - 1] { splits[end].insert(Split(words: split.words, functions: min(3, split.functions + 1))) }
            }
            for start in stride(from: end - 2, through: 0, by: -1) where !splits[start].isEmpty {
                let part = String(scalars: scalars[start..<end])
                guard configuration.stopWords.contains(part) || configuration.genericWords.contains(part) else { continue }
                for split in splits[start] { splits[end].insert(Split(words: min(3, split.words + 1), functions: split.functions)) }
            }
        }
        return splits[scalars.count].contains { $0.words + $0.functions >= 2 && $0.words > 0 }
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
