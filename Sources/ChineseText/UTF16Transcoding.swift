extension String {
    /// The text of UTF-16 code units, lone surrogates replaced by U+FFFD as the standard library
    /// does. The library's own `String(decoding:as: UTF16.self)` takes a slow, scalar-at-a-time
    /// path; writing the UTF-8 bytes directly is several times faster, which matters where a
    /// string is made for every search hit. Inlinable so that it is specialised for the caller's
    /// collection instead of reading each unit through a generic witness.
    @inlinable
    public init<Units: Collection>(utf16Units units: Units) where Units.Element == UInt16 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.count * 3)
        var index = units.startIndex
        while index != units.endIndex {
            let unit = units[index]
            units.formIndex(after: &index)
            if unit < 0x80 {
                bytes.append(UInt8(unit))
            } else if unit < 0x800 {
                bytes.append(UInt8(0xC0 | unit >> 6))
                bytes.append(UInt8(0x80 | unit & 0x3F))
            } else if unit & 0xFC00 == 0xD800, index != units.endIndex, units[index] & 0xFC00 == 0xDC00 {
                let scalar = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(units[index] - 0xDC00)
                units.formIndex(after: &index)
                bytes.append(UInt8(0xF0 | scalar >> 18))
                bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
                bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | scalar & 0x3F))
            } else {
                let value = unit & 0xF800 == 0xD800 ? 0xFFFD : unit
                bytes.append(UInt8(0xE0 | value >> 12))
                bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | value & 0x3F))
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
