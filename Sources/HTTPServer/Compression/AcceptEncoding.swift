/// Content negotiation on `Accept-Encoding` (RFC 9110 §12.5.3), for the one
/// coding the engine offers besides identity: gzip.
public enum AcceptEncoding {
    /// Whether a gzip-coded response is acceptable to a client that sent this
    /// `Accept-Encoding` value (nil: no header, which says nothing, so no).
    ///
    /// The most specific entry decides: `gzip` (or the old alias `x-gzip`)
    /// with q > 0, else `*` with q > 0 when gzip is not listed. `gzip;q=0`
    /// refuses it whatever `*` says. A malformed q-value makes its entry count
    /// as q=0. `identity` does not affect gzip.
    public static func allowsGzip(_ headerValue: String?) -> Bool {
        guard let headerValue else { return false }
        var gzipQuality: Double?
        var anyQuality: Double?
        for element in headerValue.split(separator: ",") {
            let parts = element.split(separator: ";")
            guard let first = parts.first else { continue }
            let coding = first.trimmingOWS().lowercased()
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmingOWS().lowercased() == "q" else { continue }
                quality = qValue(pair[1].trimmingOWS()) ?? 0
            }
            switch coding {
            case "gzip", "x-gzip": gzipQuality = max(gzipQuality ?? 0, quality)
            case "*": anyQuality = max(anyQuality ?? 0, quality)
            default: break
            }
        }
        if let gzipQuality { return gzipQuality > 0 }
        return (anyQuality ?? 0) > 0
    }

    /// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`; nil when malformed.
    static func qValue(_ text: Substring) -> Double? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        if bytes.count == 1 { return first == UInt8(ascii: "1") ? 1 : 0 }
        guard bytes[1] == UInt8(ascii: "."), bytes.count <= 5 else { return nil }
        let fraction = bytes[2...]
        guard fraction.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        if first == UInt8(ascii: "1") { return fraction.allSatisfy { $0 == UInt8(ascii: "0") } ? 1 : nil }
        var value = 0.0
        var scale = 0.1
        for digit in fraction {
            value += Double(digit - 48) * scale
            scale /= 10
        }
        return value
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (HTTP's optional whitespace).
    fileprivate func trimmingOWS() -> Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return s
    }
}
