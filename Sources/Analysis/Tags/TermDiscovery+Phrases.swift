/// The rules that refuse stop words and phrases as words.
extension TermDiscovery {
    /// Stop words and words that open or close on a function character (的发展, 发展的) are out,
    /// and so are phrases: a generic verb with its object (坚持以人为本, 二十大精神提出), a question
    /// (“我要做什么”), or nothing but stop words (推动工作, 当前和今后).
    ///
    /// - Parameter boundEdges: whether the rest of the word is (nearly) never printed without its
    ///   first (last) character. A function character there is then part of the word, not a
    ///   boundary: 对外开放 (外开放 only ever follows 对), 中转站. Without the counts, no edge is.
    func isAcceptable(_ text: String, boundEdges: (first: Bool, last: Bool) = (false, false)) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard !configuration.stopWords.contains(text), !configuration.genericWords.contains(text),
              // A particle inside (营商环境的指标) makes a phrase, not a word.
              !scalars.dropFirst().dropLast().contains(where: configuration.innerStopCharacters.contains),
              let first = scalars.first, let last = scalars.last,
              boundEdges.first || !configuration.boundaryStopCharacters.contains(first),
              boundEdges.last || !configuration.boundaryStopCharacters.contains(last),
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
}
