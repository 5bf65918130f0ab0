import HTTPServer

/// Reads a request's query against the parameters an endpoint documents: unknown names, repeated
/// names and malformed values are 400 problems naming the parameter.
struct QueryReader {
    private let query: QueryParameters

    init(_ request: HTTPRequest, allowed: [ParameterSpec]) throws(Problem) {
        query = request.query
        let names = Set(allowed.map(\.name))
        var seen = Set<String>()
        for (name, _) in request.query {
            guard names.contains(name) else {
                let known = allowed.map(\.name).joined(separator: ", ")
                throw .invalidParameter(name, "unknown parameter '\(name)'; this endpoint takes: \(known)")
            }
            guard seen.insert(name).inserted else {
                throw .invalidParameter(name, "parameter '\(name)' is given more than once")
            }
        }
    }

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
    }

    var name: String
    var description: String
    var kind: Kind

    static let pretty = ParameterSpec(name: "pretty", description: "Indent the JSON for reading (1 or true).", kind: .flag)
    static let page = ParameterSpec(name: "page", description: "Page of results, from 1.", kind: .integer(minimum: 1, maximum: 1_000_000, default: 1))
    static let perPage = ParameterSpec(name: "per_page", description: "Results per page.", kind: .integer(minimum: 1, maximum: 100, default: 20))
    static let pageIDPattern = "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"
}
