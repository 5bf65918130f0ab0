import ChineseText

/// A short excerpt of a document's body with the query's matches marked.
public struct Snippet: Sendable, Hashable {
    /// The excerpt as written in the document, with "…" where text was left out.
    public var text: String
    /// Ascending, non-overlapping ranges of `text`.
    public var highlights: [Highlight]

    public init(text: String, highlights: [Highlight]) {
        self.text = text
        self.highlights = highlights
    }

    /// The text with `open` and `close` around each highlight. Nothing is escaped: the caller
    /// escapes the text for its output format first if it must, and supplies marks to match.
    public func marked(open: String, close: String) -> String {
        Self.marked(text, highlights: highlights, open: open, close: close)
    }

    static func marked(_ text: String, highlights: [Highlight], open: String, close: String) -> String {
        let units = Array(text.utf16)
        var result: [UInt16] = []
        result.reserveCapacity(units.count + highlights.count * (open.utf16.count + close.utf16.count))
        var position = 0
        for highlight in highlights {
            let range = highlight.utf16Range.clamped(to: position..<units.count)
            result.append(contentsOf: units[position..<range.lowerBound])
            result.append(contentsOf: open.utf16)
            result.append(contentsOf: units[range])
            result.append(contentsOf: close.utf16)
            position = range.upperBound
        }
        result.append(contentsOf: units[position...])
        return String(utf16Units: result)
    }
}
