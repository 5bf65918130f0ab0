import Persistence
import Testing

@Suite("SlotSet: sets of article slots as arrays or bitmaps per 65,536 slots")
struct SlotSetTests {
    @Test func holdsWhatWasInsertedInAscendingOrder() {
        var set = SlotSet()
        for slot in [70_000, 3, 65_535, 65_536, 3] { set.insert(slot) }
        #expect(set.slots == [3, 65_535, 65_536, 70_000])
        #expect(set.count == 4)
        #expect(set.contains(65_536) && !set.contains(4))
    }

    @Test func aDenseGroupBecomesABitmapAndBackWhenItThins() {
        var set = SlotSet(0..<5000)
        #expect(set.count == 5000)
        #expect(set.contains(4999))
        for slot in 0..<1000 { set.remove(slot) }
        #expect(set.count == 4000)
        #expect(set.slots.first == 1000)
        #expect(!set.contains(999))
    }

    @Test func intersectionUnionAndDifferenceMatchPlainSets() {
        let a = Set((0..<20_000).filter { $0 % 3 == 0 } + [100_000, 200_001])
        let b = Set((0..<20_000).filter { $0 % 5 == 0 } + [200_001])
        let x = SlotSet(a)
        let y = SlotSet(b)
        #expect(x.intersection(y).slots == a.intersection(b).sorted())
        #expect(x.intersectionCount(y) == a.intersection(b).count)
        #expect(x.union(y).slots == a.union(b).sorted())
        #expect(x.subtracting(y).slots == a.subtracting(b).sorted())
    }

    @Test func allHoldsEverySlotBelowTheCount() {
        let set = SlotSet.all(140_000)
        #expect(set.count == 140_000)
        #expect(set.contains(0) && set.contains(139_999) && !set.contains(140_000))
    }

    @Test(arguments: [0..<0, 5..<6, 3..<4000, 70_000..<70_100, 65_530..<65_542, 1_000..<140_000, 131_072..<196_608, 63..<65, 64..<128])
    func aRangeHoldsExactlyItsSlots(_ range: Range<Int>) {
        var reference = SlotSet()
        for slot in range { reference.insert(slot) }
        let built = SlotSet.range(range)
        #expect(built == reference)
        #expect(built.count == range.count)
        #expect(!built.contains(range.lowerBound - 1) && !built.contains(range.upperBound))
    }

    @Test func nextMemberAndReverseIteration() {
        let set = SlotSet([5, 9, 70_000, 131_072])
        #expect(set.next(atOrAfter: 0) == 5)
        #expect(set.next(atOrAfter: 6) == 9)
        #expect(set.next(atOrAfter: 10) == 70_000)
        #expect(set.next(atOrAfter: 70_001) == 131_072)
        #expect(set.next(atOrAfter: 131_073) == nil)
        var reversed: [Int] = []
        set.forEachReversed { reversed.append($0); return true }
        #expect(reversed == [131_072, 70_000, 9, 5])
        let dense = SlotSet(0..<6000)
        var top: [Int] = []
        dense.forEachReversed { top.append($0); return top.count < 3 }
        #expect(top == [5999, 5998, 5997])
    }

    @Test func aCopyKeepsItsMembersWhenTheOriginalGrows() {
        var set = SlotSet(0..<10)
        let snapshot = set
        set.insert(10)
        set.remove(0)
        #expect(snapshot.slots == Array(0..<10))
        #expect(set.slots == Array(1...10))
    }

    @Test func aSavedSetReadsBackEqualInBothContainerForms() throws {
        let set = SlotSet(Array(0..<5000) + [70_000, 70_002, 1 << 20])
        var writer = BinaryWriter()
        set.encode(into: &writer)
        let decoded = try writer.bytes.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            let decoded = try SlotSet(from: &reader)
            #expect(reader.isAtEnd)
            return decoded
        }
        #expect(decoded == set)
        #expect(decoded.slots == set.slots)
    }

    @Test func damagedSetBytesAreAnErrorNotABadSet() {
        var writer = BinaryWriter()
        SlotSet([1, 2, 3, 70_000]).encode(into: &writer)
        var swapped = writer.bytes
        // [2 groups, high 0, 3 lows, 1, 2, 3, high 1, 1 low, 4464]: lows out of order, then every truncation.
        swapped[3...8] = [3, 0, 2, 0, 1, 0]
        for bytes in [swapped] + (0..<writer.bytes.count).map({ Array(writer.bytes.prefix($0)) }) {
            bytes.withUnsafeBytes { raw in
                var reader = BinaryReader(raw)
                #expect(throws: BinaryReader.Error.self) { _ = try SlotSet(from: &reader) }
            }
        }
    }
}
