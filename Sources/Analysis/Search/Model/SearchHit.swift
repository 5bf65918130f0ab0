/// A matching document and its relevance score.
public struct SearchHit: Sendable, Hashable {
    public var doc: Int
    public var score: Double

    public init(doc: Int, score: Double) {
        self.doc = doc
        self.score = score
    }
}
