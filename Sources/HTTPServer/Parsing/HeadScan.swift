/// Decides when a partial request head is worth parsing, so a head that
/// arrives a byte at a time costs linear, not quadratic, work. It remembers how
/// far the search for the blank line (and for the end of the request line) got
/// and looks only at new bytes, in the way picohttpparser's `last_len` does.
/// The full parse runs when the head is complete, when a limit is certainly
/// passed (so 414/431 come at once), and otherwise each time the buffer has
/// doubled, which still rejects garbage early at a total cost of O(n).
struct HeadScan: Equatable {
    /// Bytes already searched.
    private(set) var scanned = 0
    /// Offset just past the request line's CRLF, once seen.
    private(set) var lineEnd: Int?
    /// Buffer size at the last full parse that said "incomplete".
    private(set) var parsedAt = 0

    /// Whether to run the parser over `buf` (everything unparsed so far).
    mutating func shouldParse(_ buf: UnsafeBufferPointer<UInt8>, limits: ParserLimits) -> Bool {
        let n = buf.count
        guard n > 0 else { return false }
        // An optional empty line before the request line is not its end.
        let lineStart = buf[0] == ASCII.lf ? 1 : (n >= 2 && buf[0] == ASCII.cr && buf[1] == ASCII.lf ? 2 : 0)
        var i = max(scanned, lineStart)
        var complete = false
        while i < n {
            if buf[i] == ASCII.lf && i > lineStart && buf[i - 1] == ASCII.cr {
                if lineEnd == nil {
                    lineEnd = i + 1
                } else if i >= 3 && buf[i - 2] == ASCII.lf && buf[i - 3] == ASCII.cr {
                    complete = true
                    break
                }
            }
            i += 1
        }
        // Each byte is examined once, looking back at bytes already received,
        // so a CRLF split across reads is still seen.
        scanned = i
        if complete || parsedAt == 0 || n >= 2 * parsedAt { return true }
        // The same thresholds as the parser's: the request line may still end in
        // its CRLF, the header section counts its blank line.
        if let lineEnd {
            return lineEnd - lineStart > limits.maxRequestLineBytes + 2 || n - lineEnd > limits.maxHeaderBytes
        }
        return n - lineStart > limits.maxRequestLineBytes + 2
    }

    mutating func didParseIncomplete(_ count: Int) { parsedAt = count }
}
