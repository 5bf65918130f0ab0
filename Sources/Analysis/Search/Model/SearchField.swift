/// One searchable part of a document with its weight: a title counts more than body text.
public struct SearchField: Sendable, Hashable {
    /// What the field is, so that stored segments can give the text back by role (the analysis
    /// re-reads headlines, subheadings and paragraphs from the index when its model changes).
    public enum Kind: UInt8, Sendable, Hashable {
        case other = 0
        case title = 1
        case subheading = 2
        case body = 3
        case caption = 4
        case people = 5
    }

    public var text: String
    /// Multiplies the field's term frequencies and its share of the document length (a
    /// simplified BM25F). 0 stores the text for phrases and snippets without indexing it.
    public var boost: Double
    public var kind: Kind

    /// Snippets are cut from body fields only.
    public var isBody: Bool { kind == .body }

    public init(text: String, boost: Double = 1, kind: Kind = .other) {
        self.text = text
        self.boost = boost
        self.kind = kind
    }

    public static func title(_ text: String, boost: Double = 3) -> SearchField {
        SearchField(text: text, boost: boost, kind: .title)
    }

    public static func subheading(_ text: String, boost: Double = 2) -> SearchField {
        SearchField(text: text, boost: boost, kind: .subheading)
    }

    public static func body(_ text: String, boost: Double = 1) -> SearchField {
        SearchField(text: text, boost: boost, kind: .body)
    }
}
