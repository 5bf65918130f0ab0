/// One-shot requests over a fresh connection, e.g. for `newsroom healthcheck`.
public enum HTTPClient {
    public static func request(
        host: String,
        port: Int,
        method: String = "GET",
        path: String,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        timeout: Double = 5
    ) throws -> ClientResponse {
        let connection = try HTTPClientConnection.connect(host: host, port: port, timeout: timeout)
        defer { connection.close() }
        var head = "\(method) \(path) HTTP/1.1\r\n"
        if !headers.contains("Host") {
            let hostValue = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
            head += "Host: \(hostValue)\r\n"
        }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" || method == "PUT" || method == "PATCH" {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        try connection.send(Array(head.utf8) + body)
        return try connection.readResponse(head: method == "HEAD")
    }
}
