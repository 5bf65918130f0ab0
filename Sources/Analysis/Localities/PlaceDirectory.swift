import Persistence

/// Every place the analysis knows: the gazetteer's, plus the places a corpus model accepted from
/// naming patterns. Answers parents, ancestors and provinces, and which city a newspaper's name
/// opens with.
public struct PlaceDirectory: Sendable {
    let gazetteer: [String: Place]
    let model: CorpusModel
    var patternPlaces: [String: Place] { model.patternPlaces }
    let matcher: PlaceMatcher
    let disambiguator: PlaceDisambiguator
    /// Official names and short forms (株洲 and 株洲市) to the ids they may denote, sorted for
    /// prefix lookups.
    let aliases: SortedMap<String, [String]>
    /// Children of each place, for browsing down the tree.
    let children: [String: [String]]
    /// Each gazetteer place's ancestors, parent first, computed once with the gazetteer: attributing
    /// an initiative asks for the ancestors of every place its mentions name, on every upload that
    /// touches it.
    let gazetteerAncestors: [String: [String]]
    /// Each gazetteer place's province (itself for a province), where its chain reaches one.
    let gazetteerProvinces: [String: String]

    public init(configuration: AnalysisConfiguration.Localities, model: CorpusModel = .empty) {
        let gazetteer = configuration.gazetteer
        self.gazetteer = gazetteer.places
        self.model = model
        matcher = PlaceMatcher(configuration: configuration)
        disambiguator = PlaceDisambiguator(configuration: configuration)
        aliases = gazetteer.codesByName
        children = gazetteer.childCodes
        gazetteerAncestors = gazetteer.ancestorCodes
        gazetteerProvinces = gazetteer.provinceCodes
    }

    private init(gazetteer: [String: Place], model: CorpusModel, matcher: PlaceMatcher,
                 disambiguator: PlaceDisambiguator, aliases: SortedMap<String, [String]>, children: [String: [String]],
                 gazetteerAncestors: [String: [String]], gazetteerProvinces: [String: String]) {
        self.gazetteer = gazetteer
        self.gazetteerAncestors = gazetteerAncestors
        self.gazetteerProvinces = gazetteerProvinces
        self.model = model
        self.matcher = matcher
        self.disambiguator = disambiguator
        self.aliases = aliases
        self.children = children
    }

    /// The same gazetteer with another model's pattern places.
    public func with(model: CorpusModel) -> PlaceDirectory {
        PlaceDirectory(gazetteer: gazetteer, model: model, matcher: matcher, disambiguator: disambiguator,
                       aliases: aliases, children: children, gazetteerAncestors: gazetteerAncestors,
                       gazetteerProvinces: gazetteerProvinces)
    }

    /// The ids a name may denote: the id itself, an official name or short form, or a place found by
    /// naming pattern (株洲 → [430200]; 长沙 → [430100, 430121]).
    public func ids(named name: String) -> [String] {
        if self[name] != nil { return [name] }
        var ids = aliases[name] ?? []
        if patternPlaces[name] != nil { ids.append(name) }
        return ids
    }

    /// Places whose name or short form starts with `prefix`, by name, at most `limit`.
    public func places(withPrefix prefix: String, limit: Int) -> [Place] {
        var ids: [String] = []
        for (_, matches) in aliases.entries(withPrefix: prefix, limit: limit * 4) {
            for id in matches where !ids.contains(id) { ids.append(id) }
            if ids.count >= limit { break }
        }
        let names = model.patternNames
        var low = 0
        var high = names.count
        while low < high {
            let middle = (low + high) / 2
            if names[middle] < prefix { low = middle + 1 } else { high = middle }
        }
        while low < names.count, ids.count < limit, names[low].hasPrefix(prefix) {
            if !ids.contains(names[low]) { ids.append(names[low]) }
            low += 1
        }
        return ids.prefix(limit).compactMap { self[$0] }
    }

    /// Places directly below a place: the gazetteer's, then pattern places the model attached.
    public func children(of id: String) -> [Place] {
        let pattern = model.patternChildren[id] ?? []
        return ((children[id] ?? []) + pattern).compactMap { self[$0] }
    }

    public subscript(id: String) -> Place? { patternPlaces[id] ?? gazetteer[id] }

    /// Every place of the gazetteer and the model.
    public var all: [Place] { Array(gazetteer.values) + patternPlaces.values.filter { gazetteer[$0.id] == nil } }

    /// Ancestors from the parent up (at most 12 levels, so a bad cycle cannot loop).
    public func ancestors(of id: String) -> [String] {
        // A gazetteer place's chain holds only division codes, which no pattern place (a name
        // with a suffix such as 社区) can shadow: the chain computed once is the chain.
        if patternPlaces[id] == nil, let chain = gazetteerAncestors[id] { return chain }
        return Self.chain(from: self[id]?.parent, of: id) { self[$0]?.parent }
    }

    private static func chain(from parent: String?, of id: String, parentOf: (String) -> String?) -> [String] {
        var result: [String] = []
        var current = parent
        while let name = current, result.count < 12, !result.contains(name), name != id {
            result.append(name)
            current = parentOf(name)
        }
        return result
    }

    public func isAncestor(_ ancestor: String, of place: String) -> Bool { ancestors(of: place).contains(ancestor) }

    /// The province a place belongs to, when its chain of parents reaches one.
    public func province(of place: String) -> String? {
        if patternPlaces[place] == nil, let province = gazetteerProvinces[place] { return province }
        if self[place]?.level == .province { return place }
        return ancestors(of: place).first { self[$0]?.level == .province }
    }

    /// `株洲日报` → 株洲市: the newspaper's name opens with its city's name.
    public func homeCity(ofNewspaper newspaper: String) -> String? {
        let opening = matcher.occurrences(in: newspaper).filter { $0.fromGazetteer && $0.start == 0 }
        return disambiguator.resolve(opening).first?.place
    }
}
