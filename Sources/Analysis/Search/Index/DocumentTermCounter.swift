/// Sums the weight of each term within one document while the builder scans it. Per-term slots are
/// reset lazily (a slot belongs to the document that last touched it), so starting a document
/// costs nothing and finishing it only visits the terms it used.
struct DocumentTermCounter {
    private let seenIn = ScratchBuffer<Int32>(repeating: -1, count: 0)
    let weights = ScratchBuffer<UInt32>(repeating: 0, count: 0)
    let touched = ScratchBuffer<Int32>(repeating: 0, count: 0)
    private var document: Int32 = -1

    mutating func start(_ document: Int32) {
        self.document = document
        touched.removeAll()
    }

    @inline(__always)
    func add(_ term: Int32, weight: UInt32) {
        let slot = Int(term)
        // Term ids are handed out densely, so a new term is at most a few slots past the end.
        if slot >= seenIn.count {
            seenIn.grow(to: slot + 1, with: -1)
            weights.grow(to: slot + 1, with: 0)
        }
        if seenIn[slot] != document {
            seenIn[slot] = document
            weights[slot] = weight
            touched.append(term)
        } else {
            weights[slot] &+= weight
        }
    }
}
