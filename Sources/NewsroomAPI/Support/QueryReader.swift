import HTTPServer

/// Reads a request's query against the parameters an endpoint documents.
///
/// Policy for names the endpoint does not take: parameters that browsers, analytics and caches
/// add (`_`, any name starting with `_`, `utm_*`, `fbclid`, `gclid`, `msclkid`, `mc_cid`,
/// `mc_eid`, `yclid`, `spm`) are ignored; any other unknown name is a 400 naming it (with the
/// closest known name when there is one), so a misspelled filter never silently widens a result.
/// Repeated names and malformed values are 400 too.
struct QueryReader {
    private let query: QueryParameters

    static let ignoredNames: Set<String> = ["fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "yclid", "spm", "dclid", "igshid"]

    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix("_") || name.hasPrefix("utm_") || ignoredNames.contains(name)
    }

    init(_ request: HTTPRequest, allowed: [ParameterSpec]) throws(Problem) {
        query = request.query
        let names = Set(allowed.map(\.name))
        var seen = Set<String>()
        for (name, _) in request.query where !Self.isIgnored(name) {
            guard names.contains(name) else {
                let known = allowed.map(\.name)
                let hint = Self.closest(name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                throw .invalidParameter(name, "unknown parameter '\(name)'\(hint); this endpoint takes: \(known.joined(separator: ", "))")
            }
            guard seen.insert(name).inserted else {
                throw .invalidParameter(name, "parameter '\(name)' is given more than once")
            }
        }
        // Checked before any handler runs, so a malformed value is a 400 whatever the handler
        // would have answered first (a 404 or a 410 for an id it does not serve).
        if names.contains("pretty") { _ = try pretty }
    }

    func has(_ name: String) -> Bool { query.first(name) != nil }

    func string(_ name: String) throws(Problem) -> String? {
        guard let value = query.first(name) else { return nil }
        guard !value.isEmpty else { throw .invalidParameter(name, "'\(name)' must not be empty") }
        return value
    }

    func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws(Problem) -> Int {
        guard let raw = query.first(name) else { return fallback }
        guard let value = Int(raw), raw.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else {
            throw .invalidParameter(name, "'\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound), not '\(raw)'")
        }
        guard range.contains(value) else {
            throw .invalidParameter(name, "'\(name)' must be from \(range.lowerBound) to \(range.upperBound), not \(value)")
        }
        return value
    }

    func choice<T: RawRepresentable>(_ name: String, _ type: T.Type) throws(Problem) -> T? where T.RawValue == String, T: CaseIterable {
        guard let raw = query.first(name) else { return nil }
        guard let value = T(rawValue: raw) else {
            let options = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidParameter(name, "'\(name)' must be one of \(options), not '\(raw)'")
        }
        return value
    }

    /// `pretty=1`/`true` indents the JSON for people; `0`/`false` or absence is compact.
    var pretty: Bool {
        get throws(Problem) {
            guard let raw = query.first("pretty") else { return false }
            switch raw {
            case "1", "true": return true
            case "0", "false": return false
            default: throw .invalidParameter("pretty", "'pretty' must be 1, true, 0 or false")
            }
        }
    }

    /// The known name within two edits of `name`, if exactly one is closest.
    static func closest(_ name: String, in known: [String]) -> String? {
        let scored = known.map { ($0, distance(Array(name), Array($0))) }.filter { $0.1 <= 2 }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return scored.filter { $0.1 == best.1 }.count == 1 ? best.0 : nil
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// A documented query parameter: validation and the OpenAPI document are both made from these.
struct ParameterSpec: Sendable {
    enum Kind: Sendable {
        case string
        case integer(minimum: Int, maximum: Int, default: Int)
        case choice([String])
        case flag
        /// A string matching a regular expression (documented; the handler checks it itself).
        case pattern(String)
        case date
    }

    var name: String
    var description: String
    var kind: Kind
    /// An example value for the OpenAPI document.
    var example: String

    init(name: String, description: String, kind: Kind, example: String) {
        self.name = name
        self.description = description
        self.kind = kind
        self.example = example
    }

    init(name: String, kind: Kind, example: String, description: String) {
        self.init(name: name, description: description, kind: kind, example: example)
    }

    static let pretty = ParameterSpec(name: "pretty", description: "Indent the JSON for reading (1 or true).", kind: .flag, example: "1")
    static let page = ParameterSpec(name: "page", description: "Page of results, from 1.",
                                    kind: .integer(minimum: 1, maximum: 1_000_000, default: 1), example: "2")
    static let perPage = ParameterSpec(name: "per_page", description: "Results per page, at most 100.",
                                       kind: .integer(minimum: 1, maximum: 100, default: 20), example: "20")
    static let pageIDPattern = "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"
    /// Edition dates run from 1800 (older ones are refused), which the pattern says too.
    static let datePattern = "^(1[89][0-9]{2}|[2-9][0-9]{3})-[0-9]{2}-[0-9]{2}$"
}
