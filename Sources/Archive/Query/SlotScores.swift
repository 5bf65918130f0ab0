/// Scores summed per slot in an open-addressing table sized once for its number of additions:
/// related articles add a few thousand (slot, weight) pairs per request, and a `Dictionary`
/// spent most of that request hashing them (SipHash, and growth). Slots are small non-negative
/// integers, so a multiplicative hash spreads them well enough for linear probing.
///
/// Additions to one slot are summed in the order they come, as a dictionary would sum them, so
/// equal inputs give bit-identical scores.
struct SlotScores: ~Copyable {
    private let slots: UnsafeMutableBufferPointer<Int>
    private let scores: UnsafeMutableBufferPointer<Double>
    private let mask: Int
    private(set) var count = 0

    /// A table for at most `additions` distinct slots, kept at most half full.
    init(additions: Int) {
        var capacity = 16
        while capacity < 2 * max(1, additions) { capacity <<= 1 }
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: -1)
        scores = .allocate(capacity: capacity)
        scores.initialize(repeating: 0)
        mask = capacity - 1
    }

    deinit {
        slots.deallocate()
        scores.deallocate()
    }

    /// Adds `score` to `slot`'s sum. `slot` is not negative, and the table holds fewer distinct
    /// slots than the `additions` it was made for.
    mutating func add(_ score: Double, to slot: Int) {
        // Fibonacci hashing: the top bits of the product, so neighbouring slots land far apart.
        var index = Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: slot) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let held = slots[index]
            if held == slot {
                scores[index] += score
                return
            }
            if held < 0 {
                slots[index] = slot
                scores[index] = 0 + score
                count += 1
                return
            }
            index = (index + 1) & mask
        }
    }

    /// The `limit` best slots, by descending score and then descending slot.
    func best(_ limit: Int) -> [(slot: Int, score: Double)] {
        guard limit > 0 else { return [] }
        var best: [(slot: Int, score: Double)] = []
        best.reserveCapacity(limit + 1)
        for index in 0...mask where slots[index] >= 0 {
            let slot = slots[index]
            let score = scores[index]
            let ahead = { (entry: (slot: Int, score: Double)) in entry.score != score ? entry.score > score : entry.slot > slot }
            guard best.count < limit || !ahead(best[best.count - 1]) else { continue }
            best.insert((slot, score), at: best.firstIndex { !ahead($0) } ?? best.count)
            if best.count > limit { best.removeLast() }
        }
        return best
    }
}
