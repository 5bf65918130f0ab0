/// The rules that find pieces of other words among discovered terms.
extension TermDiscovery {
    /// A term whose edge often cuts a word is a piece of other words: 务公开 in 政务公开 and
    /// 事务公开, 力解决 in 着力解决, 新时代志愿 in 新时代志愿服务. An occurrence cuts a word when a
    /// discovered, stop or generic word starts inside the term and ends past it, or the reverse.
    func dropCutTerms(_ terms: inout [Gram: Term], counts: [Gram: Int32], codes: CharacterCodes) {
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

    /// A word inside a longer word that accounts for nearly all its occurrences is only a piece
    /// of that word (质生产力 and 生产力 inside 新质生产力, when they always co-occur).
    func dropNestedTerms(_ terms: inout [Gram: Term]) {
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
}
