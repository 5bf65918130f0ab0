/// One administrative division of the gazetteer, identified by its official division code.
public struct GazetteerEntry: Sendable, Hashable {
    /// The official code: 6 digits for provinces, prefectures and county-level divisions
    /// (`430211` 天元区), 9 for townships and streets (`430211001` 嵩山路街道). It is the place's id.
    public var code: String
    /// The official name (`株洲市`, `湘西土家族苗族自治州`).
    public var name: String
    public var level: PlaceLevel
    public var parentCode: String?
    /// Forms used in running text without the administrative suffix (株洲, 湘西, 湘西州).
    public var shortNames: [String]

    public init(code: String, name: String, level: PlaceLevel, parentCode: String?, shortNames: [String]) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.shortNames = shortNames
    }
}
