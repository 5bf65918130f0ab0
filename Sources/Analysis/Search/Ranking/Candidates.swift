/// The best-scoring matches of a query while they stream in from the segments, in bounded memory.
///
/// A match's final score is `settled + Σ pending × (exact ? factor : 1)`, where each pending part
/// belongs to a clause whose exact-run bonus is unknown until the text is checked. Before checking,
/// every match has a lower bound (no bonus) and an upper bound (every bonus). Only matches whose
/// upper bound reaches the `wanted`-th best lower bound seen so far can end up on the page, so the
/// rest are dropped as soon as that threshold rises: a query matching half a million documents
/// keeps a few hundred, not half a million.
///
/// A match added `checkingRuns` has its exact runs checked at once when it could rank: its bounds
/// are then its final score, which raises the threshold to the true scores of the best matches,
/// as a search that skips what cannot rank needs (a lower bound that leaves out every bonus
/// would keep nearly every block in play).
struct Candidates {
    private(set) var slots: [Int] = []
    private(set) var settled: [Double] = []
    /// `pendingStride` scores per kept candidate.
    private(set) var pending: [Double] = []
    /// Per kept candidate: `checkedBit` once its clauses were checked, with bit `c` set when
    /// pending clause `c` turned out exact.
    private(set) var exactness: [UInt64] = []
    static let checkedBit: UInt64 = 1 << 63
    let pendingStride: Int
    let exactFactor: Double
    let wanted: Int
    /// The `wanted` best lower bounds so far (a min-heap by score).
    private var lowerBounds: BinaryHeap<Double>
    /// Every match counted, kept or not.
    private(set) var total = 0
    /// Compact when this many are kept. It doubles when a compaction keeps most of them (many
    /// candidates whose exact-run bonus could still lift them over the threshold), so the work of
    /// compacting stays linear in the matches, however the scores fall.
    private var compactAt: Int

    init(pendingStride: Int, exactFactor: Double, wanted: Int) {
        self.pendingStride = pendingStride
        self.exactFactor = exactFactor
        self.wanted = wanted
        lowerBounds = BinaryHeap([]) { $0 < $1 }
        compactAt = 4 * wanted + 1024
    }

    var count: Int { slots.count }

    /// The lowest score a match must be able to reach to matter.
    var threshold: Double {
        lowerBounds.count < wanted ? -.infinity : lowerBounds.top ?? -.infinity
    }

    /// True once `wanted` matches are held: from then on only better ones get in.
    var isFull: Bool { lowerBounds.count >= wanted }

    /// Counts matches that were skipped because they could not rank.
    mutating func countSkipped(_ count: Int) { total += count }

    mutating func add(slot: Int, settled score: Double, pending parts: UnsafeBufferPointer<Double>) {
        add(slot: slot, settled: score, pending: parts, checkingRuns: false) { _ in false }
    }

    /// Adds a match; with `checkingRuns`, `isExact` tells at once which pending clauses are exact
    /// when the match could rank.
    mutating func add(slot: Int, settled score: Double, pending parts: UnsafeBufferPointer<Double>,
                      checkingRuns: Bool, isExact check: (Int) -> Bool) {
        total += 1
        guard wanted > 0 else { return }
        var lower = score
        var upper = score
        for part in parts {
            lower += part
            upper += part * exactFactor
        }
        var mask: UInt64 = 0
        if checkingRuns, !parts.isEmpty, parts.count < 63, upper >= threshold {
            mask = Self.checkedBit
            var exact = score
            for (clause, part) in parts.enumerated() {
                let isExact = check(clause)
                if isExact { mask |= 1 << UInt64(clause) }
                exact += part * (isExact ? exactFactor : 1)
            }
            lower = exact
            upper = exact
        }
        if lowerBounds.count < wanted {
            lowerBounds.push(lower)
        } else if let top = lowerBounds.top, lower > top {
            lowerBounds.replaceTop(with: lower)
        }
        guard upper >= threshold else { return }
        slots.append(slot)
        settled.append(score)
        pending.append(contentsOf: parts)
        exactness.append(mask)
        if slots.count >= compactAt {
            compact()
            compactAt = max(4 * wanted + 1024, 2 * slots.count)
        }
    }

    /// Drops kept candidates that can no longer reach the threshold.
    mutating func compact() {
        let limit = threshold
        var kept = 0
        for candidate in 0..<slots.count where upperBound(candidate) >= limit {
            slots[kept] = slots[candidate]
            settled[kept] = settled[candidate]
            exactness[kept] = exactness[candidate]
            for part in 0..<pendingStride {
                pending[kept * pendingStride + part] = pending[candidate * pendingStride + part]
            }
            kept += 1
        }
        slots.removeLast(slots.count - kept)
        settled.removeLast(settled.count - kept)
        exactness.removeLast(exactness.count - kept)
        pending.removeLast(pending.count - kept * pendingStride)
    }

    /// The score if every pending clause turns out contiguous.
    func upperBound(_ candidate: Int) -> Double {
        score(candidate) { _ in true }
    }

    /// The score given which pending clauses are contiguous (as checked when added, else as
    /// `isExact` says). Summed in one fixed order, so the bound and a fully exact score are
    /// bit-identical and ties stay ties.
    @inline(__always)
    func score(_ candidate: Int, isExact: (Int) -> Bool) -> Double {
        var total = settled[candidate]
        let base = candidate * pendingStride
        let mask = exactness[candidate]
        let checked = mask & Self.checkedBit != 0
        for clause in 0..<pendingStride {
            let exact = checked ? mask & (1 << UInt64(clause)) != 0 : isExact(clause)
            total += pending[base + clause] * (exact ? exactFactor : 1)
        }
        return total
    }
}
