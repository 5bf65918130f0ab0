/// The vocabulary: packed term keys to dense term ids, by open addressing with linear probing.
///
/// Built once while indexing, then only read. A flat pair of arrays probed with a multiplicative
/// hash costs a few nanoseconds per lookup, where `Dictionary<UInt64, Int32>` hashes with SipHash;
/// the build looks up every unigram and bigram of every document twice.
struct TermTable: Sendable {
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var ids: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        ids = Array(repeating: -1, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The id of `key`, or -1 when the vocabulary does not have it.
    @inline(__always)
    func id(of key: UInt64) -> Int32 {
        keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var slot = Self.slot(for: key, shift: shift)
            while true {
                let found = keys[slot]
                if found == key { return ids[slot] }
                if found == Self.empty { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The id of `key`, giving it `newID()` when it is new.
    @inline(__always)
    mutating func id(of key: UInt64, orInsert newID: () -> Int32) -> Int32 {
        if count * 2 >= keys.count { grow() }
        let mask = keys.count - 1
        var slot = Self.slot(for: key, shift: shift)
        while true {
            let found = keys[slot]
            if found == key { return ids[slot] }
            if found == Self.empty {
                let id = newID()
                keys[slot] = key
                ids[slot] = id
                count += 1
                return id
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func slot(for key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldIDs = ids
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        ids = Array(repeating: -1, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (key, id) in zip(oldKeys, oldIDs) where key != Self.empty {
            var slot = Self.slot(for: key, shift: shift)
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            ids[slot] = id
        }
    }
}
