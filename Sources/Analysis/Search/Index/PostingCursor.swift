/// Reads one term's postings in document order. Valid only inside the closure that lent the
/// store's buffers: it holds raw pointers so the AND loop pays no bounds or retain checks.
struct PostingCursor {
    private let bytes: UnsafePointer<UInt8>
    private let end: Int
    private let skips: UnsafePointer<UInt32>?
    private let blockCount: Int
    /// The block holding the next posting to decode.
    private var block = 0
    private var position = 0
    /// The current posting; `document` is -1 before the first `next()` and `Int32.max` at the end.
    private(set) var document: Int32 = -1
    private(set) var weight: UInt32 = 0
    let term: Int

    init(term: Int, store: PostingsStore, bytes: UnsafeBufferPointer<UInt8>, skips: UnsafeBufferPointer<UInt32>) {
        self.term = term
        // The offsets are read clamped to the buffers: start-up leaves their checksums to the
        // background scrub, so a damaged file can give wrong postings but never a read outside them.
        let start = min(max(0, store.termStarts[term]), bytes.count)
        let stop = min(max(start, store.termStarts[term + 1]), bytes.count)
        // A term's postings are never empty, so the base address is in bounds.
        self.bytes = bytes.baseAddress.unsafelyUnwrapped + start
        self.end = stop - start
        let entries = skips.count / 2
        let skipStart = min(max(0, store.skipStarts[term]), entries)
        blockCount = min(max(0, store.skipStarts[term + 1] - skipStart), entries - skipStart)
        self.skips = blockCount > 0 ? skips.baseAddress.unsafelyUnwrapped + 2 * skipStart : nil
    }

    var isExhausted: Bool { document == Int32.max }

    /// Moves to the next posting; false at the end.
    @inline(__always)
    mutating func next() -> Bool {
        guard position < end else {
            document = Int32.max
            return false
        }
        let head = readVarint()
        document &+= Int32(bitPattern: head >> 1)
        weight = head & 1 == 1 ? PostingsStore.weightQuantum : readVarint()
        if let skips, block < blockCount, position >= Int(skips[2 * block + 1]) { block += 1 }
        return true
    }

    /// Moves to the first posting at or after `target`; false when there is none.
    @inline(__always)
    mutating func advance(to target: Int32) -> Bool {
        if document >= target { return document != Int32.max }
        if let skips {
            var next = block
            while next < blockCount, Int32(bitPattern: skips[2 * next]) < target { next += 1 }
            if next == blockCount {
                document = Int32.max
                return false
            }
            if next > block {
                position = Int(skips[2 * next - 1])
                document = Int32(bitPattern: skips[2 * next - 2])
                block = next
            }
        }
        while document < target {
            if !next() { return false }
        }
        return true
    }

    @inline(__always)
    private mutating func readVarint() -> UInt32 {
        var byte = bytes[position]
        position += 1
        if byte < 0x80 { return UInt32(byte) }
        var value = UInt32(byte & 0x7F)
        var shift: UInt32 = 7
        repeat {
            byte = bytes[position]
            position += 1
            value |= UInt32(byte & 0x7F) << shift
            shift += 7
        } while byte >= 0x80
        return value
    }

    // MARK: - Blocks (for skipping what cannot rank)

    /// Skip entries of the list; 0 for a list short enough to be one block without entries.
    var skipBlockCount: Int { blockCount }

    /// The last document of block `index` (of a list with skip entries).
    func lastDocument(ofBlock index: Int) -> Int32 { Int32(bitPattern: skips.unsafelyUnwrapped[2 * index]) }

    /// The block holding the first posting at or after `target` (the current posting, when it
    /// is there already), found from the skip entries without decoding or moving; nil when no
    /// posting is at or after `target`. Only for a list with skip entries.
    @inline(__always)
    func block(holdingFirstAtOrAfter target: Int32) -> Int? {
        let goal = max(target, document)
        let skips = self.skips.unsafelyUnwrapped
        // The current posting is in `block`, or in the one before when it ended that block.
        var index = max(0, block - 1)
        while index < blockCount, Int32(bitPattern: skips[2 * index]) < goal { index += 1 }
        return index < blockCount ? index : nil
    }

    /// Moves to just before the first posting of block `index` (> the current block).
    mutating func jump(toBlock index: Int) {
        let skips = self.skips.unsafelyUnwrapped
        position = Int(skips[2 * index - 1])
        document = Int32(bitPattern: skips[2 * index - 2])
        block = index
    }
}
