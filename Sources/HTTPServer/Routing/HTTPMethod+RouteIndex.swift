/// Dense method numbering so an endpoint's handlers are a small array
/// indexed by method instead of a dictionary.
extension HTTPMethod {
    var index: Int {
        switch self {
        case .GET: 0
        case .HEAD: 1
        case .POST: 2
        case .PUT: 3
        case .DELETE: 4
        case .OPTIONS: 5
        case .PATCH: 6
        case .TRACE: 7
        case .CONNECT: 8
        case .QUERY: 9
        }
    }
}
