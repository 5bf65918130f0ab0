import ChineseText

/// Dense 16-bit codes for the ideographs of a corpus, so n-grams of up to eight characters pack
/// into two machine words and hash fast.
struct CharacterCodes: Sendable {
    private var codes: [Unicode.Scalar: UInt16] = [:]
    private var scalars: [Unicode.Scalar] = ["\0"]

    /// The code of an ideograph, assigned on first sight; 0 is never assigned.
    mutating func code(_ scalar: Unicode.Scalar) -> UInt16 {
        if let known = codes[scalar] { return known }
        guard scalars.count < Int(UInt16.max) else { return UInt16.max }
        let code = UInt16(scalars.count)
        codes[scalar] = code
        scalars.append(scalar)
        return code
    }

    func existingCode(_ scalar: Unicode.Scalar) -> UInt16? { codes[scalar] }

    func scalar(_ code: UInt16) -> Unicode.Scalar { Int(code) < scalars.count ? scalars[Int(code)] : "\u{FFFD}" }

    func string(_ gram: Gram) -> String {
        String(scalars: (0..<gram.length).map { scalar(gram[$0]) })
    }

    /// The words (two to eight characters) whose characters all have codes, as grams.
    func grams(of words: Set<String>) -> Set<Gram> {
        var grams = Set<Gram>()
        for word in words {
            let scalars = Array(word.unicodeScalars)
            guard (2...8).contains(scalars.count) else { continue }
            let codes = scalars.compactMap(existingCode)
            if codes.count == scalars.count { grams.insert(Gram(codes)) }
        }
        return grams
    }
}

/// Up to eight character codes packed in two words; the unused high positions are zero, so grams
/// of different lengths never collide.
struct Gram: Hashable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var length: Int {
        var count = 0
        while count < 8, self[count] != 0 { count += 1 }
        return count
    }

    init() {}

    init<C: Collection>(_ codes: C) where C.Element == UInt16 {
        for (position, code) in codes.prefix(8).enumerated() { self[position] = code }
    }

    subscript(position: Int) -> UInt16 {
        get {
            position < 4 ? UInt16(truncatingIfNeeded: low >> (16 * UInt64(position)))
                : UInt16(truncatingIfNeeded: high >> (16 * UInt64(position - 4)))
        }
        set {
            if position < 4 {
                let shift = 16 * UInt64(position)
                low = (low & ~(0xFFFF << shift)) | (UInt64(newValue) << shift)
            } else {
                let shift = 16 * UInt64(position - 4)
                high = (high & ~(0xFFFF << shift)) | (UInt64(newValue) << shift)
            }
        }
    }

    /// The first `count` characters.
    func prefix(_ count: Int) -> Gram {
        var gram = Gram()
        for position in 0..<count { gram[position] = self[position] }
        return gram
    }

    /// The characters from `start` to the end.
    func dropFirst(_ start: Int, length: Int) -> Gram {
        var gram = Gram()
        for position in start..<length { gram[position - start] = self[position] }
        return gram
    }
}

/// A run of consecutive ideographs, as codes, and whether a number (digits or Latin letters) is
/// printed right before or after it (`45万人`).
struct NumberedIdeographRun {
    var codes: [UInt16]
    var afterNumber: Bool
    var beforeNumber: Bool
}

/// Runs of consecutive ideographs of a text with the numbers next to them. Every other character
/// ends a run: words never span punctuation, digits or Latin text.
func numberedIdeographRuns(_ text: String, codes: inout CharacterCodes) -> [NumberedIdeographRun] {
    var runs: [NumberedIdeographRun] = []
    var run: [UInt16] = []
    var afterNumber = false
    var previousIsNumber = false
    for scalar in text.unicodeScalars {
        if scalar.isIdeograph {
            if run.isEmpty { afterNumber = previousIsNumber }
            run.append(codes.code(scalar))
            previousIsNumber = false
        } else {
            let isNumber = scalar.isASCIIAlphanumeric
            if !run.isEmpty {
                runs.append(NumberedIdeographRun(codes: run, afterNumber: afterNumber, beforeNumber: isNumber))
                run = []
            }
            previousIsNumber = isNumber
        }
    }
    if !run.isEmpty { runs.append(NumberedIdeographRun(codes: run, afterNumber: afterNumber, beforeNumber: false)) }
    return runs
}
