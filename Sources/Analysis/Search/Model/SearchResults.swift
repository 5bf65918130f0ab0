/// One page of ranked hits and how many documents matched in all.
public struct SearchResults: Sendable, Hashable {
    /// Matching documents, after the `allowed` filter, before paging.
    public var total: Int
    /// The requested page, best first; equal scores in ascending document order.
    public var hits: [SearchHit]
    /// True when the query had nothing to search for (empty, spaces or punctuation only): the
    /// caller should say so instead of showing "no results" or everything.
    public var isEmptyQuery: Bool

    public init(total: Int, hits: [SearchHit], isEmptyQuery: Bool = false) {
        self.total = total
        self.hits = hits
        self.isEmptyQuery = isEmptyQuery
    }

    public static let emptyQuery = SearchResults(total: 0, hits: [], isEmptyQuery: true)
}
