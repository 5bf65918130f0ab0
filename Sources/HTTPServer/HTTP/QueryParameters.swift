/// The decoded query string as ordered `(name, value)` pairs. Order and
/// repetition matter (`?tag=a&tag=b`), so this is a list, not a dictionary.
public struct QueryParameters: Sendable, Sequence, CustomStringConvertible {
    public typealias Element = (name: String, value: String)

    public private(set) var pairs: [Element]

    public init(_ pairs: [(String, String)] = []) {
        self.pairs = pairs.map { (name: $0.0, value: $0.1) }
    }

    init(decoded: [Element]) { pairs = decoded }

    public var isEmpty: Bool { pairs.isEmpty }
    public var count: Int { pairs.count }

    public func makeIterator() -> IndexingIterator<[Element]> { pairs.makeIterator() }

    /// The first value for `name` (names are case-sensitive).
    public func first(_ name: String) -> String? {
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }

    public subscript(name: String) -> String? { first(name) }

    public func all(_ name: String) -> [String] {
        pairs.compactMap { $0.name == name ? $0.value : nil }
    }

    /// Distinct names in first-seen order.
    public var names: [String] {
        var seen = Set<String>()
        return pairs.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }

    public var description: String {
        pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }
}
