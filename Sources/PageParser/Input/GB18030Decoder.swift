/// GB18030 (and its subsets GBK and GB2312) to Unicode, with the table generated from Python's
/// codec (`GB18030Table`). Strict: a byte sequence GB18030 does not define is an error, so that
/// detection can tell GB18030 text from bytes that merely are not UTF-8.
enum GB18030Decoder {
    enum Outcome {
        case text(String)
        /// Offset of the first byte that does not start a valid sequence.
        case invalid(byteOffset: Int)
    }

    /// The two-byte table, 190 entries per lead byte, read once from the generated rows.
    private static let twoByte: [UInt16] = {
        var table: [UInt16] = []
        table.reserveCapacity(126 * 190)
        for scalar in GB18030Table.twoByteRows.unicodeScalars where scalar != "\n" {
            table.append(UInt16(scalar.value))
        }
        precondition(table.count == 126 * 190, "GB18030Table.twoByteRows is damaged")
        return table
    }()

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var scalars = String.UnicodeScalarView()
        var index = 0
        let count = bytes.count
        while index < count {
            let first = bytes[index]
            if first < 0x80 {
                scalars.append(Unicode.Scalar(first))
                index += 1
                continue
            }
            guard first >= 0x81, first <= 0xFE, index + 1 < count else { return .invalid(byteOffset: index) }
            let second = bytes[index + 1]
            if (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) {
                let column = Int(second) - (second < 0x80 ? 0x40 : 0x41)
                let value = twoByte[(Int(first) - 0x81) * 190 + column]
                guard let scalar = Unicode.Scalar(value) else { return .invalid(byteOffset: index) }
                scalars.append(scalar)
                index += 2
                continue
            }
            guard (0x30...0x39).contains(second), index + 3 < count else { return .invalid(byteOffset: index) }
            let third = bytes[index + 2]
            let fourth = bytes[index + 3]
            guard (0x81...0xFE).contains(third), (0x30...0x39).contains(fourth),
                  let scalar = fourByteScalar(first, second, third, fourth)
            else { return .invalid(byteOffset: index) }
            scalars.append(scalar)
            index += 4
        }
        return .text(String(scalars))
    }

    private static func fourByteScalar(_ b1: UInt8, _ b2: UInt8, _ b3: UInt8, _ b4: UInt8) -> Unicode.Scalar? {
        let linear = ((UInt32(b1) - 0x81) * 10 + UInt32(b2) - 0x30) * 1260 + (UInt32(b3) - 0x81) * 10 + UInt32(b4) - 0x30
        // 0x90308130, the first supplementary-plane code, is linear index 189,000.
        let supplementaryStart: UInt32 = 189_000
        if linear >= supplementaryStart {
            return Unicode.Scalar(0x10000 + (linear - supplementaryStart))
        }
        guard linear < GB18030Table.fourByteBMPLimit else { return nil }
        let runs = GB18030Table.fourByteRuns
        // Binary search for the last run starting at or before `linear`.
        var low = 0
        var high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].linear <= linear { low = middle } else { high = middle - 1 }
        }
        return Unicode.Scalar(runs[low].scalar + (linear - runs[low].linear))
    }
}
