import Foundation

/// What markdown the dump wrapped a line in. Dumps use `#`..`######` for headlines and `**` for
/// bold; the printed page has neither, so both are removed from every text the parser returns.
struct MarkdownLine: Equatable {
    /// 1...6 for `#` headings, nil otherwise.
    var headingLevel: Int?
    /// The whole line was bold (`**一、着力在“深化”上下功夫**`).
    var isFullyBold: Bool
    /// A bold run opening the line and followed by more text: `**一是…坚定。**通过…`.
    var boldLead: (lead: String, rest: String)?
    /// The line without markdown marks.
    var text: String

    static func == (a: MarkdownLine, b: MarkdownLine) -> Bool {
        a.headingLevel == b.headingLevel && a.isFullyBold == b.isFullyBold && a.text == b.text
            && a.boldLead?.lead == b.boldLead?.lead && a.boldLead?.rest == b.boldLead?.rest
    }

    init(_ raw: String) {
        var line = raw.trimmedSpaces
        var level: Int?
        if line.hasPrefix("#") {
            let hashes = line.prefix(while: { $0 == "#" }).count
            let after = line.dropFirst(hashes)
            if hashes <= 6, after.isEmpty || after.first == " " || after.first == "\u{3000}" {
                level = hashes
                line = String(after).trimmedSpaces
            }
        }
        headingLevel = level

        isFullyBold = false
        boldLead = nil
        if line.hasPrefix("**"), line.count > 4 {
            let inner = line.dropFirst(2)
            if let close = inner.range(of: "**") {
                let lead = String(inner[..<close.lowerBound]).trimmedSpaces
                let rest = stripBold(String(inner[close.upperBound...])).trimmedSpaces
                if rest.isEmpty {
                    isFullyBold = !lead.isEmpty
                } else if !lead.isEmpty {
                    boldLead = (lead, rest)
                }
            }
        }
        text = stripBold(line).trimmedSpaces
    }
}

/// Removes `**` and `__` bold marks wherever they stand.
func stripBold(_ text: String) -> String {
    guard text.contains("**") || text.contains("__") else { return text }
    return text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
}
