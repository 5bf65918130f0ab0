/// One searchable part of a document with its weight: a title counts more than body text.
public struct SearchField: Sendable, Hashable {
    public var text: String
    /// Multiplies the field's term frequencies and its share of the document length (a
    /// simplified BM25F). 0 stores the text for phrases and snippets without indexing it.
    public var boost: Double
    /// Snippets are cut from body fields only.
    public var isBody: Bool

    public init(text: String, boost: Double = 1, isBody: Bool = false) {
        self.text = text
        self.boost = boost
        self.isBody = isBody
    }

    public static func title(_ text: String, boost: Double = 3) -> SearchField {
        SearchField(text: text, boost: boost)
    }

    public static func subheading(_ text: String, boost: Double = 2) -> SearchField {
        SearchField(text: text, boost: boost)
    }

    public static func body(_ text: String, boost: Double = 1) -> SearchField {
        SearchField(text: text, boost: boost, isBody: true)
    }
}
