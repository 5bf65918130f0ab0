/// An immutable full-text index over Chinese (and Latin) documents: ideograph bigrams plus
/// unigrams, whole word tokens, BM25 ranking, phrase verification and snippets.
///
/// Build once, then query from any number of threads: every stored property is an immutable
/// value, so readers share the index without locks. Rebuild (and swap the reference) to add
/// documents.
public final class SearchIndex: Sendable {
    public let configuration: SearchConfiguration
    public let documentCount: Int
    let vocabulary: Vocabulary
    let postings: PostingsStore
    let text: TextStore
    /// BM25's per-document denominator term k1 × (1 − b + b × length / average length).
    let lengthNorms: [Float]

    public init(documents: [SearchDocument], configuration: SearchConfiguration = .init()) {
        let built = IndexBuilder.build(documents)
        self.configuration = configuration
        documentCount = documents.count
        vocabulary = built.vocabulary
        postings = built.postings
        text = built.text
        let total = built.lengths.reduce(0.0) { $0 + Double($1) }
        let average = documents.isEmpty || total == 0 ? 1 : total / Double(documents.count)
        let k1 = configuration.k1
        let b = configuration.b
        lengthNorms = built.lengths.map { Float(k1 * (1 - b + b * Double($0) / average)) }
    }

    /// How many distinct terms (unigrams, bigrams, word tokens) the index holds.
    public var termCount: Int { postings.termCount }

    /// Approximate bytes held by the index's arrays, the vocabulary's hash table excluded.
    public var storedBytes: Int { postings.byteCount + text.byteCount + lengthNorms.count * 4 }
}
