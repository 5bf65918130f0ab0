/// A set of article slots (small non-negative integers) in the manner of a Roaring bitmap: slots
/// are grouped by their high 16 bits, and each group is a sorted array of its low halves while it
/// holds at most 4,096 of them, or a 65,536-bit bitmap beyond that. Either form is at most 8 KB.
///
/// Why this shape: filters combine by intersection (a bitmap pair is 1,024 word ANDs), counts
/// come from stored cardinalities, and because new slots are always the largest, adding an article
/// copies only the last group: a copy-on-write set shared with an older snapshot costs a few KB to
/// extend, however many articles it already holds.
public struct SlotSet: Sendable, Hashable {
    @usableFromInline
    enum Container: Sendable, Hashable {
        case array([UInt16])
        /// 1,024 words and how many bits are set.
        case bitmap([UInt64], Int)

        var count: Int {
            switch self {
            case .array(let values): values.count
            case .bitmap(_, let count): count
            }
        }
    }

    static let arrayLimit = 4096

    @usableFromInline var highs: [UInt16] = []
    @usableFromInline var containers: [Container] = []

    public init() {}

    public init<S: Sequence>(_ slots: S) where S.Element == Int {
        var sorted = Array(slots)
        // Callers often pass slots already in order (a start-up builds sets of a million).
        if zip(sorted, sorted.dropFirst()).contains(where: { $0 > $1 }) { sorted.sort() }
        var index = 0
        while index < sorted.count {
            let high = UInt16(truncatingIfNeeded: sorted[index] >> 16)
            var lows: [UInt16] = []
            while index < sorted.count, sorted[index] >> 16 == Int(high) {
                let low = UInt16(truncatingIfNeeded: sorted[index])
                if lows.last != low { lows.append(low) }
                index += 1
            }
            highs.append(high)
            containers.append(Self.container(sortedLows: lows))
        }
    }

    /// Slots `0..<count`.
    public static func all(_ count: Int) -> SlotSet { range(0..<count) }

    /// Every slot of `range`, built a container at a time with whole words set (the maintenance
    /// thread asks for a segment's range after every write).
    public static func range(_ range: Range<Int>) -> SlotSet {
        var set = SlotSet()
        var start = max(0, range.lowerBound)
        while start < range.upperBound {
            let end = min(range.upperBound, (start & ~0xFFFF) + 0x10000)
            set.highs.append(UInt16(truncatingIfNeeded: start >> 16))
            if end - start > arrayLimit {
                var words = [UInt64](repeating: 0, count: 1024)
                let first = start & 0xFFFF, last = (end - 1) & 0xFFFF
                for word in (first >> 6)...(last >> 6) {
                    var mask = UInt64.max
                    if word == first >> 6 { mask &= UInt64.max << UInt64(first & 63) }
                    if word == last >> 6 { mask &= UInt64.max >> UInt64(63 - (last & 63)) }
                    words[word] = mask
                }
                set.containers.append(.bitmap(words, end - start))
            } else {
                set.containers.append(.array((start..<end).map { UInt16(truncatingIfNeeded: $0) }))
            }
            start = end
        }
        return set
    }

    private static func container(sortedLows lows: [UInt16]) -> Container {
        if lows.count <= arrayLimit { return .array(lows) }
        var words = [UInt64](repeating: 0, count: 1024)
        for low in lows { words[Int(low >> 6)] |= 1 << UInt64(low & 63) }
        return .bitmap(words, lows.count)
    }

    // MARK: - Size

    public var count: Int { containers.reduce(0) { $0 + $1.count } }
    public var isEmpty: Bool { containers.isEmpty }

    /// Approximate bytes held.
    public var byteCount: Int {
        containers.reduce(highs.count * 2) { total, container in
            switch container {
            case .array(let values): total + values.count * 2 + 32
            case .bitmap: total + 8192 + 32
            }
        }
    }

    // MARK: - Membership

    private func groupIndex(_ high: UInt16) -> (index: Int, found: Bool) {
        var low = 0
        var upper = highs.count
        while low < upper {
            let middle = (low + upper) >> 1
            if highs[middle] < high { low = middle + 1 } else { upper = middle }
        }
        return (low, low < highs.count && highs[low] == high)
    }

    public func contains(_ slot: Int) -> Bool {
        guard slot >= 0 else { return false }
        let (index, found) = groupIndex(UInt16(truncatingIfNeeded: slot >> 16))
        guard found else { return false }
        let low = UInt16(truncatingIfNeeded: slot)
        switch containers[index] {
        case .array(let values):
            let position = Self.lowerBound(low, in: values)
            return position < values.count && values[position] == low
        case .bitmap(let words, _):
            return words[Int(low >> 6)] & (1 << UInt64(low & 63)) != 0
        }
    }

    @discardableResult
    public mutating func insert(_ slot: Int) -> Bool {
        precondition(slot >= 0 && slot < 1 << 32, "slot out of range")
        let high = UInt16(truncatingIfNeeded: slot >> 16)
        let low = UInt16(truncatingIfNeeded: slot)
        let (index, found) = groupIndex(high)
        guard found else {
            highs.insert(high, at: index)
            containers.insert(.array([low]), at: index)
            return true
        }
        switch containers[index] {
        case .array(var values):
            let position = Self.lowerBound(low, in: values)
            if position < values.count && values[position] == low { return false }
            values.insert(low, at: position)
            containers[index] = values.count > Self.arrayLimit ? Self.container(sortedLows: values) : .array(values)
        case .bitmap(var words, let count):
            let mask: UInt64 = 1 << UInt64(low & 63)
            if words[Int(low >> 6)] & mask != 0 { return false }
            words[Int(low >> 6)] |= mask
            containers[index] = .bitmap(words, count + 1)
        }
        return true
    }

    @discardableResult
    public mutating func remove(_ slot: Int) -> Bool {
        guard slot >= 0 else { return false }
        let (index, found) = groupIndex(UInt16(truncatingIfNeeded: slot >> 16))
        guard found else { return false }
        let low = UInt16(truncatingIfNeeded: slot)
        switch containers[index] {
        case .array(var values):
            let position = Self.lowerBound(low, in: values)
            guard position < values.count && values[position] == low else { return false }
            values.remove(at: position)
            if values.isEmpty {
                highs.remove(at: index)
                containers.remove(at: index)
            } else {
                containers[index] = .array(values)
            }
        case .bitmap(var words, let count):
            let mask: UInt64 = 1 << UInt64(low & 63)
            guard words[Int(low >> 6)] & mask != 0 else { return false }
            words[Int(low >> 6)] &= ~mask
            containers[index] = count - 1 <= Self.arrayLimit ? .array(Self.lows(of: words)) : .bitmap(words, count - 1)
        }
        return true
    }

    private static func lows(of words: [UInt64]) -> [UInt16] {
        var lows: [UInt16] = []
        for (index, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                lows.append(UInt16(index << 6 | bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
        return lows
    }

    @inline(__always)
    private static func lowerBound(_ value: UInt16, in values: [UInt16]) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) >> 1
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: - Iteration

    /// Every slot in ascending order until `body` returns false.
    public func forEach(_ body: (Int) -> Bool) {
        for (index, container) in containers.enumerated() {
            let base = Int(highs[index]) << 16
            switch container {
            case .array(let values):
                for value in values where !body(base | Int(value)) { return }
            case .bitmap(let words, _):
                for (wordIndex, word) in words.enumerated() where word != 0 {
                    var bits = word
                    while bits != 0 {
                        if !body(base | wordIndex << 6 | bits.trailingZeroBitCount) { return }
                        bits &= bits - 1
                    }
                }
            }
        }
    }

    /// Every slot in descending order until `body` returns false.
    public func forEachReversed(_ body: (Int) -> Bool) {
        for index in containers.indices.reversed() {
            let base = Int(highs[index]) << 16
            switch containers[index] {
            case .array(let values):
                for value in values.reversed() where !body(base | Int(value)) { return }
            case .bitmap(let words, _):
                for wordIndex in words.indices.reversed() where words[wordIndex] != 0 {
                    var bits = words[wordIndex]
                    while bits != 0 {
                        let top = 63 - bits.leadingZeroBitCount
                        if !body(base | wordIndex << 6 | top) { return }
                        bits &= ~(1 << UInt64(top))
                    }
                }
            }
        }
    }

    public var slots: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        forEach { result.append($0); return true }
        return result
    }

    /// The smallest member at or after `slot`.
    public func next(atOrAfter slot: Int) -> Int? {
        let slot = max(0, slot)
        var (index, found) = groupIndex(UInt16(truncatingIfNeeded: slot >> 16))
        if found {
            let base = Int(highs[index]) << 16
            let low = slot & 0xFFFF
            switch containers[index] {
            case .array(let values):
                let position = Self.lowerBound(UInt16(low), in: values)
                if position < values.count { return base | Int(values[position]) }
            case .bitmap(let words, _):
                var wordIndex = low >> 6
                var word = words[wordIndex] & (~0 << UInt64(low & 63))
                while true {
                    if word != 0 { return base | wordIndex << 6 | word.trailingZeroBitCount }
                    wordIndex += 1
                    if wordIndex == words.count { break }
                    word = words[wordIndex]
                }
            }
            index += 1
        }
        guard index < containers.count else { return nil }
        let base = Int(highs[index]) << 16
        switch containers[index] {
        case .array(let values): return base | Int(values[0])
        case .bitmap(let words, _):
            let wordIndex = words.firstIndex { $0 != 0 }!
            return base | wordIndex << 6 | words[wordIndex].trailingZeroBitCount
        }
    }

    // MARK: - Algebra

    public func intersection(_ other: SlotSet) -> SlotSet {
        var result = SlotSet()
        var i = 0
        var j = 0
        while i < highs.count && j < other.highs.count {
            if highs[i] < other.highs[j] { i += 1; continue }
            if highs[i] > other.highs[j] { j += 1; continue }
            if let container = Self.and(containers[i], other.containers[j]) {
                result.highs.append(highs[i])
                result.containers.append(container)
            }
            i += 1
            j += 1
        }
        return result
    }

    /// `count` of the intersection without building it.
    public func intersectionCount(_ other: SlotSet) -> Int {
        var total = 0
        var i = 0
        var j = 0
        while i < highs.count && j < other.highs.count {
            if highs[i] < other.highs[j] { i += 1; continue }
            if highs[i] > other.highs[j] { j += 1; continue }
            total += Self.andCount(containers[i], other.containers[j])
            i += 1
            j += 1
        }
        return total
    }

    public func union(_ other: SlotSet) -> SlotSet {
        var result = SlotSet()
        var i = 0
        var j = 0
        while i < highs.count || j < other.highs.count {
            if j == other.highs.count || (i < highs.count && highs[i] < other.highs[j]) {
                result.highs.append(highs[i]); result.containers.append(containers[i]); i += 1
            } else if i == highs.count || other.highs[j] < highs[i] {
                result.highs.append(other.highs[j]); result.containers.append(other.containers[j]); j += 1
            } else {
                result.highs.append(highs[i])
                result.containers.append(Self.or(containers[i], other.containers[j]))
                i += 1
                j += 1
            }
        }
        return result
    }

    public func subtracting(_ other: SlotSet) -> SlotSet {
        var result = SlotSet()
        var j = 0
        for i in highs.indices {
            while j < other.highs.count && other.highs[j] < highs[i] { j += 1 }
            if j < other.highs.count && other.highs[j] == highs[i] {
                if let container = Self.andNot(containers[i], other.containers[j]) {
                    result.highs.append(highs[i])
                    result.containers.append(container)
                }
            } else {
                result.highs.append(highs[i])
                result.containers.append(containers[i])
            }
        }
        return result
    }

    public mutating func formUnion(_ other: SlotSet) { self = union(other) }
    public mutating func formIntersection(_ other: SlotSet) { self = intersection(other) }
    public mutating func subtract(_ other: SlotSet) { self = subtracting(other) }

    private static func words(_ container: Container) -> [UInt64] {
        switch container {
        case .bitmap(let words, _): return words
        case .array(let values):
            var words = [UInt64](repeating: 0, count: 1024)
            for value in values { words[Int(value >> 6)] |= 1 << UInt64(value & 63) }
            return words
        }
    }

    private static func normalized(words: [UInt64]) -> Container? {
        let count = words.reduce(0) { $0 + $1.nonzeroBitCount }
        if count == 0 { return nil }
        return count <= arrayLimit ? .array(lows(of: words)) : .bitmap(words, count)
    }

    private static func and(_ a: Container, _ b: Container) -> Container? {
        switch (a, b) {
        case (.array(let x), .array(let y)):
            let result = intersectSorted(x, y)
            return result.isEmpty ? nil : .array(result)
        case (.array(let values), .bitmap(let words, _)), (.bitmap(let words, _), .array(let values)):
            let result = values.filter { words[Int($0 >> 6)] & (1 << UInt64($0 & 63)) != 0 }
            return result.isEmpty ? nil : .array(result)
        case (.bitmap(let x, _), .bitmap(let y, _)):
            return normalized(words: zip(x, y).map { $0 & $1 })
        }
    }

    private static func andCount(_ a: Container, _ b: Container) -> Int {
        switch (a, b) {
        case (.array(let x), .array(let y)):
            return intersectSorted(x, y).count
        case (.array(let values), .bitmap(let words, _)), (.bitmap(let words, _), .array(let values)):
            return values.reduce(0) { $0 + (words[Int($1 >> 6)] & (1 << UInt64($1 & 63)) != 0 ? 1 : 0) }
        case (.bitmap(let x, _), .bitmap(let y, _)):
            var total = 0
            for index in 0..<1024 { total += (x[index] & y[index]).nonzeroBitCount }
            return total
        }
    }

    private static func or(_ a: Container, _ b: Container) -> Container {
        if case .array(let x) = a, case .array(let y) = b, x.count + y.count <= arrayLimit {
            var merged: [UInt16] = []
            merged.reserveCapacity(x.count + y.count)
            var i = 0
            var j = 0
            while i < x.count || j < y.count {
                if j == y.count || (i < x.count && x[i] < y[j]) { merged.append(x[i]); i += 1 }
                else if i == x.count || y[j] < x[i] { merged.append(y[j]); j += 1 }
                else { merged.append(x[i]); i += 1; j += 1 }
            }
            return .array(merged)
        }
        let x = words(a)
        let y = words(b)
        return normalized(words: zip(x, y).map { $0 | $1 })!
    }

    private static func andNot(_ a: Container, _ b: Container) -> Container? {
        switch (a, b) {
        case (.array(let x), _):
            let result = x.filter { value in
                switch b {
                case .array(let y):
                    let position = lowerBound(value, in: y)
                    return !(position < y.count && y[position] == value)
                case .bitmap(let words, _):
                    return words[Int(value >> 6)] & (1 << UInt64(value & 63)) == 0
                }
            }
            return result.isEmpty ? nil : .array(result)
        case (.bitmap(let x, _), _):
            let y = words(b)
            return normalized(words: zip(x, y).map { $0 & ~$1 })
        }
    }

    private static func intersectSorted(_ x: [UInt16], _ y: [UInt16]) -> [UInt16] {
        var result: [UInt16] = []
        var i = 0
        var j = 0
        while i < x.count && j < y.count {
            if x[i] < y[j] { i += 1 } else if x[i] > y[j] { j += 1 } else { result.append(x[i]); i += 1; j += 1 }
        }
        return result
    }
}
