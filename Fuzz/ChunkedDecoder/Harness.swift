// libFuzzer harness for the chunked body decoder (compiled with its sources by
// scripts/fuzz). The first byte chooses where the input is split; decoding in
// two pieces must give exactly what decoding in one does, and never more body
// than the limit.

private let maxBody = 4096

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChunkedDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let input = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let split = input.isEmpty ? 0 : Int(data[0]) % (input.count + 1)

    var whole = ChunkedDecoder()
    var wholeBody: [UInt8] = []
    let one = whole.decode(input, into: &wholeBody, maxBodyBytes: maxBody, maxTrailerBytes: 512)
    precondition(one.consumed <= input.count && wholeBody.count <= maxBody)

    var pieces = ChunkedDecoder()
    var piecesBody: [UInt8] = []
    let first = pieces.decode(UnsafeBufferPointer(rebasing: input[0..<split]), into: &piecesBody, maxBodyBytes: maxBody, maxTrailerBytes: 512)
    var outcome = first.outcome
    var consumed = first.consumed
    if first.outcome == .needMore {
        precondition(first.consumed == split, "needMore without consuming everything")
        let second = pieces.decode(UnsafeBufferPointer(rebasing: input[split...]), into: &piecesBody, maxBodyBytes: maxBody, maxTrailerBytes: 512)
        outcome = second.outcome
        consumed += second.consumed
    }
    precondition(outcome == one.outcome, "split decoding changed the outcome")
    precondition(consumed == one.consumed, "split decoding consumed a different amount")
    precondition(piecesBody == wholeBody, "split decoding changed the body")
    return 0
}
