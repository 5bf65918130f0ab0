import Persistence

/// A term as the vocabulary looks it up.
enum VocabularyKey: Hashable {
    case packed(UInt64)
    /// A word token too long or too exotic to pack.
    case word(String)
}

/// Term ids for every term of a segment while it is being built. Unigrams of BMP characters, half
/// of all lookups, are a direct table indexed by the character; other packed keys are in a
/// `TermTable`; the few word tokens too long to pack are looked up by string. `frozen()` turns it
/// into the read-only form a segment keeps.
struct VocabularyBuilder {
    private var unigrams = [Int32](repeating: -1, count: 0x10000)
    private var table = TermTable()
    private var longWords: [String: Int32] = [:]
    private(set) var count: Int32 = 0

    /// The id of a scanned term, or -1 when the corpus never had it.
    @inline(__always)
    func id(of term: ScannedTerm, in units: UnsafeBufferPointer<UInt16>) -> Int32 {
        switch term {
        case .packed(let key): return key < 0x10000 ? unigrams.withUnsafeBufferPointer { $0[Int(key)] } : table.id(of: key)
        case .long(let range): return longWords[String(decoding: units[range], as: UTF16.self)] ?? -1
        }
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

    func frozen() -> Vocabulary {
        // Byte order, which the lookup's binary search compares in.
        let words = longWords.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
        var offsets: [Int] = [0]
        var bytes: [UInt8] = []
        for (word, _) in words {
            bytes += Array(word.utf8)
            offsets.append(bytes.count)
        }
        return Vocabulary(unigrams: StoredArray(unigrams), table: StoredArray(table.slots),
                          longWordOffsets: StoredArray(offsets), longWordBytes: StoredArray(bytes),
                          longWordIDs: StoredArray(words.map(\.value)), count: Int(count))
    }
}

/// A segment's read-only vocabulary, in arrays that can live in a mapped file: the unigram table,
/// the term table's slots, and the long words sorted for binary search.
struct Vocabulary: Sendable {
    let unigrams: StoredArray<Int32>
    let table: StoredArray<TermTable.Slot>
    let longWordOffsets: StoredArray<Int>
    let longWordBytes: StoredArray<UInt8>
    let longWordIDs: StoredArray<Int32>
    let count: Int

    var byteCount: Int {
        unigrams.byteCount + table.byteCount + longWordOffsets.byteCount + longWordBytes.byteCount + longWordIDs.byteCount
    }

    /// The id of a query term, or -1 when the segment never had it.
    func id(of term: VocabularyKey) -> Int32 {
        switch term {
        case .packed(let key):
            if key < 0x10000 { return unigrams.count == 0x10000 ? unigrams[Int(key)] : -1 }
            return table.withUnsafeBufferPointer { TermTable.lookup(key, in: $0) }
        case .word(let word):
            return longWordID(Array(word.utf8))
        }
    }

    /// The id of a scanned term (when re-reading stored text), or -1.
    @inline(__always)
    func id(of term: ScannedTerm, in units: UnsafeBufferPointer<UInt16>) -> Int32 {
        switch term {
        case .packed(let key):
            if key < 0x10000 { return unigrams.withUnsafeBufferPointer { $0[Int(key)] } }
            return table.withUnsafeBufferPointer { TermTable.lookup(key, in: $0) }
        case .long(let range):
            return longWordID(Array(String(decoding: units[range], as: UTF16.self).utf8))
        }
    }

    private func longWordID(_ utf8: [UInt8]) -> Int32 {
        var low = 0
        var high = longWordIDs.count
        while low < high {
            let middle = (low + high) / 2
            let comparison = compare(word: middle, with: utf8)
            if comparison == 0 { return longWordIDs[middle] }
            if comparison < 0 { low = middle + 1 } else { high = middle }
        }
        return -1
    }

    /// Byte-wise comparison of stored word `index` with `utf8` (UTF-8 byte order is code point order).
    private func compare(word index: Int, with utf8: [UInt8]) -> Int {
        let start = longWordOffsets[index]
        let end = longWordOffsets[index + 1]
        return longWordBytes.withUnsafeBufferPointer { bytes in
            var position = 0
            while start + position < end && position < utf8.count {
                let a = bytes[start + position]
                let b = utf8[position]
                if a != b { return a < b ? -1 : 1 }
                position += 1
            }
            return (end - start) - utf8.count
        }
    }
}
