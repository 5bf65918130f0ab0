/// A run of UTF-16 units to find in stored text.
///
/// Verifying phrases and exact runs scans whole candidate documents, thousands per query, so the
/// scan is vectorised: sixteen positions at a time are tested for the pattern's first unit and,
/// shifted, its last unit (the "generic SIMD" substring search); only positions passing both are
/// compared in full. Ideograph pairs are selective, so that is rare, and the loop runs at several
/// gigabytes a second where a unit-at-a-time Boyer-Moore-Horspool managed about two.
struct UnitPattern: Sendable, Hashable {
    let units: [UInt16]

    init(_ units: [UInt16]) {
        self.units = units
    }

    /// The first offset in `lower..<upper` where the pattern starts, or nil.
    @inline(__always)
    func firstMatch(in text: UnsafeBufferPointer<UInt16>, from lower: Int, to upper: Int) -> Int? {
        let count = units.count
        guard count > 0 else { return lower }
        guard upper - lower >= count, let base = text.baseAddress else { return nil }
        return units.withUnsafeBufferPointer { needle in
            let first = needle[0]
            let last = needle[count - 1]
            let lastStart = upper - count
            var start = lower
            // Whole blocks: the 16 starts and the 16 units at start + count - 1 are in bounds.
            let wantFirst = SIMD16<UInt16>(repeating: first)
            let wantLast = SIMD16<UInt16>(repeating: last)
            while start + 15 <= lastStart {
                let heads = UnsafeRawPointer(base + start).loadUnaligned(as: SIMD16<UInt16>.self)
                let tails = UnsafeRawPointer(base + start + count - 1).loadUnaligned(as: SIMD16<UInt16>.self)
                let hits = (heads .== wantFirst) .& (tails .== wantLast)
                if any(hits) {
                    for lane in 0..<16 where hits[lane] && Self.middleMatches(needle, at: base + start + lane) {
                        return start + lane
                    }
                }
                start += 16
            }
            while start <= lastStart {
                if base[start] == first, base[start + count - 1] == last, Self.middleMatches(needle, at: base + start) {
                    return start
                }
                start += 1
            }
            return nil
        }
    }

    @inline(__always)
    private static func middleMatches(_ needle: UnsafeBufferPointer<UInt16>, at candidate: UnsafePointer<UInt16>) -> Bool {
        var index = 1
        while index < needle.count - 1 {
            if candidate[index] != needle[index] { return false }
            index += 1
        }
        return true
    }
}
