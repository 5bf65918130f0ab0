import Analysis
import PageParser

/// A page of the archive with where it came from.
public struct PageRecord: Sendable {
    public var page: Page
    public var source: PageSource
    /// FNV-1a of the file's bytes: pages with the same content have the same hash on every replica.
    public var contentHash: UInt64
    /// Dense indexes of the page's articles in the snapshot.
    public var articleIndexes: [Int]
}

/// An article with everything the analysis linked to it.
public struct ArticleRecord: Sendable {
    /// Dense position in the snapshot (and document id in the search index).
    public var index: Int
    public var article: Article
    public var pageID: String
    /// 1-based position of the article on its page.
    public var ordinal: Int
    public var analysis: ArticleAnalysis

    public var id: String { article.id }
}

/// A page file that could not be loaded, reported by name; the rest of the archive still loads.
public struct LoadError: Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}

/// 64-bit FNV-1a, for content fingerprints (ETags, upload ids). Not for security.
public func fnv1a64<S: Sequence>(_ bytes: S, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 where S.Element == UInt8 {
    var hash = seed
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
}
