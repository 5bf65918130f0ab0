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
        let scalars = Array(text.unicodeScalars)
        // Memoised backtracking: patterns are a handful of tokens and lines are short, but the memo
        // keeps the worst case at tokens × characters.
        var memo = [Int: Bool]()
        func match(_ t: Int, _ s: Int) -> Bool {
            let key = t &* (scalars.count &+ 1) &+ s
            if let known = memo[key] { return known }
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
            memo[key] = result
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
