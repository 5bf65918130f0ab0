import HTTPServer

/// One documented operation: the router and the OpenAPI document are both made from this list,
/// so what is served and what is described cannot drift apart.
struct Endpoint: Sendable {
    var method: HTTPMethod
    var path: String
    var operationID: String
    var summary: String
    var tag: String
    var parameters: [ParameterSpec]
    /// Path parameters (documentation; the router extracts them).
    var pathParameters: [ParameterSpec] = []
    /// Schema name of the 2xx body (nil: no body).
    var responseSchema: String?
    var successStatus: Int = 200
    /// Error statuses this operation can answer besides 400.
    var errors: [Int] = []
    var cacheable = true
    var requestBody = false
    var authenticated = false
    var handler: RouteHandler
    /// Worker pool the handler runs on (nil: on the event loop).
    var pool: String?
}
