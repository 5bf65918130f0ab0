/// One term found by `TermScanner`: a packed key, or the unit range of a word token too long to pack.
enum ScannedTerm {
    case packed(UInt64)
    case long(Range<Int>)
}

/// Walks normalised UTF-16 units and reports every index term, allocating nothing. This is the
/// build's inner loop: each unit is classified once and each term is handed straight to the caller.
enum TermScanner {
    @inline(__always)
    static func scan(_ units: UnsafeBufferPointer<UInt16>, _ emit: (ScannedTerm) -> Void) {
        let count = units.count
        let none = UInt32.max
        var previousIdeograph = none
        var wordStart = -1
        var wordKey: UInt64 = 0
        var wordPackable = true

        @inline(__always)
        func finishWord(at end: Int) {
            guard wordStart >= 0 else { return }
            if wordPackable, end - wordStart <= TermKey.maxPackedWordLength {
                emit(.packed(TermKey.wordTag | wordKey))
            } else {
                emit(.long(wordStart..<end))
            }
            wordStart = -1
        }

        var index = 0
        while index < count {
            let (scalar, width) = decodeScalar(units, at: index)
            switch CharacterClass.of(scalar) {
            case .ideograph:
                finishWord(at: index)
                emit(.packed(TermKey.unigram(scalar)))
                if previousIdeograph != none { emit(.packed(TermKey.bigram(previousIdeograph, scalar))) }
                previousIdeograph = scalar
            case .word:
                previousIdeograph = none
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
            case .separator, .fieldBreak:
                finishWord(at: index)
                previousIdeograph = none
            }
            index += width
        }
        finishWord(at: count)
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
