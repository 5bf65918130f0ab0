import PageParser

/// How articles are shown and named wherever they appear (API, CLI, feeds).
public enum ArticleDisplay {
    /// The title, or for an untitled article the one the parser derived from its opening
    /// (marked as derived).
    public static func title(of article: Article) -> (text: String, derived: Bool) {
        if let title = article.title, !title.isEmpty { return (title, false) }
        return (article.displayTitle.isEmpty ? "（无题）" : article.displayTitle, true)
    }

    /// The opening of the first paragraph.
    public static func excerpt(of article: Article, length: Int = 120) -> String {
        guard let first = article.paragraphs.first else { return "" }
        // Walks only as far as the excerpt: a first paragraph can be very long.
        let scalars = first.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: length, limitedBy: scalars.endIndex),
              end < scalars.endIndex else { return first }
        return String(scalars[..<end]) + "…"
    }

    /// The ids the archive gives a freshly stored page's articles, in page order.
    public static func articleIDs(of page: Page) -> [String] {
        ArticleKeys.assign(page.articles, kept: [:]).map { "\(page.id)-\($0)" }
    }
}
