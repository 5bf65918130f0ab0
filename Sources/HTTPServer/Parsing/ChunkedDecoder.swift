/// Incremental decoder for `Transfer-Encoding: chunked` request bodies
/// (RFC 9112 §7.1). Unlike the head parser it keeps state between reads,
/// because a body may be megabytes and must not be rescanned; it consumes the
/// bytes it is given and appends chunk data to the body. Extensions are
/// validated and ignored; trailer fields are validated and discarded.
struct ChunkedDecoder {
    enum Outcome: Equatable {
        case needMore
        case done
        case failure(HTTPParseError)
    }

    private enum State {
        case size, sizeWhitespace, extensions, sizeLF
        case data, dataCR, dataLF
        case trailerLineStart, trailerName, trailerValue, trailerLF, finalLF
        case done
    }

    /// Sixteen hex digits could overflow a signed 64-bit size; no body we would
    /// accept needs more than fifteen.
    private static let maxSizeDigits = 15
    private static let maxExtensionBytes = 4096

    private var state = State.size
    private var size = 0
    private var digits = 0
    private var remaining = 0
    private var extensionBytes = 0
    private var trailerBytes = 0

    init() {}

    mutating func decode(
        _ input: UnsafeBufferPointer<UInt8>,
        into body: inout [UInt8],
        maxBodyBytes: Int,
        maxTrailerBytes: Int
    ) -> (consumed: Int, outcome: Outcome) {
        var i = 0
        let n = input.count
        while i < n {
            let b = input[i]
            switch state {
            case .size:
                if let v = ASCII.hexValue(b) {
                    digits += 1
                    guard digits <= Self.maxSizeDigits else { return (i, .failure(.bad("chunk size too large"))) }
                    size = size << 4 | v
                } else {
                    guard digits > 0 else { return (i, .failure(.bad("invalid chunk size"))) }
                    switch b {
                    case ASCII.semicolon: state = .extensions
                    case ASCII.sp, ASCII.htab: state = .sizeWhitespace
                    case ASCII.cr: state = .sizeLF
                    default: return (i, .failure(.bad("invalid chunk size")))
                    }
                }
            case .sizeWhitespace:
                switch b {
                case ASCII.sp, ASCII.htab: break
                case ASCII.semicolon: state = .extensions
                case ASCII.cr: state = .sizeLF
                default: return (i, .failure(.bad("invalid chunk size")))
                }
            case .extensions:
                if b == ASCII.cr {
                    state = .sizeLF
                } else {
                    guard ASCII.isFieldValue(b) else { return (i, .failure(.bad("invalid character in chunk extension"))) }
                    extensionBytes += 1
                    guard extensionBytes <= Self.maxExtensionBytes else {
                        return (i, .failure(.bad("chunk extensions too long")))
                    }
                }
            case .sizeLF:
                guard b == ASCII.lf else { return (i, .failure(.bad("chunk size line not terminated by CRLF"))) }
                extensionBytes = 0
                if size == 0 {
                    state = .trailerLineStart
                } else {
                    guard size <= maxBodyBytes - body.count else {
                        return (i, .failure(HTTPParseError(.payloadTooLarge, "chunked body exceeds \(maxBodyBytes) bytes")))
                    }
                    remaining = size
                    state = .data
                }
            case .data:
                let take = min(remaining, n - i)
                body.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<(i + take)]))
                remaining -= take
                i += take
                if remaining == 0 { state = .dataCR }
                continue
            case .dataCR:
                guard b == ASCII.cr else { return (i, .failure(.bad("chunk data not followed by CRLF"))) }
                state = .dataLF
            case .dataLF:
                guard b == ASCII.lf else { return (i, .failure(.bad("chunk data not followed by CRLF"))) }
                size = 0
                digits = 0
                state = .size
            case .trailerLineStart:
                if b == ASCII.cr {
                    state = .finalLF
                } else if ASCII.isToken(b) {
                    state = .trailerName
                } else {
                    return (i, .failure(.bad("invalid trailer field")))
                }
            case .trailerName:
                if b == ASCII.colon {
                    state = .trailerValue
                } else if !ASCII.isToken(b) {
                    return (i, .failure(.bad("invalid trailer field name")))
                }
            case .trailerValue:
                if b == ASCII.cr {
                    state = .trailerLF
                } else if !ASCII.isFieldValue(b) {
                    return (i, .failure(.bad("control character in trailer field value")))
                }
            case .trailerLF:
                guard b == ASCII.lf else { return (i, .failure(.bad("trailer field not terminated by CRLF"))) }
                state = .trailerLineStart
            case .finalLF:
                guard b == ASCII.lf else { return (i, .failure(.bad("chunked body not terminated by CRLF"))) }
                state = .done
                return (i + 1, .done)
            case .done:
                return (i, .done)
            }
            if state == .trailerName || state == .trailerValue || state == .trailerLF || state == .finalLF {
                trailerBytes += 1
                if trailerBytes > maxTrailerBytes {
                    return (i, .failure(HTTPParseError(.requestHeaderFieldsTooLarge, "trailer section too large")))
                }
            }
            i += 1
        }
        return (n, state == .done ? .done : .needMore)
    }
}
