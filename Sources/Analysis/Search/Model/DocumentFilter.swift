/// A set of document ids as a bitset: the documents the caller's other filters (locality, author,
/// tag...) allow. 100,000 documents take 12.5 KB, membership is one shift and mask, and set algebra
/// runs a word (64 documents) at a time.
public struct DocumentFilter: Sendable, Hashable {
    private var words: [UInt64]
    /// Ids `0..<capacity` can be members; larger ids are never contained.
    public let capacity: Int

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
        words = Array(repeating: 0, count: (self.capacity + 63) / 64)
    }

    /// A filter holding `documents`; ids outside `0..<capacity` are ignored.
    public init<S: Sequence>(_ documents: S, capacity: Int) where S.Element == Int {
        self.init(capacity: capacity)
        for document in documents { insert(document) }
    }

    /// Every document of an index of `count` documents.
    public static func all(_ count: Int) -> DocumentFilter {
        var filter = DocumentFilter(capacity: count)
        for index in filter.words.indices { filter.words[index] = ~0 }
        filter.clearBeyondCapacity()
        return filter
    }

    public mutating func insert(_ document: Int) {
        guard document >= 0, document < capacity else { return }
        words[document >> 6] |= 1 << UInt64(document & 63)
    }

    public mutating func remove(_ document: Int) {
        guard document >= 0, document < capacity else { return }
        words[document >> 6] &= ~(1 << UInt64(document & 63))
    }

    @inline(__always)
    public func contains(_ document: Int) -> Bool {
        guard document >= 0, document < capacity else { return false }
        return words[document >> 6] & (1 << UInt64(document & 63)) != 0
    }

    /// How many documents the filter holds.
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// The members in ascending order.
    public var documents: [Int] {
        var result: [Int] = []
        var next = nextMember(atOrAfter: 0)
        while let document = next {
            result.append(document)
            next = nextMember(atOrAfter: document + 1)
        }
        return result
    }

    /// Documents in both filters; the capacity is the smaller one.
    public func intersection(_ other: DocumentFilter) -> DocumentFilter {
        var result = DocumentFilter(capacity: min(capacity, other.capacity))
        for index in result.words.indices { result.words[index] = words[index] & other.words[index] }
        return result
    }

    /// Documents in either filter; the capacity is the larger one.
    public func union(_ other: DocumentFilter) -> DocumentFilter {
        var result = DocumentFilter(capacity: max(capacity, other.capacity))
        for index in result.words.indices {
            let mine = index < words.count ? words[index] : 0
            let theirs = index < other.words.count ? other.words[index] : 0
            result.words[index] = mine | theirs
        }
        return result
    }

    /// Documents in this filter and not in `other`.
    public func subtracting(_ other: DocumentFilter) -> DocumentFilter {
        var result = self
        for index in result.words.indices where index < other.words.count {
            result.words[index] &= ~other.words[index]
        }
        return result
    }

    public mutating func formIntersection(_ other: DocumentFilter) { self = intersection(other) }
    public mutating func formUnion(_ other: DocumentFilter) { self = union(other) }

    /// The smallest member at or after `document`, or nil.
    @inline(__always)
    func nextMember(atOrAfter document: Int) -> Int? {
        guard document < capacity else { return nil }
        let start = max(0, document)
        var index = start >> 6
        var word = words[index] & (~0 << UInt64(start & 63))
        while word == 0 {
            index += 1
            guard index < words.count else { return nil }
            word = words[index]
        }
        return index << 6 + word.trailingZeroBitCount
    }

    private mutating func clearBeyondCapacity() {
        let spare = capacity & 63
        if spare != 0 { words[words.count - 1] &= (1 << UInt64(spare)) - 1 }
    }
}
