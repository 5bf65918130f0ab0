/// A term as the vocabulary looks it up.
enum VocabularyKey: Hashable {
    case packed(UInt64)
    /// A word token too long or too exotic to pack.
    case word(String)
}

/// Term ids for every term of the corpus. Unigrams of BMP characters, half of all lookups, are a
/// direct table indexed by the character; other packed keys are in a `TermTable`; the few word
/// tokens too long to pack are looked up by string.
struct Vocabulary: Sendable {
    private var unigrams = [Int32](repeating: -1, count: 0x10000)
    private var table = TermTable()
    private var longWords: [String: Int32] = [:]
    private(set) var count: Int32 = 0

    /// The id of a scanned term, or -1 when the corpus never had it.
    @inline(__always)
    func id(of term: ScannedTerm, in units: UnsafeBufferPointer<UInt16>) -> Int32 {
        switch term {
        case .packed(let key): return id(ofPacked: key)
        case .long(let range): return longWords[String(decoding: units[range], as: UTF16.self)] ?? -1
        }
    }

    /// The id of a query term, or -1 when the corpus never had it.
    func id(of term: VocabularyKey) -> Int32 {
        switch term {
        case .packed(let key): return id(ofPacked: key)
        case .word(let word): return longWords[word] ?? -1
        }
    }

    @inline(__always)
    private func id(ofPacked key: UInt64) -> Int32 {
        key < 0x10000 ? unigrams.withUnsafeBufferPointer { $0[Int(key)] } : table.id(of: key)
    }

    /// The id of a scanned term, new ones numbered densely from zero.
    @inline(__always)
    mutating func insert(_ term: ScannedTerm, in units: UnsafeBufferPointer<UInt16>) -> Int32 {
        switch term {
        case .packed(let key) where key < 0x10000:
            let found = unigrams[Int(key)]
            if found >= 0 { return found }
            unigrams[Int(key)] = count
        case .packed(let key):
            let (id, isNew) = table.id(of: key, orInsert: count)
            if !isNew { return id }
        case .long(let range):
            let word = String(decoding: units[range], as: UTF16.self)
            if let id = longWords[word] { return id }
            longWords[word] = count
        }
        count += 1
        return count - 1
    }
}
