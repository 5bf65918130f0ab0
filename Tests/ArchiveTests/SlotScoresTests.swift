@testable import Archive
import Testing

@Suite("Archive: slot scores")
struct SlotScoresTests {
    @Test func sumsEqualADictionarysSumsAndTheBestAreRankedByScoreThenNewerSlot() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            // Few distinct slots in a wide range: many probes collide, and slots repeat.
            let additions = (0..<(50 * (round + 1))).map { _ in
                (slot: Int.random(in: 0..<(round.isMultiple(of: 2) ? 64 : 5_000_000), using: &generator),
                 score: [1.0, 1.1, 3.0, 0.25][Int.random(in: 0..<4, using: &generator)])
            }
            var table = SlotScores(additions: additions.count)
            var reference: [Int: Double] = [:]
            for addition in additions {
                table.add(addition.score, to: addition.slot)
                reference[addition.slot, default: 0] += addition.score
            }
            #expect(table.count == reference.count)
            let expected = reference.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }
            for limit in [0, 1, 5, reference.count + 3] {
                let best = table.best(limit)
                #expect(best.map(\.slot) == expected.prefix(limit).map(\.key), "round \(round), limit \(limit)")
                #expect(best.map(\.score) == expected.prefix(limit).map(\.value), "round \(round), limit \(limit)")
            }
        }
    }

    @Test func aTableForOneAdditionHoldsItsSlot() {
        var table = SlotScores(additions: 1)
        table.add(2.5, to: 0)
        #expect(table.best(3).map(\.slot) == [0])
        #expect(table.best(3).map(\.score) == [2.5])
    }
}
