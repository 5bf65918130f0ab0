/// One term found by `TermScanner`: a packed key, or the unit range of a word token too long to pack.
enum ScannedTerm {
    case packed(UInt64)
    case long(Range<Int>)
}

/// Walks normalised UTF-16 units and yields every index term, allocating nothing. This is the
/// build's inner loop, so it is an iterator (plain code in the caller's loop) rather than a
/// callback, and each unit is classified once.
struct TermScanner {
    private let units: UnsafeBufferPointer<UInt16>
    private var index = 0
    private var previousIdeograph = UInt32.max
    /// The bigram ending at the ideograph just yielded as a unigram, yielded next.
    private var pendingBigram: UInt64?
    private var wordStart = -1
    private var wordKey: UInt64 = 0
    private var wordPackable = true

    init(_ units: UnsafeBufferPointer<UInt16>) {
        self.units = units
    }

    /// Every term of `units`, in order; for tests and diagnostics.
    static func scan(_ units: UnsafeBufferPointer<UInt16>, _ emit: (ScannedTerm) -> Void) {
        var scanner = TermScanner(units)
        while let term = scanner.next() { emit(term) }
    }

    @inline(__always)
    mutating func next() -> ScannedTerm? {
        if let bigram = pendingBigram {
            pendingBigram = nil
            return .packed(bigram)
        }
        let count = units.count
        while index < count {
            let (scalar, width) = Self.decodeScalar(units, at: index)
            switch CharacterClass.of(scalar) {
            case .ideograph:
                if wordStart >= 0 { return finishWord(at: index) }
                index += width
                if previousIdeograph != UInt32.max {
                    pendingBigram = TermKey.bigram(previousIdeograph, scalar)
                }
                previousIdeograph = scalar
                return .packed(TermKey.unigram(scalar))
            case .word:
                previousIdeograph = UInt32.max
                if wordStart < 0 {
                    wordStart = index
                    wordKey = 0
                    wordPackable = true
                }
                if wordPackable, scalar < 0x80, index - wordStart < TermKey.maxPackedWordLength {
                    wordKey = wordKey << 7 | UInt64(scalar)
                } else {
                    wordPackable = false
                }
                index += width
            case .separator, .fieldBreak:
                previousIdeograph = UInt32.max
                if wordStart >= 0 {
                    let word = finishWord(at: index)
                    index += width
                    return word
                }
                index += width
            }
        }
        return wordStart >= 0 ? finishWord(at: count) : nil
    }

    @inline(__always)
    private mutating func finishWord(at end: Int) -> ScannedTerm {
        let start = wordStart
        wordStart = -1
        if wordPackable, end - start <= TermKey.maxPackedWordLength { return .packed(TermKey.wordTag | wordKey) }
        return .long(start..<end)
    }

    /// The scalar at `index` and how many units it takes. A lone surrogate is returned as itself,
    /// which classifies as a separator.
    @inline(__always)
    static func decodeScalar(_ units: UnsafeBufferPointer<UInt16>, at index: Int) -> (UInt32, Int) {
        let unit = units[index]
        if unit & 0xFC00 == 0xD800, index + 1 < units.count {
            let low = units[index + 1]
            if low & 0xFC00 == 0xDC00 {
                return (0x10000 + (UInt32(unit & 0x3FF) << 10 | UInt32(low & 0x3FF)), 2)
            }
        }
        return (UInt32(unit), 1)
    }
}
