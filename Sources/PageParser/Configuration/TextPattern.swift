import ChineseText
/// A small glob for the page-furniture rules in `config/parser.json`, so rules stay data.
///
/// `*` matches any run of characters (including none); `#` matches a run of one or more digits,
/// ASCII or Chinese numerals (`第#版` matches `第3版` and `第十二版`). Everything else matches itself.
/// Matching is over the whole text.
public struct TextPattern: Sendable, Hashable, CustomStringConvertible {
    private enum Token: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case anything
        case number
    }

    private let tokens: [Token]
    public let description: String

    public init(_ pattern: String) {
        description = pattern
        tokens = pattern.unicodeScalars.map { scalar in
            switch scalar {
            case "*": return .anything
            case "#": return .number
            default: return .literal(scalar)
            }
        }
    }

    public func matches(_ text: String) -> Bool {
        matches(Array(text.unicodeScalars))
    }

    public func matches(_ scalars: [Unicode.Scalar]) -> Bool {
        // A literal last token must match the last character: most patterns fail here at once.
        if case .literal(let last) = tokens.last, scalars.last != last { return false }
        // Memoised backtracking over a flat table: 0 unknown, 1 no, 2 yes.
        let width = scalars.count + 1
        var memo = [UInt8](repeating: 0, count: (tokens.count + 1) * width)
        func match(_ t: Int, _ s: Int) -> Bool {
            let key = t * width + s
            if memo[key] != 0 { return memo[key] == 2 }
            let result: Bool
            if t == tokens.count {
                result = s == scalars.count
            } else {
                switch tokens[t] {
                case .literal(let expected):
                    result = s < scalars.count && scalars[s] == expected && match(t + 1, s + 1)
                case .anything:
                    result = (s...scalars.count).contains { match(t + 1, $0) }
                case .number:
                    var end = s
                    var found = false
                    while end < scalars.count, scalars[end].isNumeral {
                        end += 1
                        if match(t + 1, end) { found = true; break }
                    }
                    result = found
                }
            }
            memo[key] = result ? 2 : 1
            return result
        }
        return match(0, 0)
    }
}

extension Unicode.Scalar {
    /// ASCII digits and the Chinese numerals page numbers and series use.
    var isNumeral: Bool {
        isASCIIDigit || "〇零一二三四五六七八九十百".unicodeScalars.contains(self)
    }
}
