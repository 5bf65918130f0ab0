import Foundation

/// A conjunction of query clauses resolved against the whole index: the distinct terms with their
/// BM25 weights from index-wide statistics (so scores are comparable across segments), and for
/// each clause the terms it scores and what must be checked in the text.
struct QueryPlan {
    struct Term {
        var key: VocabularyKey
        /// Documents holding the term, summed over segments.
        var documentFrequency: Int
        /// idf × (k1 + 1), the part of the BM25 term score that does not depend on the document.
        var weight: Double
    }

    enum Check {
        /// Matching the terms is matching the clause.
        case none
        /// The clause matches anyway; contiguity earns the exact-run factor.
        case contiguous(UnitPattern)
        /// The clause matches only where the phrase occurs.
        case phrase(PhrasePattern)
    }

    struct Clause {
        /// Indices into `terms`.
        var terms: [Int]
        var check: Check
    }

    var terms: [Term] = []
    var clauses: [Clause] = []
    /// A clause has a term the index never saw: nothing can match.
    var isUnsatisfiable = false

    var uncertainClauses: [Int] {
        clauses.indices.filter { if case .contiguous = clauses[$0].check { return true } else { return false } }
    }

    var phrasePatterns: [PhrasePattern] {
        clauses.compactMap { if case .phrase(let pattern) = $0.check { return pattern } else { return nil } }
    }

    var contiguityPatterns: [UnitPattern] {
        clauses.compactMap { if case .contiguous(let pattern) = $0.check { return pattern } else { return nil } }
    }

    init(clauses queryClauses: [QueryClause], documentFrequency: (VocabularyKey) -> Int, documentCount: Int,
         k1: Double, exactRunBonus: Double) {
        var keys: [VocabularyKey] = []
        for clause in queryClauses {
            var indices: [Int] = []
            for key in Self.terms(of: clause) {
                let index = keys.firstIndex(of: key) ?? {
                    keys.append(key)
                    return keys.count - 1
                }()
                if !indices.contains(index) { indices.append(index) }
            }
            var check = Self.check(for: clause)
            // Without a bonus, contiguity changes no score, so there is nothing to verify.
            if case .contiguous = check, exactRunBonus == 0 { check = .none }
            clauses.append(Clause(terms: indices, check: check))
        }
        let count = Double(max(1, documentCount))
        terms = keys.map { key in
            let frequency = documentFrequency(key)
            let idf = log(1 + (count - Double(frequency) + 0.5) / (Double(frequency) + 0.5))
            return Term(key: key, documentFrequency: frequency, weight: max(0, idf) * (k1 + 1))
        }
        isUnsatisfiable = terms.contains { $0.documentFrequency == 0 }
    }

    /// The index terms a clause needs, as lookup keys.
    static func terms(of clause: QueryClause) -> [VocabularyKey] {
        switch clause {
        case .ideographs(let units):
            return ideographTerms(units)
        case .word(let units):
            return [wordTerm(units)]
        case .phrase(let runs):
            return runs.flatMap { run in run.isWord ? [wordTerm(run.units)] : ideographTerms(run.units) }
        }
    }

    private static func ideographTerms(_ units: [UInt16]) -> [VocabularyKey] {
        let scalars = QueryClause.scalars(units)
        if scalars.count == 1 { return [.packed(TermKey.unigram(scalars[0]))] }
        return zip(scalars, scalars.dropFirst()).map { .packed(TermKey.bigram($0, $1)) }
    }

    private static func wordTerm(_ units: [UInt16]) -> VocabularyKey {
        if let key = TermKey.word(units) { return .packed(key) }
        return .word(String(decoding: units, as: UTF16.self))
    }

    private static func check(for clause: QueryClause) -> Check {
        switch clause {
        case .ideographs(let units):
            return QueryClause.scalarCount(units) >= 3 ? .contiguous(UnitPattern(units)) : .none
        case .word:
            return .none
        case .phrase(let runs):
            return .phrase(PhrasePattern(runs))
        }
    }
}
