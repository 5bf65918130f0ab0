import Foundation

/// What stands before and after every gram of a sample, from the counts of the grams one longer:
/// whether a gram is free at its edges, as a word is.
///
/// Each occurrence at a run boundary (punctuation, a text's edge), next to a particle (的, 和) or a
/// stop word (推进|产业政策|实施), or before a noun of activity (志愿服务体系|建设) counts as a
/// distinct neighbour: those are grammatical boundaries, not context. (Other generic nouns are no
/// such boundary: they head compounds, 中国|式现代化, 伟大建党|精神.) A number next to a gram is one
/// neighbour however often (45万人, 12万人).
struct BoundaryStatistics {
    /// One side of one gram.
    struct Edge {
        /// Σ c·log c over the neighbours that are context, for the entropy H = log T − Σ c·log c / T.
        var sum = 0.0
        /// How many different context neighbours.
        var kinds = 0
        /// Occurrences next to a context neighbour (not free).
        var bound: Int32 = 0
        /// The most occurrences next to one preposition: 党献策 always after 为 and 外开放 always
        /// after 对 are pieces of 为党献策 and 对外开放, however free 为 and 对 make them look.
        var preposition: Int32 = 0

        mutating func add(neighbour: UInt16?, count: Int32, atBoundary boundary: Int32, free: Set<UInt16>, particles: Set<UInt16>) {
            if let neighbour, free.contains(neighbour) {
                if !particles.contains(neighbour) { preposition = max(preposition, count) }
                return
            }
            let context = count - min(count, boundary)
            guard context > 0 else { return }
            let c = Double(context)
            sum += c * log(c)
            kinds += 1
            bound += context
        }

        func entropy(frequency: Double) -> Double { log(frequency) - sum / frequency }

        /// Seen free (after punctuation, a particle or a preposition) at least once, or with many
        /// different neighbours (参加/第二批/全市 主题教育); never next to one preposition mostly.
        func isFree(count: Int32, configuration: AnalysisConfiguration.Tags) -> Bool {
            (bound < count || kinds >= configuration.minDistinctNeighbours)
                && Double(preposition) < configuration.nestedCoverage * Double(count)
        }
    }

    let configuration: AnalysisConfiguration.Tags
    var left: [Gram: Edge] = [:]
    var right: [Gram: Edge] = [:]

    /// - Parameters:
    ///   - counts: every gram up to one longer than the longest word.
    ///   - afterNumber, beforeNumber: how often a gram starts (ends) a run printed after (before) a number.
    init(counts: [Gram: Int32], afterNumber: [Gram: Int32], beforeNumber: [Gram: Int32], codes: CharacterCodes,
         configuration: AnalysisConfiguration.Tags) {
        self.configuration = configuration
        let discovery = TermDiscovery(configuration: configuration)
        let free = Set(configuration.freeNeighbourCharacters.compactMap { codes.existingCode($0) })
        let particles = Set(configuration.particleNeighbourCharacters.compactMap { codes.existingCode($0) })
        // Occurrences of the one-longer gram whose extra character ends a stop word before the gram
        // (left) or starts a stop word or noun of activity after it (right).
        let before = discovery.wordGrams(configuration.stopWords, codes: codes)
        let after = discovery.wordGrams(configuration.stopWords.union(configuration.activityWords), codes: codes)
        var leftWord: [Gram: Int32] = [:]
        var rightWord: [Gram: Int32] = [:]
        for (gram, count) in counts {
            let length = gram.length
            if let width = before.widths.first(where: { length - $0 >= configuration.minTermLength && before.grams.contains(gram.prefix($0)) }) {
                leftWord[gram.dropFirst(width - 1, length: length), default: 0] += count
            }
            if let width = after.widths.first(where: {
                length - $0 >= configuration.minTermLength && after.grams.contains(gram.dropFirst(length - $0, length: length))
            }) {
                rightWord[gram.prefix(length - width + 1), default: 0] += count
            }
        }
        left.reserveCapacity(counts.count / 2)
        right.reserveCapacity(counts.count / 2)
        for (gram, count) in counts {
            let length = gram.length
            guard length > configuration.minTermLength else { continue }
            right[gram.prefix(length - 1), default: Edge()].add(neighbour: gram[length - 1], count: count,
                                                               atBoundary: rightWord[gram] ?? 0, free: free, particles: particles)
            left[gram.dropFirst(1, length: length), default: Edge()].add(neighbour: gram[0], count: count,
                                                                        atBoundary: leftWord[gram] ?? 0, free: free, particles: particles)
        }
        for (gram, count) in afterNumber {
            left[gram, default: Edge()].add(neighbour: nil, count: count, atBoundary: 0, free: free, particles: particles)
        }
        for (gram, count) in beforeNumber {
            right[gram, default: Edge()].add(neighbour: nil, count: count, atBoundary: 0, free: free, particles: particles)
        }
    }

    /// Free at both edges: neighbours varied enough on each side (`minBoundaryEntropy`), and free
    /// of its neighbours (型城市, always 创新型城市, 友好型城市 …, never is).
    func isFree(_ gram: Gram, count: Int32) -> Bool {
        let frequency = Double(count)
        let left = left[gram] ?? Edge(), right = right[gram] ?? Edge()
        return min(left.entropy(frequency: frequency), right.entropy(frequency: frequency)) >= configuration.minBoundaryEntropy
            && left.isFree(count: count, configuration: configuration)
            && right.isFree(count: count, configuration: configuration)
    }
}
