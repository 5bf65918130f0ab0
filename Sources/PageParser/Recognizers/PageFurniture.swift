import ChineseText
/// Page furniture: lines that belong to the page, not to any article. Editor credits, submission
/// e-mails, page numbers, column and section names.
struct FurnitureRecognizer {
    let configuration: ParserConfiguration
    let names: PersonNames
    private let editorRoles: [[Unicode.Scalar]]

    init(configuration: ParserConfiguration, names: PersonNames) {
        self.configuration = configuration
        self.names = names
        editorRoles = configuration.editorRoles.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    }

    /// `▶28891459 责任编辑:叶新福 邹家虎 美术编辑:赵 强 校对:张 武` → the credits, or nil when the line
    /// is not an editor line (every role must be followed by a colon and names).
    /// Roles may also be followed by a space instead of a colon (`编辑 李明 校对 王芳`), but then the
    /// line must open with a role, so a sentence mentioning an editor is never furniture.
    func editorCredits(_ line: String) -> [EditorCredit]? {
        guard line.hasAtMost(120) else { return nil }
        let scalars = Array(line.unicodeScalars)
        var marks: [(start: Int, end: Int, role: String)] = []
        var index = 0
        var spaced = false
        while index < scalars.count {
            var matched = false
            let atWordStart = index == 0 || scalars[index - 1].isSpaceLike
            for role in editorRoles where index + role.count < scalars.count {
                guard scalars[index..<(index + role.count)].elementsEqual(role) else { continue }
                let next = scalars[index + role.count]
                if next.isColon || (atWordStart && next.isSpaceLike) {
                    if !next.isColon { spaced = true }
                    marks.append((index, index + role.count + 1, String(scalars: role)))
                    index += role.count + 1
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        guard let first = marks.first else { return nil }
        if spaced, first.start != 0 { return nil }
        var credits: [EditorCredit] = []
        for (position, mark) in marks.enumerated() {
            let end = position + 1 < marks.count ? marks[position + 1].start : scalars.count
            let run = String(scalars: scalars[mark.end..<end]).trimmedSpaces
            guard let people = names.names(in: run) else { return nil }
            credits += people.map { EditorCredit(role: mark.role, name: $0) }
        }
        return credits
    }

    /// E-mail addresses on a furniture line (`本版投稿邮箱: x@y.com …`); nil when the line is body text
    /// that merely mentions an address.
    func furnitureEmails(_ line: String) -> [String]? {
        guard line.utf8.contains(UInt8(ascii: "@")) else { return nil }
        let found = emailAddresses(in: line)
        guard !found.isEmpty else { return nil }
        let labelled = configuration.emailLabels.contains { line.contains($0) }
        guard labelled || line.scalarCount <= 60 else { return nil }
        return found
    }

    func isPageNumber(_ line: String) -> Bool {
        guard line.hasAtMost(12) else { return false }
        let scalars = Array(line.unicodeScalars)
        return configuration.pageNumberPatterns.contains { $0.matches(scalars) }
    }

    /// Column and section names that are furniture wherever they stand.
    func isColumnName(_ text: String) -> Bool {
        guard text.hasAtMost(configuration.maxHeadingLength) else { return false }
        let scalars = Array(text.unicodeScalars)
        guard !scalars.contains(where: { $0.isSentenceFinal || $0.isClausePause }) else { return false }
        if configuration.columnNamePatterns.contains(where: { $0.matches(scalars) }) { return true }
        if configuration.digestSectionNames.contains(text) { return true }
        // `智库·理论`, `综合·城区`: two short labels joined by a middle dot.
        let dots = scalars.filter { $0 == "·" || $0 == "・" || $0 == "•" }.count
        return dots == 1 && scalars.count <= configuration.maxDottedColumnLength
            && scalars.allSatisfy { $0.isIdeograph || $0 == "·" || $0 == "・" || $0 == "•" }
    }

    /// A place-name line such as `石峰区学林街道`, printed above a local news headline.
    func isLocalityLine(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard (2...14).contains(scalars.count), scalars.allSatisfy(\.isIdeograph) else { return false }
        return configuration.localitySuffixes.contains { text.hasSuffix($0) && text.count > $0.count }
    }

    /// `新区企业上新了②`: a series label ends with a circled number or `之N`.
    func isSeries(_ text: String) -> Bool {
        guard text.hasAtMost(configuration.maxSeriesLength) else { return false }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2, scalars.count <= configuration.maxSeriesLength,
              let last = scalars.last else { return false }
        if last.isCircledNumber { return scalars.dropLast().allSatisfy { $0.isIdeograph || $0.isWidePunctuation || $0.isASCIIAlphanumeric } }
        return configuration.seriesPatterns.contains { $0.matches(scalars) }
    }

    func newspaperName(in text: String) -> String? {
        let candidate = text.trimmedSpaces
        guard candidate.scalarCount <= 12, candidate.unicodeScalars.allSatisfy(\.isIdeograph),
              !candidate.hasPrefix("本报"),
              configuration.newspaperSuffixes.contains(where: { candidate.hasSuffix($0) && candidate.count > $0.count })
        else { return nil }
        return candidate
    }
}

/// Every e-mail address in the text, by the shape `local@domain.tld`.
func emailAddresses(in text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    func isLocal(_ s: Unicode.Scalar) -> Bool { s.isASCIIAlphanumeric || "._%+-".unicodeScalars.contains(s) }
    func isDomain(_ s: Unicode.Scalar) -> Bool { s.isASCIIAlphanumeric || ".-".unicodeScalars.contains(s) }
    var found: [String] = []
    for (at, scalar) in scalars.enumerated() where scalar == "@" {
        var start = at
        while start > 0, isLocal(scalars[start - 1]) { start -= 1 }
        var end = at + 1
        while end < scalars.count, isDomain(scalars[end]) { end += 1 }
        while end > at + 1, scalars[end - 1] == "." || scalars[end - 1] == "-" { end -= 1 }
        let domain = String(scalars: scalars[(at + 1)..<end])
        guard start < at, domain.contains("."), !domain.hasPrefix(".") else { continue }
        found.append(String(scalars: scalars[start..<end]))
    }
    return found
}
