/// A growable array for the build's per-term counters: no copy-on-write check or retain on each
/// access, which `Array` pays when it is mutated from a loop that also calls other code. Only for
/// build-time scratch that never leaves the builder.
final class ScratchBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count: Int
    private var capacity: Int

    init(repeating value: Element, count: Int) {
        capacity = max(16, count)
        base = .allocate(capacity: capacity)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    deinit { base.deallocate() }

    @inline(__always)
    subscript(index: Int) -> Element {
        get {
            assert(index >= 0 && index < count)
            return base[index]
        }
        set {
            assert(index >= 0 && index < count)
            base[index] = newValue
        }
    }

    @inline(__always)
    func append(_ value: Element) {
        if count == capacity { reserve(capacity * 2) }
        base[count] = value
        count += 1
    }

    /// Grows to `newCount` elements, the new ones set to `value`.
    func grow(to newCount: Int, with value: Element) {
        guard newCount > count else { return }
        if newCount > capacity { reserve(max(newCount, capacity * 2)) }
        (base + count).initialize(repeating: value, count: newCount - count)
        count = newCount
    }

    func removeAll() { count = 0 }

    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    private func reserve(_ newCapacity: Int) {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
