/// Serialises responses straight into a connection's output buffer, so a batch
/// of pipelined responses becomes one contiguous region and one send().
enum ResponseWriter {
    /// Appends `response` and returns the number of body bytes written (what
    /// the access log reports, like nginx's `$body_bytes_sent`) and whether the
    /// connection must close after it.
    /// - Parameters:
    ///   - omitBody: HEAD; `Content-Length` still describes the GET body.
    ///   - close: adds `Connection: close`; also added when the handler set
    ///     `Connection: close` itself.
    ///   - keepAliveHTTP10: an HTTP/1.0 client that asked to keep the connection
    ///     needs an explicit `Connection: keep-alive` back.
    ///   - requestID: sent as `X-Request-Id` on every response.
    @discardableResult
    static func write(
        _ response: HTTPResponse,
        omitBody: Bool,
        close: Bool,
        keepAliveHTTP10: Bool,
        requestID: RequestID,
        date: DateCache,
        into queue: OutputQueue
    ) -> (bodyBytes: Int, close: Bool) {
        let out = queue.heads
        let status = response.status
        writeStatusLine(status, into: out)

        var userServer = false
        var userDate = false
        var close = close
        for field in response.headers.fields {
            switch field.name.utf8.count {
            case 4 where HTTPHeaders.equalsIgnoringCase(field.name, "date"): userDate = true
            case 6 where HTTPHeaders.equalsIgnoringCase(field.name, "server"): userServer = true
            case 10 where HTTPHeaders.equalsIgnoringCase(field.name, "connection"):
                if field.value.lowercased().contains("close") { close = true }
            default: break
            }
        }
        if !userServer && !userDate {
            out.append(date.headerLines)
        } else {
            if !userServer { out.append(date.serverLine) }
            if !userDate { out.append(date.dateLine) }
        }

        // RFC 9110 §8.6: no Content-Length in 1xx or 204; 304 omits it too
        // because we never know the selected representation's length here.
        let code = status.code
        let bodyAllowed = code >= 200 && code != 204 && code != 304
        if bodyAllowed {
            out.append("Content-Length: ")
            out.appendDecimal(response.body.count)
            out.append("\r\n")
        }
        out.append("X-Request-Id: ")
        requestID.write(into: out)
        out.append("\r\n")
        if close {
            out.append("Connection: close\r\n")
        } else if keepAliveHTTP10 {
            out.append("Connection: keep-alive\r\n")
        }
        for field in response.headers.fields where !isEngineHeader(field.name) && isSafe(field) {
            out.append(field.name)
            out.append(": ")
            out.append(field.value)
            out.append("\r\n")
        }
        out.append("\r\n")
        guard bodyAllowed && !omitBody else { return (0, close) }
        queue.appendBody(response.body)
        return (response.body.count, close)
    }

    /// The engine owns message framing and the request id, so handler-set values are dropped.
    @inline(__always) private static func isEngineHeader(_ name: String) -> Bool {
        switch name.utf8.count {
        case 10: HTTPHeaders.equalsIgnoringCase(name, "connection")
        case 12: HTTPHeaders.equalsIgnoringCase(name, "x-request-id")
        case 14: HTTPHeaders.equalsIgnoringCase(name, "content-length")
        case 17: HTTPHeaders.equalsIgnoringCase(name, "transfer-encoding")
        default: false
        }
    }

    /// A handler bug must not become response splitting: a field whose name is
    /// not a token or whose value contains CR, LF or another control byte is dropped.
    @inline(__always) private static func isSafe(_ field: HTTPHeaders.Element) -> Bool {
        let nameOK = field.name.utf8.withContiguousStorageIfAvailable { !$0.isEmpty && $0.allSatisfy(ASCII.isToken) }
            ?? (!field.name.isEmpty && field.name.utf8.allSatisfy(ASCII.isToken))
        guard nameOK else { return false }
        return field.value.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(ASCII.isFieldValue) }
            ?? field.value.utf8.allSatisfy(ASCII.isFieldValue)
    }

    private static func writeStatusLine(_ status: HTTPStatus, into out: ByteBuffer) {
        switch status.code {
        case 200 where status.reason == "OK": out.append("HTTP/1.1 200 OK\r\n")
        default:
            out.append("HTTP/1.1 ")
            let code = min(max(status.code, 100), 999)
            out.appendDecimal(code)
            out.appendByte(ASCII.sp)
            out.append(status.reason)
            out.append("\r\n")
        }
    }
}
