/// Character classes the page and analysis rules are written in. Pages mix CJK, full-width and ASCII forms of
/// the same punctuation, so every rule asks these questions instead of comparing literals.
extension Unicode.Scalar {
    /// Han ideographs (BMP blocks and the extension planes) plus kana, which some names use.
    public var isIdeograph: Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F, 0x3005, 0x3007:
            return true
        default:
            return false
        }
    }

    /// CJK and full-width punctuation, and the general punctuation Chinese text uses (“”‘’—…·).
    public var isWidePunctuation: Bool {
        switch value {
        case 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,
             0x2010...0x2027, 0x2030...0x205E, 0x00B7, 0x30FB, 0x2460...0x24FF, 0x25A0...0x25FF:
            return true
        default:
            return false
        }
    }

    /// Text that is typeset without spaces between its characters.
    public var isWide: Bool { isIdeograph || isWidePunctuation }

    public var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    public var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
    public var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }
    public var isASCIIPunctuation: Bool {
        switch value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    /// Spaces, including the ideographic space and no-break spaces OCR output is full of.
    public var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x3000, 0x2002...0x200B, 0x202F, 0x205F, 0xFEFF: return true
        default: return false
        }
    }

    /// Ends a sentence: 。！？!?… and a full stop. A paragraph ending in one of these is complete.
    public var isSentenceFinal: Bool {
        switch value {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2026, 0xFF0E, 0x2E: return true
        default: return false
        }
    }

    /// Closing quotes and brackets that may follow a sentence-final mark.
    public var isClosingMark: Bool {
        switch value {
        case 0x201D, 0x2019, 0x22, 0x27, 0x300D, 0x300F, 0x300B, 0x3009, 0x29, 0xFF09, 0x5D, 0xFF3D, 0x3011:
            return true
        default:
            return false
        }
    }

    /// Pause marks that show a clause is still going: ，、；, ; — a line ending with one is cut.
    public var isClausePause: Bool {
        switch value {
        case 0xFF0C, 0x3001, 0xFF1B, 0x2C, 0x3B: return true
        default: return false
        }
    }

    /// Colons: a paragraph ending with one introduces what follows rather than being cut.
    public var isColon: Bool { value == 0x3A || value == 0xFF1A }

    public var isOpeningParenthesis: Bool { value == 0x28 || value == 0xFF08 || value == 0x5B || value == 0xFF3B || value == 0x3010 }
    public var isClosingParenthesis: Bool { value == 0x29 || value == 0xFF09 || value == 0x5D || value == 0xFF3D || value == 0x3011 }

    /// ①…⑳ and similar: a series number printed after a series label.
    public var isCircledNumber: Bool { (0x2460...0x2473).contains(value) || (0x2776...0x277F).contains(value) }
}

extension StringProtocol {
    /// The text without leading and trailing spaces of any width.
    public var trimmedSpaces: String {
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, !first.isSpaceLike, !last.isSpaceLike {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !$0.isSpaceLike }),
              let last = scalars.lastIndex(where: { !$0.isSpaceLike })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Number of Unicode scalars: the length measure every threshold in `config/` uses.
    public var scalarCount: Int { unicodeScalars.count }

    /// `scalarCount <= limit`, answered from the UTF-8 length where that settles it (a scalar
    /// takes one to four bytes), so long body lines are rejected without walking them.
    public func hasAtMost(_ limit: Int) -> Bool {
        let bytes = utf8.count
        if bytes <= limit { return true }
        if bytes > limit * 4 { return false }
        return unicodeScalars.count <= limit
    }
}

extension String {
    public init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.init(view)
    }
}

extension String {
    /// True when `needle` occurs in the text: a plain byte search over UTF-8 (which finds exactly
    /// the scalar sequences), without Foundation's locale-aware `contains`, which costs
    /// microseconds a call and sits on the analysis hot path.
    public func containsText(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard !pattern.isEmpty else { return true }
                guard pattern.count <= text.count else { return false }
                let first = pattern[0]
                var index = 0
                let last = text.count - pattern.count
                while index <= last {
                    if text[index] == first {
                        var matched = 1
                        while matched < pattern.count, text[index + matched] == pattern[matched] { matched += 1 }
                        if matched == pattern.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
