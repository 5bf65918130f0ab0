import Persistence

/// For each postings block, the (weight, document length) pairs that can score best in it: the
/// block's Pareto frontier, where no pair has both a smaller weight and a longer document than
/// another (*impacts*, as Lucene stores them). A BM25 score grows with the weight and falls with
/// the length, so the best score in a block is the best score of its frontier, whatever the
/// average length and the parameters are when the query runs. A ranked search skips a block whose
/// frontier cannot reach the hits it holds.
///
/// This bound replaces the block's largest weight with its shortest length, taken from different
/// documents: on a 1M archive that skipped 10% of the blocks of a one-term query, where the
/// exact block maximum skips 95%.
///
/// The pairs of block `b` are `weights[starts[b]..<starts[b + 1]]` and the same range of
/// `lengths`, by ascending weight (and so ascending length). A frontier of more than `maxPoints`
/// pairs is narrowed by replacing two neighbours with one pair that dominates both (the larger
/// weight, the shorter length): still a bound, only looser.
///
/// These sections are not checked against their checksums before the segment is used (the
/// background scrub checks them): every read is clamped to the arrays, so a damaged value can
/// only make a bound wrong, never read out of bounds.
struct BlockImpacts: Sendable {
    static let maxPoints = 4

    let starts: StoredArray<UInt32>
    let weights: StoredArray<UInt32>
    let lengths: StoredArray<Float>

    static let empty = BlockImpacts(starts: StoredArray([]), weights: StoredArray([]), lengths: StoredArray([]))

    var byteCount: Int { starts.byteCount + weights.byteCount + lengths.byteCount }

    /// True when the arrays describe `blockCount` blocks.
    func covers(blockCount: Int) -> Bool {
        starts.count == blockCount + 1 && weights.count == lengths.count
    }

    /// The frontier of block `block`, clamped to the arrays.
    @inline(__always)
    func points(ofBlock block: Int) -> Range<Int> {
        guard block >= 0, block + 1 < starts.count else { return 0..<0 }
        let end = min(Int(starts[block + 1]), weights.count)
        return min(Int(starts[block]), end)..<end
    }

    /// The impacts of every block of `postings`, whose documents have the given weighted lengths.
    static func build(_ postings: PostingsStore, lengths: [Float]) -> BlockImpacts {
        let blockCount = postings.skipStarts[postings.termCount]
        var starts: [UInt32] = [0]
        starts.reserveCapacity(blockCount + 1)
        var weights: [UInt32] = []
        var pointLengths: [Float] = []
        weights.reserveCapacity(2 * blockCount)
        pointLengths.reserveCapacity(2 * blockCount)
        var frontier = Frontier()
        postings.bytes.withUnsafeBufferPointer { bytes in
            postings.skips.withUnsafeBufferPointer { skips in
                for term in 0..<postings.termCount where postings.skipStarts[term + 1] > postings.skipStarts[term] {
                    var cursor = PostingCursor(term: term, store: postings, bytes: bytes, skips: skips)
                    for block in 0..<cursor.skipBlockCount {
                        let last = cursor.lastDocument(ofBlock: block)
                        frontier.removeAll()
                        while cursor.next() {
                            // A damaged file's document may lie outside the segment: it scores nothing.
                            let document = Int(cursor.document)
                            guard lengths.indices.contains(document) else { break }
                            frontier.add(weight: cursor.weight, length: lengths[document])
                            if cursor.document == last { break }
                        }
                        for point in frontier.narrowed(to: maxPoints) {
                            weights.append(point.weight)
                            pointLengths.append(point.length)
                        }
                        starts.append(UInt32(weights.count))
                    }
                }
            }
        }
        return BlockImpacts(starts: StoredArray(starts), weights: StoredArray(weights), lengths: StoredArray(pointLengths))
    }

    /// The pairs of one block that no other pair dominates (a larger or equal weight with a shorter or
    /// equal length).
    struct Frontier {
        struct Point: Equatable {
            var weight: UInt32
            var length: Float
        }

        private(set) var points: [Point] = []

        mutating func removeAll() { points.removeAll(keepingCapacity: true) }

        mutating func add(weight: UInt32, length: Float) {
            for point in points where point.weight >= weight && point.length <= length { return }
            points.removeAll { $0.weight <= weight && $0.length >= length }
            points.append(Point(weight: weight, length: length))
        }

        /// At most `limit` points by ascending weight, each of the frontier's points dominated by
        /// one of them: neighbours are merged where their lengths are closest.
        func narrowed(to limit: Int) -> [Point] {
            var sorted = points.sorted { $0.weight < $1.weight }
            while sorted.count > max(1, limit) {
                // Merging i and i + 1 keeps the heavier weight and the shorter length.
                var best = 0
                var bestGap = Float.infinity
                for index in 0..<(sorted.count - 1) {
                    let gap = (sorted[index + 1].length - sorted[index].length) / max(sorted[index + 1].length, .leastNormalMagnitude)
                    if gap < bestGap {
                        bestGap = gap
                        best = index
                    }
                }
                sorted[best] = Point(weight: sorted[best + 1].weight, length: sorted[best].length)
                sorted.remove(at: best + 1)
            }
            return sorted
        }
    }
}
