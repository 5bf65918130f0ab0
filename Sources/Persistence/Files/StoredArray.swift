#if canImport(Glibc)
import Glibc
#endif

/// A read-only array of plain values that lives either in memory the array owns or inside a
/// memory-mapped state file. Code that reads an index (postings, text, term tables) works on it
/// the same way in both cases: a freshly built segment and one mapped from disk at start-up are
/// indistinguishable to a query, and a mapped one costs no heap and no load time.
public struct StoredArray<Element: BitwiseCopyable>: @unchecked Sendable, RandomAccessCollection {
    /// Keeps the memory alive: an owned allocation or the mapped file.
    private let owner: AnyObject?
    private let base: UnsafePointer<Element>?
    public let count: Int

    public init() {
        owner = nil
        base = nil
        count = 0
    }

    /// Copies `elements` into memory this array owns.
    public init(_ elements: [Element]) {
        let storage = OwnedStorage<Element>(copying: elements)
        owner = storage
        base = UnsafePointer(storage.pointer)
        count = elements.count
    }

    /// Takes an allocation initialised with `count` elements; it is freed with the array.
    public init(adopting pointer: UnsafeMutablePointer<Element>, count: Int) {
        let storage = OwnedStorage<Element>(adopting: pointer)
        owner = storage
        base = UnsafePointer(pointer)
        self.count = count
    }

    /// A view into a mapped file (or any memory `owner` keeps alive).
    init(owner: AnyObject, base: UnsafeRawPointer, count: Int) {
        self.owner = owner
        self.base = count == 0 ? nil : base.assumingMemoryBound(to: Element.self)
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inline(__always)
    public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "index \(position) out of 0..<\(count)")
        return base.unsafelyUnwrapped[position]
    }

    @inline(__always)
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    public var array: [Element] { withUnsafeBufferPointer { Array($0) } }

    public var byteCount: Int { count * MemoryLayout<Element>.stride }

    /// True when the elements are in a mapped file rather than the heap.
    public var isMapped: Bool { owner is MappedFile }
}

final class OwnedStorage<Element>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>

    init(copying elements: [Element]) {
        pointer = .allocate(capacity: max(1, elements.count))
        elements.withUnsafeBufferPointer { source in
            if let address = source.baseAddress { pointer.initialize(from: address, count: source.count) }
        }
    }

    init(adopting pointer: UnsafeMutablePointer<Element>) {
        self.pointer = pointer
    }

    deinit { pointer.deallocate() }
}

/// A whole file mapped read-only; unmapped when the last array into it goes away.
public final class MappedFile: @unchecked Sendable {
    public let path: String
    public let base: UnsafeRawPointer?
    public let size: Int

    public init(path: String) throws(StateFileError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system("open \(path)", errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .system("stat \(path)", errno) }
        size = Int(status.st_size)
        guard size > 0 else {
            base = nil
            return
        }
        let mapped = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0)
        guard let mapped, mapped != MAP_FAILED else { throw .system("mmap \(path)", errno) }
        base = UnsafeRawPointer(mapped)
        // The index is read in random order by queries; the kernel's default read-ahead would
        // fetch neighbouring pages nobody asked for.
        _ = madvise(mapped, size, MADV_RANDOM)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), size) }
    }

    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: size) }

    /// Asks the kernel to read `range` ahead, for a caller about to read all of it in order
    /// (verifying a checksum, decoding a table). The mapping is advised random for queries, which
    /// turns such a read into one 4 KB page fault at a time: a start-up from a cold disk spent more
    /// time in the kernel than in its own work.
    public func willRead(_ range: Range<Int>) {
        guard let base, !range.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = range.lowerBound / page * page
        let end = min(size, range.upperBound)
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_WILLNEED)
    }
}
