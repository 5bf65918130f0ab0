extension SearchIndex {
    /// One page of hits, best first, and the number of matches in all.
    ///
    /// Every clause must match (AND). Only documents in `allowed` count, when given. Ties are
    /// broken by ascending document id, so paging is stable. An empty query gives
    /// `SearchResults.emptyQuery`; a term the corpus never had gives no hits.
    public func search(_ query: SearchQuery, allowed: DocumentFilter? = nil, limit: Int = 20, offset: Int = 0) -> SearchResults {
        guard !query.isEmpty else { return .emptyQuery }
        let plan = plan(for: query)
        guard !plan.isUnsatisfiable else { return SearchResults(total: 0, hits: []) }
        let candidates = collect(plan, allowed: allowed)
        let offset = max(0, offset)
        let wanted = offset + max(0, limit)
        let hits = candidates.pendingStride == 0
            ? bestSettled(candidates, count: wanted)
            : bestVerifyingLazily(candidates, plan: plan, count: wanted)
        return SearchResults(total: candidates.count, hits: Array(hits.dropFirst(offset)))
    }

    /// Every match with its final score, best first (ties by ascending id), for callers that sort
    /// or page by something else. Empty for an empty query.
    public func matches(_ query: SearchQuery, allowed: DocumentFilter? = nil) -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        let plan = plan(for: query)
        guard !plan.isUnsatisfiable else { return [] }
        let candidates = collect(plan, allowed: allowed)
        let patterns = contiguityPatterns(plan)
        var hits: [SearchHit] = []
        hits.reserveCapacity(candidates.count)
        text.units.withUnsafeBufferPointer { units in
            for candidate in 0..<candidates.count {
                let document = Int(candidates.documents[candidate])
                let range = text.documentRange(document)
                let score = candidates.score(candidate) { clause in
                    patterns[clause].firstMatch(in: units, from: range.lowerBound, to: range.upperBound) != nil
                }
                hits.append(SearchHit(doc: document, score: score))
            }
        }
        hits.sort(by: Self.ranksBefore)
        return hits
    }

    func plan(for query: SearchQuery) -> QueryPlan {
        QueryPlan(query: query, vocabulary: vocabulary, postings: postings, documentCount: documentCount,
                  k1: configuration.k1, exactRunBonus: configuration.exactRunBonus)
    }

    @inline(__always)
    static func ranksBefore(_ first: SearchHit, _ second: SearchHit) -> Bool {
        first.score > second.score || (first.score == second.score && first.doc < second.doc)
    }

    // MARK: Matching

    /// Every document holding all the plan's terms, allowed, and containing its phrases, scored.
    func collect(_ plan: QueryPlan, allowed: DocumentFilter?) -> Candidates {
        let uncertain = plan.uncertainClauses
        let phrases: [PhrasePattern] = plan.phraseClauses.map { index in
            guard case .phrase(let pattern) = plan.clauses[index].check else { preconditionFailure() }
            return pattern
        }
        let isPending = plan.clauses.map { clause in
            if case .contiguous = clause.check { return true } else { return false }
        }
        let exactFactor = 1 + configuration.exactRunBonus
        var candidates = Candidates(pendingStride: uncertain.count, exactFactor: exactFactor)
        var termScores = [Double](repeating: 0, count: plan.terms.count)
        let termWeights = plan.terms.map(\.weight)
        let quantum = Double(PostingsStore.weightQuantum)
        text.units.withUnsafeBufferPointer { units in
            lengthNorms.withUnsafeBufferPointer { norms in
                forEachMatch(plan, allowed: allowed) { document, cursors in
                    if !phrases.isEmpty {
                        let range = text.documentRange(Int(document))
                        for phrase in phrases where phrase.firstMatch(in: units, range: range) == nil { return }
                    }
                    let norm = Double(norms[Int(document)])
                    for term in 0..<cursors.count {
                        let frequency = Double(cursors[term].weight) / quantum
                        termScores[term] = termWeights[term] * frequency / (frequency + norm)
                    }
                    var settled = 0.0
                    for (index, clause) in plan.clauses.enumerated() {
                        var score = 0.0
                        for term in clause.terms { score += termScores[term] }
                        if isPending[index] {
                            candidates.pending.append(score)
                        } else {
                            settled += score * exactFactor
                        }
                    }
                    candidates.documents.append(document)
                    candidates.settled.append(settled)
                }
            }
        }
        return candidates
    }

    /// Calls `body` with each document (ascending) that every term's postings and `allowed` hold,
    /// by leapfrogging cursors rarest first; the filter leads instead when it is the sparsest.
    private func forEachMatch(
        _ plan: QueryPlan, allowed: DocumentFilter?,
        _ body: (Int32, UnsafeMutableBufferPointer<PostingCursor>) -> Void
    ) {
        let filterLeads = allowed.map { $0.count < plan.terms[0].documentFrequency } ?? false
        postings.bytes.withUnsafeBufferPointer { bytes in
            postings.skips.withUnsafeBufferPointer { skips in
                var cursors = plan.terms.map { PostingCursor(term: $0.id, store: postings, bytes: bytes, skips: skips) }
                cursors.withUnsafeMutableBufferPointer { cursors in
                    var target: Int32 = 0
                    search: while true {
                        if filterLeads, let allowed {
                            guard let next = allowed.nextMember(atOrAfter: Int(target)) else { break search }
                            target = Int32(next)
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
                            index += 1
                        }
                        if !filterLeads, let allowed, !allowed.contains(Int(target)) {
                            target += 1
                            continue
                        }
                        body(target, cursors)
                        target += 1
                    }
                }
            }
        }
    }

    // MARK: Ranking

    /// The best `count` candidates when no score depends on verification.
    private func bestSettled(_ candidates: Candidates, count: Int) -> [SearchHit] {
        guard count > 0 else { return [] }
        var kept = BinaryHeap<SearchHit>([]) { Self.ranksBefore($1, $0) }
        for candidate in 0..<candidates.count {
            let hit = SearchHit(doc: Int(candidates.documents[candidate]), score: candidates.settled[candidate])
            if kept.count < count {
                kept.push(hit)
            } else if let worst = kept.top, Self.ranksBefore(hit, worst) {
                kept.replaceTop(with: hit)
            }
        }
        return kept.elements.sorted(by: Self.ranksBefore)
    }

    /// The best `count` candidates when exact-run bonuses are pending: candidates are verified in
    /// order of their best possible score, and verification stops once no remaining candidate's
    /// bound can displace the worst hit kept. Usually only a few dozen documents are read.
    private func bestVerifyingLazily(_ candidates: Candidates, plan: QueryPlan, count: Int) -> [SearchHit] {
        guard count > 0 else { return [] }
        let patterns = contiguityPatterns(plan)
        var bounds: [(bound: SearchHit, candidate: Int)] = []
        bounds.reserveCapacity(candidates.count)
        for candidate in 0..<candidates.count {
            let hit = SearchHit(doc: Int(candidates.documents[candidate]), score: candidates.upperBound(candidate))
            bounds.append((hit, candidate))
        }
        var queue = BinaryHeap(bounds) { Self.ranksBefore($0.bound, $1.bound) }
        var kept = BinaryHeap<SearchHit>([]) { Self.ranksBefore($1, $0) }
        text.units.withUnsafeBufferPointer { units in
            while let (bound, candidate) = queue.pop() {
                if kept.count == count, let worst = kept.top, !Self.ranksBefore(bound, worst) { break }
                let range = text.documentRange(bound.doc)
                let score = candidates.score(candidate) { clause in
                    patterns[clause].firstMatch(in: units, from: range.lowerBound, to: range.upperBound) != nil
                }
                let hit = SearchHit(doc: bound.doc, score: score)
                if kept.count < count {
                    kept.push(hit)
                } else if let worst = kept.top, Self.ranksBefore(hit, worst) {
                    kept.replaceTop(with: hit)
                }
            }
        }
        return kept.elements.sorted(by: Self.ranksBefore)
    }

    private func contiguityPatterns(_ plan: QueryPlan) -> [UnitPattern] {
        plan.uncertainClauses.map { index in
            guard case .contiguous(let pattern) = plan.clauses[index].check else { preconditionFailure() }
            return pattern
        }
    }
}
