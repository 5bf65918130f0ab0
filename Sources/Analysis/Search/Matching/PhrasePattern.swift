/// A quoted phrase as runs to match contiguously in stored text.
///
/// Between runs the text may have any spacing or punctuation (none at all next to an ideograph,
/// as Chinese is set solid), but never another ideograph or word character, and never a field
/// break. A word run must be a whole token: `ipv6` does not match inside `ipv60`.
struct PhrasePattern: Sendable, Hashable {
    let runs: [QueryClause.QueryRun]
    private let anchor: UnitPattern

    init(_ runs: [QueryClause.QueryRun]) {
        self.runs = runs
        anchor = UnitPattern(runs.first?.units ?? [])
    }

    /// The first occurrence within `range`, or nil.
    func firstMatch(in text: UnsafeBufferPointer<UInt16>, range: Range<Int>) -> Range<Int>? {
        var from = range.lowerBound
        while let start = anchor.firstMatch(in: text, from: from, to: range.upperBound) {
            if let end = matchEnd(startingAt: start, in: text, range: range) { return start..<end }
            from = start + 1
        }
        return nil
    }

    /// Occurrences within `range`, not overlapping, in order, at most `limit`.
    func matches(in text: UnsafeBufferPointer<UInt16>, range: Range<Int>, limit: Int = .max) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var from = range.lowerBound
        while found.count < limit, let match = firstMatch(in: text, range: from..<range.upperBound) {
            found.append(match)
            from = match.upperBound
        }
        return found
    }

    private func matchEnd(startingAt start: Int, in text: UnsafeBufferPointer<UInt16>, range: Range<Int>) -> Int? {
        if runs[0].isWord, Self.characterClass(before: start, in: text, from: range.lowerBound) == .word { return nil }
        var position = start + runs[0].units.count
        for index in 1..<max(1, runs.count) {
            if runs[index - 1].isWord, Self.characterClass(at: position, in: text, to: range.upperBound) == .word {
                return nil
            }
            while position < range.upperBound {
                let (scalar, width) = TermScanner.decodeScalar(text, at: position)
                guard CharacterClass.of(scalar) == .separator else { break }
                position += width
            }
            let run = runs[index].units
            guard position + run.count <= range.upperBound else { return nil }
            for (offset, unit) in run.enumerated() where text[position + offset] != unit { return nil }
            position += run.count
        }
        if runs[runs.count - 1].isWord, Self.characterClass(at: position, in: text, to: range.upperBound) == .word {
            return nil
        }
        return position
    }

    static func characterClass(at position: Int, in text: UnsafeBufferPointer<UInt16>, to upper: Int) -> CharacterClass? {
        guard position < upper else { return nil }
        return CharacterClass.of(TermScanner.decodeScalar(text, at: position).0)
    }

    static func characterClass(before position: Int, in text: UnsafeBufferPointer<UInt16>, from lower: Int) -> CharacterClass? {
        guard position > lower else { return nil }
        var start = position - 1
        if text[start] & 0xFC00 == 0xDC00, start > lower, text[start - 1] & 0xFC00 == 0xD800 { start -= 1 }
        return CharacterClass.of(TermScanner.decodeScalar(text, at: start).0)
    }
}
