import ChineseText

/// Finds places the gazetteer does not list by their naming pattern (`…社区`, `…村`, `…街道`), where
/// the name starts at a clear boundary (`在金盆岭街道` gives 金盆岭街道) and the part before the
/// suffix is a name, not a generic word (城乡社区), a count (首家社区, 每个村) or a verb (确保社区).
struct PatternPlaceFinder {
    let configuration: AnalysisConfiguration.Localities
    private let suffixes: [[Unicode.Scalar]]
    private let genericPrefixes: [[Unicode.Scalar]]

    init(configuration: AnalysisConfiguration.Localities) {
        self.configuration = configuration
        suffixes = configuration.patternSuffixes.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        genericPrefixes = configuration.genericPlacePrefixes.map { Array($0.unicodeScalars) }
    }

    func occurrences(in scalars: [Unicode.Scalar], known: [PlaceMatcher.Occurrence]) -> [PlaceMatcher.Occurrence] {
        var knownEnds = Set(known.map(\.end))
        let covered = known.reduce(into: Set<Int>()) { set, occurrence in set.formUnion(occurrence.start..<occurrence.end) }
        var found: [PlaceMatcher.Occurrence] = []
        var lastEnd = 0
        var index = 0
        while index < scalars.count {
            guard let suffix = suffixes.first(where: { index + $0.count <= scalars.count && scalars[index..<(index + $0.count)].elementsEqual($0) }) else {
                index += 1
                continue
            }
            let end = index + suffix.count
            if let start = nameStart(before: index, after: lastEnd, in: scalars, covered: covered, knownEnds: knownEnds) {
                let name = String(scalars: scalars[start..<end])
                let prefix = Array(scalars[start..<index])
                if isName(name, prefix: prefix) {
                    found.append(PlaceMatcher.Occurrence(text: name, candidates: [name], fromGazetteer: false, start: start, end: end,
                                                         chained: knownEnds.contains(start), prefix: String(scalars: prefix)))
                    lastEnd = end
                    knownEnds.insert(end)
                }
            }
            index = end
        }
        return found
    }

    /// The earliest boundary from which the characters before the suffix can be a name.
    private func nameStart(before suffixStart: Int, after lastEnd: Int, in scalars: [Unicode.Scalar],
                           covered: Set<Int>, knownEnds: Set<Int>) -> Int? {
        let longest = min(configuration.maxPatternPrefixLength, suffixStart - lastEnd)
        guard longest >= configuration.minPatternPrefixLength else { return nil }
        var best: Int?
        for length in configuration.minPatternPrefixLength...longest {
            let start = suffixStart - length
            guard scalars[start..<suffixStart].allSatisfy({ $0.isIdeograph && !configuration.patternPrefixStopCharacters.contains($0) }),
                  !(start..<suffixStart).contains(where: covered.contains) else { break }
            if isBoundary(before: start, in: scalars, knownEnds: knownEnds) { best = start }
        }
        return best
    }

    private func isName(_ name: String, prefix: [Unicode.Scalar]) -> Bool {
        guard let first = prefix.first else { return false }
        return !configuration.genericPlaceNames.contains(name)
            && !configuration.nonPlaceEndings.contains(where: { name.hasSuffix($0) })
            && !genericPrefixes.contains(where: { prefix.starts(with: $0) })
            && !configuration.countPrefixCharacters.contains(first)
    }

    /// A place name starts at the text start, after a non-ideograph, after a function character,
    /// or right after another place.
    private func isBoundary(before start: Int, in scalars: [Unicode.Scalar], knownEnds: Set<Int>) -> Bool {
        if start == 0 || knownEnds.contains(start) { return true }
        let previous = scalars[start - 1]
        return !previous.isIdeograph || configuration.placeBoundaryCharacters.contains(previous)
    }
}
