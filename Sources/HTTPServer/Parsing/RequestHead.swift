/// Offsets of one header field in the receive buffer; the parser never copies
/// header bytes, it only records where they are.
struct HeaderField: Equatable, Sendable {
    var name: Range<Int>
    var value: Range<Int>
}

/// How the request body is delimited, decided once from the head.
enum BodyFraming: Equatable, Sendable {
    case none
    case length(Int)
    case chunked
}

/// The parsed request line and the framing-relevant header semantics. All
/// positions are offsets into the buffer that was parsed; header fields live in
/// the caller's reusable array.
struct RequestHead: Equatable, Sendable {
    var method: HTTPMethod
    var target: Range<Int>
    var version: HTTPVersion
    /// Bytes from the start of the buffer to just past the blank line.
    var length: Int
    var framing: BodyFraming
    var keepAlive: Bool
    var expectContinue: Bool
}

struct ParserLimits: Sendable {
    var maxRequestLineBytes: Int
    var maxHeaderBytes: Int
    var maxHeaderCount: Int
}

enum ParseResult: Equatable, Sendable {
    case incomplete
    case complete(RequestHead)
    case failure(HTTPParseError)
}
