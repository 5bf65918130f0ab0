/// One page of ranked hits and how many documents matched in all.
public struct SearchResults: Sendable, Hashable {
    /// Matching documents, after the `allowed` filter, before paging: all of them when
    /// `totalIsExact`, else those counted before the search began skipping ones that could not
    /// rank (a lower bound).
    public var total: Int
    public var totalIsExact: Bool
    /// The requested page, best first; equal scores in ascending document order.
    public var hits: [SearchHit]
    /// True when the query had nothing to search for (empty, spaces or punctuation only): the
    /// caller should say so instead of showing "no results" or everything.
    public var isEmptyQuery: Bool

    public init(total: Int, hits: [SearchHit], totalIsExact: Bool = true, isEmptyQuery: Bool = false) {
        self.total = total
        self.totalIsExact = totalIsExact
        self.hits = hits
        self.isEmptyQuery = isEmptyQuery
    }

    public static let emptyQuery = SearchResults(total: 0, hits: [], isEmptyQuery: true)
}
