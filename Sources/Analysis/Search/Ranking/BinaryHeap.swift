/// A binary heap whose root is the element for which `isAbove` holds against every other.
/// Ranking needs two: the best-bounded candidates to verify next, and the worst of the hits kept.
struct BinaryHeap<Element> {
    private(set) var elements: [Element]
    private let isAbove: (Element, Element) -> Bool

    /// Heapifies `elements` in linear time.
    init(_ elements: [Element], isAbove: @escaping (Element, Element) -> Bool) {
        self.elements = elements
        self.isAbove = isAbove
        var index = elements.count / 2
        while index > 0 {
            index -= 1
            siftDown(from: index)
        }
    }

    var count: Int { elements.count }
    var isEmpty: Bool { elements.isEmpty }
    var top: Element? { elements.first }

    mutating func push(_ element: Element) {
        elements.append(element)
        var child = elements.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard isAbove(elements[child], elements[parent]) else { break }
            elements.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Element? {
        guard !elements.isEmpty else { return nil }
        elements.swapAt(0, elements.count - 1)
        let top = elements.removeLast()
        siftDown(from: 0)
        return top
    }

    /// Replaces the root, cheaper than a pop and a push.
    mutating func replaceTop(with element: Element) {
        elements[0] = element
        siftDown(from: 0)
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        let count = elements.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { return }
            var chosen = left
            if left + 1 < count, isAbove(elements[left + 1], elements[left]) { chosen = left + 1 }
            guard isAbove(elements[chosen], elements[parent]) else { return }
            elements.swapAt(chosen, parent)
            parent = chosen
        }
    }
}
