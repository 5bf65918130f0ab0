import Persistence

/// The vocabulary: packed term keys to dense term ids, by open addressing with linear probing.
///
/// Key and id share a slot, so a lookup usually touches one cache line, and the multiplicative
/// hash costs a cycle or two where `Dictionary<UInt64, Int32>` runs SipHash: the build looks up
/// every unigram and bigram of every document twice. The slot array is position-independent, so a
/// segment stores it as is and maps it back from disk without rebuilding anything.
struct TermTable: Sendable {
    struct Slot: Sendable, BitwiseCopyable {
        var key: UInt64
        var id: Int32
        var padding: Int32 = 0
    }

    static let empty = UInt64.max
    private(set) var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(key: Self.empty, id: -1), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The id of `key`, or -1 when the vocabulary does not have it.
    @inline(__always)
    func id(of key: UInt64) -> Int32 {
        slots.withUnsafeBufferPointer { Self.lookup(key, in: $0) }
    }

    /// Looks `key` up in a table's slots, wherever they are stored.
    @inline(__always)
    static func lookup(_ key: UInt64, in slots: UnsafeBufferPointer<Slot>) -> Int32 {
        guard slots.count > 0 else { return -1 }
        let mask = slots.count - 1
        let shift = UInt64(64 - slots.count.trailingZeroBitCount)
        var index = slot(for: key, shift: shift)
        while true {
            let slot = slots[index]
            if slot.key == key { return slot.id }
            if slot.key == empty { return -1 }
            index = (index + 1) & mask
        }
    }

    /// The id of `key`, giving it `newID` when it is new.
    @inline(__always)
    mutating func id(of key: UInt64, orInsert newID: Int32) -> (id: Int32, isNew: Bool) {
        let found = id(of: key)
        if found >= 0 { return (found, false) }
        if (count + 1) * 2 > slots.count { grow() }
        place(key, newID)
        count += 1
        return (newID, true)
    }

    @inline(__always)
    private static func slot(for key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func place(_ key: UInt64, _ id: Int32) {
        let mask = slots.count - 1
        var index = Self.slot(for: key, shift: shift)
        while slots[index].key != Self.empty { index = (index + 1) & mask }
        slots[index] = Slot(key: key, id: id)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: Self.empty, id: -1), count: old.count * 2)
        shift -= 1
        for slot in old where slot.key != Self.empty { place(slot.key, slot.id) }
    }
}
