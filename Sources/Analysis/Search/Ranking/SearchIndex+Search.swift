import Persistence

extension SearchIndex {
    /// One page of hits, best first, and the number of matches in all.
    ///
    /// Only documents in `allowed` count, when given. Ties are broken by ascending slot, so paging
    /// is stable. An empty query gives `SearchResults.emptyQuery`; a term the index never had
    /// gives no hits. `isCancelled` is polled while matching; a cancelled search returns what it
    /// has, which the caller throws away.
    ///
    /// Matches are counted exactly up to `exactTotalUpTo`. Past that, a query of several terms
    /// skips the documents that cannot reach the page, and the total is then a lower bound
    /// (`totalIsExact` false), as Lucene's and Elasticsearch's `track_total_hits` do: counting a
    /// quarter of a million matches exactly costs more than finding the best twenty. The hits are
    /// the same either way. A one-term query always counts exactly: its blocks are counted from
    /// their skip entries.
    public func search(_ query: SearchQuery, allowed: DocumentFilter? = nil, limit: Int = 20, offset: Int = 0,
                       exactTotalUpTo: Int = .max, isCancelled: () -> Bool = { false }) -> SearchResults {
        guard !query.isEmpty else { return .emptyQuery }
        let offset = max(0, offset)
        let wanted = offset + max(0, limit)
        guard let prepared = prepare(query, allowed: allowed, isCancelled: isCancelled) else {
            return SearchResults(total: 0, hits: [])
        }
        let plan = prepared.plan
        var candidates = Candidates(pendingStride: plan.uncertainClauses.count, exactFactor: exactFactor, wanted: wanted)
        var pruned = false
        if plan.terms.count == 1, plan.clauses.count == 1, plan.uncertainClauses.isEmpty, plan.phrasePatterns.isEmpty,
           prepared.allowed == nil, prepared.extra.isEmpty, wanted > 0 {
            collectSingleTerm(plan, into: &candidates, isCancelled: isCancelled)
        } else {
            // Once counting may stop, exact runs are checked as matches come, so that the
            // threshold skipping compares against is the true score of the page's last hit.
            pruned = collectPruning(prepared, isCancelled: isCancelled) { slot, settled, pending, isExact in
                // Only the counter is captured: a capture of `self` or of an array was retained
                // and released around every match (a tenth of a conjunction's CPU at 1M).
                candidates.add(slot: slot, settled: settled, pending: pending, checkingRuns: candidates.total >= exactTotalUpTo,
                               isExact: isExact)
                return candidates.total >= exactTotalUpTo && candidates.isFull ? candidates.threshold : -.infinity
            }
        }
        let hits = best(candidates, plan: plan, count: wanted)
        return SearchResults(total: candidates.total, hits: Array(hits.dropFirst(offset)), totalIsExact: !pruned)
    }

    /// One page of matches in the order of a caller's key (ascending; ties by slot), with their
    /// final scores, and the number of matches in all: for results sorted by date or title.
    public func search(_ query: SearchQuery, allowed: DocumentFilter? = nil, limit: Int, offset: Int,
                       orderedBy key: (Int) -> UInt64, isCancelled: () -> Bool = { false }) -> SearchResults {
        guard !query.isEmpty else { return .emptyQuery }
        let wanted = max(0, offset) + max(0, limit)
        guard let prepared = prepare(query, allowed: allowed, isCancelled: isCancelled) else {
            return SearchResults(total: 0, hits: [])
        }
        var total = 0
        // The `wanted` smallest keys; the root is the largest of them.
        var kept = BinaryHeap<(key: UInt64, slot: Int, settled: Double, pending: [Double])>([]) {
            ($0.key, $0.slot) > ($1.key, $1.slot)
        }
        collect(prepared, isCancelled: isCancelled) { slot, settled, pending in
            total += 1
            guard wanted > 0 else { return }
            let entry = (key: key(slot), slot: slot, settled: settled, pending: Array(pending))
            if kept.count < wanted {
                kept.push(entry)
            } else if let top = kept.top, (entry.key, entry.slot) < (top.key, top.slot) {
                kept.replaceTop(with: entry)
            }
        }
        let ordered = kept.elements.sorted { ($0.key, $0.slot) < ($1.key, $1.slot) }.dropFirst(max(0, offset))
        let patterns = prepared.plan.contiguityPatterns
        let hits = ordered.map { entry in
            var score = entry.settled
            for (clause, part) in entry.pending.enumerated() {
                score += part * (occurs(patterns[clause], inSlot: entry.slot) ? exactFactor : 1)
            }
            return SearchHit(doc: entry.slot, score: score)
        }
        return SearchResults(total: total, hits: Array(hits))
    }

    /// Every match with its final score, best first (ties by ascending slot). Empty for an empty query.
    public func matches(_ query: SearchQuery, allowed: DocumentFilter? = nil) -> [SearchHit] {
        guard !query.isEmpty, let prepared = prepare(query, allowed: allowed, isCancelled: { false }) else { return [] }
        var hits: [SearchHit] = []
        let patterns = prepared.plan.contiguityPatterns
        collect(prepared, isCancelled: { false }) { slot, settled, pending in
            var score = settled
            for (clause, part) in pending.enumerated() {
                score += part * (occurs(patterns[clause], inSlot: slot) ? exactFactor : 1)
            }
            hits.append(SearchHit(doc: slot, score: score))
        }
        hits.sort(by: Self.ranksBefore)
        return hits
    }

    @inline(__always)
    static func ranksBefore(_ first: SearchHit, _ second: SearchHit) -> Bool {
        first.score > second.score || (first.score == second.score && first.doc < second.doc)
    }

    var exactFactor: Double { 1 + configuration.exactRunBonus }

    // MARK: - Preparing: OR groups and exclusions become filters and extra scores

    struct Prepared {
        var plan: QueryPlan
        var allowed: DocumentFilter?
        /// Scores from OR groups, added to every match's settled score.
        var extra: [Int: Double]
    }

    /// Resolves the query's OR groups and exclusions into a filter, or nil when nothing can match.
    private func prepare(_ query: SearchQuery, allowed: DocumentFilter?, isCancelled: () -> Bool) -> Prepared? {
        var filter = allowed
        var extra: [Int: Double] = [:]
        for exclusion in query.excluded {
            let plan = plan(for: exclusion)
            guard !plan.isUnsatisfiable else { continue }
            var excluded = DocumentFilter(capacity: slotCount)
            collect(Prepared(plan: plan, allowed: filter, extra: [:]), isCancelled: isCancelled) { slot, _, _ in
                excluded.insert(slot)
            }
            filter = (filter ?? liveFilter()).subtracting(excluded)
        }
        for group in query.alternativeGroups {
            var scores: [Int: Double] = [:]
            for alternative in group {
                for hit in conjunctionHits(alternative, allowed: filter, isCancelled: isCancelled) {
                    scores[hit.doc, default: 0] += hit.score
                }
            }
            guard !scores.isEmpty else { return nil }
            var matched = DocumentFilter(capacity: slotCount)
            for slot in scores.keys { matched.insert(slot) }
            filter = filter.map { $0.intersection(matched) } ?? matched
            for (slot, score) in scores { extra[slot, default: 0] += score }
        }
        let required = query.requiredClauses
        let plan = plan(for: required)
        if !required.isEmpty && plan.isUnsatisfiable { return nil }
        return Prepared(plan: plan, allowed: filter, extra: extra)
    }

    /// Every match of a conjunction with its final score.
    private func conjunctionHits(_ clauses: [QueryClause], allowed: DocumentFilter?, isCancelled: () -> Bool) -> [SearchHit] {
        let plan = plan(for: clauses)
        guard !plan.isUnsatisfiable else { return [] }
        var hits: [SearchHit] = []
        let patterns = plan.contiguityPatterns
        collect(Prepared(plan: plan, allowed: allowed, extra: [:]), isCancelled: isCancelled) { slot, settled, pending in
            var score = settled
            for (clause, part) in pending.enumerated() {
                score += part * (occurs(patterns[clause], inSlot: slot) ? exactFactor : 1)
            }
            hits.append(SearchHit(doc: slot, score: score))
        }
        return hits
    }

    func plan(for clauses: [QueryClause]) -> QueryPlan {
        QueryPlan(clauses: clauses, documentFrequency: documentFrequency(of:), documentCount: documentCount,
                  k1: configuration.k1, exactRunBonus: configuration.exactRunBonus)
    }

    /// Documents holding the term in any segment (deleted ones included until merged away, as in
    /// Lucene: statistics drift a little, results never do).
    func documentFrequency(of key: VocabularyKey) -> Int {
        segments.reduce(0) { total, segment in
            let id = segment.vocabulary.id(of: key)
            // Never negative, even from a damaged file (its checksum is left to the scrub).
            return id >= 0 ? total + max(0, Int(segment.postings.documentFrequencies[Int(id)])) : total
        }
    }

    /// Every live slot, for subtracting from when the caller gave no filter.
    private func liveFilter() -> DocumentFilter {
        var filter = DocumentFilter.all(slotCount)
        for segment in segments {
            for slot in segment.slots where !segment.hasDocument(atSlot: slot) { filter.remove(slot) }
        }
        deleted.forEach { filter.remove($0); return true }
        return filter
    }

    // MARK: - Matching

    /// Calls `body` with each live match (ascending slot within a segment, segments in order), its
    /// settled score (OR-group scores included) and its pending clause scores.
    func collect(_ prepared: Prepared, isCancelled: () -> Bool,
                 _ body: (Int, Double, UnsafeBufferPointer<Double>) -> Void) {
        collectPruning(prepared, isCancelled: isCancelled) { slot, settled, pending, _ in
            body(slot, settled, pending)
            return -.infinity
        }
    }

    /// Calls `body` with matches as above, and with a check of whether the match's pending clause
    /// `c` occurs as an exact run. `body` returns the score a later match must beat to
    /// be worth seeing (-infinity while every match counts): from then on, stretches of documents
    /// whose blocks cannot beat it, by the blocks' impacts, are skipped without being decoded
    /// (block-max AND, as Lucene's conjunctions do). A skipped stretch may hold matches, so the
    /// number of matches seen is then only a lower bound: the result is true when anything was
    /// skipped. Queries with OR groups are never pruned (their scores have no block bounds).
    @discardableResult
    func collectPruning(_ prepared: Prepared, isCancelled: () -> Bool,
                        _ body: (Int, Double, UnsafeBufferPointer<Double>, (Int) -> Bool) -> Double) -> Bool {
        let plan = prepared.plan
        if plan.clauses.isEmpty {
            // Only OR groups: their union, restricted, is the result.
            for (slot, score) in prepared.extra.sorted(by: { $0.key < $1.key })
            where (prepared.allowed?.contains(slot) ?? true) && contains(slot: slot) {
                _ = body(slot, score, UnsafeBufferPointer(start: nil, count: 0)) { _ in false }
            }
            return false
        }
        let uncertain = plan.uncertainClauses
        let phrases = plan.phrasePatterns
        let contiguity = plan.contiguityPatterns
        let factor = exactFactor
        let bm25 = BM25Terms(configuration, averageLength: averageLength)
        let allowedCount = prepared.allowed?.count
        // What the hot loop reads and writes, in buffers rather than arrays: an array read from
        // the per-match closure is retained and released on each access (a tenth of a conjunction's
        // CPU in a profile), a buffer is not. The clauses' terms are flattened.
        let isPending = Self.pinned(plan.clauses.map { clause in
            if case .contiguous = clause.check { return true } else { return false }
        })
        let weights = Self.pinned(plan.terms.map(\.weight))
        let termScores = UnsafeMutableBufferPointer<Double>.allocate(capacity: plan.terms.count)
        let pending = UnsafeMutableBufferPointer<Double>.allocate(capacity: uncertain.count)
        let clauseTerms = Self.pinned(plan.clauses.flatMap(\.terms))
        let clauseEnds = Self.pinned(plan.clauses.reduce(into: [Int]()) { ends, clause in ends.append((ends.last ?? 0) + clause.terms.count) })
        defer {
            for buffer in [termScores, pending, weights] { buffer.deallocate() }
            for buffer in [clauseTerms, clauseEnds] { buffer.deallocate() }
            isPending.deallocate()
        }
        let deletions = deletedFilter
        let termBounds = UnsafeMutableBufferPointer<Double>.allocate(capacity: plan.terms.count)
        defer { termBounds.deallocate() }
        var seen = 0
        let extra = prepared.extra
        let hasExtra = !extra.isEmpty
        // What the pruning functions and the match loop share, behind a pointer: captured
        // variables would cost a dynamic exclusivity check on every access in the hot loop.
        let shared = UnsafeMutablePointer<PruningState>.allocate(capacity: 1)
        shared.initialize(to: PruningState())
        defer { shared.deallocate() }

        /// The clause scores of `termScores` added up exactly as `body`'s caller adds them to an
        /// upper bound (settled clauses in order, then pending ones times the factor), so that
        /// term bounds give a bound on that very sum.
        let boundOrder = Self.pinned(clauseEnds.indices.filter { !isPending[$0] } + clauseEnds.indices.filter { isPending[$0] })
        defer { boundOrder.deallocate() }
        func upperBound(_ termScores: UnsafeMutableBufferPointer<Double>) -> Double {
            var bound = 0.0
            for index in 0..<boundOrder.count {
                let clause = boundOrder[index]
                var score = 0.0
                for position in (clause == 0 ? 0 : clauseEnds[clause - 1])..<clauseEnds[clause] { score += termScores[clauseTerms[position]] }
                bound += score * factor
            }
            return bound
        }

        for segment in segments {
            if isCancelled() { return shared.pointee.pruned }
            // Local term ids; a term this segment lacks means no match here.
            var local: [(term: Int, id: Int, frequency: Int)] = []
            for (index, term) in plan.terms.enumerated() {
                let id = segment.vocabulary.id(of: term.key)
                if id < 0 { break }
                local.append((index, Int(id), Int(segment.postings.documentFrequencies[Int(id)])))
            }
            guard local.count == plan.terms.count else { continue }
            local.sort { ($0.frequency, $0.term) < ($1.frequency, $1.term) }
            let order = Self.pinned(local.map(\.term))
            defer { order.deallocate() }
            // How many clauses the first cursor's term scores in.
            let leadUses = (0..<clauseTerms.count).reduce(0) { $0 + (clauseTerms[$1] == order[0] ? 1 : 0) }
            let base = segment.base
            let filterLeads = allowedCount.map { $0 < local[0].frequency } ?? false
            let postings = segment.postings
            let firstBlocks = local.map { postings.skipStarts[$0.id] }
            let canPrune = !hasExtra && postings.hasBlockBounds
                && local.allSatisfy { postings.skipStarts[$0.id + 1] > postings.skipStarts[$0.id] }
            // The stretch's bound holds for every document up to its `boundEnd`, the first end
            // of the blocks it was taken from.
            shared.pointee.boundEnd = -1
            shared.pointee.bound = .infinity
            segment.text.units.withUnsafeBufferPointer { units in
                segment.lengths.withUnsafeBufferPointer { lengths in
                    func skip(_ cursors: UnsafeMutableBufferPointer<PostingCursor>, _ target: Int32) -> Int32 {
                        guard canPrune, shared.pointee.floor > -.infinity else { return target }
                        if target > shared.pointee.boundEnd {
                            var end = Int32.max
                            for position in 0..<cursors.count {
                                guard let block = cursors[position].block(holdingFirstAtOrAfter: target) else { return Int32.max }
                                end = min(end, cursors[position].lastDocument(ofBlock: block))
                                let weight = weights[order[position]]
                                termBounds[order[position]] = postings.bestScore(ofBlock: firstBlocks[position] + block) { quarters, length in
                                    BM25Terms.score(weight, quarters, norm: bm25.norm(Double(length)))
                                }
                            }
                            shared.pointee.boundEnd = end
                            shared.pointee.bound = upperBound(termBounds)
                            // For `cannotRank`: every term's bound but the first cursor's, summed
                            // once per clause that holds it, as a score counts it.
                            var others = 0.0
                            for position in 0..<clauseTerms.count where clauseTerms[position] != order[0] {
                                others += termBounds[clauseTerms[position]]
                            }
                            shared.pointee.othersBound = others
                        }
                        // Ties go to the smaller slot, and every slot held is smaller.
                        guard shared.pointee.bound <= shared.pointee.floor else { return target }
                        shared.pointee.pruned = true
                        return min(shared.pointee.boundEnd, Int32.max - 1) + 1
                    }
                    // Within a stretch that may hold a competitive match: the first cursor's own
                    // score, with the other terms' block bounds, can already rule a document out
                    // before the other cursors move to it.
                    func cannotRank(_ cursors: UnsafeMutableBufferPointer<PostingCursor>, _ document: Int32) -> Bool {
                        guard shared.pointee.floor > -.infinity, document <= shared.pointee.boundEnd else { return false }
                        let lead = order[0]
                        let leadScore = BM25Terms.score(weights[lead], cursors[0].weight, norm: bm25.norm(Double(lengths[Int(document)])))
                        // Every clause gets at most the same factor, so the bound is the factor
                        // times the sum of term bounds, each counted once per clause holding it
                        // (a term shared by two clauses scores twice); summed in another order
                        // than a score is, it is raised by a margin far above any rounding so it
                        // stays a bound.
                        let documentBound = (leadScore * Double(leadUses) + shared.pointee.othersBound) * factor * (1 + 1e-9)
                        guard documentBound <= shared.pointee.floor else { return false }
                        shared.pointee.pruned = true
                        return true
                    }
                    segment.forEachMatch(local.map(\.id), allowed: prepared.allowed, filterLeads: filterLeads,
                                         pruning: canPrune, skip: skip, cannotRank: cannotRank) { document, cursors in
                        let slot = base + Int(document)
                        if deletions?.contains(slot) == true { return true }
                        seen += 1
                        if seen & 4095 == 0, isCancelled() { return false }
                        if !phrases.isEmpty {
                            let range = segment.text.documentRange(Int(document))
                            for phrase in phrases where phrase.firstMatch(in: units, range: range) == nil { return true }
                        }
                        let norm = bm25.norm(Double(lengths[Int(document)]))
                        for position in 0..<cursors.count {
                            termScores[order[position]] = BM25Terms.score(weights[order[position]], cursors[position].weight, norm: norm)
                        }
                        var settled = hasExtra ? extra[slot] ?? 0 : 0
                        var pendingIndex = 0
                        var start = 0
                        for clause in 0..<clauseEnds.count {
                            var score = 0.0
                            for position in start..<clauseEnds[clause] { score += termScores[clauseTerms[position]] }
                            start = clauseEnds[clause]
                            if isPending[clause] {
                                pending[pendingIndex] = score
                                pendingIndex += 1
                            } else {
                                settled += score * factor
                            }
                        }
                        shared.pointee.floor = body(slot, settled, UnsafeBufferPointer(pending)) { clause in
                            let range = segment.text.documentRange(Int(document))
                            return contiguity[clause].firstMatch(in: units, from: range.lowerBound, to: range.upperBound) != nil
                        }
                        return true
                    }
                }
            }
        }
        return shared.pointee.pruned
    }

    /// A copy of `values` in a buffer the caller deallocates.
    static func pinned<Element: BitwiseCopyable>(_ values: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, values.count))
        _ = buffer.initialize(from: values)
        return UnsafeMutableBufferPointer(rebasing: buffer[..<values.count])
    }

    /// The ranked matches of a one-term query with no filter: block by block, a block whose
    /// impacts cannot beat the hits already held (nor tie them) is counted from its skip entry and
    /// not decoded (block-max). Gives exactly the hits and total of `collect`.
    private func collectSingleTerm(_ plan: QueryPlan, into candidates: inout Candidates, isCancelled: () -> Bool) {
        let term = plan.terms[0]
        let factor = exactFactor
        let bm25 = BM25Terms(configuration, averageLength: averageLength)
        let weight = term.weight
        let blockSize = PostingsStore.blockSize
        let empty = UnsafeBufferPointer<Double>(start: nil, count: 0)
        for segment in segments {
            if isCancelled() { return }
            let id = Int(segment.vocabulary.id(of: term.key))
            guard id >= 0 else { continue }
            let frequency = Int(segment.postings.documentFrequencies[id])
            let firstBlock = segment.postings.skipStarts[id]
            let deletions = deletedFilter.map { filter in
                (filter.nextMember(atOrAfter: segment.base).map { $0 < segment.slots.upperBound } ?? false) ? filter : nil
            } ?? nil
            segment.lengths.withUnsafeBufferPointer { lengths in
                segment.postings.bytes.withUnsafeBufferPointer { bytes in
                    segment.postings.skips.withUnsafeBufferPointer { skips in
                        var cursor = PostingCursor(term: id, store: segment.postings, bytes: bytes, skips: skips)
                        // The same arithmetic, in the same order, as `collect`: equal scores, equal
                        // ties, and a block's impacts bound its documents' scores exactly.
                        func score(_ weightQuarters: UInt32, length: Float) -> Double {
                            0 + BM25Terms.score(weight, weightQuarters, norm: bm25.norm(Double(length))) * factor
                        }
                        func score(_ document: Int32, _ weightQuarters: UInt32) -> Double {
                            score(weightQuarters, length: lengths[Int(document)])
                        }
                        let blocks = segment.postings.hasBlockBounds ? cursor.skipBlockCount : 0
                        guard blocks > 0 else {
                            while cursor.next() {
                                let slot = segment.base + Int(cursor.document)
                                if let deletions, deletions.contains(slot) { continue }
                                candidates.add(slot: slot, settled: score(cursor.document, cursor.weight), pending: empty)
                            }
                            return
                        }
                        for block in 0..<blocks {
                            let last = cursor.lastDocument(ofBlock: block)
                            if candidates.isFull {
                                let best = segment.postings.bestScore(ofBlock: firstBlock + block) { score($0, length: $1) }
                                // A tie cannot rank either: ties go to the smaller slot, and every
                                // slot held is smaller than this block's (segments and postings
                                // are visited in slot order). Near-duplicate articles tie a lot.
                                if best <= candidates.threshold {
                                    if let deletions {
                                        // Count the live documents without scoring them.
                                        var live = 0
                                        while cursor.next() {
                                            if !deletions.contains(segment.base + Int(cursor.document)) { live += 1 }
                                            if cursor.document == last { break }
                                        }
                                        candidates.countSkipped(live)
                                    } else {
                                        candidates.countSkipped(block < blocks - 1 ? blockSize : frequency - blockSize * (blocks - 1))
                                        if block + 1 < blocks { cursor.jump(toBlock: block + 1) }
                                    }
                                    continue
                                }
                            }
                            while cursor.next() {
                                let slot = segment.base + Int(cursor.document)
                                if deletions?.contains(slot) != true {
                                    candidates.add(slot: slot, settled: score(cursor.document, cursor.weight), pending: empty)
                                }
                                if cursor.document == last { break }
                            }
                        }
                    }
                }
            }
        }
    }

    /// True when `pattern` occurs in the document of `slot`.
    func occurs(_ pattern: UnitPattern, inSlot slot: Int) -> Bool {
        guard let segment = segment(containing: slot) else { return false }
        let range = segment.text.documentRange(slot - segment.base)
        return segment.text.units.withUnsafeBufferPointer { units in
            pattern.firstMatch(in: units, from: range.lowerBound, to: range.upperBound) != nil
        }
    }

    // MARK: - Ranking

    /// The best `count` kept candidates, verifying exact runs lazily: candidates are checked in
    /// order of their best possible score, and checking stops once no remaining candidate's bound
    /// can displace the worst hit kept. Usually only a few dozen documents are read.
    private func best(_ candidates: Candidates, plan: QueryPlan, count: Int) -> [SearchHit] {
        guard count > 0, candidates.count > 0 else { return [] }
        let patterns = plan.contiguityPatterns
        var bounds: [(bound: SearchHit, candidate: Int)] = []
        bounds.reserveCapacity(candidates.count)
        for candidate in 0..<candidates.count {
            bounds.append((SearchHit(doc: candidates.slots[candidate], score: candidates.upperBound(candidate)), candidate))
        }
        var queue = BinaryHeap(bounds) { Self.ranksBefore($0.bound, $1.bound) }
        var kept = BinaryHeap<SearchHit>([]) { Self.ranksBefore($1, $0) }
        while let (bound, candidate) = queue.pop() {
            if kept.count == count, let worst = kept.top, !Self.ranksBefore(bound, worst) { break }
            let score = patterns.isEmpty
                ? bound.score
                : candidates.score(candidate) { clause in occurs(patterns[clause], inSlot: bound.doc) }
            let hit = SearchHit(doc: bound.doc, score: score)
            if kept.count < count {
                kept.push(hit)
            } else if let worst = kept.top, Self.ranksBefore(hit, worst) {
                kept.replaceTop(with: hit)
            }
        }
        return kept.elements.sorted(by: Self.ranksBefore)
    }
}

extension SearchSegment {
    /// Calls `body` with each local document (ascending) that every term's postings and `allowed`
    /// hold, by leapfrogging cursors rarest first; the filter leads instead when it is the sparsest.
    /// `body` returns false to stop.
    ///
    /// With `pruning`, `skip` is asked before each candidate document where to go on from: a later
    /// document when the ones in between cannot matter to the caller (Int32.max to stop), and
    /// `cannotRank` once the first cursor stands on a candidate, before the others move to it
    /// (true passes it over). They are not optional so that they do not escape: their captures
    /// stay on the stack.
    func forEachMatch(_ termIDs: [Int], allowed: DocumentFilter?, filterLeads: Bool, pruning: Bool = false,
                      skip: (UnsafeMutableBufferPointer<PostingCursor>, Int32) -> Int32 = { $1 },
                      cannotRank: (UnsafeMutableBufferPointer<PostingCursor>, Int32) -> Bool = { _, _ in false },
                      _ body: (Int32, UnsafeMutableBufferPointer<PostingCursor>) -> Bool) {
        let base = self.base
        let end = Int32(documentCount)
        postings.bytes.withUnsafeBufferPointer { bytes in
            postings.skips.withUnsafeBufferPointer { skips in
                var cursors = termIDs.map { PostingCursor(term: $0, store: postings, bytes: bytes, skips: skips) }
                cursors.withUnsafeMutableBufferPointer { cursors in
                    var target: Int32 = 0
                    search: while target < end {
                        if filterLeads, let allowed {
                            guard let next = allowed.nextMember(atOrAfter: base + Int(target)), next < base + Int(end) else { break search }
                            target = Int32(next - base)
                        }
                        if pruning {
                            let next = skip(cursors, target)
                            if next != target {
                                target = next
                                continue search
                            }
                        }
                        var index = 0
                        while index < cursors.count {
                            guard cursors[index].advance(to: target) else { break search }
                            let document = cursors[index].document
                            if document != target {
                                target = document
                                if filterLeads { continue search }
                                index = 0
                                continue
                            }
                            if index == 0, pruning, cannotRank(cursors, target) {
                                target += 1
                                continue search
                            }
                            index += 1
                        }
                        if !filterLeads, let allowed, !allowed.contains(base + Int(target)) {
                            target += 1
                            continue
                        }
                        if !body(target, cursors) { break search }
                        target += 1
                    }
                }
            }
        }
    }
}

/// What a pruned conjunction's skip decisions share with its match loop: the score a match must
/// beat, whether anything was skipped, and the current stretch's bound and its last document.
struct PruningState {
    var floor = -Double.infinity
    var pruned = false
    var boundEnd: Int32 = -1
    var bound = Double.infinity
    /// The stretch's term bounds summed, the first cursor's left out.
    var othersBound = Double.infinity
}

/// The document-dependent parts of a BM25 term score, weight × f / (f + norm): the term frequency
/// from a stored weight (in quanta, so field boosts stay exact) and the per-document denominator
/// k1 × (1 − b + b × length / average) as c0 + c1 × length. Every scoring path uses these, in
/// the same order of operations, so equal documents get bit-identical scores and ties stay ties.
struct BM25Terms {
    let c0: Double
    let c1: Double

    init(_ configuration: SearchConfiguration, averageLength: Double) {
        c0 = configuration.k1 * (1 - configuration.b)
        c1 = configuration.k1 * configuration.b / averageLength
    }

    @inline(__always)
    func norm(_ length: Double) -> Double { c0 + c1 * length }

    @inline(__always)
    static func frequency(_ weight: UInt32) -> Double { Double(weight) / Double(PostingsStore.weightQuantum) }

    /// One term's score in a document: its query weight times f / (f + norm). A block bound
    /// computed with this from the block's best (weight, length) is a bound on every score
    /// computed with it from the block's postings.
    @inline(__always)
    static func score(_ weight: Double, _ weightQuarters: UInt32, norm: Double) -> Double {
        let frequency = frequency(weightQuarters)
        return weight * frequency / (frequency + norm)
    }
}
