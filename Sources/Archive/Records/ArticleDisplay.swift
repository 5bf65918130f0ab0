import PageParser

/// How articles are shown and named wherever they appear (API, CLI, feeds).
public enum ArticleDisplay {
    /// The title, or for an untitled article the opening of its first sentence, cut at a clause
    /// boundary (never inside a word), marked as derived.
    public static func title(of article: Article) -> (text: String, derived: Bool) {
        if let title = article.title { return (title, false) }
        guard let first = article.paragraphs.first else { return ("（无题）", true) }
        let scalars = Array(first.unicodeScalars)
        let stops: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";"]
        let pauses: Set<Unicode.Scalar> = ["，", "、", "：", ",", ":"]
        var end = scalars.firstIndex(where: stops.contains) ?? scalars.count
        if end > 30 {
            // Too long for a headline: the last clause boundary within 30 characters, else 30.
            end = scalars[..<30].lastIndex(where: pauses.contains) ?? 30
        }
        let text = String(String.UnicodeScalarView(scalars[..<end]))
        return (text + (end < scalars.count && !stops.contains(scalars[end]) ? "…" : ""), true)
    }

    /// The opening of the first paragraph.
    public static func excerpt(of article: Article, length: Int = 120) -> String {
        guard let first = article.paragraphs.first else { return "" }
        let scalars = first.unicodeScalars
        guard scalars.count > length else { return first }
        return String(String.UnicodeScalarView(scalars.prefix(length))) + "…"
    }

    /// The ids the archive gives a freshly stored page's articles, in page order.
    public static func articleIDs(of page: Page) -> [String] {
        ArticleKeys.assign(page.articles, kept: [:]).map { "\(page.id)-\($0)" }
    }
}
