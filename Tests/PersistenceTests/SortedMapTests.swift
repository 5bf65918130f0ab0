import Persistence
import Testing

@Suite("SortedMap: an ordered map that copies only the changed path")
struct SortedMapTests {
    /// A deterministic shuffle, so failures reproduce.
    private func shuffled(_ count: Int, seed: UInt64) -> [Int] {
        var state = seed
        var values = Array(0..<count)
        for index in values.indices.reversed() where index > 0 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            values.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
        }
        return values
    }

    @Test func insertsInAnyOrderReadBackInKeyOrder() {
        var map = SortedMap<Int, String>()
        for key in shuffled(5000, seed: 1) { map.insert(key, "v\(key)") }
        #expect(map.count == 5000)
        #expect(map.keys == Array(0..<5000))
        #expect(map[4321] == "v4321")
        #expect(map[5000] == nil)
    }

    @Test func insertingAnExistingKeyReplacesItsValue() {
        var map = SortedMap<String, Int>()
        map.insert("株洲市", 1)
        map.insert("株洲市", 2)
        #expect(map.count == 1)
        #expect(map["株洲市"] == 2)
    }

    @Test func aCopyIsUnaffectedByChangesToTheOriginal() {
        var map = SortedMap<Int, Int>()
        for key in 0..<1000 { map.insert(key, key) }
        let snapshot = map
        map.insert(2000, 2000)
        map.remove(10)
        map.insert(5, -5)
        #expect(snapshot.count == 1000)
        #expect(snapshot[10] == 10)
        #expect(snapshot[5] == 5)
        #expect(snapshot[2000] == nil)
        #expect(map[10] == nil && map[5] == -5 && map[2000] == 2000)
    }

    @Test func rankAndPositionAgreeWithSortedOrder() {
        var map = SortedMap<Int, Int>()
        for key in shuffled(3000, seed: 7) { map.insert(key * 2, key) }
        for position in stride(from: 0, to: 3000, by: 97) {
            #expect(map.entry(at: position).key == position * 2)
            #expect(map.rank(of: position * 2) == position)
            #expect(map.rank(of: position * 2 + 1) == position + 1)
        }
        #expect(map.rank(of: -1) == 0)
        #expect(map.rank(of: 1_000_000) == 3000)
    }

    @Test func removingEveryKeyLeavesAnEmptyMap() {
        var map = SortedMap<Int, Int>()
        let keys = shuffled(2000, seed: 3)
        for key in keys { map.insert(key, key) }
        for key in shuffled(2000, seed: 4) { #expect(map.remove(key) == key) }
        #expect(map.isEmpty)
        #expect(map.remove(1) == nil)
    }

    @Test func removalsKeepPositionsConsistent() {
        var map = SortedMap<Int, Int>()
        for key in 0..<4000 { map.insert(key, key) }
        for key in stride(from: 0, to: 4000, by: 3) { map.remove(key) }
        let expected = (0..<4000).filter { $0 % 3 != 0 }
        #expect(map.keys == expected)
        #expect(map.entry(at: 100).key == expected[100])
        #expect(map.rank(of: expected[777]) == 777)
    }

    @Test func iteratesForwardAndBackwardFromAPosition() {
        let map = SortedMap(sorted: (0..<500).map { ($0, $0) })
        var forward: [Int] = []
        map.forEach(fromPosition: 490) { key, _ in forward.append(key); return true }
        #expect(forward == Array(490..<500))
        var backward: [Int] = []
        map.forEachReversed(fromPosition: 5) { key, _ in backward.append(key); return true }
        #expect(backward == [5, 4, 3, 2, 1, 0])
        var stopped: [Int] = []
        map.forEach(fromPosition: 0) { key, _ in stopped.append(key); return key < 2 }
        #expect(stopped == [0, 1, 2])
    }

    @Test func bulkBuildFromSortedEntriesMatchesInserts() {
        let built = SortedMap(sorted: (0..<10_000).map { ($0, $0 * 3) })
        #expect(built.count == 10_000)
        #expect(built[9_999] == 29_997)
        #expect(built.entry(at: 5_000).value == 15_000)
        var extended = built
        extended.insert(-1, 0)
        #expect(extended.entry(at: 0).key == -1)
        #expect(built.entry(at: 0).key == 0)
    }

    @Test func prefixLookupFindsKeysStartingWithTheText() {
        var map = SortedMap<String, Int>()
        for (index, name) in ["株洲市", "株洲县", "株洲日报", "长沙市", "长沙县", "湘潭市"].enumerated() { map.insert(name, index) }
        #expect(map.entries(withPrefix: "株洲", limit: 10).map(\.key) == ["株洲县", "株洲市", "株洲日报"])
        #expect(map.entries(withPrefix: "长沙", limit: 1).map(\.key) == ["长沙县"])
        #expect(map.entries(withPrefix: "北京", limit: 10).isEmpty)
    }
}
