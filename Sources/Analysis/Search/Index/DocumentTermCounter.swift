/// Sums the weight of each term within one document while the builder scans it. Per-term slots are
/// reset lazily (a slot belongs to the document that last touched it), so starting a document
/// costs nothing and finishing it only visits the terms it used.
struct DocumentTermCounter {
    private var seenIn: [Int32] = []
    private(set) var weights: [UInt32] = []
    private(set) var touched: [Int32] = []
    private var document: Int32 = -1

    mutating func start(_ document: Int32) {
        self.document = document
        touched.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func add(_ term: Int32, weight: UInt32) {
        let slot = Int(term)
        // Term ids are handed out densely, so a new term is always the next slot.
        if slot == seenIn.count {
            seenIn.append(-1)
            weights.append(0)
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
