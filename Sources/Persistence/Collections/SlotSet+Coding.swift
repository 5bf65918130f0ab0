extension SlotSet {
    /// The set as bytes: its containers as they are in memory (sorted 16-bit lows, or the
    /// bitmap's words), so a saved set is read back by copying, not by inserting slot by slot.
    public func encode(into writer: inout BinaryWriter) {
        writer.varint(UInt64(highs.count))
        for (high, container) in zip(highs, containers) {
            writer.varint(UInt64(high))
            switch container {
            case .array(let values):
                writer.varint(UInt64(values.count) << 1)
                writer.littleEndianArray(values)
            case .bitmap(let words, let count):
                writer.varint(UInt64(count) << 1 | 1)
                writer.littleEndianArray(words)
            }
        }
    }

    /// Reads what `encode` wrote. Damaged bytes give an error, never an ill-formed set: highs must
    /// ascend, array lows ascend within the array limit, and a bitmap hold the count it claims.
    public init(from reader: inout BinaryReader) throws(BinaryReader.Error) {
        self.init()
        let groups = try reader.count(limit: 1 << 16)
        highs.reserveCapacity(groups)
        containers.reserveCapacity(groups)
        for _ in 0..<groups {
            let high = try reader.count(limit: 0xFFFF)
            guard highs.last.map({ Int($0) < high }) ?? true else { throw BinaryReader.Error() }
            let header = try reader.varint()
            let count = Int(header >> 1)
            if header & 1 == 0 {
                guard count > 0, count <= Self.arrayLimit else { throw BinaryReader.Error() }
                let values: [UInt16] = try reader.littleEndianArray(count: count)
                for index in 1..<values.count where values[index - 1] >= values[index] { throw BinaryReader.Error() }
                containers.append(.array(values))
            } else {
                let words: [UInt64] = try reader.littleEndianArray(count: 1024)
                guard count > Self.arrayLimit, words.reduce(0, { $0 + $1.nonzeroBitCount }) == count else { throw BinaryReader.Error() }
                containers.append(.bitmap(words, count))
            }
            highs.append(UInt16(high))
        }
    }
}
