/// A run of UTF-16 units to find in stored text, by Boyer-Moore-Horspool with the shift table
/// keyed by each unit's low byte (ideographs spread well over it). A four-character run skips
/// about four units per probe, so checking a candidate document costs well under a microsecond.
struct UnitPattern: Sendable, Hashable {
    let units: [UInt16]
    private let shifts: [Int]

    init(_ units: [UInt16]) {
        self.units = units
        var shifts = [Int](repeating: max(1, units.count), count: 256)
        for (index, unit) in units.dropLast().enumerated() {
            shifts[Int(unit & 0xFF)] = units.count - 1 - index
        }
        self.shifts = shifts
    }

    /// The first offset in `lower..<upper` where the pattern starts, or nil.
    @inline(__always)
    func firstMatch(in text: UnsafeBufferPointer<UInt16>, from lower: Int, to upper: Int) -> Int? {
        let count = units.count
        guard count > 0 else { return lower }
        return units.withUnsafeBufferPointer { needle in
            shifts.withUnsafeBufferPointer { shifts in
                let last = needle[count - 1]
                var start = lower
                while start + count <= upper {
                    let probe = text[start + count - 1]
                    if probe == last {
                        var index = 0
                        while index < count - 1, text[start + index] == needle[index] { index += 1 }
                        if index == count - 1 { return start }
                    }
                    start += shifts[Int(probe & 0xFF)]
                }
                return nil
            }
        }
    }
}
