import ChineseText
/// Recognises Chinese personal names without a dictionary of people: a name is two to four
/// ideographs opening with a known surname (or a compound one), or a transliterated name joined
/// with a middle dot (`阿不都·热合曼`).
struct PersonNames {
    let surnames: Set<String>

    func isName(_ token: String) -> Bool {
        let scalars = Array(token.unicodeScalars)
        if scalars.contains(where: { $0 == "·" || $0 == "•" || $0 == "・" }) {
            let parts = token.split(whereSeparator: { $0 == "·" || $0 == "•" || $0 == "・" })
            return parts.count >= 2 && scalars.count <= 16
                && parts.allSatisfy { $0.unicodeScalars.allSatisfy(\.isIdeograph) && !$0.isEmpty }
        }
        guard (2...4).contains(scalars.count), scalars.allSatisfy(\.isIdeograph) else { return false }
        if surnames.contains(String(scalars[0])) { return true }
        return scalars.count >= 3 && surnames.contains(String(scalars: scalars[0..<2]))
    }

    /// Splits a run of names (`刘玲 吴迪`, `叶新福 邹家虎`, `赵 强`) into names, or nil if any piece
    /// is not a name. Single characters are paired up, because two-character names are often
    /// typeset with a space in the middle to fill the width of three.
    func names(in text: String) -> [String]? {
        let tokens = text.split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.isSpaceLike) || "、,，;；".contains($0) })
            .map(String.init)
        guard !tokens.isEmpty else { return nil }
        var result: [String] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.unicodeScalars.count == 1 {
                guard index + 1 < tokens.count, tokens[index + 1].unicodeScalars.count == 1 else { return nil }
                let joined = token + tokens[index + 1]
                guard isName(joined) else { return nil }
                result.append(joined)
                index += 2
                continue
            }
            guard isName(token) else { return nil }
            result.append(token)
            index += 1
        }
        return result
    }
}

/// An author line under a headline: `张作林`, `肖钊 彭鑫`, `文/李四`.
func authorLineNames(_ line: String, configuration: ParserConfiguration, names: PersonNames) -> [String]? {
    guard line.hasAtMost(configuration.maxAuthorLineLength) else { return nil }
    var text = line.trimmedSpaces
    for prefix in configuration.authorLinePrefixes where text.hasPrefix(prefix) {
        text = String(text.dropFirst(prefix.count)).trimmedSpaces
        break
    }
    guard let found = names.names(in: text), found.count <= configuration.maxAuthorNames else { return nil }
    return found
}
