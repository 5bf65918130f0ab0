/// How the analyser treats one character of normalised text.
///
/// Text is split into runs of ideographs (indexed as overlapping bigrams plus unigrams) and runs of
/// word characters (Latin letters and digits, indexed as whole tokens); everything else only
/// separates runs. `fieldBreak` is the analyser's own marker between the fields of a document, so
/// that neither runs nor phrases ever span two fields.
enum CharacterClass: UInt8, Sendable {
    case separator
    case ideograph
    case word
    case fieldBreak

    /// The unit stored between fields. U+FFFF is a noncharacter, so real text never contains it
    /// (normalisation turns a stray one into U+FFFD).
    static let fieldBreakUnit: UInt16 = 0xFFFF

    /// Classifies a scalar of normalised text. ASCII and the small BMP blocks are answered from a
    /// table computed once, so the Unicode property lookups only run for rare astral characters.
    @inline(__always)
    static func of(_ scalar: UInt32) -> CharacterClass {
        if scalar < UInt32(lowTableLimit) {
            return CharacterClass(rawValue: lowTable[Int(scalar)]).unsafelyUnwrapped
        }
        switch scalar {
        case 0x3005, 0x3007, 0x3041...0x309F, 0x30A0...0x30FA, 0x30FC...0x30FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0x20000...0x323AF:
            return .ideograph
        case 0x3000...0x33FF, 0xFE10...0xFE6F, 0xFF00...0xFFEF, 0xFFF0...0xFFFE, 0xD800...0xDFFF:
            return .separator
        case 0xFFFF:
            return .fieldBreak
        default:
            return slowClass(scalar)
        }
    }

    private static let lowTableLimit = 0x3000

    /// Classes of U+0000...U+2FFF: letters and decimal digits of any script are word characters.
    private static let lowTable: [UInt8] = (0..<lowTableLimit).map { value in
        slowClass(UInt32(value)).rawValue
    }

    private static func slowClass(_ value: UInt32) -> CharacterClass {
        if value < 0x80 {
            let isAlphanumeric = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                || (0x61...0x7A).contains(value)
            return isAlphanumeric ? .word : .separator
        }
        guard let scalar = Unicode.Scalar(value) else { return .separator }
        let properties = scalar.properties
        if properties.numericType == .decimal { return .word }
        // Combining marks are alphabetic only sometimes; they belong to the letter they follow.
        if properties.isAlphabetic || properties.generalCategory == .nonspacingMark { return .word }
        return .separator
    }
}
