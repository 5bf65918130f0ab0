/// Every place the analysis knows: the gazetteer's, plus the places a corpus model accepted from
/// naming patterns. Answers parents, ancestors and provinces, and which city a newspaper's name
/// opens with.
public struct PlaceDirectory: Sendable {
    let gazetteer: [String: Place]
    let patternPlaces: [String: Place]
    /// Short forms (株洲) to gazetteer names (株洲市).
    let shortNames: [String: String]

    public init(configuration: AnalysisConfiguration.Localities, model: CorpusModel = .empty) {
        var places: [String: Place] = [:]
        var shortNames: [String: String] = [:]
        for entry in configuration.gazetteer {
            places[entry.name] = Place(id: entry.name, name: entry.name, level: entry.level, parent: entry.parent, fromGazetteer: true)
            for short in entry.shortNames { shortNames[short] = entry.name }
        }
        gazetteer = places
        patternPlaces = model.patternPlaces
        self.shortNames = shortNames
    }

    private init(gazetteer: [String: Place], patternPlaces: [String: Place], shortNames: [String: String]) {
        self.gazetteer = gazetteer
        self.patternPlaces = patternPlaces
        self.shortNames = shortNames
    }

    /// The same gazetteer with another model's pattern places.
    public func with(model: CorpusModel) -> PlaceDirectory {
        PlaceDirectory(gazetteer: gazetteer, patternPlaces: model.patternPlaces, shortNames: shortNames)
    }

    public subscript(id: String) -> Place? { patternPlaces[id] ?? gazetteer[id] }

    /// Every place of the gazetteer and the model.
    public var all: [Place] { Array(gazetteer.values) + patternPlaces.values.filter { gazetteer[$0.id] == nil } }

    /// Ancestors from the parent up (at most 12 levels, so a bad cycle cannot loop).
    public func ancestors(of id: String) -> [String] {
        var result: [String] = []
        var current = self[id]?.parent
        while let name = current, result.count < 12, !result.contains(name), name != id {
            result.append(name)
            current = self[name]?.parent
        }
        return result
    }

    public func isAncestor(_ ancestor: String, of place: String) -> Bool { ancestors(of: place).contains(ancestor) }

    /// The province a place belongs to, when its chain of parents reaches one.
    public func province(of place: String) -> String? {
        if self[place]?.level == .province { return place }
        return ancestors(of: place).first { self[$0]?.level == .province }
    }

    /// `株洲日报` → 株洲市: the newspaper's name opens with its city's short name.
    public func homeCity(ofNewspaper newspaper: String) -> String? {
        for length in stride(from: min(4, newspaper.count), through: 2, by: -1) {
            if let name = shortNames[String(newspaper.prefix(length))] { return name }
        }
        return nil
    }

    /// Every name and short form of gazetteer places, for looking places up by what users type.
    public var aliases: [(alias: String, id: String)] {
        shortNames.map { ($0.key, $0.value) } + gazetteer.keys.map { ($0, $0) } + patternPlaces.keys.map { ($0, $0) }
    }
}
