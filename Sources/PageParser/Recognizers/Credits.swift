import ChineseText
import Foundation

/// Closing credits: `(作者系中共宁乡市委书记)`, `(作者单位:株洲市委党校)`, `[作者系…(…)…]`,
/// reprint sources `(载《经济日报》)`, and digest credits `——李正兴(摘编自《人民日报》)`.
struct ClosingCredit: Equatable {
    /// The affiliation text as printed, without parentheses.
    var affiliation: String?
    /// The source text as printed, without parentheses.
    var source: String?
    /// Names a digest credit gives after its dash.
    var authors: [String] = []
    /// The paragraph text before the credit (empty when the credit stood on its own line).
    var remainder: String
}

struct CreditRecognizer {
    let configuration: ParserConfiguration
    let names: PersonNames
    /// Longest first, so `作者单位系` wins over `作者单位`.
    private let affiliationPrefixes: [String]
    private let sourcePrefixes: [String]
    private let positionTitles: [String]

    init(configuration: ParserConfiguration, names: PersonNames) {
        self.configuration = configuration
        self.names = names
        affiliationPrefixes = configuration.affiliationPrefixes.sorted { $0.count > $1.count }
        sourcePrefixes = configuration.sourcePrefixes.sorted { $0.count > $1.count }
        positionTitles = configuration.positionTitles.sorted { $0.count > $1.count }
    }

    func isAffiliation(_ text: String) -> Bool { affiliationPrefixes.contains { text.hasPrefix($0) } }
    /// `载《经济日报》`, `来源：新华社`, and contributed pieces, `三市镇供稿`.
    func isSource(_ text: String) -> Bool {
        sourcePrefixes.contains { text.hasPrefix($0) }
            || (text.hasAtMost(30) && configuration.sourceSuffixes.contains { text.hasSuffix($0) && text.count > $0.count })
    }

    /// A credit closing the given text (a whole line or a paragraph's end), if there is one.
    func trailingCredit(in text: String) -> ClosingCredit? {
        // Cheap rejection first: almost every paragraph ends with a full stop.
        guard let lastScalar = text.unicodeScalars.reversed().first(where: { !$0.isSpaceLike && $0 != "。" && $0 != "." }),
              lastScalar.isClosingParenthesis else { return nil }
        let scalars = Array(text.unicodeScalars)
        var end = scalars.count
        while end > 0, scalars[end - 1].isSpaceLike { end -= 1 }
        // A final full stop after the parenthesis is sometimes printed: `…(作者系…)。`
        if end > 0, scalars[end - 1] == "。" || scalars[end - 1] == "." { end -= 1 }
        guard end > 0, scalars[end - 1].isClosingParenthesis else { return nil }
        // Walk back to the matching opening bracket; credits nest parentheses inside brackets.
        var depth = 0
        var open: Int?
        var index = end - 1
        while index >= 0 {
            if scalars[index].isClosingParenthesis { depth += 1 }
            if scalars[index].isOpeningParenthesis {
                depth -= 1
                if depth == 0 { open = index; break }
            }
            index -= 1
        }
        guard let open else { return nil }
        let inner = String(scalars: scalars[(open + 1)..<(end - 1)]).trimmedSpaces
        var before = String(scalars: scalars[..<open]).trimmedSpaces

        var credit = ClosingCredit(affiliation: nil, source: nil, remainder: before)
        if isAffiliation(inner) {
            credit.affiliation = inner
        } else if isSource(inner) {
            credit.source = inner
        } else {
            return nil
        }
        // `——李正兴(摘编自…)`: the names after the last dash are the digest's authors.
        let beforeScalars = Array(before.unicodeScalars)
        if let dash = beforeScalars.indices.last(where: { $0 > 0 && beforeScalars[$0 - 1] == "—" && beforeScalars[$0] == "—" }) {
            let candidate = String(scalars: beforeScalars[(dash + 1)...]).trimmedSpaces
            if let found = names.names(in: candidate), !found.isEmpty, found.count <= configuration.maxAuthorNames {
                credit.authors = found
                before = String(scalars: beforeScalars[..<(dash - 1)]).trimmedSpaces
                credit.remainder = before
            }
        }
        return credit
    }

    /// Splits an affiliation into organisations and positions: `长沙市人民政府行政审批服务局党组书记、局长`
    /// → organisations [长沙市人民政府行政审批服务局], positions [党组书记, 局长].
    func parse(affiliation: String) -> Credit {
        var body = affiliation
        if let prefix = affiliationPrefixes.first(where: { body.hasPrefix($0) }) {
            body = String(body.dropFirst(prefix.count))
        }
        body = body.trimmedSpaces
        while let first = body.unicodeScalars.first, first.isColon || first == "系" || first == "为" {
            body = String(body.unicodeScalars.dropFirst()).trimmedSpaces
        }
        let positions = positionTitles
        var credit = Credit()
        // Segments split at enumeration commas and commas; a clause like `本文为…项目` is a note.
        let segments = splitOutsideParentheses(body, separators: "、,，;；")
        for rawSegment in segments {
            let segment = rawSegment.trimmedSpaces
            guard !segment.isEmpty, !configuration.creditNotePrefixes.contains(where: segment.hasPrefix) else { continue }
            if let title = positions.first(where: { segment.hasSuffix($0) }) {
                let organisation = String(segment.dropLast(title.count)).trimmedSpaces
                if !organisation.isEmpty, !credit.organisations.contains(organisation) {
                    credit.organisations.append(organisation)
                }
                if !credit.positions.contains(title) { credit.positions.append(title) }
            } else if !credit.organisations.contains(segment) {
                credit.organisations.append(segment)
            }
        }
        return credit
    }
}

/// Splits at any of the separators, except inside parentheses or brackets
/// (`湖南省社会科学院(省人民政府发展研究中心)经济研究所` stays one segment).
func splitOutsideParentheses(_ text: String, separators: String) -> [String] {
    let separatorSet = Set(separators.unicodeScalars)
    var segments: [String] = []
    var current = String.UnicodeScalarView()
    var depth = 0
    for scalar in text.unicodeScalars {
        if scalar.isOpeningParenthesis || scalar == "《" { depth += 1 }
        if scalar.isClosingParenthesis || scalar == "》" { depth = max(0, depth - 1) }
        if depth == 0, separatorSet.contains(scalar) {
            segments.append(String(current))
            current = String.UnicodeScalarView()
        } else {
            current.append(scalar)
        }
    }
    segments.append(String(current))
    return segments
}
