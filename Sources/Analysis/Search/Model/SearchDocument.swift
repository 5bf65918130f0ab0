/// A document to index. Ids are dense (`0..<count`) so filters can be bitsets and per-document
/// data plain arrays; the caller maps them to its own article ids.
public struct SearchDocument: Sendable, Hashable {
    public var id: Int
    public var fields: [SearchField]

    public init(id: Int, fields: [SearchField]) {
        self.id = id
        self.fields = fields
    }
}
