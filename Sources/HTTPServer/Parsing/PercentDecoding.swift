/// Percent-decoding to UTF-8 text (RFC 3986 §2.1). Malformed escapes and byte
/// sequences that are not UTF-8 are errors rather than replacement characters,
/// so two components can never decode to the same string by accident.
enum PercentDecoding {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, plusAsSpace: Bool) -> String? {
        var needsWork = false
        for b in bytes where b == ASCII.percent || (plusAsSpace && b == ASCII.plus) || b >= 0x80 {
            needsWork = true
            break
        }
        if !needsWork { return String(decoding: bytes, as: UTF8.self) }

        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == ASCII.percent {
                guard i + 2 < bytes.count, let hi = ASCII.hexValue(bytes[i + 1]), let lo = ASCII.hexValue(bytes[i + 2]) else {
                    return nil
                }
                out.append(UInt8(hi << 4 | lo))
                i += 3
            } else {
                out.append(plusAsSpace && b == ASCII.plus ? ASCII.sp : b)
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
