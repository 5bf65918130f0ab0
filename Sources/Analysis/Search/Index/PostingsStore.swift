import Persistence

/// Every term's postings, compressed in one byte array.
///
/// A posting is (document, weighted term frequency). Documents are delta-coded as LEB128 varints
/// with the lowest bit set when the weight is exactly one body occurrence, the common case, so
/// most postings of a frequent term take one byte. Weights are stored in quarters
/// (`weightQuantum`) so field boosts like 1.5 stay exact. Lists longer than `blockSize` carry a
/// skip entry per block (last document, end offset) so an AND with a rare term jumps over blocks
/// instead of decoding them.
struct PostingsStore: Sendable {
    static let blockSize = 128
    static let weightQuantum: UInt32 = 4

    /// The postings of term `t` are `bytes[termStarts[t]..<termStarts[t + 1]]`.
    let bytes: StoredArray<UInt8>
    let termStarts: StoredArray<Int>
    let documentFrequencies: StoredArray<Int32>
    /// Skip entries of term `t` are pairs `skips[2 * skipStarts[t] ..< 2 * skipStarts[t + 1]]`:
    /// the last document of the block and the byte offset, from the term's start, just after it.
    let skipStarts: StoredArray<Int>
    let skips: StoredArray<UInt32>
    /// Per skip entry, the largest weight and the shortest document length of its block: the
    /// looser block bound of segments written before `impacts` existed. Empty in segments written
    /// since, and in segments older than the maxima. Segments without impacts are rewritten in
    /// the background.
    let blockMaxWeights: StoredArray<UInt32>
    let blockMinLengths: StoredArray<Float>
    /// Per skip entry, the pairs that can score best in its block: a ranked search skips blocks
    /// that cannot reach its top hits (block-max, as in Lucene and Tantivy).
    var impacts: BlockImpacts = .empty

    var hasBlockMaxima: Bool { blockMaxWeights.count == skipStarts[termCount] && blockMinLengths.count == blockMaxWeights.count }
    var hasBlockImpacts: Bool { impacts.covers(blockCount: skipStarts[termCount]) }

    /// True when every block carries a score bound: impacts, or the older maxima.
    var hasBlockBounds: Bool { hasBlockImpacts || hasBlockMaxima }

    /// The best score a posting of skip block `block` (counted over the whole store) can get,
    /// for a `score` that grows with the weight and falls with the document length. Only for a
    /// store with `hasBlockBounds`; -infinity for a block without pairs (a damaged file).
    @inline(__always)
    func bestScore(ofBlock block: Int, _ score: (UInt32, Float) -> Double) -> Double {
        guard hasBlockImpacts else {
            // No bound for a block the maxima do not have (a damaged offset): it cannot be skipped.
            guard block >= 0, block < blockMaxWeights.count else { return .infinity }
            return score(blockMaxWeights[block], blockMinLengths[block])
        }
        var best = -Double.infinity
        for point in impacts.points(ofBlock: block) {
            best = max(best, score(impacts.weights[point], impacts.lengths[point]))
        }
        return best
    }

    var termCount: Int { documentFrequencies.count }
    var byteCount: Int {
        bytes.byteCount + termStarts.byteCount + documentFrequencies.byteCount + skipStarts.byteCount + skips.byteCount
            + blockMaxWeights.byteCount + blockMinLengths.byteCount + impacts.byteCount
    }

    /// How many bytes a varint of `value` takes.
    @inline(__always)
    static func varintSize(_ value: UInt32) -> Int {
        value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5
    }

    /// How many bytes one posting takes.
    @inline(__always)
    static func postingSize(delta: Int32, weight: UInt32) -> Int {
        let head = UInt32(delta) << 1
        return weight == weightQuantum ? varintSize(head | 1) : varintSize(head) + varintSize(weight)
    }

    /// Writes one posting at `position` and returns the position after it.
    @inline(__always)
    static func writePosting(delta: Int32, weight: UInt32, to bytes: UnsafeMutablePointer<UInt8>, at position: Int) -> Int {
        let head = UInt32(delta) << 1
        if weight == weightQuantum { return writeVarint(head | 1, to: bytes, at: position) }
        return writeVarint(weight, to: bytes, at: writeVarint(head, to: bytes, at: position))
    }

    @inline(__always)
    private static func writeVarint(_ value: UInt32, to bytes: UnsafeMutablePointer<UInt8>, at position: Int) -> Int {
        var value = value
        var position = position
        while value >= 0x80 {
            bytes[position] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            position += 1
        }
        bytes[position] = UInt8(value)
        return position + 1
    }
}
