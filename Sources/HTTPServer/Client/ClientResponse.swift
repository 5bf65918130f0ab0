/// A response as read by `HTTPClientConnection`.
public struct ClientResponse: Sendable {
    public let status: Int
    public let reason: String
    public let version: String
    public let headers: HTTPHeaders
    public let body: [UInt8]

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
