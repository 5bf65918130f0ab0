import ChineseText

/// Finds place names in a text: gazetteer names and short forms (longest match first), each with
/// every place it may denote (长沙 → 长沙市 and 长沙县), then unknown places by naming pattern
/// (`…社区`, `…村`). Choosing among the candidates is `PlaceDisambiguator`'s job.
struct PlaceMatcher {
    struct Occurrence: Hashable {
        /// The text as printed (株洲, 天元区, 响塘社区).
        var text: String
        /// Every place the text may denote: gazetteer codes, or the pattern name itself.
        var candidates: [String]
        var fromGazetteer: Bool
        var start: Int
        var end: Int
        /// Printed right after another place (`开州区汉丰街道`): strong evidence for a pattern name.
        var chained = false
        /// For pattern names: the part before the suffix (`响塘` of `响塘社区`).
        var prefix: String?

        /// The place, once `PlaceDisambiguator.resolve` has left a single candidate.
        var place: String { candidates[0] }
    }

    let configuration: AnalysisConfiguration.Localities
    private let patterns: PatternPlaceFinder

    init(configuration: AnalysisConfiguration.Localities) {
        self.configuration = configuration
        patterns = PatternPlaceFinder(configuration: configuration)
    }

    func occurrences(in text: String) -> [Occurrence] {
        let scalars = Array(text.unicodeScalars)
        let known = gazetteerOccurrences(scalars)
        return (known + patterns.occurrences(in: scalars, known: known)).sorted { $0.start < $1.start }
    }

    private func gazetteerOccurrences(_ scalars: [Unicode.Scalar]) -> [Occurrence] {
        let gazetteer = configuration.gazetteer
        var found: [Occurrence] = []
        var index = 0
        while index < scalars.count {
            guard let match = gazetteer.trie.longestMatch(in: scalars, from: index) else {
                index += 1
                continue
            }
            found.append(Occurrence(text: String(scalars: scalars[index..<match.end]),
                                    candidates: match.entries.map { gazetteer.entries[Int($0)].code },
                                    fromGazetteer: true, start: index, end: match.end))
            index = match.end
        }
        return found
    }
}
