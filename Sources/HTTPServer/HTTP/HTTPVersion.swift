/// The two protocol versions the engine speaks; anything else is 505 (or 400
/// when it is not even shaped like `HTTP/x.y`).
public enum HTTPVersion: Hashable, Sendable, CustomStringConvertible {
    case http1_0
    case http1_1

    public var description: String {
        switch self {
        case .http1_0: "HTTP/1.0"
        case .http1_1: "HTTP/1.1"
        }
    }
}
