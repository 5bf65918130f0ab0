import HTTPServer

/// One documented operation: the router and the OpenAPI document are both made from this list,
/// so what is served and what is described cannot drift apart.
struct Endpoint: Sendable {
    enum Execution: Sendable {
        /// On the event loop (constant-time work only).
        case loop(RouteHandler)
        /// On a worker pool.
        case pool(String, RouteHandler)
        /// A cache hit on the loop, anything else on a worker pool.
        case cached(fast: FastRouteHandler, pool: String, slow: RouteHandler)
    }

    var method: HTTPMethod
    var path: String
    var operationID: String
    var summary: String
    var description: String?
    var tag: String
    var parameters: [ParameterSpec]
    /// Path parameters (documentation; the router extracts them).
    var pathParameters: [ParameterSpec] = []
    /// Schema name of the 2xx body (nil: no body).
    var responseSchema: String?
    var contentType = "application/json"
    var successStatus: Int = 200
    /// Error statuses this operation can answer besides 400.
    var errors: [Int] = []
    var cacheable = true
    var requestBody = false
    var authenticated = false
    var execution: Execution
}
