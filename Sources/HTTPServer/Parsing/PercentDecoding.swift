/// Percent-decoding to UTF-8 text (RFC 3986 §2.1). Malformed escapes and byte
/// sequences that are not UTF-8 are errors rather than replacement characters,
/// so two components can never decode to the same string by accident.
enum PercentDecoding {
    static func decode<C: Collection>(_ bytes: C, plusAsSpace: Bool) -> String? where C.Element == UInt8 {
        var needsWork = false
        for b in bytes where b == ASCII.percent || (plusAsSpace && b == ASCII.plus) || b >= 0x80 {
            needsWork = true
            break
        }
        if !needsWork { return String(decoding: bytes, as: UTF8.self) }

        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let b = bytes[i]
            if b == ASCII.percent {
                let h = bytes.index(after: i)
                guard h != bytes.endIndex else { return nil }
                let l = bytes.index(after: h)
                guard l != bytes.endIndex, let hi = ASCII.hexValue(bytes[h]), let lo = ASCII.hexValue(bytes[l]) else {
                    return nil
                }
                out.append(UInt8(hi << 4 | lo))
                i = bytes.index(after: l)
            } else {
                out.append(plusAsSpace && b == ASCII.plus ? ASCII.sp : b)
                i = bytes.index(after: i)
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
