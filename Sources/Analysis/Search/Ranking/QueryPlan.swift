import Foundation

/// A query resolved against one index: the distinct terms to AND, rarest first, with their BM25
/// weights, and for each clause the terms it scores and what must be checked in the text.
struct QueryPlan {
    struct Term {
        var id: Int
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

    /// Rarest first, so the rarest term drives the AND.
    var terms: [Term] = []
    var clauses: [Clause] = []
    /// A clause has a term the corpus never saw: nothing can match.
    var isUnsatisfiable = false

    var uncertainClauses: [Int] {
        clauses.indices.filter { if case .contiguous = clauses[$0].check { return true } else { return false } }
    }

    var phraseClauses: [Int] {
        clauses.indices.filter { if case .phrase = clauses[$0].check { return true } else { return false } }
    }

    init(query: SearchQuery, vocabulary: Vocabulary, postings: PostingsStore, documentCount: Int, k1: Double,
         exactRunBonus: Double) {
        var termIDs: [Int] = []
        var clauseTermIDs: [[Int]] = []
        for clause in query.clauses {
            var ids: [Int] = []
            for term in Self.terms(of: clause) {
                let id = vocabulary.id(of: term)
                guard id >= 0 else {
                    isUnsatisfiable = true
                    return
                }
                if !ids.contains(Int(id)) { ids.append(Int(id)) }
            }
            clauseTermIDs.append(ids)
            for id in ids where !termIDs.contains(id) { termIDs.append(id) }
            var check = Self.check(for: clause)
            // Without a bonus, contiguity changes no score, so there is nothing to verify.
            if case .contiguous = check, exactRunBonus == 0 { check = .none }
            clauses.append(Clause(terms: [], check: check))
        }
        let count = Double(documentCount)
        terms = termIDs.map { id in
            let frequency = Int(postings.documentFrequencies[id])
            let idf = log(1 + (count - Double(frequency) + 0.5) / (Double(frequency) + 0.5))
            return Term(id: id, documentFrequency: frequency, weight: idf * (k1 + 1))
        }
        terms.sort { ($0.documentFrequency, $0.id) < ($1.documentFrequency, $1.id) }
        let position = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1.id, $0) })
        for index in clauses.indices {
            clauses[index].terms = clauseTermIDs[index].map { position[$0].unsafelyUnwrapped }
        }
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
