/// Index terms packed into one integer, so the vocabulary is a flat hash table of `UInt64` with no
/// string allocated per token. Unigrams are the scalar value, bigrams two 21-bit scalars under tag
/// bit 42, and ASCII word tokens of up to eight characters 7-bit packed under tag bit 63. Longer or
/// non-ASCII word tokens do not fit and are looked up by string.
enum TermKey {
    static let bigramTag: UInt64 = 1 << 42
    static let wordTag: UInt64 = 1 << 63
    static let maxPackedWordLength = 8

    @inline(__always)
    static func unigram(_ scalar: UInt32) -> UInt64 { UInt64(scalar) }

    @inline(__always)
    static func bigram(_ first: UInt32, _ second: UInt32) -> UInt64 {
        bigramTag | UInt64(first) << 21 | UInt64(second)
    }

    /// The packed key of an ASCII word, or nil when it is too long or not ASCII.
    static func word<C: Collection>(_ units: C) -> UInt64? where C.Element == UInt16 {
        guard units.count <= maxPackedWordLength else { return nil }
        var key: UInt64 = 0
        for unit in units {
            guard unit < 0x80 else { return nil }
            key = key << 7 | UInt64(unit)
        }
        return wordTag | key
    }

    /// The term a key stands for, for tests and diagnostics.
    static func text(of key: UInt64) -> String {
        var scalars = String.UnicodeScalarView()
        if key & wordTag != 0 {
            var packed = key & ~wordTag
            var reversed: [Unicode.Scalar] = []
            while packed != 0 {
                reversed.append(Unicode.Scalar(UInt8(packed & 0x7F)))
                packed >>= 7
            }
            scalars.append(contentsOf: reversed.reversed())
        } else if key & bigramTag != 0 {
            let mask: UInt64 = (1 << 21) - 1
            for value in [(key >> 21) & mask, key & mask] {
                if let scalar = Unicode.Scalar(UInt32(value)) { scalars.append(scalar) }
            }
        } else if let scalar = Unicode.Scalar(UInt32(key)) {
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
