/// Every name and short form of the gazetteer in one character trie, so a text is matched in one
/// pass whatever the gazetteer's size: from each position the walk is as long as the longest form
/// that starts there, never a scan over the forms.
final class PlaceFormTrie: Sendable {
    /// Child of (node, character), keyed `node << 32 | scalar`.
    private let transitions: [UInt64: UInt32]
    /// For a node where forms end, the first of its entries in `links`.
    private let firstLink: [UInt32: Int32]
    /// Entries (gazetteer indexes) of one node chained through `next` (-1 ends the chain): one flat
    /// array instead of 45 000 small ones keeps building the trie cheap.
    private let links: [(entry: Int32, next: Int32)]

    /// One form ending at `end` (exclusive), with the entries it names.
    struct Match {
        var end: Int
        var entries: [Int32]
    }

    /// Collects forms, then freezes them into a trie.
    struct Builder {
        private var transitions: [UInt64: UInt32] = [:]
        private var firstLink: [UInt32: Int32] = [:]
        private var links: [(entry: Int32, next: Int32)] = []
        private var nodeCount: UInt32 = 1

        init(expectedForms: Int) {
            transitions.reserveCapacity(expectedForms * 3)
            firstLink.reserveCapacity(expectedForms)
            links.reserveCapacity(expectedForms)
        }

        mutating func insert(_ form: String, entry: Int32) {
            var node: UInt32 = 0
            for scalar in form.unicodeScalars {
                let key = PlaceFormTrie.key(node, scalar)
                if let child = transitions[key] {
                    node = child
                } else {
                    transitions[key] = nodeCount
                    node = nodeCount
                    nodeCount += 1
                }
            }
            var link = firstLink[node] ?? -1
            while link >= 0 {
                if links[Int(link)].entry == entry { return }
                link = links[Int(link)].next
            }
            links.append((entry, firstLink[node] ?? -1))
            firstLink[node] = Int32(links.count - 1)
        }

        func build() -> PlaceFormTrie {
            PlaceFormTrie(transitions: transitions, firstLink: firstLink, links: links)
        }
    }

    private init(transitions: [UInt64: UInt32], firstLink: [UInt32: Int32], links: [(entry: Int32, next: Int32)]) {
        self.transitions = transitions
        self.firstLink = firstLink
        self.links = links
    }

    /// The longest form that starts at `start`.
    func longestMatch(in scalars: [Unicode.Scalar], from start: Int) -> Match? {
        var last: (end: Int, link: Int32)?
        var node: UInt32 = 0
        var index = start
        while index < scalars.count, let child = transitions[Self.key(node, scalars[index])] {
            node = child
            index += 1
            if let link = firstLink[node] { last = (index, link) }
        }
        guard let last else { return nil }
        var entries: [Int32] = []
        var link = last.link
        while link >= 0 {
            entries.append(links[Int(link)].entry)
            link = links[Int(link)].next
        }
        return Match(end: last.end, entries: entries.reversed())
    }

    private static func key(_ node: UInt32, _ scalar: Unicode.Scalar) -> UInt64 {
        UInt64(node) << 32 | UInt64(scalar.value)
    }
}
