/// Dictionary-free analysis of Chinese text, in the manner of Lucene's CJK analyser.
///
/// Normalisation maps one UTF-16 unit to one UTF-16 unit, so offsets found in normalised text are
/// offsets in the original text too: snippets and highlights never need an offset map.
public enum SearchAnalyzer {
    /// Full-width ASCII letters and digits become ASCII and letters become lowercase; ideographs,
    /// punctuation and everything else are left alone.
    public static func normalize(_ text: String) -> String {
        String(decoding: normalizedUnits(of: text), as: UTF16.self)
    }

    /// The index terms of `text` in order: for every ideograph run its unigrams and overlapping
    /// bigrams, for every word run the whole lowercased token.
    public static func terms(in text: String) -> [String] {
        let units = normalizedUnits(of: text)
        var terms: [String] = []
        units.withUnsafeBufferPointer { buffer in
            TermScanner.scan(buffer) { term in
                switch term {
                case .packed(let key): terms.append(TermKey.text(of: key))
                case .long(let range): terms.append(String(decoding: buffer[range], as: UTF16.self))
                }
            }
        }
        return terms
    }

    /// Folds one UTF-16 unit. Surrogates pass through: no astral letter has a case or width form
    /// the index needs to fold.
    @inline(__always)
    static func fold(_ unit: UInt16) -> UInt16 {
        if unit < 0x80 {
            return (0x41...0x5A).contains(unit) ? unit | 0x20 : unit
        }
        if unit < UInt16(foldTableLimit) { return foldTable[Int(unit)] }
        switch unit {
        case 0xFF10...0xFF19: return unit - 0xFF10 + 0x30
        case 0xFF21...0xFF3A: return unit - 0xFF21 + 0x61
        case 0xFF41...0xFF5A: return unit - 0xFF41 + 0x61
        case CharacterClass.fieldBreakUnit: return 0xFFFD
        default: return unit
        }
    }

    private static let foldTableLimit = 0x3000

    /// Lowercase forms below U+3000 that are a single BMP character, so folding keeps unit offsets.
    private static let foldTable: [UInt16] = (0..<foldTableLimit).map { value in
        guard (0x80..<0xD800).contains(value), let scalar = Unicode.Scalar(UInt32(value)) else {
            return UInt16(value)
        }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let only = lower.first, only.value < 0xD800 else { return UInt16(value) }
        return UInt16(only.value)
    }

    /// The normalised UTF-16 units of `text`.
    static func normalizedUnits(of text: String) -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity(text.utf8.count)
        forEachUTF16Unit(of: text) { units.append(fold($0)) }
        return units
    }

    /// How many UTF-16 units `text` has, counted from its UTF-8 without building breadcrumbs.
    static func utf16Count(of text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 {
                count += byte >= 0xF0 ? 2 : 1
            }
            return count
        }
    }

    /// Decodes the string's UTF-8 straight into UTF-16 units; Swift strings are valid UTF-8, so
    /// the decoder need not check.
    @inline(__always)
    static func forEachUTF16Unit(of text: String, _ body: (UInt16) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let lead = UInt32(bytes[index])
                if lead < 0x80 {
                    body(UInt16(lead))
                    index += 1
                } else if lead < 0xE0 {
                    body(UInt16((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)))
                    index += 2
                } else if lead < 0xF0 {
                    let value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                        | UInt32(bytes[index + 2] & 0x3F)
                    body(UInt16(value))
                    index += 3
                } else {
                    let value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                    let offset = value - 0x10000
                    body(UInt16(0xD800 + (offset >> 10)))
                    body(UInt16(0xDC00 + (offset & 0x3FF)))
                    index += 4
                }
            }
        }
    }
}
