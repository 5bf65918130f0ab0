/// An ordered map that is cheap to copy and to change: a B-tree whose nodes are never modified
/// after they are built. A change copies only the nodes on the path from the root to the changed
/// leaf (a few hundred entries for a million keys) and shares everything else with the map it was
/// made from, so an archive snapshot can be extended while readers keep the old one, and neither
/// the copy nor the memory it takes grows with the size of the map.
///
/// Every node knows how many entries lie below it, so the map also answers "the entry at
/// position i" and "how many keys sort before k" in O(log n): paging through a sorted list of a
/// million articles costs the same on page 1 and page 40,000.
public struct SortedMap<Key: Comparable & Sendable, Value: Sendable>: Sendable {
    /// Entries per node. Wide nodes keep the tree shallow (4 levels for 10M entries) and make a
    /// path copy a few small array copies.
    static var fanout: Int { 64 }

    final class Node: Sendable {
        /// Leaf: the entries' keys. Inner: the smallest key below each child.
        let keys: [Key]
        /// Leaf only.
        let values: [Value]
        /// Inner only.
        let children: [Node]
        /// Inner only: entries below each child.
        let counts: [Int]
        /// Entries below this node.
        let total: Int

        var isLeaf: Bool { children.isEmpty }

        init(leafKeys: [Key], values: [Value]) {
            keys = leafKeys
            self.values = values
            children = []
            counts = []
            total = leafKeys.count
        }

        init(children: [Node]) {
            keys = children.map { $0.keys[0] }
            values = []
            self.children = children
            // A closure, not a key path: key-path projection costs a runtime lookup per element.
            counts = children.map { $0.total }
            total = counts.reduce(0, +)
        }
    }

    private(set) var root: Node?

    public init() {}

    /// Builds the map from entries sorted by key (later duplicates win) in linear time.
    public init<S: Sequence>(sorted entries: S) where S.Element == (Key, Value) {
        var keys: [Key] = []
        var values: [Value] = []
        for (key, value) in entries {
            if let last = keys.last {
                precondition(last <= key, "SortedMap(sorted:) needs entries in ascending key order")
                if last == key {
                    values[values.count - 1] = value
                    continue
                }
            }
            keys.append(key)
            values.append(value)
        }
        guard !keys.isEmpty else { return }
        // Leaves three-quarters full leave room to insert without splitting at once.
        let fill = Self.fanout * 3 / 4
        var level: [Node] = stride(from: 0, to: keys.count, by: fill).map { start in
            let end = min(keys.count, start + fill)
            return Node(leafKeys: Array(keys[start..<end]), values: Array(values[start..<end]))
        }
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: fill).map { start in
                Node(children: Array(level[start..<min(level.count, start + fill)]))
            }
        }
        root = level[0]
    }

    public var count: Int { root?.total ?? 0 }
    public var isEmpty: Bool { count == 0 }

    // MARK: - Lookup

    public subscript(key: Key) -> Value? {
        get {
            guard var node = root else { return nil }
            while !node.isLeaf {
                node = node.children[Self.childIndex(for: key, in: node)]
            }
            let index = Self.lowerBound(key, in: node.keys)
            return index < node.keys.count && node.keys[index] == key ? node.values[index] : nil
        }
        set {
            if let newValue { insert(key, newValue) } else { remove(key) }
        }
    }

    public func contains(_ key: Key) -> Bool { self[key] != nil }

    /// How many keys sort before `key` (its position if present, its insertion point if not).
    public func rank(of key: Key) -> Int {
        guard var node = root else { return 0 }
        var before = 0
        while !node.isLeaf {
            let child = Self.childIndex(for: key, in: node)
            for index in 0..<child { before += node.counts[index] }
            node = node.children[child]
        }
        return before + Self.lowerBound(key, in: node.keys)
    }

    /// The entry at `position` in key order.
    public func entry(at position: Int) -> (key: Key, value: Value) {
        precondition(position >= 0 && position < count, "position \(position) out of 0..<\(count)")
        var node = root!
        var position = position
        while !node.isLeaf {
            var child = 0
            while position >= node.counts[child] {
                position -= node.counts[child]
                child += 1
            }
            node = node.children[child]
        }
        return (node.keys[position], node.values[position])
    }

    public var first: (key: Key, value: Value)? { isEmpty ? nil : entry(at: 0) }
    public var last: (key: Key, value: Value)? { isEmpty ? nil : entry(at: count - 1) }

    // MARK: - Changes (path copying)

    /// Sets `value` for `key`, replacing any earlier value.
    public mutating func insert(_ key: Key, _ value: Value) {
        guard let root else {
            self.root = Node(leafKeys: [key], values: [value])
            return
        }
        let replaced = Self.inserting(key, value, into: root)
        if replaced.count == 1 {
            self.root = replaced[0]
        } else {
            self.root = Node(children: replaced)
        }
    }

    /// Removes `key`; returns its value, or nil when it was not there.
    @discardableResult
    public mutating func remove(_ key: Key) -> Value? {
        guard let root else { return nil }
        guard let (replacement, removed) = Self.removing(key, from: root) else { return nil }
        var newRoot = replacement
        // A root with one child is a level too many.
        while let node = newRoot, !node.isLeaf, node.children.count == 1 { newRoot = node.children[0] }
        self.root = newRoot
        return removed
    }

    /// Returns the new node, or two when it split.
    private static func inserting(_ key: Key, _ value: Value, into node: Node) -> [Node] {
        if node.isLeaf {
            var keys = node.keys
            var values = node.values
            let index = lowerBound(key, in: keys)
            if index < keys.count && keys[index] == key {
                values[index] = value
            } else {
                keys.insert(key, at: index)
                values.insert(value, at: index)
            }
            guard keys.count > fanout else { return [Node(leafKeys: keys, values: values)] }
            let middle = keys.count / 2
            return [Node(leafKeys: Array(keys[..<middle]), values: Array(values[..<middle])),
                    Node(leafKeys: Array(keys[middle...]), values: Array(values[middle...]))]
        }
        let index = childIndex(for: key, in: node)
        var children = node.children
        let replaced = inserting(key, value, into: children[index])
        children.replaceSubrange(index...index, with: replaced)
        guard children.count > fanout else { return [Node(children: children)] }
        let middle = children.count / 2
        return [Node(children: Array(children[..<middle])), Node(children: Array(children[middle...]))]
    }

    /// Nil when the key is absent. A node left empty is dropped (the replacement is nil). Nodes are
    /// not merged when they become sparse: removals are rare next to inserts here, and a sparse
    /// node costs space, never correctness or depth.
    private static func removing(_ key: Key, from node: Node) -> (Node?, Value)? {
        if node.isLeaf {
            let index = lowerBound(key, in: node.keys)
            guard index < node.keys.count, node.keys[index] == key else { return nil }
            var keys = node.keys
            var values = node.values
            keys.remove(at: index)
            let removed = values.remove(at: index)
            return (keys.isEmpty ? nil : Node(leafKeys: keys, values: values), removed)
        }
        let index = childIndex(for: key, in: node)
        guard let (replacement, removed) = removing(key, from: node.children[index]) else { return nil }
        var children = node.children
        if let replacement { children[index] = replacement } else { children.remove(at: index) }
        return (children.isEmpty ? nil : Node(children: children), removed)
    }

    // MARK: - Search helpers

    @inline(__always)
    static func lowerBound(_ key: Key, in keys: [Key]) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) >> 1
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The child whose range holds `key`: the last child whose smallest key is not above it.
    @inline(__always)
    static func childIndex(for key: Key, in node: Node) -> Int {
        var low = 0
        var high = node.keys.count
        while low < high {
            let middle = (low + high) >> 1
            if node.keys[middle] <= key { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }
}

extension SortedMap {
    /// Calls `body` with entries in ascending key order from position `start`, until it returns
    /// false or the entries run out.
    public func forEach(fromPosition start: Int, _ body: (Key, Value) -> Bool) {
        guard let root, start < count else { return }
        var stack: [(Node, Int)] = []
        var node = root
        var position = max(0, start)
        while !node.isLeaf {
            var child = 0
            while position >= node.counts[child] {
                position -= node.counts[child]
                child += 1
            }
            stack.append((node, child))
            node = node.children[child]
        }
        var leaf = node
        var index = position
        while true {
            while index < leaf.keys.count {
                if !body(leaf.keys[index], leaf.values[index]) { return }
                index += 1
            }
            // Climb to the next subtree to the right.
            var next: Node?
            while let (parent, child) = stack.popLast() {
                if child + 1 < parent.children.count {
                    stack.append((parent, child + 1))
                    next = parent.children[child + 1]
                    break
                }
            }
            guard var descend = next else { return }
            while !descend.isLeaf {
                stack.append((descend, 0))
                descend = descend.children[0]
            }
            leaf = descend
            index = 0
        }
    }

    /// Calls `body` with entries in descending key order from position `start` (counted from the
    /// front), until it returns false or the entries run out.
    public func forEachReversed(fromPosition start: Int, _ body: (Key, Value) -> Bool) {
        guard let root, start >= 0, count > 0 else { return }
        var stack: [(Node, Int)] = []
        var node = root
        var position = min(start, count - 1)
        while !node.isLeaf {
            var child = 0
            while position >= node.counts[child] {
                position -= node.counts[child]
                child += 1
            }
            stack.append((node, child))
            node = node.children[child]
        }
        var leaf = node
        var index = position
        while true {
            while index >= 0 {
                if !body(leaf.keys[index], leaf.values[index]) { return }
                index -= 1
            }
            var next: Node?
            while let (parent, child) = stack.popLast() {
                if child > 0 {
                    stack.append((parent, child - 1))
                    next = parent.children[child - 1]
                    break
                }
            }
            guard var descend = next else { return }
            while !descend.isLeaf {
                stack.append((descend, descend.children.count - 1))
                descend = descend.children[descend.children.count - 1]
            }
            leaf = descend
            index = leaf.keys.count - 1
        }
    }

    /// Entries with keys from `lower` upward while `body` returns true.
    public func forEach(from lower: Key, _ body: (Key, Value) -> Bool) {
        forEach(fromPosition: rank(of: lower), body)
    }

    /// Every entry in key order.
    public func forEach(_ body: (Key, Value) -> Void) {
        forEach(fromPosition: 0) { key, value in
            body(key, value)
            return true
        }
    }

    public var keys: [Key] {
        var keys: [Key] = []
        keys.reserveCapacity(count)
        forEach { key, _ in keys.append(key) }
        return keys
    }

    public var entries: [(key: Key, value: Value)] {
        var entries: [(key: Key, value: Value)] = []
        entries.reserveCapacity(count)
        forEach { key, value in entries.append((key, value)) }
        return entries
    }
}

extension SortedMap where Key == String {
    /// Entries whose key starts with `prefix`, in key order, at most `limit`.
    public func entries(withPrefix prefix: String, limit: Int) -> [(key: String, value: Value)] {
        var found: [(key: String, value: Value)] = []
        guard limit > 0 else { return found }
        forEach(from: prefix) { key, value in
            guard key.hasPrefix(prefix) else { return false }
            found.append((key, value))
            return found.count < limit
        }
        return found
    }
}
