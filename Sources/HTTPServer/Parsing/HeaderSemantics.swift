/// Accumulates the header fields that decide message framing and connection
/// handling, rejecting every ambiguity that could let two parsers disagree on
/// where a request ends (RFC 9112 §6.1-6.3).
struct HeaderSemantics {
    var contentLength: Int?
    var transferEncodingSeen = false
    var chunkedCount = 0
    var lastCodingIsChunked = false
    var otherCodingSeen = false
    var emptyCodingSeen = false
    var hostCount = 0
    var connectionClose = false
    var connectionKeepAlive = false
    var expectContinue = false

    mutating func absorb(_ field: HeaderField, _ p: UnsafePointer<UInt8>) -> HTTPParseError? {
        let name = UnsafeBufferPointer(start: p + field.name.lowerBound, count: field.name.count)
        let value = UnsafeBufferPointer(start: p + field.value.lowerBound, count: field.value.count)
        switch name.count {
        case 4 where Self.equalsLowercase(name, "host"):
            hostCount += 1
        case 6 where Self.equalsLowercase(name, "expect"):
            if Self.equalsLowercase(value, "100-continue") {
                expectContinue = true
            } else {
                return HTTPParseError(.expectationFailed, "unsupported expectation")
            }
        case 10 where Self.equalsLowercase(name, "connection"):
            var failure = false
            Self.forEachListElement(value) { element in
                if Self.equalsLowercase(element, "close") { connectionClose = true }
                else if Self.equalsLowercase(element, "keep-alive") { connectionKeepAlive = true }
                else if element.isEmpty { return }
                else if !element.allSatisfy(ASCII.isToken) { failure = true }
            }
            if failure { return .bad("invalid Connection header") }
        case 14 where Self.equalsLowercase(name, "content-length"):
            var failure: HTTPParseError?
            Self.forEachListElement(value) { element in
                guard failure == nil else { return }
                guard let length = Self.parseDecimal(element) else {
                    failure = .bad("invalid Content-Length")
                    return
                }
                if let existing = contentLength, existing != length {
                    failure = .bad("conflicting Content-Length values")
                    return
                }
                contentLength = length
            }
            if let failure { return failure }
            if contentLength == nil { return .bad("invalid Content-Length") }
        case 17 where Self.equalsLowercase(name, "transfer-encoding"):
            transferEncodingSeen = true
            Self.forEachListElement(value) { element in
                if element.isEmpty {
                    emptyCodingSeen = true
                    return
                }
                if Self.equalsLowercase(element, "chunked") {
                    chunkedCount += 1
                    lastCodingIsChunked = true
                } else {
                    otherCodingSeen = true
                    lastCodingIsChunked = false
                }
            }
        default:
            break
        }
        return nil
    }

    func resolve(version: HTTPVersion) -> Result<BodyFraming, HTTPParseError> {
        if hostCount > 1 { return .failure(.bad("duplicate Host header")) }
        if hostCount == 0 && version == .http1_1 { return .failure(.bad("missing Host header")) }
        if transferEncodingSeen {
            if version == .http1_0 { return .failure(.bad("Transfer-Encoding in an HTTP/1.0 request")) }
            if contentLength != nil { return .failure(.bad("both Content-Length and Transfer-Encoding present")) }
            if emptyCodingSeen && chunkedCount == 0 && !otherCodingSeen { return .failure(.bad("empty Transfer-Encoding")) }
            if !lastCodingIsChunked { return .failure(.bad("chunked is not the final transfer coding")) }
            if chunkedCount > 1 { return .failure(.bad("chunked applied more than once")) }
            if otherCodingSeen { return .failure(HTTPParseError(.notImplemented, "unsupported transfer coding")) }
            return .success(.chunked)
        }
        if let contentLength, contentLength > 0 { return .success(.length(contentLength)) }
        return .success(.none)
    }

    /// Calls `body` for each comma-separated element with optional whitespace trimmed.
    static func forEachListElement(_ value: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base = value.baseAddress else {
            body(value)
            return
        }
        var start = 0
        var i = 0
        while i <= value.count {
            if i == value.count || value[i] == ASCII.comma {
                var s = start
                var e = i
                while s < e && (value[s] == ASCII.sp || value[s] == ASCII.htab) { s += 1 }
                while e > s && (value[e - 1] == ASCII.sp || value[e - 1] == ASCII.htab) { e -= 1 }
                body(UnsafeBufferPointer(start: base + s, count: e - s))
                start = i + 1
            }
            i += 1
        }
    }

    /// 1*DIGIT with overflow detection; signs, spaces and anything else are invalid.
    static func parseDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for b in bytes {
            let d = b &- 48
            guard d < 10 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(d))
            if o1 || o2 { return nil }
            value = s
        }
        return value
    }

    static func equalsLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        let l = literal.utf8Start
        for i in 0..<bytes.count where ASCII.lower(bytes[i]) != l[i] { return false }
        return true
    }
}
