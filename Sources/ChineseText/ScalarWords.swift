extension Array where Element == Unicode.Scalar {
    /// Whether `word` occurs at `index`. The recognisers ask this at every position of a line for
    /// every label they know; a plain loop that stops at the first differing scalar costs a small
    /// fraction of comparing slices (which retains and iterates, most of all in debug builds).
    public func hasWord(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= count else { return false }
        return withUnsafeBufferPointer { scalars in
            word.withUnsafeBufferPointer { word in
                var offset = 0
                while offset < word.count {
                    if scalars[index + offset] != word[offset] { return false }
                    offset += 1
                }
                return true
            }
        }
    }
}
