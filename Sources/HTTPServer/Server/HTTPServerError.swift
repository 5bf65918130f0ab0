import Glibc

/// Why `HTTPServer.start()` (or the client) failed, with the OS reason spelled out.
public enum HTTPServerError: Error, CustomStringConvertible, Equatable {
    case invalidAddress(String)
    case socketFailed(String, errno: Int32)
    case bindFailed(String, errno: Int32)
    case listenFailed(String, errno: Int32)
    case alreadyStarted
    case connectFailed(String, errno: Int32)
    case timedOut(String)
    case connectionClosed(String)
    case malformedResponse(String)

    public var description: String {
        switch self {
        case .invalidAddress(let a): "invalid address: \(a)"
        case .socketFailed(let a, let e): "socket() for \(a) failed: \(Self.reason(e))"
        case .bindFailed(let a, let e): "cannot bind \(a): \(Self.reason(e))"
        case .listenFailed(let a, let e): "cannot listen on \(a): \(Self.reason(e))"
        case .alreadyStarted: "server already started"
        case .connectFailed(let a, let e): "cannot connect to \(a): \(Self.reason(e))"
        case .timedOut(let what): "timed out: \(what)"
        case .connectionClosed(let what): "connection closed: \(what)"
        case .malformedResponse(let what): "malformed response: \(what)"
        }
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
