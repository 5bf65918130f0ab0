import Persistence

/// The national gazetteer: every administrative division with its code, parent and short forms,
/// indexed for lookups by code and for matching names in text.
public struct Gazetteer: Sendable {
    public let entries: [GazetteerEntry]
    private let indexByCode: [String: Int]
    let trie: PlaceFormTrie
    /// Every entry as an analysis place, keyed by code: the starting set of every analysis.
    let places: [String: Place]
    /// Official names and short forms (株洲 and 株洲市) to the codes they may denote, sorted for
    /// prefix lookups.
    let codesByName: SortedMap<String, [String]>
    /// Codes of each entry's children, sorted.
    let childCodes: [String: [String]]
    /// Each entry's ancestors, parent first.
    let ancestorCodes: [String: [String]]
    /// Each entry's province (itself for a province), where its chain reaches one.
    let provinceCodes: [String: String]

    /// Checks that codes are unique and every parent is an entry of a higher level, so walks up
    /// the tree end.
    public init(entries: [GazetteerEntry]) throws(GazetteerError) {
        var indexByCode: [String: Int] = [:]
        indexByCode.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            guard indexByCode.updateValue(index, forKey: entry.code) == nil else { throw .duplicateCode(entry.code) }
        }
        var trie = PlaceFormTrie.Builder(expectedForms: entries.count * 9 / 8)
        var places: [String: Place] = [:]
        places.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            if let parent = entry.parentCode {
                guard let parentIndex = indexByCode[parent] else { throw .unknownParent(code: entry.code, parent: parent) }
                guard entries[parentIndex].level.depth < entry.level.depth else { throw .parentNotAbove(code: entry.code, parent: parent) }
            }
            if entry.name.unicodeScalars.count >= 2 { trie.insert(entry.name, entry: Int32(index)) }
            for form in entry.shortNames where form.unicodeScalars.count >= 2 { trie.insert(form, entry: Int32(index)) }
            places[entry.code] = Place(id: entry.code, name: entry.name, level: entry.level, parent: entry.parentCode,
                                       fromGazetteer: true)
        }
        self.entries = entries
        self.indexByCode = indexByCode
        self.places = places
        self.trie = trie.build()
        // The tables below are derived here, once per configuration, because every analysis
        // builds a place directory on them (tens of thousands of entries).
        var names: [String: [String]] = [:]
        var children: [String: [String]] = [:]
        var ancestors: [String: [String]] = [:]
        var provinces: [String: String] = [:]
        ancestors.reserveCapacity(entries.count)
        for entry in entries {
            for name in Set([entry.name] + entry.shortNames) { names[name, default: []].append(entry.code) }
            if let parent = entry.parentCode { children[parent, default: []].append(entry.code) }
            var chain: [String] = []
            var current = entry.parentCode
            while let code = current {
                chain.append(code)
                current = indexByCode[code].flatMap { entries[$0].parentCode }
            }
            ancestors[entry.code] = chain
            let province = entry.level == .province ? entry.code : chain.first { indexByCode[$0].map { entries[$0].level == .province } ?? false }
            if let province { provinces[entry.code] = province }
        }
        codesByName = SortedMap(sorted: names.sorted { $0.key < $1.key }.map { ($0.key, $0.value.sorted()) })
        childCodes = children.mapValues { $0.sorted() }
        ancestorCodes = ancestors
        provinceCodes = provinces
    }

    public func entry(code: String) -> GazetteerEntry? {
        indexByCode[code].map { entries[$0] }
    }

    /// The codes above a place, nearest first (天元区 → 株洲市, 湖南省).
    public func ancestors(of code: String) -> [String] { ancestorCodes[code] ?? [] }

    public func isAncestor(_ ancestor: String, of code: String) -> Bool {
        var current = entry(code: code)?.parentCode
        while let parent = current {
            if parent == ancestor { return true }
            current = entry(code: parent)?.parentCode
        }
        return false
    }
}

public enum GazetteerError: Error, Equatable, CustomStringConvertible {
    case duplicateCode(String)
    case unknownParent(code: String, parent: String)
    /// A parent must stand at a higher level than its child (which also rules out cycles).
    case parentNotAbove(code: String, parent: String)
    /// A line of the gazetteer file that is not `code, parent, level, name, short forms`.
    case malformedLine(line: Int, reason: String)

    public var description: String {
        switch self {
        case .duplicateCode(let code): "code \(code) is listed twice"
        case .unknownParent(let code, let parent): "place \(code) has unknown parent \(parent)"
        case .parentNotAbove(let code, let parent): "place \(code) is not below its parent \(parent)"
        case .malformedLine(let line, let reason): "line \(line): \(reason)"
        }
    }
}
