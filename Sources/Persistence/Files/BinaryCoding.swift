/// Appends values to a byte buffer in the compact form of stored records: LEB128 varints for
/// counts and ids, length-prefixed UTF-8 for strings. Records written this way are read back by
/// `BinaryReader` in the same order; there is no schema in the bytes, the state file's schema key
/// says which program wrote them.
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    public mutating func int(_ value: Int) {
        // Zig-zag keeps small negative numbers short.
        varint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func byte(_ value: UInt8) { bytes.append(value) }

    public mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func double(_ value: Double) { uint64(value.bitPattern) }

    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func optionalString(_ value: String?) {
        if let value {
            bool(true)
            string(value)
        } else {
            bool(false)
        }
    }

    public mutating func strings(_ values: [String]) {
        varint(UInt64(values.count))
        for value in values { string(value) }
    }

    public mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Fixed-width values as little-endian bytes, copied in one go (read back by
    /// `BinaryReader.littleEndianArray` with the count stored elsewhere).
    public mutating func littleEndianArray<T: FixedWidthInteger>(_ values: [T]) {
        #if _endian(big)
        values.map(\.littleEndian).withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #endif
    }

    /// Empties the buffer and keeps its capacity, for writing a large record in chunks.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}

/// Reads what `BinaryWriter` wrote. Every read is bounds-checked: damaged bytes give a
/// `BinaryReader.Error`, never a crash or a read past the record.
public struct BinaryReader {
    public struct Error: Swift.Error, Sendable, CustomStringConvertible {
        public init() {}
        public var description: String { "damaged record" }
    }

    private let bytes: UnsafeRawBufferPointer
    public private(set) var offset: Int

    public init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var isAtEnd: Bool { offset >= bytes.count }

    public mutating func varint() throws(Error) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Error() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    public mutating func int() throws(Error) -> Int {
        let raw = try varint()
        return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    public mutating func count(limit: Int = 1 << 26) throws(Error) -> Int {
        let value = try varint()
        guard value <= UInt64(limit) else { throw Error() }
        return Int(value)
    }

    public mutating func bool() throws(Error) -> Bool { try byte() != 0 }

    public mutating func byte() throws(Error) -> UInt8 {
        guard offset < bytes.count else { throw Error() }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func uint64() throws(Error) -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Error() }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    public mutating func double() throws(Error) -> Double { Double(bitPattern: try uint64()) }

    public mutating func string() throws(Error) -> String {
        let length = try count()
        guard offset + length <= bytes.count else { throw Error() }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
    }

    /// Passes over a string without making it (no copy, no UTF-8 check).
    public mutating func skipString() throws(Error) {
        let length = try count()
        guard offset + length <= bytes.count else { throw Error() }
        offset += length
    }

    public mutating func optionalString() throws(Error) -> String? {
        try bool() ? try string() : nil
    }

    /// `count` fixed-width little-endian values, copied in one go.
    public mutating func littleEndianArray<T: FixedWidthInteger>(count: Int) throws(Error) -> [T] {
        let length = count * MemoryLayout<T>.size
        guard count >= 0, offset + length <= bytes.count else { throw Error() }
        defer { offset += length }
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]))
            initialized = count
        }
        #if _endian(big)
        return values.map { T(littleEndian: $0) }
        #else
        return values
        #endif
    }

    public mutating func strings() throws(Error) -> [String] {
        try strings(keepingFirst: .max)
    }

    /// The first `kept` strings of a list; the rest are passed over, not made.
    public mutating func strings(keepingFirst kept: Int) throws(Error) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(min(count, kept))
        for index in 0..<count {
            if index < kept { values.append(try string()) } else { try skipString() }
        }
        return values
    }
}
