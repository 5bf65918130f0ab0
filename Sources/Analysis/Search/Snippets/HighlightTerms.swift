/// What to highlight for a query: for each clause the whole clause, and the pieces that matched it
/// when it is not contiguous (the bigrams of a long run, the runs of a phrase).
struct HighlightTerms {
    struct Clause {
        var whole: PhrasePattern
        var pieces: [PhrasePattern]
    }

    struct Occurrence {
        var range: Range<Int>
        var clause: Int
        /// Index into the clause's pieces, or nil for the whole clause.
        var piece: Int?
    }

    let clauses: [Clause]
    /// Where each clause's pieces start in the flat "shown" flags of `coverage`, after one flag
    /// per clause for the whole clause.
    private let pieceOffsets: [Int]
    private let flagCount: Int

    init(_ query: SearchQuery) {
        clauses = query.clauses.map { clause in
            switch clause {
            case .ideographs(let units):
                return Clause(whole: PhrasePattern([.init(units: units, isWord: false)]), pieces: Self.bigrams(units))
            case .word(let units):
                return Clause(whole: PhrasePattern([.init(units: units, isWord: true)]), pieces: [])
            case .phrase(let runs):
                var pieces: [PhrasePattern] = []
                for run in runs {
                    let runPieces = [PhrasePattern([run])] + (run.isWord ? [] : Self.bigrams(run.units))
                    for piece in runPieces where !pieces.contains(piece) { pieces.append(piece) }
                }
                return Clause(whole: PhrasePattern(runs), pieces: pieces)
            }
        }
        var offsets: [Int] = []
        var next = clauses.count
        for clause in clauses {
            offsets.append(next)
            next += clause.pieces.count
        }
        pieceOffsets = offsets
        flagCount = next
    }

    /// Bigram pieces of a run of three or more ideographs; shorter runs have no pieces.
    private static func bigrams(_ units: [UInt16]) -> [PhrasePattern] {
        let characters = QueryClause.characterUnits(units)
        guard characters.count >= 3 else { return [] }
        var pieces: [PhrasePattern] = []
        for (first, second) in zip(characters, characters.dropFirst()) {
            let piece = PhrasePattern([.init(units: first + second, isWord: false)])
            if !pieces.contains(piece) { pieces.append(piece) }
        }
        return pieces
    }

    /// Occurrences of every clause and piece within `range`, at most `limit` per pattern, sorted
    /// by position.
    func occurrences(in units: UnsafeBufferPointer<UInt16>, range: Range<Int>, limit: Int = .max) -> [Occurrence] {
        var found: [Occurrence] = []
        for (index, clause) in clauses.enumerated() {
            for match in clause.whole.matches(in: units, range: range, limit: limit) {
                found.append(Occurrence(range: match, clause: index, piece: nil))
            }
            for (pieceIndex, piece) in clause.pieces.enumerated() {
                for match in piece.matches(in: units, range: range, limit: limit) {
                    found.append(Occurrence(range: match, clause: index, piece: pieceIndex))
                }
            }
        }
        // Longer first at one start: the whole clause before its pieces.
        return found.sorted { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) }
    }

    /// Where the first occurrence of any clause or piece starts in `range`.
    func firstOccurrence(in units: UnsafeBufferPointer<UInt16>, range: Range<Int>) -> Int? {
        var first: Int?
        for clause in clauses {
            for pattern in [clause.whole] + clause.pieces {
                let upper = first ?? range.upperBound
                if let match = pattern.firstMatch(in: units, range: range.lowerBound..<upper) {
                    first = match.lowerBound
                }
            }
        }
        return first
    }

    /// How well `window` shows the query: a clause shown whole counts 1, a clause shown only in
    /// pieces counts half its share of distinct pieces. Then the number of occurrences shown.
    /// `occurrences` must be sorted by position (as `occurrences(in:range:)` returns them); only
    /// those starting inside the window are visited.
    func coverage(of occurrences: [Occurrence], within window: Range<Int>) -> (score: Double, shown: Int) {
        let candidates = Self.starting(within: window, occurrences)
        // Most windows of a long article show nothing; and a snippet tries every window, so the
        // flags live on the stack, not in arrays allocated per call.
        guard !candidates.isEmpty else { return (0, 0) }
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: flagCount) { flags in
            flags.initialize(repeating: false)
            var shown = 0
            for occurrence in candidates where window.encloses(occurrence.range) {
                shown += 1
                flags[occurrence.piece.map { pieceOffsets[occurrence.clause] + $0 } ?? occurrence.clause] = true
            }
            var score = 0.0
            for (clause, offset) in zip(clauses.indices, pieceOffsets) {
                let pieces = clauses[clause].pieces.count
                if flags[clause] {
                    score += 1
                } else if pieces > 0 {
                    let seen = (offset..<(offset + pieces)).reduce(0) { $0 + (flags[$1] ? 1 : 0) }
                    score += 0.5 * Double(seen) / Double(pieces)
                }
            }
            return (score, shown)
        }
    }

    /// The ranges to mark within `window`, ascending and merged: each clause's whole occurrences
    /// when any lies inside, otherwise its pieces.
    func highlightRanges(_ occurrences: [Occurrence], within window: Range<Int>) -> [Range<Int>] {
        let inside = Self.starting(within: window, occurrences).filter { window.encloses($0.range) }
        let shownWhole = Set(inside.filter { $0.piece == nil }.map(\.clause))
        let ranges = inside
            .filter { $0.piece == nil || !shownWhole.contains($0.clause) }
            .map(\.range)
            .sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}

extension HighlightTerms {
    /// The occurrences (sorted by start) whose start lies in `window`, found by binary search.
    static func starting(within window: Range<Int>, _ occurrences: [Occurrence]) -> ArraySlice<Occurrence> {
        var low = 0
        var high = occurrences.count
        while low < high {
            let middle = (low + high) / 2
            if occurrences[middle].range.lowerBound < window.lowerBound { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < occurrences.count, occurrences[end].range.lowerBound < window.upperBound { end += 1 }
        return occurrences[low..<end]
    }
}
