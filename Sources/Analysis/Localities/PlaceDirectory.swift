/// Every place the analysis knows: the gazetteer's, plus the places a corpus model accepted from
/// naming patterns. Answers parents, ancestors and provinces, and which city a newspaper's name
/// opens with.
public struct PlaceDirectory: Sendable {
    let gazetteer: [String: Place]
    let patternPlaces: [String: Place]
    let matcher: PlaceMatcher
    let disambiguator: PlaceDisambiguator

    public init(configuration: AnalysisConfiguration.Localities, model: CorpusModel = .empty) {
        gazetteer = configuration.gazetteer.places
        patternPlaces = model.patternPlaces
        matcher = PlaceMatcher(configuration: configuration)
        disambiguator = PlaceDisambiguator(configuration: configuration)
    }

    private init(gazetteer: [String: Place], patternPlaces: [String: Place], matcher: PlaceMatcher,
                 disambiguator: PlaceDisambiguator) {
        self.gazetteer = gazetteer
        self.patternPlaces = patternPlaces
        self.matcher = matcher
        self.disambiguator = disambiguator
    }

    /// The same gazetteer with another model's pattern places.
    public func with(model: CorpusModel) -> PlaceDirectory {
        PlaceDirectory(gazetteer: gazetteer, patternPlaces: model.patternPlaces, matcher: matcher, disambiguator: disambiguator)
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

    /// `株洲日报` → 株洲市: the newspaper's name opens with its city's name.
    public func homeCity(ofNewspaper newspaper: String) -> String? {
        let opening = matcher.occurrences(in: newspaper).filter { $0.fromGazetteer && $0.start == 0 }
        return disambiguator.resolve(opening).first?.place
    }
}
