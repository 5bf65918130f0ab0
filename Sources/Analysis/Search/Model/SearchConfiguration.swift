/// Ranking and snippet settings, fixed when an index is built. The caller loads them from its
/// configuration; the defaults are the usual BM25 values.
public struct SearchConfiguration: Sendable {
    /// BM25 term-frequency saturation: how much a second, third... occurrence still adds.
    /// 1.2 is Lucene's default; 0 ignores frequency altogether.
    public var k1: Double
    /// BM25 length normalisation: 0 ignores document length, 1 divides fully by relative length.
    /// 0.75 is Lucene's default.
    public var b: Double
    /// How much more a query clause is worth when it matched exactly rather than only piecewise.
    /// An unquoted ideograph run of three or more characters (`志愿服务`) matches any document
    /// holding all its bigrams; where the run also occurs contiguously, the clause's score is
    /// multiplied by `1 + exactRunBonus`. Clauses that can only match exactly (quoted phrases,
    /// two-character runs, single characters, Latin tokens) always get the factor, so the bonus
    /// only ever demotes piecewise matches and keeps clause weights comparable. Default 1.0:
    /// a piecewise match counts half.
    public var exactRunBonus: Double
    /// Target snippet length in characters (Unicode scalars), ellipses not counted.
    public var snippetLength: Int

    public init(k1: Double = 1.2, b: Double = 0.75, exactRunBonus: Double = 1.0, snippetLength: Int = 100) {
        self.k1 = k1
        self.b = b
        self.exactRunBonus = exactRunBonus
        self.snippetLength = snippetLength
    }
}
