/// A term as the vocabulary looks it up.
enum VocabularyKey: Hashable {
    case packed(UInt64)
    /// A word token too long or too exotic to pack.
    case word(String)
}

/// Term ids for every term of the corpus: packed keys in a `TermTable`, and the few word tokens
/// too long to pack by string.
struct Vocabulary: Sendable {
    private var table = TermTable()
    private var longWords: [String: Int32] = [:]
    private(set) var count: Int32 = 0

    /// The id of a scanned term, or -1 when the corpus never had it.
    @inline(__always)
    func id(of term: ScannedTerm, in units: UnsafeBufferPointer<UInt16>) -> Int32 {
        switch term {
        case .packed(let key): return table.id(of: key)
        case .long(let range): return longWords[String(decoding: units[range], as: UTF16.self)] ?? -1
        }
    }

    /// The id of a query term, or -1 when the corpus never had it.
    func id(of term: VocabularyKey) -> Int32 {
        switch term {
        case .packed(let key): return table.id(of: key)
        case .word(let word): return longWords[word] ?? -1
        }
    }

    /// The id of a scanned term, new ones numbered densely from zero; `isNew` tells the caller to
    /// grow its per-term arrays.
    @inline(__always)
    mutating func insert(_ term: ScannedTerm, in units: UnsafeBufferPointer<UInt16>) -> (id: Int32, isNew: Bool) {
        let before = count
        switch term {
        case .packed(let key):
            let id = table.id(of: key) { count += 1; return before }
            return (id, count != before)
        case .long(let range):
            let word = String(decoding: units[range], as: UTF16.self)
            if let id = longWords[word] { return (id, false) }
            longWords[word] = before
            count += 1
            return (before, true)
        }
    }
}
