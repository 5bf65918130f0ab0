/// One ANDed part of a query, in normalised UTF-16 units.
enum QueryClause: Sendable, Hashable {
    /// An unquoted ideograph run: one character matches its unigram, longer runs all their
    /// bigrams, with a bonus where the run is contiguous.
    case ideographs([UInt16])
    /// An unquoted word token (`ipv6`, `12345`, `5g`), matched as a whole token.
    case word([UInt16])
    /// A quoted phrase of two or more runs or of one ideograph run of three or more characters,
    /// or word tokens joined by punctuation (`3.5`): it must occur contiguously.
    case phrase([QueryRun])

    /// A run of one class inside a phrase.
    struct QueryRun: Sendable, Hashable {
        var units: [UInt16]
        var isWord: Bool
    }

    /// The runs of `units`: maximal stretches of ideographs or of word characters.
    static func runs<C: Collection>(in units: C) -> [QueryRun] where C.Element == UInt16, C.Index == Int {
        var runs: [QueryRun] = []
        let array = Array(units)
        array.withUnsafeBufferPointer { buffer in
            var index = 0
            var current: QueryRun?
            while index < buffer.count {
                let (scalar, width) = TermScanner.decodeScalar(buffer, at: index)
                let characterClass = CharacterClass.of(scalar)
                let isWord = characterClass == .word
                if characterClass == .ideograph || isWord {
                    if current?.isWord != isWord {
                        if let finished = current { runs.append(finished) }
                        current = QueryRun(units: [], isWord: isWord)
                    }
                    current?.units.append(contentsOf: buffer[index..<(index + width)])
                } else if let finished = current {
                    runs.append(finished)
                    current = nil
                }
                index += width
            }
            if let finished = current { runs.append(finished) }
        }
        return runs
    }

    /// The clause a quoted phrase amounts to: a phrase that cannot match non-contiguously (one
    /// token, one or two ideographs) is the plain clause, so it costs no verification.
    static func quoted(_ runs: [QueryRun]) -> QueryClause? {
        guard let first = runs.first else { return nil }
        if runs.count == 1 {
            if first.isWord { return .word(first.units) }
            if scalarCount(first.units) <= 2 { return .ideographs(first.units) }
        }
        return .phrase(runs)
    }

    static func scalarCount(_ units: [UInt16]) -> Int {
        units.reduce(0) { $0 + ($1 & 0xFC00 == 0xDC00 ? 0 : 1) }
    }

    /// The scalars of an ideograph run.
    static func scalars(_ units: [UInt16]) -> [UInt32] {
        var scalars: [UInt32] = []
        units.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let (scalar, width) = TermScanner.decodeScalar(buffer, at: index)
                scalars.append(scalar)
                index += width
            }
        }
        return scalars
    }

    /// The units of each character (scalar) of `units`.
    static func characterUnits(_ units: [UInt16]) -> [[UInt16]] {
        var characters: [[UInt16]] = []
        units.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let width = TermScanner.decodeScalar(buffer, at: index).1
                characters.append(Array(buffer[index..<(index + width)]))
                index += width
            }
        }
        return characters
    }

    /// The clause as the user would write it.
    var text: String {
        switch self {
        case .ideographs(let units), .word(let units):
            return String(decoding: units, as: UTF16.self)
        case .phrase(let runs):
            return runs.map { String(decoding: $0.units, as: UTF16.self) }.joined(separator: " ")
        }
    }
}
