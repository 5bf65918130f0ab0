/// Byte-class tables for the parser. A 256-entry lookup per byte is what
/// nginx and picohttpparser use: one load instead of a chain of range compares.
enum ASCII {
    static let cr: UInt8 = 13
    static let lf: UInt8 = 10
    static let sp: UInt8 = 32
    static let htab: UInt8 = 9
    static let colon: UInt8 = 58
    static let slash: UInt8 = 47
    static let question: UInt8 = 63
    static let percent: UInt8 = 37
    static let plus: UInt8 = 43
    static let ampersand: UInt8 = 38
    static let equals: UInt8 = 61
    static let semicolon: UInt8 = 59
    static let comma: UInt8 = 44

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
        (b &- 65) < 26 ? b | 0x20 : b
    }

    /// tchar per RFC 9110 §5.6.2, as a 128-bit mask so the check is a shift and
    /// an AND with no table load or bounds check.
    @inline(__always) static func isToken(_ b: UInt8) -> Bool {
        if b < 64 { return (0x03FF_6CFA_0000_0000 as UInt64) >> UInt64(b) & 1 != 0 }
        if b < 128 { return (0x57FF_FFFF_C7FF_FFFE as UInt64) >> UInt64(b &- 64) & 1 != 0 }
        return false
    }

    /// Bytes allowed in a field value: VCHAR, obs-text, SP and HTAB; no other CTL.
    @inline(__always) static func isFieldValue(_ b: UInt8) -> Bool {
        b >= 32 ? b != 127 : b == 9
    }

    /// Bytes allowed in a request-target: visible ASCII except `#` (a fragment is
    /// never sent in a request).
    @inline(__always) static func isTarget(_ b: UInt8) -> Bool {
        b > 32 && b < 127 && b != 35
    }

    @inline(__always) static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(b &- 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(b &- 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(b &- 55)
        default: nil
        }
    }
}
