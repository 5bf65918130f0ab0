/// An array split into chunks of 4,096 elements. Copies share the chunks, and a change copies only
/// the chunk it touches (plus the short list of chunks), so a snapshot of a million-element
/// column is extended or edited at a cost that does not depend on its length. Appends, the common
/// change, touch only the last chunk.
public struct ChunkedArray<Element: Sendable>: Sendable, RandomAccessCollection {
    public static var chunkSize: Int { 4096 }

    private var chunks: [[Element]] = []
    public private(set) var count = 0

    public init() {}

    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "index \(position) out of 0..<\(count)")
            return chunks[position >> 12][position & 4095]
        }
        set {
            precondition(position >= 0 && position < count, "index \(position) out of 0..<\(count)")
            chunks[position >> 12][position & 4095] = newValue
        }
    }

    public mutating func append(_ element: Element) {
        if count & 4095 == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    public mutating func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    /// Grows to `newCount` elements, the new ones `value`.
    public mutating func grow(to newCount: Int, with value: Element) {
        while count < newCount { append(value) }
    }
}
