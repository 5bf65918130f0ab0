import ChineseText

/// Finds place names in a text: gazetteer names and their short forms (longest match first), then
/// unknown places by naming pattern (`…街道`, `…社区`, `…镇`) where the name starts at a clear
/// boundary, so `在金盆岭街道` gives 金盆岭街道 and not 在金盆岭街道.
struct PlaceMatcher {
    struct Occurrence: Hashable {
        /// Gazetteer name, or the pattern-found name.
        var name: String
        var fromGazetteer: Bool
        var start: Int
        var end: Int
        /// Printed right after another place (`开州区汉丰街道`): strong evidence for a pattern name.
        var chained = false
        /// For pattern names: the part before the suffix (`汉丰` of `汉丰街道`).
        var prefix: String?
    }

    let configuration: AnalysisConfiguration.Localities
    /// Gazetteer forms by first character, longest first: (form, canonical name).
    private let forms: [Unicode.Scalar: [([Unicode.Scalar], String)]]
    private let suffixes: [[Unicode.Scalar]]
    private let genericPrefixes: [[Unicode.Scalar]]

    init(configuration: AnalysisConfiguration.Localities) {
        self.configuration = configuration
        var forms: [Unicode.Scalar: [([Unicode.Scalar], String)]] = [:]
        for entry in configuration.gazetteer {
            for form in [entry.name] + entry.shortNames {
                let scalars = Array(form.unicodeScalars)
                guard let first = scalars.first, scalars.count >= 2 else { continue }
                forms[first, default: []].append((scalars, entry.name))
            }
        }
        for key in forms.keys { forms[key]?.sort { $0.0.count > $1.0.count } }
        self.forms = forms
        suffixes = configuration.patternSuffixes.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        genericPrefixes = configuration.genericPlacePrefixes.map { Array($0.unicodeScalars) }
    }

    func occurrences(in text: String) -> [Occurrence] {
        let scalars = Array(text.unicodeScalars)
        var found: [Occurrence] = []
        var index = 0
        while index < scalars.count {
            if let candidates = forms[scalars[index]],
               let match = candidates.first(where: { index + $0.0.count <= scalars.count && scalars[index..<(index + $0.0.count)].elementsEqual($0.0) }) {
                found.append(Occurrence(name: match.1, fromGazetteer: true, start: index, end: index + match.0.count))
                index += match.0.count
            } else {
                index += 1
            }
        }
        found += patternOccurrences(scalars, known: found)
        return found.sorted { $0.start < $1.start }
    }

    private func patternOccurrences(_ scalars: [Unicode.Scalar], known: [Occurrence]) -> [Occurrence] {
        var knownEnds = Set(known.map(\.end))
        let covered = known.reduce(into: Set<Int>()) { set, occurrence in set.formUnion(occurrence.start..<occurrence.end) }
        var found: [Occurrence] = []
        var lastEnd = 0
        var index = 0
        while index < scalars.count {
            guard let suffix = suffixes.first(where: { index + $0.count <= scalars.count && scalars[index..<(index + $0.count)].elementsEqual($0) }) else {
                index += 1
                continue
            }
            let end = index + suffix.count
            var best: Int?
            let longest = min(configuration.maxPatternPrefixLength, index - lastEnd)
            if longest >= configuration.minPatternPrefixLength {
                for length in configuration.minPatternPrefixLength...longest {
                    let start = index - length
                    let prefix = scalars[start..<index]
                    guard prefix.allSatisfy({ $0.isIdeograph && !configuration.patternPrefixStopCharacters.contains($0) }),
                          !(start..<index).contains(where: covered.contains) else { break }
                    if isBoundary(before: start, in: scalars, knownEnds: knownEnds) { best = start }
                }
            }
            if let start = best {
                let name = String(scalars: scalars[start..<end])
                let prefix = Array(scalars[start..<index])
                if !configuration.genericPlaceNames.contains(name),
                   !configuration.nonPlaceEndings.contains(where: { name.hasSuffix($0) }),
                   !genericPrefixes.contains(where: { prefix.starts(with: $0) }) {
                    found.append(Occurrence(name: name, fromGazetteer: false, start: start, end: end,
                                            chained: knownEnds.contains(start), prefix: String(scalars: prefix)))
                    lastEnd = end
                    knownEnds.insert(end)
                }
            }
            index = end
        }
        return found
    }

    /// A place name starts at the text start, after a non-ideograph, after a function character,
    /// or right after another place.
    private func isBoundary(before start: Int, in scalars: [Unicode.Scalar], knownEnds: Set<Int>) -> Bool {
        if start == 0 || knownEnds.contains(start) { return true }
        let previous = scalars[start - 1]
        return !previous.isIdeograph || configuration.placeBoundaryCharacters.contains(previous)
    }
}
