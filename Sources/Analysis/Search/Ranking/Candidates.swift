/// The documents that matched every term of a query, with the parts of their scores.
///
/// Clauses whose match is settled are summed into `settled`; for each clause whose exact-run
/// bonus is still unknown the raw score is kept in `pending`, so a final score needs only the
/// verification results, and an upper bound needs none.
struct Candidates {
    var documents: [Int32] = []
    var settled: [Double] = []
    /// `pendingStride` scores per candidate, in `QueryPlan.uncertainClauses` order.
    var pending: [Double] = []
    let pendingStride: Int
    let exactFactor: Double

    var count: Int { documents.count }

    /// The score if every pending clause turns out contiguous.
    func upperBound(_ candidate: Int) -> Double {
        score(candidate) { _ in true }
    }

    /// The score given which pending clauses are contiguous. Summed in one fixed order, so the
    /// bound and a fully exact score are bit-identical and ties stay ties.
    @inline(__always)
    func score(_ candidate: Int, isExact: (Int) -> Bool) -> Double {
        var total = settled[candidate]
        let base = candidate * pendingStride
        for clause in 0..<pendingStride {
            total += pending[base + clause] * (isExact(clause) ? exactFactor : 1)
        }
        return total
    }
}
