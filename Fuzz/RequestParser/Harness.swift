// libFuzzer harness for the request-head parser (compiled together with the
// parser's sources by scripts/fuzz; see Fuzz/README.md). Besides "does not
// crash", it checks what the engine relies on: a complete head lies inside
// the input, its fields inside the head, a request target that parsed also
// decodes or fails cleanly, and the head scanner asks for a parse no later
// than when the parser can decide.

private let limits = ParserLimits(maxRequestLineBytes: 512, maxHeaderBytes: 2048, maxHeaderCount: 32)
nonisolated(unsafe) private var fields: [HeaderField] = []

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = UnsafeBufferPointer(start: data, count: size)
    let result = RequestParser.parse(input, limits: limits, fields: &fields)
    switch result {
    case .complete(let head):
        precondition(head.length <= size, "head longer than the input")
        precondition(head.target.upperBound <= head.length, "target outside the head")
        for field in fields {
            precondition(field.name.upperBound <= head.length && field.value.upperBound <= head.length, "field outside the head")
        }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: input[head.target]), as: UTF8.self)
        if case .success(let target) = RequestTarget.decode(raw, method: head.method) {
            _ = RequestTarget.segments(ofRawPath: target.rawPath)
        }
        // Whatever follows the head is the next request: parsing it must be just as safe.
        if head.length < size {
            _ = RequestParser.parse(UnsafeBufferPointer(rebasing: input[head.length...]), limits: limits, fields: &fields)
        }
    case .incomplete, .failure:
        break
    }
    // Fed the input a piece at a time, the head scanner may put a parse off, but
    // never when the head is complete or a size limit is already passed: those
    // must be answered at once.
    var scan = HeadScan()
    var scratch: [HeaderField] = []
    var end = 0
    while end < size {
        end = min(size, end + 1 + end / 3)
        let prefix = UnsafeBufferPointer(rebasing: input[0..<end])
        if scan.shouldParse(prefix, limits: limits) {
            if RequestParser.parse(prefix, limits: limits, fields: &scratch) != .incomplete { break }
            scan.didParseIncomplete(end)
            continue
        }
        switch RequestParser.parse(prefix, limits: limits, fields: &scratch) {
        case .complete:
            preconditionFailure("the scanner put off parsing a complete head")
        case .failure(let error) where error.status == .uriTooLong || (error.status == .requestHeaderFieldsTooLarge && error.detail.contains("exceeds")):
            preconditionFailure("the scanner put off parsing a head past a size limit")
        default:
            break
        }
    }
    return 0
}
