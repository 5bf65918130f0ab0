/// One request as the access log records it.
struct AccessLogEntry {
    var client: String
    var requestID: RequestID
    /// "-" when the request could not be parsed.
    var method: String
    /// The matched route template, or a placeholder such as `(none)`.
    var route: String
    /// The raw (still percent-encoded, so ASCII) path, without the query.
    var path: Substring
    var status: Int
    var bytes: Int
    var micros: Int

    /// Appends one line in `format`, ending in "\n".
    func write(_ format: AccessLogFormat, timestamp: (ByteBuffer) -> Void, into out: ByteBuffer) {
        switch format {
        case .text:
            timestamp(out)
            out.appendByte(ASCII.sp)
            out.append(client)
            out.appendByte(ASCII.sp)
            requestID.write(into: out)
            out.appendByte(ASCII.sp)
            out.append(method)
            out.appendByte(ASCII.sp)
            out.append(route.isEmpty ? "-" : route)
            out.appendByte(ASCII.sp)
            if path.isEmpty { out.appendByte(UInt8(ascii: "-")) } else { out.append(path) }
            out.appendByte(ASCII.sp)
            out.appendDecimal(status)
            out.appendByte(ASCII.sp)
            out.appendDecimal(bytes)
            out.appendByte(ASCII.sp)
            out.appendDecimal(micros)
            out.append("us\n")
        case .json:
            out.append(#"{"time":""#)
            timestamp(out)
            out.append(#"","client":"#)
            Self.appendJSONString(client, to: out)
            out.append(#","request_id":""#)
            requestID.write(into: out)
            out.append(#"","method":"#)
            Self.appendJSONString(method, to: out)
            out.append(#","route":"#)
            Self.appendJSONString(route, to: out)
            out.append(#","path":"#)
            Self.appendJSONString(String(path), to: out)
            out.append(#","status":"#)
            out.appendDecimal(status)
            out.append(#","bytes":"#)
            out.appendDecimal(bytes)
            out.append(#","duration_us":"#)
            out.appendDecimal(micros)
            out.append("}\n")
        }
    }

    private static func appendJSONString(_ s: String, to out: ByteBuffer) {
        let plain = s.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if plain {
            out.appendByte(UInt8(ascii: "\""))
            out.append(s)
            out.appendByte(UInt8(ascii: "\""))
        } else {
            var escaped = ""
            JSONString.append(s, to: &escaped)
            out.append(escaped)
        }
    }
}
