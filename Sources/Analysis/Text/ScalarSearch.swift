/// Word search over Unicode scalars, for the analysis's hot paths (Foundation's string search
/// folds and normalises, which these exact matches never need).
extension Collection where Element == Unicode.Scalar, Index == Int {
    /// Where `word` first occurs, or nil.
    func firstIndex(ofWord word: [Unicode.Scalar]) -> Int? {
        guard let first = word.first, word.count <= count else { return nil }
        var start = startIndex
        while start + word.count <= endIndex {
            if self[start] == first, self[start..<(start + word.count)].elementsEqual(word) { return start }
            start += 1
        }
        return nil
    }

    func contains(word: [Unicode.Scalar]) -> Bool { firstIndex(ofWord: word) != nil }

    /// Every place `word` occurs, overlaps included.
    func indices(ofWord word: [Unicode.Scalar]) -> [Int] {
        guard let first = word.first, word.count <= count else { return [] }
        var found: [Int] = []
        for start in startIndex...(endIndex - word.count) where self[start] == first
            && self[start..<(start + word.count)].elementsEqual(word) {
            found.append(start)
        }
        return found
    }

    /// Whether `word` occurs at `index`.
    func hasWord(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        index >= startIndex && index + word.count <= endIndex && self[index..<(index + word.count)].elementsEqual(word)
    }
}

extension String {
    /// The text as scalars, for `firstIndex(ofWord:)`.
    var scalars: [Unicode.Scalar] { Array(unicodeScalars) }
}
