import ChineseText
/// Page furniture: lines that belong to the page, not to any article. Editor credits, submission
/// e-mails, page numbers, column and section names.
struct FurnitureRecognizer {
    let configuration: ParserConfiguration
    let names: PersonNames
    /// Printed role labels, longest first, so `责任编辑` wins over `编辑`.
    private let editorRoles: [(label: [Unicode.Scalar], role: EditorRole)]
    private let legalNoticeMarkers: [[UInt8]]

    init(configuration: ParserConfiguration, names: PersonNames) {
        self.configuration = configuration
        self.names = names
        editorRoles = configuration.editorRoles.map { (Array($0.key.unicodeScalars), $0.value) }
            .sorted { $0.label.count != $1.label.count ? $0.label.count > $1.label.count : String(scalars: $0.label) < String(scalars: $1.label) }
        legalNoticeMarkers = configuration.legalNoticeMarkers.map { Array($0.utf8) }
    }

    /// `▶28891459 责任编辑:叶新福 邹家虎 美术编辑:赵 强 校对:张 武` → the credits, or nil when the line
    /// is not an editor line (every role must be followed by a colon and names).
    /// A slash may stand for the colon (`责编/陈晨`). Roles may also be followed by a space
    /// (`编辑 李明 校对 王芳`), but then the line must open with a role, so a sentence mentioning an
    /// editor is never furniture. The whole line may be in parentheses (`（责编：赵欣、孙浩）`).
    func editorCredits(_ line: String) -> [EditorCredit]? {
        editorLine(line)?.credits
    }

    /// The credits, and what the line prints before the first role (`2024年3月12日 第3版` when the
    /// folio and the editors share a line).
    func editorLine(_ line: String) -> (credits: [EditorCredit], prefix: String)? {
        guard line.hasAtMost(120) else { return nil }
        var scalars = Array(line.unicodeScalars)
        if let first = scalars.first, let last = scalars.last, first.isOpeningParenthesis, last.isClosingParenthesis {
            scalars = Array(scalars.dropFirst().dropLast())
        }
        var marks: [(start: Int, end: Int, label: String, role: EditorRole)] = []
        var index = 0
        var spaced = false
        while index < scalars.count {
            var matched = false
            let atWordStart = index == 0 || scalars[index - 1].isSpaceLike
            for (label, role) in editorRoles where index + label.count < scalars.count && scalars.hasWord(label, at: index) {
                let next = scalars[index + label.count]
                let explicit = next.isColon || next == "/" || next == "／"
                if explicit || (atWordStart && next.isSpaceLike) {
                    if !explicit { spaced = true }
                    marks.append((index, index + label.count + 1, String(scalars: label), role))
                    index += label.count + 1
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
            credits += people.map { EditorCredit(role: mark.label, name: $0, normalizedRole: mark.role) }
        }
        return (credits, String(scalars: scalars[..<first.start]).trimmedSpaces)
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
        return configuration.pageNumberPatterns.contains { $0.matches(scalars) } || isBarePageNumber(line)
    }

    /// `04`: a number alone, as the folio prints the page number.
    func isBarePageNumber(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        return !scalars.isEmpty && scalars.count <= configuration.barePageNumberMaxDigits && scalars.allSatisfy(\.isASCIIDigit)
    }

    /// `人民网版权所有，未经书面授权禁止使用`, `Copyright © 1997-2023 …`: a legal notice of the site or paper.
    func isLegalNotice(_ line: String) -> Bool {
        line.hasAtMost(120) && legalNoticeMarkers.contains { containsBytes(line, $0) }
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

    /// The paper that opens a byline's organisation: `湖南日报10月10日讯` → `湖南日报`.
    func newspaperName(openingOrganisation text: String) -> String? {
        if let whole = newspaperName(in: text) { return whole }
        let scalars = Array(text.trimmedSpaces.unicodeScalars)
        let ideographs = scalars.prefix(while: \.isIdeograph)
        for end in stride(from: ideographs.count, to: 1, by: -1) {
            if let name = newspaperName(in: String(scalars: ideographs[..<end])) { return name }
        }
        return nil
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

/// Whether the text's UTF-8 holds these bytes: a substring test without Foundation's string search,
/// which costs far more on every line of a page.
func containsBytes(_ text: String, _ needle: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    var text = text
    return text.withUTF8 { bytes in
        guard bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return true }
            index += 1
        }
        return false
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
